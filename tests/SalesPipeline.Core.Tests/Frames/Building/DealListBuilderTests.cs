using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Health;
using SalesPipeline.Metrics;
using SalesPipeline.Tests.Frames.HistoryColumns;

namespace SalesPipeline.Tests.Frames.Building;

// The public way to a list held as columns: what goes in comes out, element for element and in order, and every
// metric over the list gives what it gives over an array of the same deals.
public class DealListBuilderTests
{
    // The hostile generators of the frame suites (histories with every kind of event and hostile fields; stint
    // histories with imports, reopens and refusals; lists with scales, currencies, sub-tick instants and pools), each
    // list now and then added twice (every id repeated, the same objects again).
    private static readonly Gen<Deal[]> Lists =
        from deals in Gen.OneOf(HistoryDeals.Deals, StintsHostile.RandomDeals, FrameDeals.Deals)
        from twice in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        select twice ? [.. deals, .. deals] : deals;

    // For the metrics, half the lists keep only the deals of the Default pipeline in dollars, so that most metrics give
    // figures rather than refuse the list.
    private static readonly Gen<Deal[]> MetricLists =
        from deals in Lists
        from onlyUsable in Gen.Elements(false, true)
        select onlyUsable ? [.. deals.Where(d => d.Pipeline == FrameDeals.Pipeline.Name && d.Amount.Currency == Currency.USD)] : deals;

    private static readonly FiscalPeriod[] Months = [.. FiscalCalendar.Calendar.Months(2026).Take(6)];

    [Fact]
    public void Build_GivesTheDealsAdded_InOrder_AsNewEqualObjects_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Lists.ToArbitrary(),
                deals =>
                {
                    var builder = new DealListBuilder();
                    for (var i = 0; i < deals.Length; i++)
                    {
                        Assert.Equal(i, builder.Count);
                        builder.Add(deals[i]);
                    }
                    Assert.Equal(deals.Length, builder.Count);
                    var built = builder.Build();
                    Assert.Equal(deals.Length, built.Count);
                    for (var i = 0; i < deals.Length; i++)
                    {
                        var deal = built[i];
                        Assert.Equal(deals[i], deal);
                        Assert.Equal(FrameHistoryTests.State(deals[i]), FrameHistoryTests.State(deal));
                        // Held as columns: no object added is kept, and each read makes its deal again.
                        Assert.NotSame(deals[i], deal);
                        Assert.NotSame(deal, built[i]);
                    }
                    Assert.Equal(deals, built);
                    Assert.Equal(deals.Length, builder.Count);
                }
            )
        );

    [Fact]
    public void Metrics_OverTheBuiltList_EqualMetrics_OverAnArrayOfTheDeals_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                MetricLists.ToArbitrary(),
                Gen.Choose(-10, 24 * 150).ToArbitrary(),
                (deals, hours) =>
                {
                    var built = Built(deals);
                    var pipeline = FrameDeals.Pipeline;
                    var asOf = FrameDeals.T0 + Duration.FromHours(hours);
                    var forecast = new ForecastOptions { AsOf = Months[0].Start.PlusDays(hours / 24) };
                    Func<IReadOnlyList<Deal>, object>[] metrics =
                    [
                        d => Forecast.StageWeighted(d, pipeline, Months, forecast),
                        d => WinRate.Of(d),
                        d => WinRate.By(d, Breakdown.Owner),
                        d => Funnel.Of(d, pipeline),
                        d => TimeInStage.Of(d, pipeline, asOf),
                        d => PipelineHealth.Inspect(d, pipeline, asOf),
                    ];
                    foreach (var metric in metrics)
                    {
                        Assert.Equal(StintsHostile.Outcome(() => metric(deals)), StintsHostile.Outcome(() => metric(built)));
                    }
                }
            )
        );

    [Fact]
    public void RefusedCalls_ChangeNothing_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Lists.ToArbitrary(),
                deals =>
                {
                    var builder = new DealListBuilder();
                    foreach (var deal in deals)
                    {
                        builder.Add(deal);
                    }
                    var refused = Assert.Throws<ArgumentNullException>(() => builder.Add(null!));
                    Assert.Equal("deal", refused.ParamName);
                    Assert.Equal(deals.Length, builder.Count);
                    var built = builder.Build();
                    Assert.Equal(deals, built);
                    var added = Assert.Throws<InvalidOperationException>(() => builder.Add(Late()));
                    Assert.Contains("Build has been called", added.Message, StringComparison.Ordinal);
                    Assert.Throws<InvalidOperationException>(builder.Build);
                    Assert.Throws<ArgumentNullException>(() => builder.Add(null!));
                    Assert.Equal(deals.Length, builder.Count);
                    Assert.Equal(deals, built);
                }
            )
        );

    [Fact]
    public void AnEmptyBuilder_BuildsAnEmptyList_TheMetricsTakeAsNoDeals()
    {
        var built = new DealListBuilder().Build();
        Assert.Empty(built);
        Assert.Throws<ArgumentOutOfRangeException>(() => built[0]);
        Assert.Equal(StintsHostile.Outcome(() => WinRate.Of(Array.Empty<Deal>())), StintsHostile.Outcome(() => WinRate.Of(built)));
        Assert.Equal(
            StintsHostile.Outcome(() => Funnel.Of(Array.Empty<Deal>(), FrameDeals.Pipeline)),
            StintsHostile.Outcome(() => Funnel.Of(built, FrameDeals.Pipeline))
        );
    }

    [Fact]
    public void TheBuiltList_IsItsFramesList_SoMetricsFindTheColumnsAtOnce()
    {
        var deals = HistoryDeals.Deals.Sample(20, new Rnd(14UL), 10).First(d => d.Length > 0);
        var built = Built(deals);
        var frame = DealFrames.For(built);
        Assert.NotNull(frame);
        Assert.Same(frame, DealFrames.For(built));
        Assert.NotNull(frame.History); // the histories, not the deal objects
        Assert.False(frame.HoldsSame(deals));
    }

    private static IReadOnlyList<Deal> Built(Deal[] deals)
    {
        var builder = new DealListBuilder();
        foreach (var deal in deals)
        {
            builder.Add(deal);
        }
        return builder.Build();
    }

    private static Deal Late() =>
        Deal.Open(
            FrameDeals.Pipeline,
            new DealId("late"),
            "Late",
            "alice",
            Money.Of(1m, Currency.USD),
            new LocalDate(2026, 6, 30),
            FrameDeals.T0
        );
}
