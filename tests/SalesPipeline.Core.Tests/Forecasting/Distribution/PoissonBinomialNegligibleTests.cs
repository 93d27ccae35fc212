using SalesPipeline.Forecasting;

namespace SalesPipeline.Tests.Forecasting.Distribution;

// Probabilities that fall below 1e-300 are set to 0, at both ends of the count range, even where the double could
// still hold them (down to about 4.9e-324).
public sealed class PoissonBinomialNegligibleTests
{
    [Fact]
    public void Of_LowCountsBelowTheNegligibleLevel_AreZero()
    {
        // 305 trials at p = 0.9: P(0) = 0.1^305 = 1e-305 and P(1) = 305 x 0.9 x 0.1^304 = 2.7e-302 are below 1e-300;
        // P(305) = 0.9^305 = exp(305 ln 0.9) = 1.1e-14 is not.
        var dist = PoissonBinomial.Of(Enumerable.Repeat(0.9, 305).ToArray());

        Assert.Equal(0.0, dist[0]);
        Assert.Equal(0.0, dist[1]);
        Assert.Equal(Math.Exp(305 * Math.Log(0.9)), dist[305], 1e-26);
        Assert.Equal(1.0, dist.Sum(), 12);
    }

    [Fact]
    public void Of_HighCountsBelowTheNegligibleLevel_AreZero()
    {
        // Two trials at p = 1e-160: P(1) = 2 x 1e-160 (1 - 1e-160) = 2e-160, P(2) = 1e-320 (a subnormal double) is dropped.
        var dist = PoissonBinomial.Of([1e-160, 1e-160]);

        Assert.Equal(1.0, dist[0]);
        Assert.Equal(2e-160, dist[1], 1e-172);
        Assert.Equal(0.0, dist[2]);
    }
}
