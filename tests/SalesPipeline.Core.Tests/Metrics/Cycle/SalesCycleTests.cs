using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Metrics;

namespace SalesPipeline.Tests.Metrics;

using static CycleDeals;

public class SalesCycleTests
{
    private static readonly Instant AsOf = Day(100);

    // The 6-MP times as deals: an event is a deal created on day 50 and closed t days later (won, or lost for the
    // 13 and 22 weeks ones); a censored time is a deal still open at AsOf, created t days before it.
    private static List<Deal> SixMpDeals() =>
        KaplanMeierAccumulatorTests
            .SixMp.Select(o =>
                !o.Event ? Open(AsOf - Duration.FromDays((int)o.Time))
                : o.Time is 13 or 22 ? Lost(Day(50), Day(50 + o.Time))
                : Won(Day(50), Day(50 + o.Time))
            )
            .ToList();

    [Fact]
    public void Of_SixMpAsDeals_GivesThePublishedCurveInDays()
    {
        var cycle = SalesCycle.Of(SixMpDeals(), AsOf);

        Assert.Equal(21, cycle.Deals);
        Assert.Equal(9, cycle.Closed);
        Assert.Equal(12, cycle.Censored);
        Assert.Equal(23, cycle.MedianDays);
        Assert.Equal(13, cycle.MedianLowerDays); // log-log, the default
        Assert.Null(cycle.MedianUpperDays);
        Assert.Equal(35, cycle.TauDays);
        Assert.Equal(23.287395, cycle.RestrictedMeanDays!.Value, 6);
        Assert.Equal(0.448, cycle.Curve.SurvivalAt(23), 3);
        // Naive: the 7 won deals took 6, 6, 6, 7, 10, 16, 23 days: 74 / 7 = 10.571 days.
        Assert.Equal(7, cycle.WonDeals);
        Assert.Equal(74d / 7, cycle.NaiveMeanWonDays!.Value, 12);
    }

    [Fact]
    public void Of_OutcomeWon_CensorsLostDealsAtTheirLoss()
    {
        // Lost at 13 and 22 become censored: at 16 n = 11, d = 1; at 23 n = 6, d = 1.
        // S = 18/21 x 16/17 x 14/15 x 10/11 x 5/6 = 0.553 from 23; the median is not reached.
        var cycle = SalesCycle.Of(SixMpDeals(), AsOf, new SalesCycleOptions { Outcome = SalesCycleOutcome.Won });

        Assert.Equal(7, cycle.Closed);
        Assert.Equal(14, cycle.Censored);
        Assert.Equal(18d / 21 * 16 / 17 * 14 / 15 * 10 / 11 * 5 / 6, cycle.Curve.SurvivalAt(23), 12);
        Assert.Null(cycle.MedianDays);
    }

    [Fact]
    public void Of_ReadsDealsAsOfTheInstant()
    {
        // Won on day 30 but read at day 20: open then, censored at 20 - 5 = 15 days. Created on day 25: not yet created.
        var deals = new[] { Won(Day(5), Day(30)), Open(Day(25)), Won(Day(0), Day(12)) };

        var cycle = SalesCycle.Of(deals, Day(20));

        Assert.Equal(2, cycle.Deals);
        Assert.Equal(1, cycle.NotYetCreated);
        Assert.Equal([12d, 15d], cycle.Curve.Points.Select(p => p.Time));
        Assert.Equal([1L, 0L], cycle.Curve.Points.Select(p => p.Events));
        Assert.Equal(12, cycle.NaiveMeanWonDays);
    }

    [Fact]
    public void Of_FractionalDays_AreExactDurations()
    {
        // 36 hours = 1.5 days; open for 6 hours = 0.25 days.
        var deals = new[] { Won(Day(0), Day(1.5)), Open(Day(9.75)) };

        var cycle = SalesCycle.Of(deals, Day(10));

        Assert.Equal([0.25, 1.5], cycle.Curve.Points.Select(p => p.Time));
        Assert.Equal(1.5, cycle.NaiveMeanWonDays);
    }

    [Fact]
    public void Of_ReopenedAndWonAgain_UsesTheLatestClose()
    {
        var reopened = Pipeline.Win(Pipeline.Reopen(Won(Day(0), Day(10)), Day(11), "alice"), Day(40), "alice");

        var cycle = SalesCycle.Of([reopened], Day(50));

        Assert.Equal(40, cycle.Curve.Points.Single().Time);
    }

    [Fact]
    public void Of_TauOption_RestrictsTheMean()
    {
        var cycle = SalesCycle.Of(SixMpDeals(), AsOf, new SalesCycleOptions { TauDays = 10 });

        Assert.Equal(10, cycle.TauDays);
        Assert.Equal(9.277311, cycle.RestrictedMeanDays!.Value, 6);
    }

    [Fact]
    public void Of_NoDeals_GivesEmptyCycle()
    {
        var cycle = SalesCycle.Of([], AsOf);

        Assert.Equal(0, cycle.Deals);
        Assert.Null(cycle.MedianDays);
        Assert.Null(cycle.RestrictedMeanDays);
        Assert.Null(cycle.NaiveMeanWonDays);
        Assert.Contains("0 deals", cycle.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Of_BadInput_Throws()
    {
        Assert.Equal("deals", Assert.Throws<ArgumentNullException>(() => SalesCycle.Of(null!, AsOf)).ParamName);
        var nullDeal = Assert.Throws<ArgumentNullException>(() => SalesCycle.Of([Open(Day(1)), null!], AsOf));
        Assert.Equal("deals", nullDeal.ParamName);
        Assert.Contains("Deal 1", nullDeal.Message, StringComparison.Ordinal);
        var outcome = Assert.Throws<ArgumentOutOfRangeException>(() =>
            SalesCycle.Of([], AsOf, new SalesCycleOptions { Outcome = (SalesCycleOutcome)7 })
        );
        Assert.Equal("options", outcome.ParamName);
        Assert.Contains("7", outcome.Message, StringComparison.Ordinal);
        var tau = Assert.Throws<ArgumentOutOfRangeException>(() =>
            SalesCycle.Of(SixMpDeals(), AsOf, new SalesCycleOptions { TauDays = 36 })
        );
        Assert.Equal("options", tau.ParamName);
        Assert.Contains("36", tau.Message, StringComparison.Ordinal);
        Assert.Equal(
            "options",
            Assert.Throws<ArgumentOutOfRangeException>(() => SalesCycle.Of([], AsOf, new SalesCycleOptions { TauDays = -1 })).ParamName
        );
    }

    [Fact]
    public void Merge_DifferentAsOf_Throws()
    {
        var a = new SalesCycleAccumulator(AsOf);
        var b = new SalesCycleAccumulator(Day(1));

        Assert.Equal("other", Assert.Throws<ArgumentException>(() => a.Merge(b)).ParamName);
    }

    private static readonly Arbitrary<(int Created, int Status, int Hours)[]> DealSpecs = Gen.ListOf(
            from created in Gen.Choose(0, 60)
            from status in Gen.Choose(0, 2)
            from hours in Gen.Choose(0, 24 * 40)
            select (created, status, hours)
        )
        .Select(list => list.ToArray())
        .ToArbitrary();

    private static Deal Build((int Created, int Status, int Hours) spec)
    {
        var created = Day(spec.Created);
        var closed = created + Duration.FromHours(spec.Hours);
        return spec.Status switch
        {
            0 => Open(created),
            1 => Won(created, closed),
            _ => Lost(created, closed),
        };
    }

    [Fact]
    public void Merge_OfSplit_EqualsWhole_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                DealSpecs,
                Arb.From(Gen.Choose(0, 100)),
                Arb.From(Gen.Elements(SalesCycleOutcome.Closed, SalesCycleOutcome.Won)),
                (specs, cut, outcome) =>
                {
                    var deals = specs.Select(Build).ToArray();
                    var options = new SalesCycleOptions { Outcome = outcome };
                    var asOf = Day(70);
                    var at = deals.Length * cut / 100;
                    var left = new SalesCycleAccumulator(asOf, options);
                    var right = new SalesCycleAccumulator(asOf, options);
                    left.AddRange(deals.Take(at));
                    right.AddRange(deals.Skip(at));
                    left.Merge(right);
                    var whole = SalesCycle.Of(deals, asOf, options);
                    return left.Result() == whole
                        && whole.Deals + whole.NotYetCreated == deals.Length
                        && whole.WonDeals == deals.Count(d => d.AsOf(asOf) is { Status: DealStatus.Won });
                }
            )
        );
}
