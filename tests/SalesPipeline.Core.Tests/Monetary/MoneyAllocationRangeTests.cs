using FsCheck;
using FsCheck.Fluent;

namespace SalesPipeline.Tests.Monetary;

// Allocation at the edges of the range: weights whose integers at their common scale pass Int64 (the BigInteger path of
// Money.Allocate), and amounts at the 10^18-minor-unit limit.
public class MoneyAllocationRangeTests
{
    private static decimal[] Amounts(IEnumerable<Money> shares) => [.. shares.Select(s => s.Amount)];

    // 100 cents by 1 : 2 : 3 (x 10^20, each beyond long): exact parts 16.67, 33.33, 50 cents; floors 16, 33, 50 (99);
    // remainders 4/6, 2/6, 0/6, so the one cent left goes to the first share.
    [Fact]
    public void Allocate_WeightsBeyondInt64_SplitByTheExactRatio()
    {
        var shares = Money.Of(1.00m, Currency.USD).Allocate([1e20m, 2e20m, 3e20m]);

        Assert.Equal([0.17m, 0.33m, 0.50m], Amounts(shares));
    }

    // A weight of 10^-28 next to 1 puts both at scale 28, so 1 becomes 10^28, beyond long. 10000 cents: the first share's
    // exact part is 10000 / (10^28 + 1), floor 0, remainder 10000; the second's is 10000 x 10^28 / (10^28 + 1), floor
    // 9999, remainder 10^28 - 9999. The one cent left goes to the larger remainder, the second: 0.00 and 100.00.
    [Fact]
    public void Allocate_WeightsAtScale28_TakeTheBigIntegerPathAndKeepTheRule()
    {
        var shares = Money.Of(100.00m, Currency.USD).Allocate([0.0000000000000000000000000001m, 1m]);

        Assert.Equal([0.00m, 100.00m], Amounts(shares));
    }

    // Each weight fits a long but their total does not (6 x 10^18 twice is 1.2 x 10^19 > 9.2 x 10^18): the BigInteger
    // path from the total. 10001 cents by 6 : 6 : 10^-18 (as 6 x 10^18 : 6 x 10^18 : 1): the first two exact parts are
    // just under 5000.5, floors 5000, 5000, 0 (10000); the one cent left goes to the larger remainder, a tie between the
    // first two, so to the first: 50.01, 50.00, 0.00.
    [Fact]
    public void Allocate_WeightsWhoseTotalPassesInt64_SplitByTheExactRatio()
    {
        var shares = Money.Of(100.01m, Currency.USD).Allocate([6m, 6m, 0.000000000000000001m]);

        Assert.Equal([50.01m, 50.00m, 0.00m], Amounts(shares));
    }

    // 10^18 cents (USD 10^16, the limit) in three: 333,333,333,333,333,333 each and one cent left for the first share.
    [Fact]
    public void Allocate_TheLimitInThree_IsExact()
    {
        var shares = Money.Of(10_000_000_000_000_000m, Currency.USD).Allocate(3);

        Assert.Equal([3_333_333_333_333_333.34m, 3_333_333_333_333_333.33m, 3_333_333_333_333_333.33m], Amounts(shares));
    }

    [Fact]
    public void Allocate_AnAmountBeyondLongMinorUnits_IsRefusedWhenTheAmountIsMade()
    {
        // USD 10^17 is 10^19 cents, beyond long: it used to pass Money.Of and then overflow inside Allocate.
        Assert.Throws<ArgumentOutOfRangeException>(() => Money.Of(1e17m, Currency.USD).Allocate(3));
    }

    // A split depends only on the ratios of the weights: scaling integer weights by 10^20 (which moves them from the
    // Int128 path to the BigInteger path) gives the same shares, for any amount in the range.
    [Fact]
    public void Allocate_WeightsScaledBeyondInt64_SplitLikeTheUnscaledWeights_Property()
    {
        var cases =
            from units in Gen.Frequency(
                (1, Gen.Elements(1_000_000_000_000_000_000L, -1_000_000_000_000_000_000L, 1L)),
                (
                    3,
                    from high in Gen.Choose(-999_999_999, 999_999_999)
                    from low in Gen.Choose(0, 999_999_999)
                    select (high * 1_000_000_000L) + low
                )
            )
            from weights in MoneyGen.Weights
            select (units, weights);
        PropertyAssert.Holds(
            Prop.ForAll(
                cases.ToArbitrary(),
                c =>
                {
                    var amount = Money.FromMinorUnits(c.units, Currency.USD);
                    var small = amount.Allocate(c.weights.Select(w => (decimal)w).ToArray());
                    var huge = amount.Allocate(c.weights.Select(w => w * 100_000_000_000_000_000_000m).ToArray());
                    return small.SequenceEqual(huge) && Money.Sum(huge, Currency.USD) == amount;
                }
            )
        );
    }
}
