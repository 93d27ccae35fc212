using NodaTime;
using SalesPipeline.Activities;
using SalesPipeline.Csv.Tests.Support;

namespace SalesPipeline.Csv.Tests.Kinds;

public class ActivityCsvTests
{
    private const string Header = "activity_id,kind,at,owner,deal_id,lead_id,outcome";
    private const string Good = "G1,call,2025-03-01T00:00:00Z,alice,D-1,,";

    private static CsvReadResult<Activity> Read(string text, CsvReadOptions? options = null) =>
        ActivityCsv.Read(CanonicalWriter.Utf8(text), options);

    private static CsvRowError OnlyError(string bad, CsvReadOptions? options = null)
    {
        var result = Read($"{Header}\n{Good}\n{bad}\n{Good.Replace("G1", "G2", StringComparison.Ordinal)}\n", options);
        Assert.Equal(new CsvRowCounts(3, 2, 1), result.Rows);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void The_sample_reads_as_worked_out_by_hand()
    {
        var result = ActivityCsv.ReadFile(SampleFiles.PathOf("Canonical/activities.csv"));

        Assert.Equal("activities: read 5, accepted 5, rejected 0", result.ToString());
        Assert.Equal(
            [
                Activity.ForLead(
                    ActivityKind.Call,
                    Instant.FromUtc(2025, 3, 4, 12, 15),
                    "bob",
                    new LeadId("L-2"),
                    ActivityOutcome.Connected
                ),
                // "Email" ignoring case; 09:30+01:00 is 08:30Z; no outcome.
                Activity.ForLead(ActivityKind.Email, Instant.FromUtc(2025, 3, 5, 8, 30), "alice", new LeadId("L-3")),
                // "2025-03-12 14:00" has no offset: UTC.
                Activity.ForDeal(
                    ActivityKind.Demo,
                    Instant.FromUtc(2025, 3, 12, 14, 0),
                    "alice",
                    new DealId("D-7"),
                    ActivityOutcome.Completed
                ),
                Activity.ForDeal(
                    ActivityKind.Meeting,
                    Instant.FromUtc(2025, 3, 14, 10, 0),
                    "alice",
                    new DealId("D-7"),
                    ActivityOutcome.NoShow
                ),
                Activity.ForDeal(ActivityKind.Other, Instant.FromUtc(2025, 3, 15, 8, 0), "carol", new DealId("D-9")),
            ],
            result.Items
        );
        Assert.Equal(2, ActivityIndex.Create(result.Items).ForDeal(new DealId("D-7")).Count);
    }

    [Theory]
    [InlineData(
        "G1,email,2025-03-02T00:00:00Z,bob,D-2,,",
        "activity_id",
        "G1",
        "Activity ids are unique; activities line 2 has the same id."
    )]
    [InlineData("B,visit,2025-03-02T00:00:00Z,bob,D-2,,", "kind", "visit", "The kind is call, email, meeting, demo or other.")]
    [InlineData("B,,2025-03-02T00:00:00Z,bob,D-2,,", "kind", "", "Every activity has a kind.")]
    [InlineData("B,call,,bob,D-2,,", "at", "", "Every activity has the instant it happened.")]
    [InlineData("B,call,2025-03-02T00:00:00Z, ,D-2,,", "owner", " ", "Every activity has an owner: the rep who did it.")]
    [InlineData(
        "B,call,2025-03-02T00:00:00Z,bob,,,",
        "deal_id",
        "",
        "An activity is about a deal (deal_id) or a lead (lead_id); this row names neither."
    )]
    [InlineData("B,call,2025-03-02T00:00:00Z,bob,D-2,L-2,", "lead_id", "L-2", "An activity is about one deal or one lead, not both.")]
    public void Each_rule_is_reported_on_its_cell(string bad, string column, string value, string reason)
    {
        Assert.Equal(new CsvRowError("activities", 3, column, value, reason), OnlyError(bad));
    }

    [Fact]
    public void Rows_without_an_id_are_never_duplicates()
    {
        var result = Read($"{Header}\n,call,2025-03-01T00:00:00Z,alice,D-1,,\n,call,2025-03-01T00:00:00Z,alice,D-1,,\n");

        Assert.Equal(new CsvRowCounts(2, 2, 0), result.Rows);
    }

    [Fact]
    public void An_owner_not_in_the_owners_map_is_reported()
    {
        var options = new CsvReadOptions { Owners = new Dictionary<string, string> { ["alice"] = "u-1" } };

        Assert.Equal(
            new CsvRowError("activities", 3, "owner", "bob", "The owner is not in CsvReadOptions.Owners."),
            OnlyError("B,call,2025-03-02T00:00:00Z,bob,D-2,,", options)
        );
        Assert.Equal("u-1", Read($"{Header}\n{Good}\n", options).Items[0].Rep);
    }

    [Fact]
    public void A_zone_places_times_written_without_an_offset()
    {
        var options = new CsvReadOptions { Zone = DateTimeZoneProviders.Tzdb["Europe/Berlin"], Delimiter = ';' };
        var result = Read("kind;at;owner;deal_id\ncall;2025-03-01 10:00;alice;D-1\ncall;2025-03-30 02:30;alice;D-1\n", options);

        // 10:00 in Berlin in winter is 09:00Z; 02:30 on 30 March 2025 does not exist there (the clocks skip from 02:00 to 03:00).
        Assert.Equal(Instant.FromUtc(2025, 3, 1, 9, 0), Assert.Single(result.Items).At);
        Assert.Equal(
            new CsvRowError(
                "activities",
                3,
                "at",
                "2025-03-30 02:30",
                "This local time does not exist in Europe/Berlin: the clocks skip it (a daylight-saving change). Write it with an offset."
            ),
            Assert.Single(result.Errors)
        );
    }

    [Fact]
    public void Null_arguments_are_refused()
    {
        Assert.Equal("activities", Assert.Throws<ArgumentNullException>(() => ActivityCsv.Read(null!)).ParamName);
        Assert.Equal("path", Assert.Throws<ArgumentNullException>(() => ActivityCsv.ReadFile(null!)).ParamName);
    }
}
