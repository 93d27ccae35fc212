using System.Globalization;
using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Metrics;
using SalesPipeline.Organization;
using SalesPipeline.Targets;

namespace SalesPipeline.Tests.Frames;

// The funnel with exchange rates: from a list, the frame's converted column (every deal's amount is converted, so one
// the rates refuse sends the list to the deal code, which throws); from a lazy sequence, deal by deal.
[Collection(FrameSplitting.Name)]
public class ConvertedFunnelTests
{
    private static readonly Gen<Breakdown[]> BreakdownsGen = Gen.Elements<Breakdown[]>(
        [],
        [Breakdown.Owner],
        [Breakdown.Owner, Breakdown.Source]
    );

    [Fact]
    public void FromAList_EqualsTheDealByDealFunnel_Property() => Same(RatedDeals.Deals, RatedDeals.Rates, splitFrom: null);

    [Fact]
    public void SplitAcrossCores_EqualsTheDealByDealFunnel_Property() => Same(RatedDeals.PlainDeals, RatedDeals.PlainRates, splitFrom: 2);

    [Fact]
    public void PlainDealsAndRates_RunOnTheFrame() =>
        KernelOracle.MostlyRuns(
            from deals in RatedDeals.PlainDeals
            from rates in RatedDeals.PlainRates
            select (deals, rates),
            c => c.deals,
            (c, frame) => new FunnelAccumulator(FrameDeals.Pipeline, Currency.USD, new FunnelOptions { Rates = c.rates }).TryAdd(frame),
            21UL
        );

    private static void Same(Gen<Deal[]> dealsGen, Gen<ExchangeRates> ratesGen, int? splitFrom) =>
        KernelOracle.SameFromAList(
            from deals in dealsGen
            from rates in ratesGen
            from breakdowns in BreakdownsGen
            select (deals, options: new FunnelOptions { Rates = rates, Breakdowns = breakdowns }),
            c => c.deals,
            (c, deals) => StintsHostile.Outcome(() => Funnel.Of(deals, FrameDeals.Pipeline, c.options)),
            splitFrom: splitFrom
        );
}
