using System.Globalization;
using System.Numerics;
using FsCheck;
using FsCheck.Fluent;

namespace SalesPipeline.Tests.Monetary;

public class MoneyAllocationTests
{
    private static Money Usd(decimal amount) => Money.Of(amount, Currency.USD);

    private static decimal[] Amounts(IEnumerable<Money> shares) => [.. shares.Select(s => s.Amount)];

    private static decimal[] Parse(params string[] values) => [.. values.Select(v => decimal.Parse(v, CultureInfo.InvariantCulture))];

    // ---- worked examples (derived by hand in the comments) --------------------------------------------------

    // 10000 cents / 3 = 3333.33 each; floors 3333 x 3 = 9999; 1 cent left goes to the first share (tie).
    [Fact]
    public void Allocate_UsdHundredInThreeParts_GivesLeftoverCentToFirst()
    {
        Assert.Equal([33.34m, 33.33m, 33.33m], Amounts(Usd(100.00m).Allocate(3)));
    }

    // 547 cents / 3 = 182.33 each; floors 546; 1 cent left to the first.
    [Fact]
    public void Allocate_Usd547InThreeParts_GivesLeftoverCentToFirst()
    {
        Assert.Equal([1.83m, 1.82m, 1.82m], Amounts(Usd(5.47m).Allocate(3)));
    }

    // 100 yen / 3 = 33.33; floors 99; 1 yen left to the first.
    [Fact]
    public void Allocate_JpyHundredInThreeParts_WorksInWholeYen()
    {
        var shares = Money.Of(100m, Currency.JPY).Allocate(3);

        Assert.Equal([34m, 33m, 33m], Amounts(shares));
        Assert.All(shares, s => Assert.Same(Currency.JPY, s.Currency));
    }

    // 10000 fils / 3 = 3333.33; floors 9999; 1 fils left to the first.
    [Fact]
    public void Allocate_KwdTenInThreeParts_WorksInFils()
    {
        Assert.Equal([3.334m, 3.333m, 3.333m], Amounts(Money.Of(10.000m, Currency.KWD).Allocate(3)));
    }

    // The split of -X is the negation of the split of X.
    [Fact]
    public void Allocate_NegativeUsdHundredInThreeParts_IsNegationOfPositiveSplit()
    {
        Assert.Equal([-33.34m, -33.33m, -33.33m], Amounts(Usd(-100.00m).Allocate(3)));
    }

    // 100 cents / 7 = 14.29; floors 98; 2 cents left to the first two.
    [Fact]
    public void Allocate_UsdOneInSevenParts_GivesTwoLeftoverCentsToFirstTwo()
    {
        Assert.Equal([0.15m, 0.15m, 0.14m, 0.14m, 0.14m, 0.14m, 0.14m], Amounts(Usd(1.00m).Allocate(7)));
    }

    // 1 cent / 3 = 0.33 each; floors 0; the cent goes to the first.
    [Fact]
    public void Allocate_OneCentInThreeParts_GivesItToTheFirst()
    {
        Assert.Equal([0.01m, 0m, 0m], Amounts(Usd(0.01m).Allocate(3)));
    }

    [Fact]
    public void Allocate_OnePart_ReturnsTheWholeAmount()
    {
        var shares = Usd(123.45m).Allocate(1);

        Assert.Equal([Usd(123.45m)], shares);
    }

    [Fact]
    public void Allocate_Zero_GivesZeroShares()
    {
        Assert.Equal([0m, 0m, 0m], Amounts(Usd(0m).Allocate(3)));
        Assert.Equal([0m, 0m], Amounts(Usd(0m).Allocate([1m, 2m])));
    }

    // The documented example: 5 cents x 0.3 = 1.5, x 0.7 = 3.5; floors 1 + 3; 1 cent left; tie 0.5/0.5 -> first.
    [Fact]
    public void Allocate_FiveCentsByThirtySeventy_TieGoesToEarlierShare()
    {
        Assert.Equal([0.02m, 0.03m], Amounts(Usd(0.05m).Allocate([0.3m, 0.7m])));
    }

    // Mirror image: 5 cents x 0.7 = 3.5, x 0.3 = 1.5; the tie again goes to the first share (now the 0.7 one).
    [Fact]
    public void Allocate_FiveCentsBySeventyThirty_TieGoesToEarlierShare()
    {
        Assert.Equal([0.04m, 0.01m], Amounts(Usd(0.05m).Allocate([0.7m, 0.3m])));
    }

    // 3 cents x 3/6 = 1.5, x 2/6 = 1, x 1/6 = 0.5; floors 1 + 1 + 0 = 2; 1 cent left; tie 0.5 (first) vs 0.5 (third).
    [Fact]
    public void Allocate_ThreeCentsByThreeTwoOne_TieGoesToEarlierShare()
    {
        Assert.Equal([0.02m, 0.01m, 0m], Amounts(Usd(0.03m).Allocate([3m, 2m, 1m])));
    }

    // Same split with weights that are not exact decimals in sixths: 0.5, 1/3 and 1/6 of the total.
    [Fact]
    public void Allocate_ThreeCentsByThirtyTwentyTen_TieGoesToEarlierShare()
    {
        Assert.Equal([0.02m, 0.01m, 0m], Amounts(Usd(0.03m).Allocate([30m, 20m, 10m])));
    }

    // 10 cents x 1/3 = 3.33, x 2/3 = 6.67; floors 3 + 6; 1 cent left goes to the LARGEST fraction (second), not the first.
    [Fact]
    public void Allocate_TenCentsByOneTwo_LeftoverGoesToLargestFraction()
    {
        Assert.Equal([0.03m, 0.07m], Amounts(Usd(0.10m).Allocate([1m, 2m])));
    }

    // 1/3 as a decimal has 28 digits; three equal weights still split 100 cents as 34, 33, 33.
    [Fact]
    public void Allocate_TwentyEightDigitEqualWeights_SplitsLikeEqualParts()
    {
        var third = 1m / 3m;

        Assert.Equal([0.34m, 0.33m, 0.33m], Amounts(Usd(1.00m).Allocate([third, third, third])));
    }

    [Fact]
    public void Allocate_UsdHundredByFiftyThirtyTwenty_IsExact()
    {
        Assert.Equal([50.00m, 30.00m, 20.00m], Amounts(Usd(100.00m).Allocate([50m, 30m, 20m])));
        Assert.Equal([50.00m, 30.00m, 20.00m], Amounts(Usd(100.00m).Allocate([0.5m, 0.3m, 0.2m])));
    }

    // 101 cents by 0, 1, 0, 1: 50.5 each for the weighted shares; floors 100; 1 cent left, tie -> second share.
    [Fact]
    public void Allocate_WeightsWithZeros_ZeroWeightsGetZero()
    {
        Assert.Equal([0m, 0.51m, 0m, 0.50m], Amounts(Usd(1.01m).Allocate([0m, 1m, 0m, 1m])));
    }

    // 1 cent by 0, 1, 1: 0.5 each for the weighted shares; the cent goes to the first weighted share, never the zero.
    [Fact]
    public void Allocate_OneCentWithLeadingZeroWeight_SkipsTheZeroWeight()
    {
        Assert.Equal([0m, 0.01m, 0m], Amounts(Usd(0.01m).Allocate([0m, 1m, 1m])));
    }

    // 5 cents by 0.3, 0.7 negated: -0.02, -0.03 (split of the absolute value, negated).
    [Fact]
    public void Allocate_NegativeAmountByWeights_IsNegationOfPositiveSplit()
    {
        Assert.Equal([-0.02m, -0.03m], Amounts(Usd(-0.05m).Allocate([0.3m, 0.7m])));
    }

    [Fact]
    public void Allocate_SharesAreInTheAmountsCurrency()
    {
        var kwd = Money.Of(1.000m, Currency.KWD).Allocate([1m, 1m]);

        Assert.All(kwd, s => Assert.Same(Currency.KWD, s.Currency));
        Assert.Equal([0.5m, 0.5m], Amounts(kwd));
    }

    [Fact]
    public void Allocate_DoesNotKeepOrChangeTheWeightsList()
    {
        var weights = new List<decimal> { 1m, 1m };

        var shares = Usd(1.00m).Allocate(weights);
        weights[0] = 100m;

        Assert.Equal([0.50m, 0.50m], Amounts(shares));
        Assert.Equal([100m, 1m], weights);
    }

    // ---- errors ---------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Allocate_PartsBelowOne_ThrowsArgumentOutOfRangeNamingParts(int parts)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Usd(10m).Allocate(parts));

        Assert.Equal("parts", ex.ParamName);
        Assert.Equal(parts, ex.ActualValue);
        Assert.Contains(parts.ToString(CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
    }

    // Issue 15: Allocate(int.MaxValue) ran out of memory building 2^31 weights.
    [Theory]
    [InlineData(1_000_001)]
    [InlineData(int.MaxValue)]
    public void Allocate_PartsAboveTheLimit_ThrowsNamingPartsAndTheLimit(int parts)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Usd(10m).Allocate(parts));

        Assert.Equal("parts", ex.ParamName);
        Assert.Equal(parts, ex.ActualValue);
        Assert.Contains("at most 1,000,000 equal parts", ex.Message, StringComparison.Ordinal);
    }

    // The limit itself is accepted: USD 10.00 is 1,000 cents, one each to the first 1,000 of a million shares.
    [Fact]
    public void Allocate_TheMostParts_SplitsExactly()
    {
        var shares = Usd(10m).Allocate(Money.MaxAllocationParts);

        Assert.Equal(1_000_000, shares.Length);
        Assert.Equal(Usd(0.01m), shares[999]);
        Assert.Equal(Usd(0m), shares[1_000]);
        Assert.Equal(Usd(10m), Money.Sum(shares, Currency.USD));
    }

    [Fact]
    public void Allocate_EmptyWeights_ThrowsArgumentExceptionNamingWeights()
    {
        var ex = Assert.Throws<ArgumentException>(() => Usd(10m).Allocate(Array.Empty<decimal>()));

        Assert.Equal("weights", ex.ParamName);
        Assert.Contains("empty", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Allocate_NegativeWeight_ThrowsNamingIndexAndValue()
    {
        var ex = Assert.Throws<ArgumentException>(() => Usd(10m).Allocate([1m, 2m, -0.5m]));

        Assert.Equal("weights", ex.ParamName);
        Assert.Contains("weight 2", ex.Message, StringComparison.Ordinal);
        Assert.Contains("-0.5", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Allocate_AllWeightsZero_ThrowsArgumentExceptionNamingWeights()
    {
        var ex = Assert.Throws<ArgumentException>(() => Usd(10m).Allocate([0m, 0m, 0m]));

        Assert.IsType<ArgumentException>(ex);
        Assert.Equal("weights", ex.ParamName);
        Assert.Contains("3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Allocate_NullWeights_ThrowsArgumentNullNamingWeights()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => Usd(10m).Allocate((IReadOnlyList<decimal>)null!));

        Assert.Equal("weights", ex.ParamName);
    }

    [Fact]
    public void Allocate_UnroundedAmount_ThrowsInvalidOperationNamingTheAmount()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Usd(10.125m).Allocate(3));

        Assert.Contains("USD 10.125", ex.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => Usd(10.125m).Allocate([1m, 1m]));
    }

    [Fact]
    public void Allocate_CurrencyWithoutMinorUnit_ThrowsInvalidOperationNamingTheCode()
    {
        var gold = Money.Of(10m, Currency.FromCode("XAU"));

        var ex = Assert.Throws<InvalidOperationException>(() => gold.Allocate(2));
        Assert.Contains("XAU", ex.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => gold.Allocate([1m, 1m]));
    }

    // ---- properties -----------------------------------------------------------------------------------------

    private sealed record Case(long Units, string Code, int[] Weights)
    {
        public Currency Currency => Currency.FromCode(Code);

        public Money Amount => Money.FromMinorUnits(Units, Currency);

        public Money[] Split() => Amount.Allocate(Weights.Select(w => (decimal)w).ToArray());

        public long[] SplitUnits() => [.. Split().Select(s => s.ToMinorUnits())];

        public override string ToString() => $"{Amount} by [{string.Join(", ", Weights)}]";
    }

    private static readonly Arbitrary<Case> Cases = (
        from units in MoneyGen.WideMinorUnits
        from currency in MoneyGen.Currencies
        from weights in MoneyGen.Weights
        select new Case(units, currency.Code, weights)
    ).ToArbitrary();

    private static readonly Arbitrary<Case> TieProneCases = (
        from units in Gen.Choose(-60, 60)
        from weights in MoneyGen.TieProneWeights
        select new Case(units, "USD", weights)
    ).ToArbitrary();

    // An independent implementation of the documented rule in exact integer arithmetic: floor(|U| * w / W) each,
    // leftover units one each by largest remainder (|U| * w mod W, all over the same W), ties to the lower index.
    private static long[] ReferenceSplit(long units, int[] weights)
    {
        var total = weights.Aggregate(BigInteger.Zero, (a, w) => a + w);
        var absolute = BigInteger.Abs(units);
        var floors = new BigInteger[weights.Length];
        var remainders = new BigInteger[weights.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            floors[i] = BigInteger.DivRem(absolute * weights[i], total, out remainders[i]);
        }
        var leftover = (int)(absolute - floors.Aggregate(BigInteger.Zero, (a, b) => a + b));
        var order = Enumerable.Range(0, weights.Length).OrderByDescending(i => remainders[i]).ThenBy(i => i).ToArray();
        for (var k = 0; k < leftover; k++)
        {
            floors[order[k]] += 1;
        }
        return [.. floors.Select(f => (long)(units < 0 ? -f : f))];
    }

    [Fact]
    public void Allocate_MatchesExactIntegerReference_Property()
    {
        PropertyAssert.Holds(Prop.ForAll(Cases, c => c.SplitUnits().SequenceEqual(ReferenceSplit(c.Units, c.Weights))));
    }

    [Fact]
    public void Allocate_TieProneWeights_MatchesExactIntegerReference_Property()
    {
        PropertyAssert.Holds(Prop.ForAll(TieProneCases, c => c.SplitUnits().SequenceEqual(ReferenceSplit(c.Units, c.Weights))));
    }

    [Fact]
    public void Allocate_SharesSumExactlyToTheAmount_Property()
    {
        PropertyAssert.Holds(Prop.ForAll(Cases, c => Money.Sum(c.Split(), c.Currency) == c.Amount));
    }

    [Fact]
    public void Allocate_OneSharePerWeight_Property()
    {
        PropertyAssert.Holds(Prop.ForAll(Cases, c => c.Split().Length == c.Weights.Length));
    }

    [Fact]
    public void Allocate_EveryShareIsWholeMinorUnitsInTheCurrency_Property()
    {
        PropertyAssert.Holds(Prop.ForAll(Cases, c => c.Split().All(s => s.IsRoundedToMinorUnit && s.Currency == c.Currency)));
    }

    // |share - U * w / W| < 1 unit  <=>  |share * W - U * w| < W, checked in exact integers.
    [Fact]
    public void Allocate_EveryShareWithinOneUnitOfExactProportion_Property()
    {
        PropertyAssert.Holds(
            Prop.ForAll(
                Cases,
                c =>
                {
                    var total = c.Weights.Aggregate(BigInteger.Zero, (a, w) => a + w);
                    var shares = c.SplitUnits();
                    return shares.Select((s, i) => BigInteger.Abs((s * total) - ((BigInteger)c.Units * c.Weights[i]))).All(d => d < total);
                }
            )
        );
    }

    [Fact]
    public void Allocate_ZeroWeightGetsZeroShare_Property()
    {
        PropertyAssert.Holds(Prop.ForAll(Cases, c => c.Split().Where((_, i) => c.Weights[i] == 0).All(s => s.IsZero)));
    }

    [Fact]
    public void Allocate_NegatedAmount_GivesNegatedShares_Property()
    {
        PropertyAssert.Holds(
            Prop.ForAll(
                Cases,
                c =>
                {
                    var weights = c.Weights.Select(w => (decimal)w).ToArray();
                    var positive = c.Amount.Allocate(weights);
                    var negative = (-c.Amount).Allocate(weights);
                    return negative.SequenceEqual(positive.Select(s => -s));
                }
            )
        );
    }

    [Fact]
    public void Allocate_EqualParts_DifferByAtMostOneUnitAndNonIncreasing_Property()
    {
        var gen =
            from units in MoneyGen.WideMinorUnits
            from currency in MoneyGen.Currencies
            from parts in Gen.Choose(1, 60)
            select (units, currency, parts);
        PropertyAssert.Holds(
            Prop.ForAll(
                gen.ToArbitrary(),
                t =>
                {
                    var amount = Money.FromMinorUnits(t.units, t.currency);
                    var shares = amount.Allocate(t.parts);
                    var absUnits = shares.Select(s => Math.Abs(s.ToMinorUnits())).ToArray();
                    var nonIncreasing = absUnits.Zip(absUnits.Skip(1), (a, b) => a >= b).All(x => x);
                    var expected = Math.Abs(t.units) / t.parts;
                    return shares.Length == t.parts
                        && nonIncreasing
                        && absUnits.All(u => u == expected || u == expected + 1)
                        && Money.Sum(shares, t.currency) == amount
                        && shares.SequenceEqual(amount.Allocate(Enumerable.Repeat(7m, t.parts).ToArray()));
                }
            )
        );
    }

    [Fact]
    public void Allocate_ScalingAllWeights_GivesTheSameSplit_Property()
    {
        var gen = from c in Cases.Generator from factor in Gen.Choose(2, 1000) select (c, factor);
        PropertyAssert.Holds(
            Prop.ForAll(
                gen.ToArbitrary(),
                t =>
                {
                    var baseline = t.c.Split();
                    var scaledUp = t.c.Amount.Allocate(t.c.Weights.Select(w => (decimal)w * t.factor).ToArray());
                    var scaledDown = t.c.Amount.Allocate(t.c.Weights.Select(w => w / 1000m).ToArray());
                    // Weights far beyond a long's range (w x 10^20) must still split exactly.
                    var huge = t.c.Amount.Allocate(t.c.Weights.Select(w => w * 100_000_000_000_000_000_000m).ToArray());
                    return scaledUp.SequenceEqual(baseline) && scaledDown.SequenceEqual(baseline) && huge.SequenceEqual(baseline);
                }
            )
        );
    }
}
