using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Forecasting;

namespace SalesPipeline.Tests.Forecasting.Distribution;

public sealed class GridConvolutionTests
{
    private static readonly Gen<double[]> Distributions =
        from length in Gen.Choose(1, 1_500)
        from weights in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(0, 1_000_000))), length)
        where weights.Any(w => w > 0)
        select weights.Select(w => w / (double)weights.Sum()).ToArray();

    // The definition of a convolution, one term at a time.
    private static double[] Convolve(double[] a, double[] b)
    {
        var result = new double[a.Length + b.Length - 1];
        for (var i = 0; i < a.Length; i++)
        {
            for (var j = 0; j < b.Length; j++)
            {
                result[i + j] += a[i] * b[j];
            }
        }
        return result;
    }

    private static bool Close(double[] expected, double[] actual, double tolerance) =>
        expected.Length == actual.Length && expected.Zip(actual).All(x => Math.Abs(x.First - x.Second) <= tolerance);

    [Fact]
    public void MultiplyFft_EqualsTheDefinitionOfConvolution_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Distributions.ToArbitrary(),
                Distributions.ToArbitrary(),
                (a, b) => Close(Convolve(a, b), GridConvolution.MultiplyFft(a, b), 1e-13)
            )
        );

    [Fact]
    public void MultiplyDirect_EqualsTheDefinitionOfConvolution_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Distributions.ToArbitrary(),
                Distributions.ToArbitrary(),
                (a, b) => Close(Convolve(a, b), GridConvolution.MultiplyDirect(a, b), 1e-15)
            )
        );

    [Fact]
    public void MultiplyFft_DropsNoiseBelowTheFloorAndRenormalises()
    {
        // (0.5, 0.5) * (0.5, 0.5) = (0.25, 0.5, 0.25) with exact zeros beyond: nothing negative, sum exactly 1 up to rounding.
        var product = GridConvolution.MultiplyFft([0.5, 0.5], [0.5, 0.5]);

        Assert.Equal(3, product.Length);
        Assert.Equal([0.25, 0.5, 0.25], product.Select(v => Math.Round(v, 14)));
        Assert.Equal(1.0, product.Sum(), 14);
        var tiny = GridConvolution.MultiplyFft([1 - 1e-17, 1e-17], [1.0]);
        Assert.Equal(0.0, tiny[1]);
        Assert.Equal(1.0, tiny[0]);
    }

    [Theory]
    [InlineData(0, 0.3, 0.2)]
    [InlineData(0, 0.5, 0.0)]
    [InlineData(1, 0.25, 0.25)]
    [InlineData(3, 0.1, 0.7)]
    [InlineData(7, 0.9, 0.0)]
    public void AddDeal_OntoAnyDistribution_EqualsConvolvingWithTheDealsThreePoints(int lo, double pLo, double pHi)
    {
        var deal = new GridConvolution.GridDeal(lo, pLo, pHi);
        double[] current = [0.1, 0.0, 0.2, 0.3, 0.05, 0.05, 0.1, 0.0, 0.0, 0.2];
        var kernel = new double[lo + 2];
        kernel[0] += 1 - pLo - pHi;
        kernel[lo] += pLo;
        kernel[lo + 1] += pHi;
        var expected = Convolve(current, kernel).Take(current.Length + deal.Span).ToArray();
        var dist = new double[current.Length + deal.Span];
        current.CopyTo(dist, 0);

        GridConvolution.AddDeal(dist, current.Length, deal);

        Assert.True(Close(expected, dist, 1e-15), string.Join(", ", dist));
    }

    [Fact]
    public void Sum_ManyDeals_EqualsAddingThemOneByOne_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Gen.ArrayOf(
                        from lo in Gen.Choose(0, 60)
                        from p in Gen.Choose(1, 999)
                        from w in Gen.Choose(0, 1000)
                        select new GridConvolution.GridDeal(lo, p / 1000.0 * (1 - w / 1000.0), p / 1000.0 * (w / 1000.0))
                    )
                    .ToArbitrary(),
                deals =>
                {
                    // Deals of span 0 (lo 0 and nothing above) are no-ops; the engine is only given real deals.
                    deals = [.. deals.Where(d => d.Span > 0)];
                    var length = deals.Sum(d => d.Span) + 1;
                    var expected = new double[length];
                    expected[0] = 1;
                    var used = 1;
                    foreach (var d in deals)
                    {
                        var kernel = new double[d.Lo + 2];
                        kernel[0] += 1 - d.PLo - d.PHi;
                        kernel[d.Lo] += d.PLo;
                        kernel[d.Lo + 1] += d.PHi;
                        var next = Convolve(expected[..used], kernel);
                        used += d.Span;
                        expected = [.. next.Take(used), .. new double[length - used]];
                    }
                    return Close(expected, GridConvolution.Sum(deals), 1e-12);
                }
            )
        );

    [Fact]
    public void Sum_ThousandsOfDeals_GoesThroughFftProductsAndStaysADistribution()
    {
        // 3,000 deals of one to three steps: groups of ~1,024 points multiplied by FFT. Mean and total are checked
        // against their exact values (sum of p x (lo + w)), which every product must preserve.
        var random = new Random(5);
        var deals = Enumerable
            .Range(0, 3_000)
            .Select(_ =>
            {
                var p = random.Next(1, 100) / 100.0;
                var w = random.Next(0, 100) / 100.0;
                return new GridConvolution.GridDeal(random.Next(1, 3), p * (1 - w), p * w);
            })
            .ToArray();

        var dist = GridConvolution.Sum(deals);

        Assert.Equal(deals.Sum(d => d.Span) + 1, dist.Length);
        Assert.Equal(1.0, dist.Sum(), 12);
        Assert.All(dist, v => Assert.True(v >= 0));
        var expectedMean = deals.Sum(d => d.PLo * d.Lo + d.PHi * (d.Lo + 1));
        Assert.Equal(expectedMean, dist.Select((v, k) => v * k).Sum(), 6);
    }

    [Fact]
    public void Sum_NoDeals_IsThePointMassAtZero() => Assert.Equal([1.0], GridConvolution.Sum([]));
}
