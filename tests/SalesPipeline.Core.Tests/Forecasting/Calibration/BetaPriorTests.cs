using SalesPipeline.Forecasting;

namespace SalesPipeline.Tests.Forecasting.Calibration;

public sealed class BetaPriorTests
{
    [Fact]
    public void Fit_ThreeStages_MatchesTheMomentsWorkedOutByHand()
    {
        // Rates 0.2, 0.4, 0.6: m = 0.4, sample variance (0.04 + 0 + 0.04) / 2 = 0.04, m(1-m) = 0.24,
        // alpha + beta = 0.24 / 0.04 - 1 = 5, alpha = 2, beta = 3.
        var prior = BetaPrior.Fit([(1, 5), (2, 5), (3, 5)], 10)!;

        Assert.True(prior.FittedByMoments);
        Assert.Equal(2.0, prior.Alpha, 12);
        Assert.Equal(3.0, prior.Beta, 12);
        Assert.Equal(0.4, prior.Mean, 12);
        Assert.Equal(5.0, prior.Strength, 12);
        // (1 + 2) / (5 + 5) = 0.3
        Assert.Equal(0.3, prior.PosteriorMean(1, 5), 12);
    }

    [Fact]
    public void Fit_IgnoresStagesNobodyReached()
    {
        var prior = BetaPrior.Fit([(1, 5), (0, 0), (2, 5), (3, 5)], 10)!;

        Assert.Equal(2.0, prior.Alpha, 12);
    }

    [Fact]
    public void Fit_NoData_IsNull()
    {
        Assert.Null(BetaPrior.Fit([(0, 0), (0, 0)], 10));
    }

    [Fact]
    public void Fit_NothingEverWon_FallsBackToAPriorWithAlphaZero()
    {
        // Rates 0 and 0: variance 0 -> pooled 0 with strength 10: Beta(0, 10); every smoothed rate is 0.
        var prior = BetaPrior.Fit([(0, 4), (0, 2)], 10)!;

        Assert.False(prior.FittedByMoments);
        Assert.Equal(0.0, prior.Alpha);
        Assert.Equal(10.0, prior.Beta, 12);
        Assert.Equal(0.0, prior.PosteriorMean(0, 4));
    }

    [Fact]
    public void ToString_ShowsParametersMeanAndHowItWasFitted()
    {
        Assert.Equal("Beta(2, 3), mean 0.400, strength 5 (method of moments)", BetaPrior.Fit([(1, 5), (2, 5), (3, 5)], 10)!.ToString());
        Assert.Equal("Beta(4, 6), mean 0.400, strength 10 (pooled-rate fallback)", BetaPrior.Fit([(2, 5)], 10)!.ToString());
    }
}
