using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.Distributions;
using SalesPipeline.Statistics;

namespace SalesPipeline.Tests.Statistics;

public sealed partial class BinomialIntervalTests
{
    [Fact]
    public void Wilson_EightOfTenAt95_MatchesTheTextbookFormula()
    {
        // z = 1.959964 (97.5th percentile), z^2 = 3.841459, n = 10, p = 0.8:
        // denominator 1 + 0.384146 = 1.384146; centre (0.8 + 0.192073) / 1.384146 = 0.716740;
        // half 1.959964 / 1.384146 * sqrt(0.016 + 0.009604) = 1.416010 * 0.160011 = 0.226578;
        // [0.490162, 0.943318], the commonly quoted [0.490, 0.943].
        var interval = BinomialInterval.Of(8, 10);

        Assert.Equal(BinomialIntervalMethod.Wilson, interval.Method);
        Assert.Equal(0.490162, interval.Lower, 5);
        Assert.Equal(0.943318, interval.Upper, 5);
        Assert.Equal(0.8, interval.Estimate, 12);
    }

    [Fact]
    public void Wilson_EightOfTenAt90_MatchesTheTextbookFormula()
    {
        // z = 1.644854, z^2 = 2.705543: denominator 1.270554; centre (0.8 + 0.135277) / 1.270554 = 0.736114;
        // half 1.644854 / 1.270554 * sqrt(0.016 + 0.006764) = 1.294596 * 0.150877 = 0.195325; [0.540789, 0.931439].
        var interval = BinomialInterval.Of(8, 10, 0.90);

        Assert.Equal(0.5408, interval.Lower, 4);
        Assert.Equal(0.9314, interval.Upper, 4);
    }

    [Fact]
    public void Wilson_NoSuccesses_StartsAtZeroAndEndsAtZSquaredOverNPlusZSquared()
    {
        // With p = 0 the upper end simplifies to z^2 / (n + z^2) = 3.841459 / 13.841459 = 0.277533.
        var interval = BinomialInterval.Of(0, 10);

        Assert.Equal(0.0, interval.Lower);
        Assert.Equal(0.277533, interval.Upper, 5);
    }

    [Fact]
    public void Wilson_AllSuccesses_EndsAtExactlyOne()
    {
        // Mirror of the case above: lower = n / (n + z^2) = 10 / 13.841459 = 0.722467.
        var interval = BinomialInterval.Of(10, 10);

        Assert.Equal(1.0, interval.Upper);
        Assert.Equal(0.722467, interval.Lower, 5);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Of_NoTrials_Throws(int trials)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => BinomialInterval.Of(0, trials));

        Assert.Equal("trials", ex.ParamName);
        Assert.Equal(trials, ex.ActualValue);
        Assert.Contains(trials.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void Of_SuccessesOutsideTheTrials_Throws(int successes)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => BinomialInterval.Of(successes, 10));

        Assert.Equal("successes", ex.ParamName);
        Assert.Contains($"it was {successes}", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.5)]
    [InlineData(95.0)]
    [InlineData(double.NaN)]
    public void Of_ConfidenceOutsideZeroOne_Throws(double confidence)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => BinomialInterval.Of(1, 2, confidence));

        Assert.Equal("confidence", ex.ParamName);
        Assert.Contains(confidence.ToString("R", System.Globalization.CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_ShowsTheCountsTheEstimateAndTheBounds()
    {
        Assert.Equal("8/10 = 0.800, 95% Wilson [0.490, 0.943]", BinomialInterval.Of(8, 10).ToString());
    }

    private static readonly Arbitrary<(int Successes, int Trials, double Confidence)> Cases = (
        from trials in Gen.Choose(1, 2000)
        from successes in Gen.Choose(0, trials)
        from permille in Gen.Choose(1, 999)
        select (successes, trials, permille / 1000.0)
    ).ToArbitrary();

    [Fact]
    public void Wilson_BoundsContainTheEstimateInsideZeroOne_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Cases,
                c =>
                {
                    var w = BinomialInterval.Of(c.Successes, c.Trials, c.Confidence);
                    return 0 <= w.Lower && w.Lower <= w.Estimate && w.Estimate <= w.Upper && w.Upper <= 1;
                }
            )
        );

    [Fact]
    public void Wilson_BoundsSolveTheScoreEquation_Property() =>
        // A second characterisation: the Wilson ends are the rates pi where the score test is exactly at z,
        // (p - pi)^2 = z^2 pi (1 - pi) / n. Checked at the ends that are not clamped to 0 or 1.
        PropertyAssert.Holds(
            Prop.ForAll(
                Cases,
                c =>
                {
                    var w = BinomialInterval.Of(c.Successes, c.Trials, c.Confidence);
                    var z = Normal.InvCDF(0, 1, 1 - (1 - c.Confidence) / 2);
                    bool Solves(double pi) => Math.Abs(Math.Pow(w.Estimate - pi, 2) - z * z * pi * (1 - pi) / c.Trials) < 1e-9;
                    return (c.Successes == 0 || Solves(w.Lower)) && (c.Successes == c.Trials || Solves(w.Upper));
                }
            )
        );

    [Fact]
    public void Of_HigherConfidence_NeverNarrowsTheInterval_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Cases,
                c =>
                    Methods.All(m =>
                    {
                        var narrow = BinomialInterval.Of(c.Successes, c.Trials, c.Confidence / 2, m);
                        var wide = BinomialInterval.Of(c.Successes, c.Trials, c.Confidence, m);
                        return wide.Lower <= narrow.Lower && narrow.Upper <= wide.Upper && 0 <= wide.Lower && wide.Upper <= 1;
                    })
            )
        );

    private static readonly BinomialIntervalMethod[] Methods =
    [
        BinomialIntervalMethod.Wilson,
        BinomialIntervalMethod.Jeffreys,
        BinomialIntervalMethod.ClopperPearson,
    ];
}
