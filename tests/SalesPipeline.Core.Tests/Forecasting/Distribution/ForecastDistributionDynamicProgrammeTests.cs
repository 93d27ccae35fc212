using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Forecasting;
using static SalesPipeline.Tests.Forecasting.Distribution.DistributionFixtures;

namespace SalesPipeline.Tests.Forecasting.Distribution;

// Pipelines too large to enumerate (up to 150 open deals) against an independent exact computation: the distribution of
// the revenue in whole cents by the textbook dynamic programme P_i(k) = (1 - p_i) P_{i-1}(k) + p_i P_{i-1}(k - a_i),
// with no grid, no groups and no FFT. Grids of 64 to 8,192 points make the exact method split deals and multiply
// groups by FFT; the result must stay within its stated ErrorBound, and the mean and variance must be exact.
public sealed class ForecastDistributionDynamicProgrammeTests
{
    private sealed record Case((int Cents, decimal P)[] Deals, int MaxGridPoints)
    {
        public override string ToString() =>
            $"MaxGridPoints={MaxGridPoints}: " + string.Join(", ", Deals.Select(d => $"{d.Cents / 100m}@{d.P}"));
    }

    private static readonly Gen<decimal> Probabilities = Gen.OneOf(
        Gen.Elements(0m, 1m, 0.5m, 0.1m, 0.9m, 0.05m, 0.95m),
        Gen.Choose(1, 999).Select(p => p / 1000m)
    );

    private static readonly Gen<Case> Cases =
        from count in Gen.Choose(1, 150)
        from quarters in Gen.Elements(false, true)
        from deals in Gen.ArrayOf(
            from cents in Gen.Choose(1, 500)
            from p in Probabilities
            select (quarters ? (cents + 24) / 25 * 25 : cents, p),
            count
        )
        from maxGridPoints in Gen.Elements(64, 256, 2_048, 4_096, 8_192)
        where deals.Count(d => d.p is > 0m and < 1m) < maxGridPoints
        select new Case(deals, maxGridPoints);

    // The exact distribution of the revenue in cents, and of the number of deals won.
    private static Enumeration Exact((int Cents, decimal P)[] deals)
    {
        var total = deals.Sum(d => d.Cents);
        var revenue = new double[total + 1];
        revenue[0] = 1.0;
        var counts = new double[deals.Length + 1];
        counts[0] = 1.0;
        var reach = 0;
        for (var i = 0; i < deals.Length; i++)
        {
            var (a, p) = (deals[i].Cents, (double)deals[i].P);
            reach += a;
            for (var k = reach; k >= 0; k--)
            {
                revenue[k] = (1 - p) * revenue[k] + (k >= a ? p * revenue[k - a] : 0.0);
            }
            for (var k = i + 1; k >= 0; k--)
            {
                counts[k] = (1 - p) * counts[k] + (k >= 1 ? p * counts[k - 1] : 0.0);
            }
        }
        var values = new List<decimal>();
        var probabilities = new List<double>();
        for (var k = 0; k <= total; k++)
        {
            if (revenue[k] > 0)
            {
                values.Add(k / 100m);
                probabilities.Add(revenue[k]);
            }
        }
        return new Enumeration([.. values], [.. probabilities], counts);
    }

    private static readonly double[] Ps = [0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999];

    [Fact]
    public void Distribution_IsWithinItsErrorBoundOfTheExactDynamicProgramme_AndItsMeanAndVarianceAreExact_Property() =>
        Prop.ForAll(
                Cases.ToArbitrary(),
                c =>
                {
                    var deals = c.Deals.Select((d, i) => OpenInMarch($"D{i}", d.Cents / 100m, d.P)).ToArray();
                    var d = Forecast.Distribution(deals, Pipeline, March, new DistributionOptions { MaxGridPoints = c.MaxGridPoints });
                    var exact = Exact(c.Deals);
                    var bound = d.ErrorBound!.Amount;
                    foreach (var p in Ps)
                    {
                        var v = d.Percentile(p).Amount;
                        Assert.InRange(v, exact.Quantile(p - 1e-8) - bound, exact.Quantile(p + 1e-8) + bound);
                    }
                    foreach (
                        var t in exact
                            .Values.Where((_, i) => i % (exact.Values.Length / 20 + 1) == 0)
                            .SelectMany(v => new[] { v, v + 0.01m, v - 0.13m })
                    )
                    {
                        var q = d.ProbabilityOfAtLeast(Usd(t));
                        Assert.InRange(q, exact.AtLeast(t + bound) - 1e-8, exact.AtLeast(t - bound) + 1e-8);
                    }
                    // Mean and variance are exact sums in decimal, worked out here from the amounts and probabilities.
                    var mean = Math.Round(c.Deals.Sum(x => x.Cents / 100m * x.P), 2, MidpointRounding.AwayFromZero);
                    var variance = (double)c.Deals.Sum(x => x.Cents / 100m * (x.Cents / 100m) * x.P * (1 - x.P));
                    Assert.Equal(mean, d.Mean.Amount);
                    Assert.Equal(variance, d.Variance);
                    Assert.Equal(exact.Counts.Length, d.CountProbabilities.Count);
                    Assert.All(
                        exact.Counts.Zip(d.CountProbabilities),
                        x => Assert.True(Math.Abs(x.First - x.Second) <= 1e-12, $"count probability {x.Second} against {x.First}")
                    );
                    Assert.True(d.GridStep is not null || bound == 0m, "on the lattice the bound is 0");
                    if (d.GridStep is null)
                    {
                        // On the lattice every point is a possible revenue, and every revenue more likely than the FFT's
                        // noise floor (1e-15, documented) is a point.
                        var points = d.Points.Select(x => x.Value.Amount).ToHashSet();
                        Assert.Subset(exact.Values.ToHashSet(), points);
                        Assert.All(
                            exact.Values.Where((_, i) => exact.Probabilities[i] > 1e-12),
                            v => Assert.True(points.Contains(v), $"{v} is a point")
                        );
                    }
                    return true;
                }
            )
            .Check(PropertyAssert.Config.WithMaxTest(100));

    // 5,000 open deals (so the count distribution runs beside the grid's convolution, and the product tree's waves on
    // several cores) give the doubles of the sequential computation, for both methods.
    [Fact]
    public void Distribution_OfALargePipeline_EqualsTheSequentialComputation()
    {
        var random = new Random(14);
        var specs = Enumerable
            .Range(0, 5_000)
            .Select(_ => (Amount: random.Next(100_000, 25_000_000) / 100m, P: random.Next(1, 20) * 0.05m))
            .ToArray();
        var deals = specs.Select((s, i) => OpenInMarch($"D{i}", s.Amount, s.P)).ToArray();
        var amounts = specs.Select(s => s.Amount).ToList();
        var ps = specs.Select(s => (double)s.P).ToList();

        var exact = Forecast.Distribution(deals, Pipeline, March);
        var monteCarlo = Forecast.Distribution(
            deals,
            Pipeline,
            March,
            new DistributionOptions
            {
                Method = DistributionMethod.MonteCarlo,
                Trials = 1_001,
                Seed = 5,
            }
        );

        var grid = RevenueGrid.Choose(amounts, ps, DistributionOptions.Default.MaxGridPoints, Currency.USD, "options");
        var sequential = DistributionOracles.SequentialSum(grid.Deals).Where(v => v > 0).ToArray();
        Assert.NotNull(exact.GridStep);
        Assert.Equal(sequential, exact.Points.Select(p => p.Probability));
        Assert.Equal(DistributionOracles.PoissonBinomialOf([.. ps]), exact.CountProbabilities);
        Assert.Equal(DistributionOracles.PoissonBinomialOf([.. ps]), monteCarlo.CountProbabilities);
        var samples = DistributionOracles.SequentialSample([.. amounts.Select(a => (double)a)], [.. ps], 1_001, 5);
        Assert.Equal(Math.Round((decimal)(samples.Sum() / 1_001), 2, MidpointRounding.AwayFromZero), monteCarlo.SampleMean!.Amount);
        Assert.Equal(
            samples.Order().Select(s => Math.Round((decimal)s, 2, MidpointRounding.AwayFromZero)).Distinct(),
            monteCarlo.Points.Select(p => p.Value.Amount)
        );
    }
}
