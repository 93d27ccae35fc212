using System.IO;
using System.Text;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;
using SalesPipeline.Tests;

namespace SalesPipeline.Csv.Tests.Writing;

public class DealWriteTests
{
    private static readonly PipelineDefinition Pipeline = PipelineDefinition.Default;
    private static readonly Instant AsOf = Instant.FromUtc(2025, 12, 1, 0, 0);

    private static (string Deals, string? History) Write(IEnumerable<Deal> deals, bool withHistory = true)
    {
        using var dealsStream = new MemoryStream();
        using var historyStream = withHistory ? new MemoryStream() : null;
        DealCsv.Write(deals, dealsStream, historyStream);
        return (
            Encoding.UTF8.GetString(dealsStream.ToArray()),
            historyStream is null ? null : Encoding.UTF8.GetString(historyStream.ToArray())
        );
    }

    private static CsvImportResult Read(string deals, string? history, Instant asOf) =>
        DealCsv.Read(
            Pipeline,
            new MemoryStream(Encoding.UTF8.GetBytes(deals)),
            history is null ? null : new MemoryStream(Encoding.UTF8.GetBytes(history)),
            asOf
        );

    // An opened deal moved once with overrides, a deal imported as lost without history, and an open deal imported
    // without its stage-entry instant; the expected files written out by hand from docs/csv.md's column rules.
    private static Deal[] Example()
    {
        var d1 = Deal.Open(
            Pipeline,
            new DealId("D1"),
            "Acme, Inc.",
            "alice",
            Money.Of(1250.50m, Currency.USD),
            new LocalDate(2025, 6, 30),
            Instant.FromUtc(2025, 3, 13, 13, 36, 13),
            source: LeadSource.Web
        );
        d1 = Pipeline.Move(d1, "qualified", Instant.FromUtc(2025, 4, 2, 10, 0), "carol");
        d1 = Pipeline.OverrideProbabilityTo(d1, 0.35m, Instant.FromUtc(2025, 4, 3, 0, 0), "alice");
        d1 = Pipeline.OverrideCategoryTo(d1, ForecastCategory.Commit, Instant.FromUtc(2025, 4, 3, 0, 0), "alice");
        var d2 = Pipeline.Import(
            new DealImport
            {
                Id = new DealId("D2"),
                Owner = "bob",
                Amount = Money.Of(900m, Currency.EUR),
                StageId = "lost",
                Status = DealStatus.Lost,
                CreatedAt = Instant.FromUtc(2025, 1, 10, 9, 0),
                ExpectedClose = new LocalDate(2025, 2, 28),
                ClosedAt = Instant.FromUtc(2025, 2, 20, 16, 0),
                LossReason = LossReason.Price,
                Competitor = "Initech",
            },
            AsOf
        );
        var d3 = Pipeline.Import(
            new DealImport
            {
                Id = new DealId("D3"),
                Name = "Gamma",
                Owner = "carol",
                Amount = Money.Of(50.125m, Currency.KWD),
                StageId = "proposal",
                CreatedAt = Instant.FromUtc(2025, 5, 1, 0, 0),
                ExpectedClose = new LocalDate(2025, 9, 30),
                Product = "x y ",
            },
            AsOf
        );
        return [d1, d2, d3];
    }

    private const string Header =
        "deal_id,name,owner,amount,currency,stage,status,created_at,expected_close,closed_at,loss_reason,competitor,source,product,lead_id,probability,category,stage_entered_at,customer_id,customer_name,team,stop_reason,stopped_at\n";

    [Fact]
    public void The_example_deals_write_as_worked_out_by_hand()
    {
        var (deals, history) = Write(Example());

        Assert.Equal(
            Header
                + "D1,\"Acme, Inc.\",alice,1250.50,USD,qualified,open,2025-03-13T13:36:13Z,2025-06-30,,,,web,,,0.35,commit,,,,,,\n"
                + "D2,(unknown),bob,900,EUR,lost,lost,2025-01-10T09:00:00Z,2025-02-28,2025-02-20T16:00:00Z,price,Initech,,,,,,,,,,,\n"
                + "D3,Gamma,carol,50.125,KWD,proposal,open,2025-05-01T00:00:00Z,2025-09-30,,,,,\"x y \",,,,,,,,,\n",
            deals
        );
        Assert.Equal(
            "deal_id,at,kind,from_stage,to_stage,by,field,old_value,new_value\n"
                + "D1,2025-03-13T13:36:13Z,created,,prospecting,alice,,,\n"
                + "D1,2025-04-02T10:00:00Z,moved,prospecting,qualified,carol,,,\n"
                + "D2,2025-02-20T16:00:00Z,lost,,lost,(unknown),,,\n",
            history
        );
    }

    [Fact]
    public void Without_a_history_file_the_deals_file_says_when_an_open_deal_entered_its_stage()
    {
        var (deals, _) = Write(Example(), withHistory: false);

        var lines = deals.Split('\n');
        Assert.EndsWith(",0.35,commit,2025-04-02T10:00:00Z,,,,,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",,,,", lines[3], StringComparison.Ordinal); // D3's entry instant is unknown
    }

    [Fact]
    public void The_example_reads_back_as_the_deals_it_was_written_from()
    {
        var (deals, history) = Write(Example());

        var result = Read(deals, history, AsOf);

        Assert.True(result.IsComplete, result.ToString());
        AssertSame(Example(), result.Deals, AsOf);
    }

    // The stage entries with a known instant: where the deal went, when and by whom.
    private static List<(string Stage, Instant At, string By)> Entries(Deal deal) =>
        [
            .. deal
                .Events.Select(e =>
                    e switch
                    {
                        DealCreated c => (c.StageId, c.At, c.By),
                        DealImported { StageEntryKnown: true } i => (i.StageId, i.At, i.By),
                        StageMoved m => (m.ToStageId, m.At, m.By),
                        DealWon w => (w.StageId, w.At, w.By),
                        DealLost l => (l.StageId, l.At, l.By),
                        DealReopened r => (r.StageId, r.At, r.By),
                        _ => default,
                    }
                )
                .Where(x => x.Item1 is not null),
        ];

    private static void AssertSame(Deal[] written, IReadOnlyList<Deal> read, Instant asOf, bool withHistory = true)
    {
        Assert.Equal(written.Length, read.Count);
        for (var i = 0; i < written.Length; i++)
        {
            var (w, r) = (written[i], read[i]);
            Assert.Equal((w.Id, w.Name, w.Owner, w.Amount, w.StageId, w.Status), (r.Id, r.Name, r.Owner, r.Amount, r.StageId, r.Status));
            Assert.Equal((w.CreatedAt, w.ExpectedClose, w.ClosedAt), (r.CreatedAt, r.ExpectedClose, r.ClosedAt));
            Assert.Equal(
                (w.LossReason, w.Competitor, w.Source, w.Product, w.LeadId),
                (r.LossReason, r.Competitor, r.Source, r.Product, r.LeadId)
            );
            Assert.Equal(
                w.IsOpen ? (w.ProbabilityOverride, w.CategoryOverride) : (null, null),
                (r.ProbabilityOverride, r.CategoryOverride)
            );
            var entries = Entries(w);
            if (withHistory)
            {
                Assert.Equal(entries, Entries(r));
            }
            // When the deal entered its stage: known from its last entry, else (an open deal never observed entering it) asOf.
            var entered = entries.Count > 0 && entries[^1].Stage == w.StageId ? entries[^1].At : (Instant?)null;
            Assert.Equal(entered ?? asOf, r.StageEnteredAt);
        }
    }

    // Any generated deals (every kind of event) written and read back: the state and, with the history file, every stage
    // entry with its instant and author.
    [Fact]
    public void Reading_what_was_written_gives_the_deals_back_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Arb.From(DealHistories.ClassicDeals),
                Arb.From(Gen.Elements(true, false)),
                (deals, withHistory) =>
                {
                    var asOf = deals.Length == 0 ? AsOf : deals.Max(d => d.LastEventAt) + Duration.FromDays(1);
                    var (dealsCsv, historyCsv) = Write(deals, withHistory);

                    var result = Read(dealsCsv, historyCsv, asOf);

                    Assert.True(result.IsComplete, result.ToString());
                    AssertSame(deals, result.Deals, asOf, withHistory);
                }
            )
        );

    [Fact]
    public void Bad_arguments_are_refused()
    {
        using var stream = new MemoryStream();
        using var other = new MemoryStream();
        using var readOnly = new MemoryStream([], writable: false);
        var deals = Example();

        Assert.Equal("deals", Assert.Throws<ArgumentNullException>(() => DealCsv.Write(null!, stream, null)).ParamName);
        Assert.Equal("dealsDestination", Assert.Throws<ArgumentNullException>(() => DealCsv.Write(deals, null!, null)).ParamName);
        Assert.Equal("dealsDestination", Assert.Throws<ArgumentException>(() => DealCsv.Write(deals, readOnly, null)).ParamName);
        Assert.Equal("historyDestination", Assert.Throws<ArgumentException>(() => DealCsv.Write(deals, stream, readOnly)).ParamName);
        Assert.Equal("historyDestination", Assert.Throws<ArgumentException>(() => DealCsv.Write(deals, stream, stream)).ParamName);
        Assert.Equal(0, stream.Length);
        var nullDeal = Assert.Throws<ArgumentNullException>(() => DealCsv.Write([deals[0], null!], stream, other));
        Assert.Equal("Deal 1 is null. (Parameter 'deals')", nullDeal.Message);
        var twice = Assert.Throws<ArgumentException>(() => DealCsv.Write([deals[0], deals[1], deals[0]], stream, other));
        Assert.Equal("Deal ids are unique in deals.csv: deal 2 has id D1, as deal 0 has. (Parameter 'deals')", twice.Message);
    }
}
