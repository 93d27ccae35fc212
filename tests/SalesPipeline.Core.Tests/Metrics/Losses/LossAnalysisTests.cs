using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Metrics;
using static SalesPipeline.Tests.Metrics.MetricDeals;

namespace SalesPipeline.Tests.Metrics;

public class LossAnalysisTests
{
    // Price: 10,000 from proposal, 20,000 from proposal, 30,000 from qualified; timing: 40,000 from prospecting.
    private static Deal[] Losses() =>
        [
            Lost("P1", "alice", 10_000m, 5, LossReason.Price, stage: 2),
            Lost("P2", "alice", 20_000m, 6, LossReason.Price, stage: 2),
            Lost("P3", "bob", 30_000m, 7, LossReason.Price, stage: 1),
            Lost("T1", "bob", 40_000m, 8, LossReason.Timing, stage: 0),
            Won("W1", "bob", 99_000m, 9),
            Open("O1", "bob", 99_000m),
        ];

    [Fact]
    public void Of_WorkedExample_CountsValuesAndSharesByHand()
    {
        var report = LossAnalysis.Of(Losses());

        Assert.Equal(new LossFigures(4, Money.Of(100_000m, Currency.USD), 1m, 1m), report.Lost);
        Assert.Equal(["price", "timing"], report.Reasons.Select(r => r.Reason.Code));
        // price: 3 of 4 = 0.75; 60,000 of 100,000 = 0.6. timing: 0.25 and 0.4.
        Assert.Equal(new LossFigures(3, Money.Of(60_000m, Currency.USD), 0.75m, 0.6m), report.Reasons[0].Figures);
        Assert.Equal(new LossFigures(1, Money.Of(40_000m, Currency.USD), 0.25m, 0.4m), report.Reasons[1].Figures);
        Assert.Equal(["proposal", "qualified"], report.Reasons[0].Stages.Select(s => s.StageId));
        Assert.Equal(new LossFigures(2, Money.Of(30_000m, Currency.USD), 0.5m, 0.3m), report.Reasons[0].Stages[0].Figures);
        // Stage totals: proposal 2; then prospecting (1, 40,000) before qualified (1, 30,000) by value.
        Assert.Equal(["proposal", "prospecting", "qualified"], report.Stages.Select(s => s.StageId));
    }

    [Fact]
    public void Of_Window_TakesLossesByCloseDate()
    {
        var options = new WinRateOptions { Start = new LocalDate(2026, 1, 8), End = new LocalDate(2026, 1, 9) }; // day 7 only

        var report = LossAnalysis.Of(Losses(), options);

        Assert.Equal(1, report.Lost.Count);
        Assert.Equal("price", Assert.Single(report.Reasons).Reason.Code);
    }

    [Fact]
    public void Of_NothingLost_SharesAreNull()
    {
        var report = LossAnalysis.Of([Won("W", "alice", 1m, 1)]);

        Assert.Equal(0, report.Lost.Count);
        Assert.Null(report.Lost.CountShare);
        Assert.Empty(report.Reasons);
    }

    [Fact]
    public void Of_NullDeal_ThrowsNamingItsIndex()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => LossAnalysis.Of([null!]));

        Assert.Equal("deals", ex.ParamName);
        Assert.Contains("Deal 0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_ReasonsAndStagesAddUpToTheLosses_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                SpecsGen.ToArbitrary(),
                specs =>
                {
                    var report = LossAnalysis.Of(specs.Select(Build));
                    var lost = specs.Where(s => s.Outcome == 2).ToArray();
                    return report.Lost.Count == lost.Length
                        && report.Reasons.Sum(r => r.Figures.Count) == lost.Length
                        && report.Stages.Sum(s => s.Figures.Count) == lost.Length
                        && report.Reasons.All(r => r.Stages.Sum(s => s.Figures.Count) == r.Figures.Count)
                        && report.Reasons.All(r => r.Figures.Count == lost.Count(s => s.Reason == r.Reason.Code))
                        && (report.Lost.Value is null || report.Lost.Value.ToMinorUnits() == lost.Sum(s => s.Cents));
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
                    var whole = LossAnalysis.Of(deals);
                    var left = new LossAccumulator();
                    left.AddRange(deals.Take(input.Cut));
                    var right = new LossAccumulator();
                    right.AddRange(deals.Skip(input.Cut));
                    left.Merge(right);
                    return whole.ToString() == left.Result().ToString() && whole.Lost == left.Result().Lost;
                }
            )
        );

    [Fact]
    public void LossFigures_Text_SharesAsPercentages_OrNotApplicable()
    {
        // 3 of 4 losses, 60,000 of 100,000 lost: 75.0% and 60.0%.
        Assert.Equal("3 (75.0%), USD 60,000.00 (60.0%)", new LossFigures(3, Money.Of(60_000m, Currency.USD), 0.75m, 0.6m).ToString());
        // No losses at all: no shares, no value.
        Assert.Equal("0 (n/a),  (n/a)", new LossFigures(0, null, null, null).ToString());
    }
}
