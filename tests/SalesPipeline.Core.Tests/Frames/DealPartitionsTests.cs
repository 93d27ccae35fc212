using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Metrics;

namespace SalesPipeline.Tests.Frames;

// The deal code's own split (DealPartitions, behind Funnel.Of and TimeInStage.Of when the frame kernel declines) merges
// its parts only when the merge equals adding each deal: a result never depends on the number of cores.
public class DealPartitionsTests
{
    // One deal of 8,999,999,999,999,999.999999999999 (28 digits) and 199 of 0.0000000000006. Added one by one, each tiny
    // amount makes the sum need 29 digits, so decimal rounds it at scale 12 step by step; two parts merged add the
    // second part's 100 tiny amounts (0.00000000006, exact) at once, which rounds once. The two sums differ (asserted
    // below), so the split must not be merged here.
    [Fact]
    public void Funnel_WhereMergingThePartsWouldRound_AddsTheDealsOneByOne()
    {
        var huge = 8_999_999_999_999_999.999999999999m;
        var tiny = 0.0000000000006m;
        var deals = Enumerable.Range(0, 200).Select(i => Open($"D{i:D3}", i == 0 ? huge : tiny)).ToArray();

        var oracle = new FunnelAccumulator(FrameDeals.Pipeline, Currency.USD);
        Array.ForEach(deals, oracle.Add);
        var expected = oracle.Result().All.Stages[0].ReachedAmount;

        var first = new FunnelAccumulator(FrameDeals.Pipeline, Currency.USD);
        var second = new FunnelAccumulator(FrameDeals.Pipeline, Currency.USD);
        Array.ForEach(deals[..100], first.Add);
        Array.ForEach(deals[100..], second.Add);
        first.Merge(second);
        Assert.NotEqual(expected, first.Result().All.Stages[0].ReachedAmount);

        using var _ = FramePartitions.SplitFrom(2);
        Assert.Equal(expected, Funnel.Of(deals.Select(d => d), FrameDeals.Pipeline).All.Stages[0].ReachedAmount);
        Assert.Equal(expected, Funnel.Of(deals, FrameDeals.Pipeline).All.Stages[0].ReachedAmount);
    }

    // Amounts that merge exactly: the parts are merged, and the result is the one-by-one result all the same.
    [Fact]
    public void Funnel_WhereMergingIsExact_EqualsAddingTheDealsOneByOne()
    {
        var deals = Enumerable.Range(0, 200).Select(i => Open($"D{i:D3}", 1_000m + i * 0.25m)).ToArray();
        var oracle = new FunnelAccumulator(FrameDeals.Pipeline, Currency.USD);
        Array.ForEach(deals, oracle.Add);
        using var _ = FramePartitions.SplitFrom(2);
        Assert.Equal(oracle.Result(), Funnel.Of(deals.Select(d => d), FrameDeals.Pipeline));
    }

    private static Deal Open(string id, decimal amount) =>
        Deal.Open(
            FrameDeals.Pipeline,
            new DealId(id),
            id,
            "alice",
            Money.Of(amount, Currency.USD),
            new LocalDate(2026, 2, 10),
            FrameDeals.T0
        );
}
