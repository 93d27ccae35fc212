using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Metrics;
using SalesPipeline.Tests.Metrics;

namespace SalesPipeline.Tests.Frames;

public class TimeInStageFrameTests
{
    private static readonly TimeInStageOptions[] Options =
    [
        TimeInStageOptions.Default,
        new() { IncludeOpenStints = false },
        new() { Percentiles = [0.1, 0.5, 0.99] },
        new() { BusinessDays = BusinessCalendar.Create(DateTimeZoneProviders.Tzdb["Europe/Berlin"], []) },
    ];

    // As of hour -10 (before every deal) to 600, sometimes 50 ns past a tick.
    private static readonly Gen<Instant> AsOf =
        from hours in Gen.Choose(-10, 600)
        from subTick in Gen.Elements(0, 0, 0, 50)
        select History.H(hours).Plus(Duration.FromNanoseconds(subTick));

    // TimeInStage.Of over a list (the frame path, where it applies) gives what it gives over the same deals read once
    // as a sequence (the deal path): every figure, or the same exception.
    [Fact]
    public void Of_ListEqualsSequence_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                StintsHostile.RandomDeals.ToArbitrary(),
                AsOf.ToArbitrary(),
                Gen.Choose(0, Options.Length - 1).ToArbitrary(),
                (deals, asOf, o) =>
                {
                    var framed = StintsHostile.Outcome(() => TimeInStage.Of(deals, History.Pipeline, asOf, Options[o]));
                    var today = StintsHostile.Outcome(() => TimeInStage.Of(deals.Select(d => d), History.Pipeline, asOf, Options[o]));
                    return framed == today;
                }
            )
        );

    private static int ran;
    private static int tried;

    // The kernel itself, split into 1 to 4 parts: when it runs, the accumulator holds exactly what adding the deals one
    // by one gives; when it declines, the accumulator is unchanged. It must run on most lists.
    [Fact]
    public void TryAdd_EqualsAddingEachDeal_AndRunsOnMostLists_Property()
    {
        PropertyAssert.Holds(
            Prop.ForAll(
                StintsHostile.RandomDeals.ToArbitrary(),
                Gen.Choose(0, 600).ToArbitrary(),
                (from o in Gen.Choose(0, 2) from parts in Gen.Choose(1, 4) select (o, parts)).ToArbitrary(),
                (deals, hours, setup) =>
                {
                    var (o, parts) = setup;
                    if (deals.Length == 0)
                    {
                        return true;
                    }
                    var asOf = History.H(hours);
                    var accumulator = new TimeInStageAccumulator(History.Pipeline, asOf, Options[o]);
                    var ok = accumulator.TryAdd(DealFrame.Of(deals), parts);
                    tried++;
                    var oracle = new TimeInStageAccumulator(History.Pipeline, asOf, Options[o]);
                    if (ok)
                    {
                        ran++;
                        oracle.AddRange(deals.Select(d => d)); // a sequence: the deal code, not the frame AddRange now runs on a list
                    }
                    return StintsHostile.Dump(accumulator.Result()) == StintsHostile.Dump(oracle.Result());
                }
            )
        );
        Assert.True(ran * 10 > tried * 5, $"The frame kernel ran on {ran} of {tried} lists.");
    }
}
