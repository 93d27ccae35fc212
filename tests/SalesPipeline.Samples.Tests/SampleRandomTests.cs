using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Samples.Generation;
using SalesPipeline.Tests;

namespace SalesPipeline.Samples.Tests;

public sealed class SampleRandomTests
{
    // Expected values: Vigna's reference C code (https://prng.di.unimi.it/splitmix64.c and xoshiro256starstar.c) compiled
    // with gcc and run when this test was written. The seed-1234567 SplitMix64 outputs are also the ones published in
    // other ports' test suites (for example Apache Commons RNG).
    [Fact]
    public void SplitMix64_gives_the_reference_outputs()
    {
        var state = 1_234_567UL;
        Assert.Equal(6_457_827_717_110_365_317UL, SampleRandom.SplitMix64(ref state));
        Assert.Equal(3_203_168_211_198_807_973UL, SampleRandom.SplitMix64(ref state));
        Assert.Equal(9_817_491_932_198_370_423UL, SampleRandom.SplitMix64(ref state));
        state = 0;
        Assert.Equal(16_294_208_416_658_607_535UL, SampleRandom.SplitMix64(ref state));
        Assert.Equal(7_960_286_522_194_355_700UL, SampleRandom.SplitMix64(ref state));
    }

    [Fact]
    public void Xoshiro256StarStar_gives_the_reference_outputs()
    {
        var fromState = new SampleRandom(1, 2, 3, 4);
        Assert.Equal(
            new[] { 11_520UL, 0UL, 1_509_978_240UL, 1_215_971_899_390_074_240UL, 1_216_172_134_540_287_360UL },
            Enumerable.Range(0, 5).Select(_ => fromState.NextUInt64())
        );
        // Seeded as the sample is: the state is four SplitMix64 outputs of the seed.
        var seeded = new SampleRandom(20_260_701);
        Assert.Equal(
            new[]
            {
                162_383_861_514_749_376UL,
                14_115_110_134_953_361_531UL,
                11_085_802_000_908_371_210UL,
                13_025_269_521_252_312_325UL,
                5_303_187_178_712_178_030UL,
            },
            Enumerable.Range(0, 5).Select(_ => seeded.NextUInt64())
        );
    }

    [Fact]
    public void An_all_zero_state_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new SampleRandom(0, 0, 0, 0));
        Assert.Equal("s0", e.ParamName);
    }

    [Fact]
    public void Below_and_Between_stay_in_range_for_any_seed()
    {
        PropertyAssert.Holds(
            Prop.ForAll(
                ArbMap.Default.ArbFor<ulong>(),
                Gen.Choose(1, int.MaxValue).ToArbitrary(),
                Gen.Choose(-1_000_000, 1_000_000).Two().ToArbitrary(),
                (seed, count, bounds) =>
                {
                    var random = new SampleRandom(seed);
                    var min = Math.Min(bounds.Item1, bounds.Item2);
                    var max = Math.Max(bounds.Item1, bounds.Item2);
                    return Enumerable
                        .Range(0, 50)
                        .All(_ =>
                        {
                            var below = random.Below(count);
                            var between = random.Between(min, max);
                            var unit = random.NextDouble();
                            return below >= 0 && below < count && between >= min && between <= max && unit >= 0.0 && unit < 1.0;
                        });
                }
            )
        );
    }

    [Fact]
    public void Weighted_never_picks_a_zero_weight_and_Skewed_stays_in_its_band()
    {
        PropertyAssert.Holds(
            Prop.ForAll(
                ArbMap.Default.ArbFor<ulong>(),
                Gen.Choose(0, 5).ArrayOf().Where(w => w.Sum() > 0).ToArbitrary(),
                (seed, weights) =>
                {
                    var random = new SampleRandom(seed);
                    return Enumerable
                        .Range(0, 50)
                        .All(_ =>
                        {
                            var skewed = random.Skewed();
                            // The smallest and largest quantiles, 0.394 and 2.538, jittered by 10% either way.
                            return weights[random.Weighted(weights)] > 0 && skewed >= 0.394 * 0.9 && skewed < 2.538 * 1.1;
                        });
                }
            )
        );
    }

    [Fact]
    public void Bad_ranges_are_refused_with_the_parameter_named()
    {
        var random = new SampleRandom(1);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => random.Below(0)).ParamName);
        Assert.Equal("max", Assert.Throws<ArgumentOutOfRangeException>(() => random.Between(3, 2)).ParamName);
    }

    [Fact]
    public void Below_is_uniform_by_a_chi_square_test()
    {
        // 100,000 draws into 10 cells: the chi-square statistic with 9 degrees of freedom exceeds 27.88 with
        // probability 0.001 (NIST/SEMATECH e-Handbook, table 1.3.6.7.4). A biased reduction (for example taking the top bits
        // of a small range badly) or a stuck generator fails this by a wide margin.
        var random = new SampleRandom(20_260_701);
        var counts = new int[10];
        for (var i = 0; i < 100_000; i++)
        {
            counts[random.Below(10)]++;
        }
        var chiSquare = counts.Sum(c => (c - 10_000.0) * (c - 10_000.0) / 10_000.0);
        Assert.InRange(chiSquare, 0.0, 27.88);
    }
}
