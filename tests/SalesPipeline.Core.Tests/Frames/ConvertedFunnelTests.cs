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
    public void FromAList_EqualsTheDealByDealFunnel_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                RatedDeals.Deals.ToArbitrary(),
                RatedDeals.Rates.ToArbitrary(),
                BreakdownsGen.ToArbitrary(),
                (deals, rates, breakdowns) => Same(deals, new FunnelOptions { Rates = rates, Breakdowns = breakdowns })
            )
        );

    [Fact]
    public void SplitAcrossCores_EqualsTheDealByDealFunnel_Property()
    {
        using var _ = DealFrame.SplitFrom(2);
        PropertyAssert.Holds(
            Prop.ForAll(
                RatedDeals.PlainDeals.ToArbitrary(),
                RatedDeals.PlainRates.ToArbitrary(),
                BreakdownsGen.ToArbitrary(),
                (deals, rates, breakdowns) => Same(deals, new FunnelOptions { Rates = rates, Breakdowns = breakdowns })
            )
        );
    }

    [Fact]
    public void PlainDealsAndRates_RunOnTheFrame()
    {
        var lists = RatedDeals.PlainDeals.Sample(30, new Rnd(21UL), 40).Where(d => d.Length > 0).ToArray();
        var rates = RatedDeals.PlainRates.Sample(10, new Rnd(22UL), 40);
        var taken = lists
            .Where(
                (deals, i) =>
                    new FunnelAccumulator(FrameDeals.Pipeline, Currency.USD, new FunnelOptions { Rates = rates[i % rates.Length] }).TryAdd(
                        DealFrame.Of(deals)
                    )
            )
            .Count();
        Assert.True(taken >= lists.Length * 9 / 10, $"the frame kernel ran for {taken} of {lists.Length} lists");
    }

    private static bool Same(Deal[] deals, FunnelOptions options)
    {
        Assert.Equal(
            StintsHostile.Outcome(() => Funnel.Of(deals.Select(d => d), FrameDeals.Pipeline, options)),
            StintsHostile.Outcome(() => Funnel.Of(deals, FrameDeals.Pipeline, options))
        );
        return true;
    }
}
