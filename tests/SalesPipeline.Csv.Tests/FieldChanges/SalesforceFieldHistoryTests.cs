using System.Globalization;
using System.IO;
using NodaTime;
using SalesPipeline.Csv.Tests.Support;
using SalesPipeline.Deals;
using SalesPipeline.Health;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Csv.Tests.FieldChanges;

// The hand-written Salesforce sample (Samples/SalesforceFieldHistory: an opportunity report and an Opportunity Field
// History report, en-US, times in America/New_York) read with SalesforceFieldHistory's maps. Every instant below is
// worked out by hand: July and August 2026 are daylight-saving time in New York (UTC-4), so 7/1/2026 9:00 AM is 13:00Z.
public class SalesforceFieldHistoryTests
{
    private static readonly Instant AsOf = Instant.FromUtc(2026, 9, 1, 0, 0);

    // The host runs with invariant globalization (no ICU data), so en-US is set by hand with CLDR's en values: date M/d/y,
    // time h:mm a with the narrow no-break space CLDR 42 puts before AM/PM (as .NET's ICU data gives it), decimal point,
    // comma thousands separator.
    private static readonly CultureInfo EnUs = UsCulture();

    private static CultureInfo UsCulture()
    {
        var us = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        us.DateTimeFormat.ShortDatePattern = "M/d/yyyy";
        us.DateTimeFormat.ShortTimePattern = "h:mm\u202Ftt";
        us.DateTimeFormat.LongTimePattern = "h:mm:ss\u202Ftt";
        us.DateTimeFormat.AMDesignator = "AM";
        us.DateTimeFormat.PMDesignator = "PM";
        us.NumberFormat.NumberDecimalSeparator = ".";
        us.NumberFormat.NumberGroupSeparator = ",";
        return us;
    }

    private static readonly CsvReadOptions Options = new()
    {
        Culture = EnUs,
        Zone = DateTimeZoneProviders.Tzdb["America/New_York"],
        Columns = new Dictionary<string, string>(SalesforceFieldHistory.Columns)
        {
            // The opportunity report's headers (the deals file).
            ["name"] = "Opportunity Name",
            ["owner"] = "Opportunity Owner",
            ["currency"] = "Amount Currency",
            ["amount"] = "Amount",
            ["stage"] = "Stage",
            ["created_at"] = "Created Date",
            ["expected_close"] = "Close Date",
        },
        Fields = SalesforceFieldHistory.Fields,
        Stages = new Dictionary<string, string>
        {
            ["Prospecting"] = "prospecting",
            ["Qualification"] = "qualified",
            ["Proposal/Price Quote"] = "proposal",
            ["Negotiation/Review"] = "negotiation",
        },
        Owners = new Dictionary<string, string> { ["Alice Park"] = "alice", ["Bob Stone"] = "bob" },
    };

    private static readonly DealId E = new("0065g00000AbCdE");
    private static readonly DealId F = new("0065g00000AbCdF");

    private static Instant Utc(int month, int day, int hour, int minute = 0) => Instant.FromUtc(2026, month, day, hour, minute);

    private static Money Usd(decimal amount) => Money.Of(amount, Currency.USD);

    // The folder of the samples, found from the test assembly's folder upwards (bin/<configuration>/<tfm>/...).
    private static string SampleFile(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "Samples", "SalesforceFieldHistory", name);
            if (File.Exists(path))
            {
                return path;
            }
        }
        throw new FileNotFoundException($"Sample {name} not found above {AppContext.BaseDirectory}.");
    }

    private static CsvImportResult Read() =>
        DealCsv.ReadFiles(PipelineDefinition.Default, SampleFile("opportunities.csv"), SampleFile("field-history.csv"), AsOf, Options);

    [Fact]
    public void Every_row_is_accepted_and_the_untracked_fields_are_counted()
    {
        var result = Read();

        Assert.True(result.IsComplete, result.ToString());
        Sample.Counts(result, (3, 3, 0), (12, 12, 0));
        Assert.Equal(new Dictionary<string, long> { ["Next Step"] = 2, ["Probability (%)"] = 1 }, result.IgnoredFields);
        Assert.Equal(
            "deals: read 3, accepted 3, rejected 0; history: read 12, accepted 12, rejected 0; ignored fields: Next Step 2, Probability (%) 1",
            result.ToString()
        );
    }

    [Fact]
    public void A_deal_with_its_creation_amount_close_date_stage_and_owner_changes()
    {
        var deal = Read().Deals[0];

        // Created. (7/1 9:00 AM) in the stage its first Stage change leaves, Prospecting, with the values before the first
        // change of each field: USD 10,000, 8/31/2026, Alice Park (alice).
        Assert.Equal(
            [
                new DealImported(
                    E,
                    Utc(7, 1, 13),
                    "Alice Park",
                    "Default",
                    "Acme: 500 seats",
                    "alice",
                    Usd(10_000m),
                    new LocalDate(2026, 8, 31),
                    "prospecting",
                    DealStatus.Open,
                    Utc(7, 1, 13),
                    StageEntryKnown: true
                ),
                new AmountChanged(E, Utc(7, 8, 14), "Alice Park", Usd(12_000m)), // 7/8 10:00 AM
                new ExpectedCloseChanged(E, Utc(7, 15, 20, 45), "Alice Park", new LocalDate(2026, 9, 15)), // 7/15 4:45 PM
                new StageMoved(E, Utc(7, 22, 13, 30), "Alice Park", "prospecting", "proposal", MoveDirection.Forward, 1), // 7/22 9:30 AM
                new OwnerReassigned(E, Utc(8, 3, 12), "Dana Lee", "bob"), // 8/3 8:00 AM; the editor is not an owner: not mapped
                // 8/10 1:00 PM: one save changed both; the amount comes first (its row is later in the file).
                new AmountChanged(E, Utc(8, 10, 17), "Bob Stone", Usd(15_000m)),
                new ExpectedCloseChanged(E, Utc(8, 10, 17), "Bob Stone", new LocalDate(2026, 9, 30)),
            ],
            deal.History
        );
    }

    [Fact]
    public void A_deal_with_a_stage_change_only_and_one_with_no_history()
    {
        var deals = Read().Deals;

        // Created. 7/6 2:30 PM (18:30Z) in Qualification (the Stage change's old value), moved 7/28 11:00 AM (15:00Z) to
        // Negotiation/Review, skipping Proposal.
        Assert.Equal(
            [
                new DealImported(
                    F,
                    Utc(7, 6, 18, 30),
                    "Alice Park",
                    "Default",
                    "Globex renewal",
                    "alice",
                    Usd(8_000m),
                    new LocalDate(2026, 8, 31),
                    "qualified",
                    DealStatus.Open,
                    Utc(7, 6, 18, 30),
                    StageEntryKnown: true
                ),
                new StageMoved(F, Utc(7, 28, 15), "Alice Park", "qualified", "negotiation", MoveDirection.Forward, 1),
            ],
            deals[1].History
        );
        // No history rows: observed in Qualification at asOf only; created 7/20 11:15 AM = 15:15Z.
        var g = Assert.IsType<DealImported>(Assert.Single(deals[2].History));
        Assert.Equal((AsOf, "qualified", false, Utc(7, 20, 15, 15)), (g.At, g.StageId, g.StageEntryKnown, g.CreatedAt));
    }

    [Fact]
    public void The_close_date_pushed_twice_is_flagged_by_pipeline_health()
    {
        // 8/31 -> 9/15 and 9/15 -> 9/30 are two pushes, above the default limit of 1; Globex's and Initech's dates never moved.
        var report = PipelineHealth.Inspect(Read().Deals, PipelineDefinition.Default, AsOf);

        var pushed = Assert.Single(report.FindingsOf(FindingKind.CloseDatePushed));
        Assert.Equal((E, 2m), (pushed.Deal, pushed.Measured));
    }

    [Fact]
    public void Culture_date_times_take_a_narrow_no_break_space_before_am_pm_and_say_when_the_hour_does_not_exist()
    {
        const string header = "deal_id,owner,amount,currency,stage,created_at,expected_close\n";
        var options = new CsvReadOptions { Culture = EnUs, Zone = DateTimeZoneProviders.Tzdb["America/New_York"] };

        var good = Sample.Read(header + "D1,alice,1,USD,proposal,7/1/2025 9:00\u202FAM,9/30/2025\n", options: options);
        var seconds = Sample.Read(header + "D1,alice,1,USD,proposal,7/1/2025 9:00:30 AM,9/30/2025\n", options: options);
        var bad = Sample.Read(header + "D1,alice,1,USD,proposal,7/1/2025 13:00 PM,9/30/2025\n", options: options);

        Assert.Equal(Instant.FromUtc(2025, 7, 1, 13, 0), Assert.Single(good.Deals).CreatedAt); // EDT, UTC-4
        Assert.Equal(Instant.FromUtc(2025, 7, 1, 13, 0, 30), Assert.Single(seconds.Deals).CreatedAt);
        Assert.Equal(
            new CsvRowError(
                "deals",
                2,
                "created_at",
                "7/1/2025 13:00 PM",
                // 13 with PM: the hour does not exist, which is said rather than the whole pattern.
                "The date or time does not exist: months 1-12, the month's days, hours 0-23 (1-12 with AM/PM), minutes and seconds 0-59."
            ),
            Assert.Single(bad.Errors)
        );
    }
}
