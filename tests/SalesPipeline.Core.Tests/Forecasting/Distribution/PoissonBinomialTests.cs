using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Forecasting;

namespace SalesPipeline.Tests.Forecasting.Distribution;

public sealed class PoissonBinomialTests
{
    [Fact]
    public void Of_ThreeTrials_MatchesTheWorkedExample()
    {
        // p = 0.5, 0.5, 0.2: P(0) = 0.2, P(1) = 0.45, P(2) = 0.3, P(3) = 0.05 (see ForecastDistributionTests).
        var dist = PoissonBinomial.Of([0.5, 0.5, 0.2]);

        Assert.Equal([0.2, 0.45, 0.3, 0.05], dist.Select(v => Math.Round(v, 14)));
    }

    [Fact]
    public void Of_EqualProbabilities_IsTheBinomialDistribution()
    {
        // Binomial(10, 0.3): C(10, k) 0.3^k 0.7^(10 - k).
        var dist = PoissonBinomial.Of(Enumerable.Repeat(0.3, 10).ToArray());

        for (var k = 0; k <= 10; k++)
        {
            var choose = Enumerable.Range(1, k).Aggregate(1.0, (acc, i) => acc * (10 - k + i) / i);
            Assert.Equal(choose * Math.Pow(0.3, k) * Math.Pow(0.7, 10 - k), dist[k], 14);
        }
    }

    [Fact]
    public void Of_CertainAndImpossibleTrials_ShiftAndCapTheCount()
    {
        var dist = PoissonBinomial.Of([1.0, 0.0, 1.0, 0.5]);

        Assert.Equal([0.0, 0.0, 0.5, 0.5, 0.0], dist);
    }

    [Fact]
    public void Of_NoTrials_IsCertainlyZero() => Assert.Equal([1.0], PoissonBinomial.Of([]));

    [Fact]
    public void Of_RandomProbabilities_EqualsEnumeration_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Gen.ArrayOf(Gen.Choose(0, 1000).Select(p => p / 1000.0)).Select(a => a.Take(14).ToArray()).ToArbitrary(),
                ps =>
                {
                    var expected = new double[ps.Length + 1];
                    for (var mask = 0; mask < 1 << ps.Length; mask++)
                    {
                        var probability = 1.0;
                        for (var i = 0; i < ps.Length; i++)
                        {
                            probability *= (mask >> i & 1) == 1 ? ps[i] : 1 - ps[i];
                        }
                        expected[System.Numerics.BitOperations.PopCount((uint)mask)] += probability;
                    }
                    var actual = PoissonBinomial.Of(ps);
                    return expected.Zip(actual).All(x => Math.Abs(x.First - x.Second) <= 1e-14);
                }
            )
        );

    [Fact]
    public void Of_TenThousandTrials_SumsToOneWithTheExactMeanAndVariance()
    {
        var random = new Random(9);
        var ps = Enumerable.Range(0, 10_000).Select(_ => random.Next(1, 100) / 100.0).ToArray();

        var dist = PoissonBinomial.Of(ps);

        var mean = dist.Select((v, k) => v * k).Sum();
        var variance = dist.Select((v, k) => v * (k - mean) * (k - mean)).Sum();
        Assert.Equal(1.0, dist.Sum(), 10);
        Assert.Equal(ps.Sum(), mean, 6);
        Assert.Equal(ps.Sum(p => p * (1 - p)), variance, 5);
        Assert.Equal(0.0, dist[0]); // far below 1e-300
    }
}
