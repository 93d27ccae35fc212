using System.IO;
using NodaTime;
using SalesPipeline.Csv.Tests.Support;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Csv.Tests;

// Three deals of the canonical format, worked out by hand from docs/csv.md and the import rules of
// docs/pipelines-and-deals.md ("Imported deals").
public class WorkedExampleTests
{
    private const string Deals = """
        deal_id,name,owner,amount,currency,stage,status,created_at,expected_close,closed_at,loss_reason,competitor,source,product,lead_id,probability,category,stage_entered_at
        D1,Acme,alice,1250.50,USD,proposal,open,2025-03-13T13:36:13Z,2025-06-30,,,,web,core,L-7,0.35,commit,
        D2,Beta,bob,900,EUR,won,won,2025-01-10T09:00:00Z,2025-02-28,2025-02-20T16:00:00Z,,,,,,,,
        D3,Gamma,alice,50,USD,Lost,,2025-02-01 00:00,2025-03-31,2025-03-15T13:00:00+01:00,price,Initech,,,,,,
        """;

    // D1's rows are out of time order in the file; D3 has no history.
    private const string History = """
        deal_id,at,kind,from_stage,to_stage,by
        D1,2025-04-02T10:00:00Z,moved,prospecting,proposal,carol
        D2,2025-01-10T09:00:00Z,created,,negotiation,
        D1,2025-03-13T13:36:13Z,created,,prospecting,
        D2,2025-02-20T16:00:00Z,won,negotiation,won,
        """;

    private static readonly Instant Mar13 = Instant.FromUtc(2025, 3, 13, 13, 36, 13);

    [Fact]
    public void Every_row_is_accepted_and_counted()
    {
        var result = Sample.Read(Deals, History);

        Assert.True(result.IsComplete);
        Sample.Counts(result, (3, 3, 0), (4, 4, 0));
        Assert.Equal(["D1", "D2", "D3"], result.Deals.Select(d => d.Id.Value));
        Assert.Equal("deals: read 3, accepted 3, rejected 0; history: read 4, accepted 4, rejected 0", result.ToString());
    }

    [Fact]
    public void An_open_deal_gets_its_sorted_history_and_overrides()
    {
        var d1 = Sample.Read(Deals, History).Deals[0];

        Assert.Equal(("Acme", "alice", "proposal", DealStatus.Open), (d1.Name, d1.Owner, d1.StageId, d1.Status));
        Assert.Equal(Money.Of(1250.50m, Currency.USD), d1.Amount);
        Assert.Equal(new LocalDate(2025, 6, 30), d1.ExpectedClose);
        Assert.Equal((0.35m, ForecastCategory.Commit), (d1.ProbabilityOverride, d1.CategoryOverride));
        Assert.Equal((new LeadId("L-7"), LeadSource.Web, "core"), (d1.LeadId!.Value, d1.Source, d1.Product));
        // Created in Prospecting at 13:36:13, moved on 2 April to Proposal (skipping Qualified) by carol; the overrides
        // are dated at the export (asOf).
        Assert.Equal(Mar13, d1.CreatedAt);
        Assert.Equal(Instant.FromUtc(2025, 4, 2, 10, 0), d1.StageEnteredAt);
        Assert.Collection(
            d1.History,
            e => Assert.Equal(("prospecting", Mar13, Unknown.Actor), (((DealImported)e).StageId, e.At, e.By)),
            e =>
                Assert.Equal(
                    new StageMoved(
                        new DealId("D1"),
                        Instant.FromUtc(2025, 4, 2, 10, 0),
                        "carol",
                        "prospecting",
                        "proposal",
                        MoveDirection.Forward,
                        1
                    ),
                    e
                ),
            e => Assert.Equal(new ProbabilityOverridden(new DealId("D1"), Sample.AsOf, Unknown.Actor, 0.35m, ValueSource.Manual), e),
            e => Assert.Equal(new CategoryOverridden(new DealId("D1"), Sample.AsOf, Unknown.Actor, ForecastCategory.Commit), e)
        );
    }

    [Fact]
    public void A_won_deal_closes_where_its_history_says()
    {
        var d2 = Sample.Read(Deals, History).Deals[1];

        Assert.Equal((DealStatus.Won, "won", Money.Of(900m, Currency.EUR)), (d2.Status, d2.StageId, d2.Amount));
        Assert.Equal(Instant.FromUtc(2025, 2, 20, 16, 0), d2.ClosedAt);
        Assert.Equal(2, d2.History.Count);
        Assert.Equal(new DealWon(new DealId("D2"), Instant.FromUtc(2025, 2, 20, 16, 0), Unknown.Actor, "won"), d2.History[1]);
    }

    [Fact]
    public void A_lost_deal_without_history_takes_its_status_from_the_stage_and_converts_its_offset()
    {
        var d3 = Sample.Read(Deals, History).Deals[2];

        // The stage label "Lost" matches the stage's name; the status cell is empty, so the stage's kind gives Lost.
        Assert.Equal((DealStatus.Lost, "lost"), (d3.Status, d3.StageId));
        // "2025-02-01 00:00" has no offset: UTC by default. 13:00+01:00 is 12:00Z.
        Assert.Equal(Instant.FromUtc(2025, 2, 1, 0, 0), d3.CreatedAt);
        Assert.Equal(Instant.FromUtc(2025, 3, 15, 12, 0), d3.ClosedAt);
        Assert.Equal((LossReason.Price, "Initech"), (d3.LossReason, d3.Competitor));
        var imported = Assert.IsType<DealImported>(Assert.Single(d3.History));
        Assert.Equal((Instant.FromUtc(2025, 3, 15, 12, 0), "lost", DealStatus.Lost), (imported.At, imported.StageId, imported.Status));
    }

    [Fact]
    public void The_same_deals_read_from_files_on_disk()
    {
        var dir = Directory.CreateTempSubdirectory("salespipeline-csv-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "deals.csv"), Deals);
            File.WriteAllText(Path.Combine(dir.FullName, "history.csv"), History);

            var result = DealCsv.ReadFiles(
                PipelineDefinition.Default,
                Path.Combine(dir.FullName, "deals.csv"),
                Path.Combine(dir.FullName, "history.csv"),
                Sample.AsOf
            );

            Assert.Equal(Sample.Read(Deals, History).Deals.Select(d => d.History), result.Deals.Select(d => d.History));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
