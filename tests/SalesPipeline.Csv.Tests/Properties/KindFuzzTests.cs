using System.Globalization;
using System.IO;
using System.Text;
using NodaTime;
using NodaTime.Text;
using SalesPipeline.Collections;
using SalesPipeline.Tests.Fuzz;

namespace SalesPipeline.Csv.Tests.Properties;

// The files of the other kinds (leads, activities, payments, quotas), valid when made and then damaged as in FuzzTests
// (cut short, quotes added, cells replaced by wrong types, unknown currencies, lines doubled or dropped, random bytes,
// another delimiter): reading gives a result whose counts add up, every rejected row reported on its line and no
// accepted row with an error, or throws CsvImportException. Nothing else escapes.
public sealed class KindFuzzTests
{
    private static readonly Instant Start = Instant.FromUtc(2025, 3, 1, 0, 0);
    private static readonly string[] Owners = ["alice", "bob", "carol"];

    private static string At(Random random, int maxHours = 2000) =>
        InstantPattern.ExtendedIso.Format(Start + Duration.FromMinutes(random.Next(maxHours * 60)));

    private static string Money(Random random) => (random.Next(1, 500_000) / 100m).ToString(CultureInfo.InvariantCulture);

    private static string Lines(string header, Random random, Func<int, string> row) =>
        header + "\n" + string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(i => row(i) + "\n"));

    [Fact]
    public void Damaged_leads_files_are_reported_row_by_row_and_the_counts_add_up() =>
        Holds(
            random =>
                Lines(
                    "lead_id,name,source,owner,created_at,status,first_touch_at,last_touch_at,closed_at,deal_id,disqualification_reason",
                    random,
                    i =>
                    {
                        var (created, status) = (Start + Duration.FromHours(i), random.Next(4));
                        string Later(int hours) => InstantPattern.ExtendedIso.Format(created + Duration.FromHours(hours));
                        return $"L{i},Lead {i},web,{Owners[random.Next(3)]},{Later(0)},"
                            + status switch
                            {
                                0 => "new,,,,,",
                                1 => $"working,{Later(1)},{Later(5)},,,",
                                2 => $"converted,{Later(1)},,{Later(9)},D{i},",
                                _ => $",,,{Later(2)},,no budget",
                            };
                    }
                ),
            (bytes, options) => LeadCsv.Read(new MemoryStream(bytes), options),
            (result, bytes) => Assert.Equal(result.Rows.Accepted, result.Items.Count)
        );

    [Fact]
    public void Damaged_activities_files_are_reported_row_by_row_and_the_counts_add_up() =>
        Holds(
            random =>
                Lines(
                    "activity_id,kind,at,owner,deal_id,lead_id,outcome",
                    random,
                    i =>
                        $"A{i},{new[] { "call", "email", "meeting", "demo", "other" }[random.Next(5)]},{At(random)},{Owners[random.Next(3)]},"
                        + (random.Next(2) == 0 ? $"D{random.Next(5)}," : $",L{random.Next(5)}")
                        + (random.Next(2) == 0 ? ",connected" : ",")
                ),
            (bytes, options) => ActivityCsv.Read(new MemoryStream(bytes), options),
            (result, bytes) => Assert.Equal(result.Rows.Accepted, result.Items.Count)
        );

    // Two contracts; payments, then refunds and reversals of earlier payments (some larger than what they hold, so that
    // the schedules' own rules reject rows too).
    private static readonly CollectionSchedule[] Schedules =
    [
        CollectionSchedule.Create(
            SalesPipeline.Money.Of(10_000m, Currency.USD),
            new LocalDate(2026, 1, 31),
            PaymentTerms.Create(
                TermsLine.Percentage(30m, DueRule.DaysAfterStart(0)),
                TermsLine.Balance(DueRule.MonthsAfterStart(1), instalments: 2)
            ),
            new ContractInfo("C-1", "Globex", "alice")
        ),
        CollectionSchedule.Create(
            SalesPipeline.Money.Of(1_200m, Currency.USD),
            new LocalDate(2026, 2, 1),
            PaymentTerms.Create(TermsLine.Balance(DueRule.DaysAfterStart(30))),
            new ContractInfo("C-2", "Initech", "bob")
        ),
    ];

    [Fact]
    public void Damaged_payments_files_are_reported_row_by_row_and_the_counts_add_up() =>
        Holds(
            random =>
                Lines(
                    "contract_id,reference,kind,on,amount,currency,instalment,payment_reference,reason",
                    random,
                    i =>
                    {
                        var (contract, on) = (
                            $"C-{random.Next(1, 3)}",
                            new LocalDate(2026, 2, 1).PlusDays(random.Next(60)).ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)
                        );
                        return random.Next(4) switch
                        {
                            0 when i > 0 => $"{contract},R{i},refund,{on},{Money(random)},USD,,P{random.Next(i)},",
                            1 when i > 0 => $"{contract},V{i},reversal,{on},,,,P{random.Next(i)},bounced",
                            _ =>
                                $"{contract},P{i},payment,{on},{Money(random)},USD,{(random.Next(3) == 0 ? random.Next(1, 4).ToString(CultureInfo.InvariantCulture) : "")},,",
                        };
                    }
                ),
            (bytes, options) => PaymentCsv.Read(new MemoryStream(bytes), Schedules, options),
            // The schedules start empty, so every accepted row is one new entry of a history.
            (result, bytes) => Assert.Equal(result.Rows.Accepted, result.Items.Sum(s => s.History.Count))
        );

    [Fact]
    public void Damaged_quotas_files_are_reported_row_by_row_and_the_counts_add_up() =>
        Holds(
            random =>
                Lines(
                    "level,subject_id,period,start,end,target,currency",
                    random,
                    i =>
                    {
                        var month = random.Next(1, 13);
                        var start = new LocalDate(2026, month, 1);
                        return $"{new[] { "person", "team", "company", "" }[random.Next(4)]},{Owners[random.Next(3)]},M{month},{start:uuuu-MM-dd},{start.PlusMonths(1).PlusDays(-1):uuuu-MM-dd},{Money(random)},USD";
                    }
                ),
            (bytes, options) => QuotaCsv.Read(new MemoryStream(bytes), options),
            (result, bytes) => Assert.Equal(result.Rows.Accepted, result.Items.Count)
        );

    private static void Holds<T>(
        Func<Random, string> make,
        Func<byte[], CsvReadOptions, CsvReadResult<T>> read,
        Action<CsvReadResult<T>, byte[]> itemsAgree
    )
    {
        byte[] file = [];
        var (withItems, withErrors) = (0, 0);
        var (cases, refused) = Fuzzer.Run(
            random =>
            {
                file = FuzzTests.Damage(make(random), random);
                return Encoding.UTF8.GetString(file);
            },
            (_, random) =>
            {
                var options = new CsvReadOptions
                {
                    StopAtFirstError = random.Next(10) == 0,
                    DefaultCurrency = random.Next(2) == 0 ? Currency.USD : null,
                };
                var result = read(file, options);
                Assert.Equal(result.Rows.Read, result.Rows.Accepted + result.Rows.Rejected);
                Assert.Equal(result.Rows.Rejected, result.Errors.Select(e => e.Line).Distinct().LongCount());
                Assert.Equal(result.IsComplete, result.Errors.Count == 0);
                Assert.All(result.Errors, e => Assert.Equal(result.File, e.File));
                itemsAgree(result, file);
                withItems += result.Rows.Accepted > 0 ? 1 : 0;
                withErrors += result.IsComplete ? 0 : 1;
            },
            e => e is CsvImportException
        );
        Assert.True(
            refused > 0 && withErrors > 0 && withItems > 0,
            $"{cases} cases: {refused} refused, {withErrors} with errors, {withItems} with items"
        );
    }
}
