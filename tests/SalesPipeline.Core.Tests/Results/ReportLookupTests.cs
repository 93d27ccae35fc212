using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Metrics;
using SalesPipeline.Organization;
using SalesPipeline.Utility;
using static SalesPipeline.Tests.Health.HealthFixtures;

namespace SalesPipeline.Tests.Results;

// The one lookup shape of every report: report[key] or throws KeyNotFoundException listing the keys it has, and
// TryGet(key, out row). Each lookup is checked against a plain scan of the report's list (the second method).
public class ReportLookupTests
{
    private static readonly FiscalPeriod Q1 = FiscalCalendar.Calendar.Quarter(2026, 1);
    private static readonly FiscalPeriod Q2 = FiscalCalendar.Calendar.Quarter(2026, 2);
    private static readonly SalesOrg Org = SalesOrg
        .CreateBuilder("Acme")
        .Team("east", "East")
        .Team("west", "West")
        .Rep("alice", "Alice", "east")
        .Rep("bob", "Bob", "west")
        .Build();

    private static readonly Deal[] Deals =
    [
        DealIn("A1", "proposal", 1_000m, Date(2, 10), Instant.FromUtc(2026, 1, 5, 9, 0), Instant.FromUtc(2026, 1, 10, 9, 0)),
        DealIn("B1", "negotiation", 2_000m, Date(5, 20), Instant.FromUtc(2026, 1, 6, 9, 0), owner: "bob"),
    ];

    [Fact]
    public void Funnel_ByStageId()
    {
        var report = Funnel.Of(Deals, Pipeline);

        Assert.Same(report.Stages.Single(s => s.Stage.Id == "proposal"), report["proposal"]);
        Assert.True(report.TryGet("negotiation", out var negotiation));
        Assert.Same(report.All.Stages.Single(s => s.Stage.Id == "negotiation"), negotiation);
        Assert.False(report.TryGet("won", out var none));
        Assert.Null(none);
        var ex = Assert.Throws<KeyNotFoundException>(() => report["won"]);
        Assert.Equal("The funnel has no row \"won\"; it has \"prospecting\", \"qualified\", \"proposal\", \"negotiation\".", ex.Message);
        Assert.Throws<ArgumentNullException>(() => report[null!]);
    }

    [Fact]
    public void Funnel_GroupByStageId()
    {
        var report = Funnel.Of(Deals, Pipeline, new FunnelOptions { Breakdowns = [Breakdown.Owner] });
        var bob = report.By(Breakdown.Owner).Single(g => g.Key == "bob");

        Assert.Same(bob.Stages.Single(s => s.Stage.Id == "negotiation"), bob["negotiation"]);
        Assert.True(bob.TryGet("prospecting", out _));
    }

    [Fact]
    public void TimeInStage_ByStageId()
    {
        var report = TimeInStage.Of(Deals, Pipeline, AsOf);

        Assert.Same(report.Stages.Single(s => s.Stage.Id == "negotiation"), report["negotiation"]);
        Assert.True(report.TryGet("qualified", out var qualified));
        Assert.Equal("qualified", qualified.Stage.Id);
        Assert.False(report.TryGet("lost", out _));
        var ex = Assert.Throws<KeyNotFoundException>(() => report["lost"]);
        Assert.Equal(
            "The time-in-stage report has no row \"lost\"; it has \"prospecting\", \"qualified\", \"proposal\", \"negotiation\".",
            ex.Message
        );
    }

    [Fact]
    public void StageWeighted_ByPeriodOwnerAndTeam()
    {
        var forecast = Forecast.StageWeighted(Deals, Pipeline, [Q1, Q2], new ForecastOptions { Organization = Org });

        // A1: 1,000 in Proposal (50%) closing in Q1 = 500 weighted; B1 closes in Q2.
        Assert.Same(forecast.Periods[0], forecast[Q1]);
        Assert.Equal(Usd(500m), forecast[Q1].Weighted);
        Assert.Same(forecast.ByOwner.Single(l => l.Period == Q1 && l.Owner == "alice"), forecast.Owner(Q1, "alice"));
        Assert.Same(forecast.ByTeam.Single(l => l.Period == Q2 && l.TeamId == "west"), forecast.Team(Q2, "west"));
        Assert.Equal(Usd(500m), forecast.Team(Q1, "east").Weighted);
        Assert.True(forecast.TryGet(Q2, out var q2));
        Assert.Same(forecast.Periods[1], q2);
        Assert.False(forecast.TryGet(FiscalCalendar.Calendar.Quarter(2026, 3), out _));
        Assert.False(forecast.TryGetTeam(Q1, "north", out _));
        var q3 = FiscalCalendar.Calendar.Quarter(2026, 3);
        var ex = Assert.Throws<KeyNotFoundException>(() => forecast[q3]);
        Assert.Equal($"The forecast has no row \"{q3.Label}\"; it has \"{Q1.Label}\", \"{Q2.Label}\".", ex.Message);
        var team = Assert.Throws<KeyNotFoundException>(() => forecast.Team(Q1, "north"));
        Assert.Equal($"The forecast for {Q1.Label} by team has no row \"north\"; it has \"east\", \"west\".", team.Message);
        Assert.Throws<KeyNotFoundException>(() => forecast.Owner(Q1, "zed"));
    }

    [Fact]
    public void Category_ByPeriodAndNode()
    {
        var forecast = Forecast.ByCategory(Deals, Pipeline, [Q1, Q2], Org);

        Assert.Same(forecast.Lines.Single(l => l.Period == Q2 && l.Id == "west"), forecast[Q2, "west"]);
        Assert.True(forecast.TryGet(Q1, "Acme", out var company));
        Assert.Equal(CategoryNodeKind.Company, company.Kind);
        Assert.False(forecast.TryGet(Q1, "zed", out _));
        var ex = Assert.Throws<KeyNotFoundException>(() => forecast[Q1, "zed"]);
        Assert.Equal(
            $"The category forecast for {Q1.Label} has no row \"zed\"; it has \"Acme\", \"east\", \"west\", \"alice\", \"bob\".",
            ex.Message
        );
    }

    [Fact]
    public void NotFound_ListsTwentyKeysThenHowManyMore()
    {
        var keys = Enumerable.Range(1, 25).Select(i => $"k{i}").ToArray();

        var ex = Lookup.NotFound("report", "x", keys);

        Assert.EndsWith("\"k19\", \"k20\" and 5 more.", ex.Message, StringComparison.Ordinal);
        Assert.Equal("The report has no row \"x\"; it has no rows.", Lookup.NotFound("report", "x", []).Message);
    }
}
