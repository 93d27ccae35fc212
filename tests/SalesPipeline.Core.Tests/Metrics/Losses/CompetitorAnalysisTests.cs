using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Deals;
using SalesPipeline.Metrics;
using static SalesPipeline.Tests.Metrics.MetricDeals;

namespace SalesPipeline.Tests.Metrics;

public class CompetitorAnalysisTests
{
    [Fact]
    public void Of_WorkedExample_DealsAgainstWinRateAndValueLostByHand()
    {
        Deal[] deals =
        [
            Won("D1", "alice", 10_000m, 5, competitors: ["Globex"]),
            Lost("D2", "alice", 20_000m, 6, LossReason.Competitor, lostTo: "Globex"),
            Open("D3", "alice", 5_000m, competitors: ["Globex"]),
            Lost("D4", "bob", 30_000m, 7, LossReason.Competitor, lostTo: "Initech", competitors: ["Globex"]),
            Won("D5", "bob", 8_000m, 8),
        ];

        var report = CompetitorAnalysis.Of(deals);

        // Globex: faced by D1 (won), D2 (lost to it), D3 (open), D4 (lost to Initech): 4 deals, 1 won of 3 decided.
        var globex = report["Globex"]!;
        Assert.Equal((4, 1, 2, 1), (globex.Deals, globex.Rate.Won, globex.Rate.Lost, globex.OpenDeals));
        Assert.Equal(1m / 3m, globex.Rate.CountRate);
        Assert.Equal(1, globex.LostTo);
        Assert.Equal(Money.Of(20_000m, Currency.USD), globex.LostToValue);
        Assert.Equal(Money.Of(5_000m, Currency.USD), globex.OpenValue);
        // Initech: only D4, lost to it.
        var initech = report["Initech"]!;
        Assert.Equal((1, 0, 1, 1), (initech.Deals, initech.Rate.Won, initech.Rate.Lost, initech.LostTo));
        Assert.Equal(Money.Of(30_000m, Currency.USD), initech.LostToValue);
        Assert.Equal(["Globex", "Initech"], report.Lines.Select(l => l.Competitor)); // most deals first
        Assert.Equal(1.0m, report.WithoutCompetitor.CountRate); // D5
        Assert.Equal(4, report.Total.Trials);
    }

    [Fact]
    public void Of_AgreesWithWinRateByCompetitor_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                SpecsGen.ToArbitrary(),
                specs =>
                {
                    var deals = specs.Select(Build).ToArray();
                    var report = CompetitorAnalysis.Of(deals);
                    var table = WinRate.ByCompetitor(deals);
                    return report.Lines.All(l =>
                            l.Rate == (table[l.Competitor] ?? new WinRateAccumulator().Result().Total) || l.Rate.Trials == 0
                        )
                        && report.Lines.All(l => l.LostTo == deals.Count(d => d.Status == DealStatus.Lost && d.Competitor == l.Competitor))
                        && report.Lines.All(l => l.OpenDeals == deals.Count(d => d.IsOpen && d.HasCompetitor(l.Competitor)))
                        && report.Lines.All(l => l.LostTo <= l.Rate.Lost);
                }
            )
        );

    [Fact]
    public void Merge_OfSplit_EqualsWhole_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                SplitSpecs,
                input =>
                {
                    var deals = input.Specs.Select(Build).ToArray();
                    var whole = CompetitorAnalysis.Of(deals);
                    var left = new CompetitorAccumulator();
                    left.AddRange(deals.Take(input.Cut));
                    var right = new CompetitorAccumulator();
                    right.AddRange(deals.Skip(input.Cut));
                    left.Merge(right);
                    var merged = left.Result();
                    return whole.Lines.SequenceEqual(merged.Lines)
                        && whole.Total == merged.Total
                        && whole.WithoutCompetitor == merged.WithoutCompetitor;
                }
            )
        );
}
