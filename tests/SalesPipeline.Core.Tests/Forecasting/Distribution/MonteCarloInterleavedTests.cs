using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Forecasting;

namespace SalesPipeline.Tests.Forecasting.Distribution;

// The sampler sums four trials at a time; the generator must be read in the same order and every sum made by the same
// additions as in the one-trial-at-a-time sampler it replaced, so seeded results stay as they were.
public sealed class MonteCarloInterleavedTests
{
    private static readonly Gen<(double Amount, double P)> Deals =
        from cents in Gen.Frequency((1, Gen.Choose(1, 100)), (3, Gen.Choose(1, 2_000_000_000)))
        from p in Gen.OneOf(
            Gen.Elements(0.5, 0.1, 0.9, 0.001, 0.999, 1.0 / 256, 255.0 / 256, 0.999999999),
            Gen.Choose(1, 999_999).Select(x => x / 1e6)
        )
        select (cents / 100.0, p);

    [Fact]
    public void Sample_EqualsTheOneTrialAtATimeSampler_BitForBit_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Gen.Choose(0, 300).SelectMany(n => Gen.ArrayOf(Deals, n)).ToArbitrary(),
                Gen.Choose(1, 403).ToArbitrary(),
                Gen.Choose(int.MinValue, int.MaxValue).ToArbitrary(),
                (deals, trials, seed) =>
                {
                    var amounts = deals.Select(d => d.Amount).ToArray();
                    var ps = deals.Select(d => d.P).ToArray();
                    var expected = DistributionOracles.SequentialSample(amounts, ps, trials, seed);
                    var actual = MonteCarloSampler.Sample(amounts, ps, trials, seed);
                    return expected.AsSpan().SequenceEqual(actual);
                }
            )
        );

    // Ties (B = floor(256 p)) draw a further uniform between the trials' bytes: with p = 1/512 every deal ties when its
    // byte is 0 (1 time in 256), so 2,000 deals x 1,001 trials give about 7,800 extra draws, all in the oracle's order.
    [Fact]
    public void Sample_ManyTies_ReadsTheGeneratorInTheSameOrder()
    {
        var amounts = Enumerable.Range(1, 2_000).Select(i => (double)i).ToArray();
        var ps = Enumerable.Repeat(1.0 / 512, 2_000).ToArray();

        var expected = DistributionOracles.SequentialSample(amounts, ps, 1_001, 42);
        var actual = MonteCarloSampler.Sample(amounts, ps, 1_001, 42);

        Assert.Equal(expected, actual);
        Assert.Contains(actual, s => s > 0);
    }
}
