using SalesPipeline.Forecasting;

namespace SalesPipeline.Tests.Forecasting.Distribution;

public sealed class MonteCarloSamplerTests
{
    // One deal of amount 1: the share of trials it is won in estimates p; 400,000 trials give a standard error of at
    // most 0.0008, and the seed makes the check deterministic. The probabilities cover the byte comparison (0.5 = 128/256
    // exactly), the refinement (0.001 is below 1/256: every win comes from it) and values in between.
    [Theory]
    [InlineData(0.5)]
    [InlineData(0.001)]
    [InlineData(0.00390625)]
    [InlineData(0.3)]
    [InlineData(0.999)]
    public void Sample_OneDeal_IsWonWithItsProbability(double p)
    {
        const int trials = 400_000;

        var samples = MonteCarloSampler.Sample([1.0], [p], trials, seed: 1);

        var share = samples.Average();
        var standardError = Math.Sqrt(p * (1 - p) / trials);
        Assert.InRange(share, p - 4 * standardError, p + 4 * standardError);
        Assert.All(samples, s => Assert.True(s is 0.0 or 1.0));
    }

    [Fact]
    public void Sample_TwoIndependentDeals_HaveIndependentOutcomes()
    {
        // P(both) = 0.3 x 0.6 = 0.18.
        var samples = MonteCarloSampler.Sample([1.0, 2.0], [0.3, 0.6], 200_000, seed: 3);

        var both = samples.Count(s => s == 3.0) / 200_000.0;
        Assert.InRange(both, 0.18 - 4 * Math.Sqrt(0.18 * 0.82 / 200_000), 0.18 + 4 * Math.Sqrt(0.18 * 0.82 / 200_000));
    }

    [Fact]
    public void Sample_SameSeed_GivesTheSameSamples_AndAnotherSeedOthers()
    {
        double[] amounts = [10, 20, 30, 40, 50, 60, 70, 80, 90];
        double[] ps = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

        var first = MonteCarloSampler.Sample(amounts, ps, 1_000, seed: 7);
        var second = MonteCarloSampler.Sample(amounts, ps, 1_000, seed: 7);
        var other = MonteCarloSampler.Sample(amounts, ps, 1_000, seed: 8);

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }
}
