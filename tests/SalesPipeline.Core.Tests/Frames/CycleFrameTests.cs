using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Metrics;
using SalesPipeline.Tests.Metrics;

namespace SalesPipeline.Tests.Frames;

public class CycleFrameTests
{
    private static readonly SalesCycleOptions[] Options =
    [
        SalesCycleOptions.Default,
        new() { Outcome = SalesCycleOutcome.Won },
        new() { TauDays = 1.5 }, // beyond the largest time on short histories: Result throws, on both paths
        new() { Confidence = 0.9, Interval = SurvivalInterval.Plain },
    ];

    private static readonly Gen<Instant> AsOf =
        from hours in Gen.Choose(-10, 600)
        from subTick in Gen.Elements(0, 0, 0, 50)
        select History.H(hours).Plus(Duration.FromNanoseconds(subTick));

    // Three deals created at hour 0: D1 won at day 6, D2 still open, D3 won at day 10. As of day 10: D1 an event at 6,
    // D2 censored at 10, D3 an event at 10. S = 2/3 from 6 (3 at risk, 1 event), then 2/3 x 1/2 = 1/3 from 10 (2 at
    // risk: a censoring at a time counts as at risk there); median 10; naive mean over the two won deals (6 + 10) / 2
    // = 8. As of day 6, D3 changed later and is read as it stood then (open): censored at 6 with D2, beside D1's event.
    [Fact]
    public void Of_WorkedExample_ThroughTheFrame()
    {
        Deal[] deals = [History.Open("D1").Win(144), History.Open("D2"), History.Open("D3").Win(240)];
        var asOf = History.H(144);
        var accumulator = new SalesCycleAccumulator(History.H(240));
        Assert.True(accumulator.TryAdd(DealFrame.Of(deals), 2));

        var cycle = accumulator.Result();

        Assert.Equal([6.0, 10.0], cycle.Curve.Points.Select(p => p.Time));
        Assert.Equal([2.0 / 3, 2.0 / 3 * 0.5], cycle.Curve.Points.Select(p => p.Survival));
        Assert.Equal((10.0, 8.0, 2L), (cycle.MedianDays, cycle.NaiveMeanWonDays, cycle.WonDeals));
        // As of day 6, D3 is read as it stood (open): censored at 6 with D2.
        var early = SalesCycle.Of(deals, asOf);
        Assert.Equal((1L, 2L), (early.Curve.Points[0].Events, early.Curve.Points[0].Censored));
    }

    // SalesCycle.Of over a list (the frame path, where it applies) gives what it gives over the same deals read once as
    // a sequence (the deal path): every figure, or the same exception.
    [Fact]
    public void Of_ListEqualsSequence_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                StintsHostile.RandomDeals.ToArbitrary(),
                AsOf.ToArbitrary(),
                Gen.Choose(0, Options.Length - 1).ToArbitrary(),
                (deals, asOf, o) =>
                {
                    var framed = StintsHostile.Outcome(() => SalesCycle.Of(deals, asOf, Options[o]));
                    var today = StintsHostile.Outcome(() => SalesCycle.Of(deals.Select(d => d), asOf, Options[o]));
                    return framed == today;
                }
            )
        );

    private static int ran;
    private static int tried;

    // The kernel itself, split into 1 to 4 parts, then merged with or into another accumulator (runs spill into the
    // dictionary): the same curve as adding the deals one by one. It must run on most lists.
    [Fact]
    public void TryAdd_EqualsAddingEachDeal_AndRunsOnMostLists_Property()
    {
        PropertyAssert.Holds(
            Prop.ForAll(
                StintsHostile.RandomDeals.ToArbitrary(),
                Gen.Choose(0, 600).ToArbitrary(),
                (from o in Gen.Choose(0, 1) from parts in Gen.Choose(1, 4) select (o, parts)).ToArbitrary(),
                (deals, hours, setup) =>
                {
                    var (o, parts) = setup;
                    if (deals.Length == 0)
                    {
                        return true;
                    }
                    var asOf = History.H(hours);
                    var accumulator = new SalesCycleAccumulator(asOf, Options[o]);
                    var ok = accumulator.TryAdd(DealFrame.Of(deals), parts);
                    tried++;
                    var oracle = new SalesCycleAccumulator(asOf, Options[o]);
                    if (!ok)
                    {
                        return StintsHostile.Dump(accumulator.Result()) == StintsHostile.Dump(oracle.Result());
                    }
                    ran++;
                    oracle.AddRange(deals.Select(d => d)); // a sequence: the deal code, not the frame AddRange now runs on a list
                    var expected = StintsHostile.Dump(oracle.Result());
                    var same = StintsHostile.Dump(accumulator.Result()) == expected;
                    // Runs merged into an empty dictionary, and a deal added to runs (which spill first).
                    var left = new SalesCycleAccumulator(asOf, Options[o]);
                    left.Merge(accumulator);
                    accumulator.Add(deals[0]);
                    oracle.Add(deals[0]);
                    return same
                        && StintsHostile.Dump(left.Result()) == expected
                        && StintsHostile.Dump(accumulator.Result()) == StintsHostile.Dump(oracle.Result());
                }
            )
        );
        Assert.True(ran * 10 > tried * 6, $"The frame kernel ran on {ran} of {tried} lists.");
    }
}
