using FsCheck;
using FsCheck.Fluent;
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

    // The other way round: a part whose own steps rounded. Deals 0 and 14 are 5,000,000,000,000,000 and
    // 1,000,000,000,000,000, deals 12 and 13 are 0.00000000000004, the rest 0; in two parts of 12. One by one, each tiny
    // amount lands on 5e15 and needs 30 digits, so it rounds away (to scale 13): 6,000,000,000,000,000.0000000000000. The
    // second part sums the two tiny amounts exactly (8e-14) before it adds 1e15 and rounds once, to
    // 1,000,000,000,000,000.0000000000001, and merging that into the first part's 5e15 rounds nothing more: a plain
    // merge gives ...0001 (asserted below). The part's sum lost its scale (14 -> 13), so it must not be merged.
    [Fact]
    public void Funnel_WhereAPartsOwnStepsRounded_AddsTheDealsOneByOne()
    {
        decimal AmountOf(int i) =>
            i switch
            {
                0 => 5_000_000_000_000_000m,
                12 or 13 => 0.00000000000004m,
                14 => 1_000_000_000_000_000m,
                _ => 0m,
            };
        var deals = Enumerable.Range(0, 24).Select(i => Open($"D{i:D3}", AmountOf(i))).ToArray();
        var oracle = new FunnelAccumulator(FrameDeals.Pipeline, Currency.USD);
        Array.ForEach(deals, oracle.Add);
        var expected = oracle.Result().All.Stages[0].ReachedAmount;
        Assert.Equal(6_000_000_000_000_000.0000000000000m, expected.Amount);

        var first = new FunnelAccumulator(FrameDeals.Pipeline, Currency.USD);
        var second = new FunnelAccumulator(FrameDeals.Pipeline, Currency.USD);
        Array.ForEach(deals[..12], first.Add);
        Array.ForEach(deals[12..], second.Add);
        first.Merge(second);
        Assert.Equal(6_000_000_000_000_000.0000000000001m, first.Result().All.Stages[0].ReachedAmount.Amount);

        using var _ = FramePartitions.SplitFrom(2);
        var funnel = Funnel.Of(deals.Select(d => d), FrameDeals.Pipeline);
        Assert.Equal(expected, funnel.All.Stages[0].ReachedAmount);
        Assert.Equal(oracle.Result(), funnel);
    }

    // Any amounts: two large ones (up to 4e15, some with 12 decimals: the sums then need 28 digits and steps round) at
    // any places among small and tiny ones (0.25 steps, 1e-14 steps), the total within Money's range (1e16): split or
    // not, the deal code's funnel is the one-by-one funnel.
    [Fact]
    public void Funnel_OfAnyAmounts_EqualsAddingTheDealsOneByOne_Property()
    {
        var large = Gen.OneOf(
            Gen.Choose(1, 4).Select(d => d * 1_000_000_000_000_000m),
            Gen.Choose(1, 3).Select(d => d * 1_000_000_000_000_000m + 0.999999999999m)
        );
        var small = Gen.OneOf(Gen.Choose(1, 99).Select(d => d * 0.00000000000001m), Gen.Choose(0, 5000).Select(d => d * 0.25m));
        var cases =
            from n in Gen.Choose(2, 40)
            from smalls in small.ArrayOf(n)
            from first in Gen.Choose(0, n - 1)
            from second in Gen.Choose(0, n - 1)
            from a in large
            from b in large
            select smalls
                .Select(
                    (x, i) =>
                        i == first ? a
                        : i == second ? b
                        : x
                )
                .ToArray();
        using var _ = FramePartitions.SplitFrom(2);
        PropertyAssert.Holds(
            Prop.ForAll(
                cases.ToArbitrary(),
                amounts =>
                {
                    var deals = amounts.Select((a, i) => Open($"D{i:D3}", a)).ToArray();
                    var oracle = new FunnelAccumulator(FrameDeals.Pipeline, Currency.USD);
                    Array.ForEach(deals, oracle.Add);
                    Assert.Equal(oracle.Result(), Funnel.Of(deals.Select(d => d), FrameDeals.Pipeline));
                }
            )
        );
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
