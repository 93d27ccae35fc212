using System.Numerics;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Pipelines;
using static SalesPipeline.Tests.Forecasting.Distribution.DistributionFixtures;

namespace SalesPipeline.Tests.Forecasting.Distribution;

public sealed class ForecastDistributionTests
{
    // The eight outcomes of 100 (p 0.5), 200 (p 0.5), 300 (p 0.2), by hand:
    //   none 0.5*0.5*0.8 = 0.20 -> 0;   A 0.20 -> 100;   B 0.20 -> 200;   A+B 0.20 and C 0.5*0.5*0.2 = 0.05 -> 300 (0.25);
    //   A+C 0.05 -> 400;   B+C 0.05 -> 500;   A+B+C 0.05 -> 600.
    // Cumulative: 0.2, 0.4, 0.6, 0.85, 0.9, 0.95, 1. Mean 50 + 100 + 60 = 210; variance 100^2/4 + 200^2/4 + 300^2*0.16 = 26,900.
    [Fact]
    public void Distribution_ThreeDeals_MatchesTheEightOutcomesWorkedByHand()
    {
        var d = Forecast.Distribution(ThreeDeals, Pipeline, March);

        Assert.Equal((3, 0, 0), (d.DealCount, d.WonDealCount, d.OverdueDealsExcluded));
        Assert.Equal(Usd(210m), d.Mean);
        Assert.Equal(26_900.0, d.Variance, 9);
        Assert.Equal(Math.Sqrt(26_900.0), d.StandardDeviation, 9);
        Assert.Null(d.GridStep);
        Assert.Equal(Usd(0m), d.ErrorBound);
        Assert.Equal(new[] { 0m, 100m, 200m, 300m, 400m, 500m, 600m }, d.Points.Select(p => p.Value.Amount));
        double[] probabilities = [0.2, 0.2, 0.2, 0.25, 0.05, 0.05, 0.05];
        double[] cumulative = [0.2, 0.4, 0.6, 0.85, 0.9, 0.95, 1.0];
        for (var i = 0; i < 7; i++)
        {
            Assert.Equal(probabilities[i], d.Points[i].Probability, 12);
            Assert.Equal(cumulative[i], d.Points[i].Cumulative, 12);
        }
        Assert.Equal((Usd(0m), Usd(200m), Usd(400m)), (d.P10, d.P50, d.P90));
    }

    // One USD 1,000,000 deal at 30% and fifty USD 1,000 deals at 50%: R = 1,000,000 B + 1,000 X, X ~ Binomial(50, 1/2).
    // P(R <= 1,000 x) = 0.7 F(x) for x <= 50, and 0.7 + 0.3 F(y) at 1,000,000 + 1,000 y. With F(20) = 0.1013,
    // F(21) = 0.1611, F(26) = 0.6641, F(27) = 0.7601:
    //   P10: 0.7 F(x) >= 0.1 first at x = 21           -> 21,000
    //   P50: 0.7 F(x) >= 0.5 first at x = 27           -> 27,000
    //   P90: 0.7 + 0.3 F(y) >= 0.9 first at y = 27    -> 1,027,000
    // Mean 300,000 + 25,000 = 325,000; variance 10^12 x 0.21 + 50 x 10^6 x 0.25 = 210,012,500,000 (sd 458,271).
    // The normal approximation puts P10 at 325,000 - 1.2816 x 458,271 = -262,298 (a negative revenue) and P90 at 912,298.
    [Fact]
    public void Distribution_OneDominantDeal_IsFarFromTheNormalApproximation()
    {
        Deal[] deals = [OpenInMarch("big", 1_000_000m, 0.3m), .. Enumerable.Range(0, 50).Select(i => OpenInMarch($"s{i}", 1_000m, 0.5m))];

        var d = Forecast.Distribution(deals, Pipeline, March);

        // The thresholds above, checked with exact binomial sums.
        Assert.True(0.7 * BinomialCdf(20) < 0.1 && 0.7 * BinomialCdf(21) >= 0.1);
        Assert.True(0.7 * BinomialCdf(26) < 0.5 && 0.7 * BinomialCdf(27) >= 0.5);
        Assert.True(0.7 + 0.3 * BinomialCdf(26) < 0.9 && 0.7 + 0.3 * BinomialCdf(27) >= 0.9);
        Assert.Null(d.GridStep);
        Assert.Equal((Usd(21_000m), Usd(27_000m), Usd(1_027_000m)), (d.P10, d.P50, d.P90));
        Assert.Equal(Usd(325_000m), d.Mean);
        Assert.Equal(210_012_500_000.0, d.Variance, 3);
        Assert.Equal(0.3, d.ProbabilityOfAtLeast(Usd(500_000m)), 12);
        Assert.Equal(0.3, d.ProbabilityOfAtLeast(Usd(1_000_000m)), 12);
        Assert.Equal(1.0, d.CountProbabilities[0] / (0.7 * Math.Pow(0.5, 50)), 12);

        var normalP10 = 325_000.0 - 1.2815515655 * d.StandardDeviation;
        var normalP90 = 325_000.0 + 1.2815515655 * d.StandardDeviation;
        Assert.True(normalP10 < -250_000, $"normal P10 {normalP10}");
        Assert.True((double)d.P90.Amount - normalP90 > 100_000, $"normal P90 {normalP90}");
    }

    [Fact]
    public void Distribution_WonLostOverdueAndOtherPeriods_CountAsTheStageWeightedForecastDoes()
    {
        var asOf = new LocalDate(2026, 3, 10);
        Deal[] deals =
        [
            OpenInMarch("open", 1_000m, 0.5m),
            Open("overdue-in-march", 2_000m, 0.5m, new LocalDate(2026, 3, 5)),
            Open("overdue-february", 4_000m, 0.5m, new LocalDate(2026, 2, 20)),
            Open("april", 8_000m, 0.5m, new LocalDate(2026, 4, 1)),
            Won("won-march", 500m, Instant.FromUtc(2026, 3, 2, 12, 0)),
            Won("won-february", 16_000m, Instant.FromUtc(2026, 2, 27, 12, 0)),
            Lost("lost", 32_000m, new LocalDate(2026, 3, 25)),
        ];
        var options = new DistributionOptions { Forecast = new ForecastOptions { AsOf = asOf } };

        var d = Forecast.Distribution(deals, Pipeline, March, options);
        var stageWeighted = Forecast.StageWeighted(deals, Pipeline, [March], options.Forecast);

        Assert.Equal((1, 1, 2), (d.DealCount, d.WonDealCount, d.OverdueDealsExcluded));
        Assert.Equal(Usd(500m), d.WonAmount);
        Assert.Equal(Usd(1_000m), d.Mean); // 500 won + 1,000 x 0.5
        Assert.Equal(stageWeighted.Periods[0].Expected, d.Mean);
        Assert.Equal(stageWeighted.Overdue.OpenDeals, d.OverdueDealsExcluded);
        Assert.Equal([Usd(500m), Usd(1_500m)], d.Points.Select(p => p.Value));
        Assert.Equal(Usd(500m), d.Percentile(0));
    }

    [Fact]
    public void Distribution_WithoutAsOf_TreatsDealsBeforeThePeriodStartAsOverdue()
    {
        Deal[] deals = [OpenInMarch("open", 1_000m, 0.5m), Open("february", 4_000m, 0.5m, new LocalDate(2026, 2, 20))];

        var d = Forecast.Distribution(deals, Pipeline, March);

        Assert.Equal((1, 1), (d.DealCount, d.OverdueDealsExcluded));
    }

    // The points have indexes 0 and 1 (USD 700 and 800, as below): -1 and 2 are refused as out of range. -1 was an
    // OverflowException: the unsigned cast of the index ran checked.
    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    [InlineData(int.MinValue)]
    public void Points_AnIndexOutsideTheList_ThrowsArgumentOutOfRange(int index)
    {
        Deal[] deals = [OpenInMarch("sure", 700m, 1m), OpenInMarch("maybe", 100m, 0.25m)];
        var points = Forecast.Distribution(deals, Pipeline, March).Points;

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => points[index]);

        Assert.Equal(2, points.Count);
        Assert.Equal("index", e.ParamName);
        Assert.Equal(index, e.ActualValue);
    }

    [Fact]
    public void Distribution_CertainAndImpossibleDeals_ShiftTheMinimumAndCountAsDeals()
    {
        Deal[] deals = [OpenInMarch("sure", 700m, 1m), OpenInMarch("never", 900m, 0m), OpenInMarch("maybe", 100m, 0.25m)];

        var d = Forecast.Distribution(deals, Pipeline, March);

        Assert.Equal(3, d.DealCount);
        Assert.Equal(Usd(725m), d.Mean);
        Assert.Equal(100.0 * 100.0 * 0.25 * 0.75, d.Variance, 9);
        Assert.Equal([Usd(700m), Usd(800m)], d.Points.Select(p => p.Value));
        Assert.Equal(0.75, d.Points[0].Probability, 12);
        Assert.Equal(Usd(700m), d.Percentile(0));
        Assert.Equal(Usd(800m), d.Percentile(1));
        // Exactly one deal is certain and one impossible: 1 won with 0.75, 2 with 0.25, never 0 or 3.
        Assert.Equal([0.0, 0.75, 0.25, 0.0], d.CountProbabilities.Select(p => Math.Round(p, 12)));
    }

    [Fact]
    public void Distribution_OnlyWonDeals_IsAPointMassAtTheWonAmount()
    {
        var d = Forecast.Distribution([Won("w", 2_500m, Instant.FromUtc(2026, 3, 3, 12, 0))], Pipeline, March);

        Assert.Equal((0, 1), (d.DealCount, d.WonDealCount));
        Assert.Equal((Usd(2_500m), Usd(2_500m), Usd(2_500m)), (d.Percentile(0), d.P50, d.Percentile(1)));
        Assert.Equal(1.0, d.ProbabilityOfAtLeast(Usd(2_500m)));
        Assert.Equal(0.0, d.ProbabilityOfAtLeast(Usd(2_500.01m)));
        Assert.Equal([1.0], d.CountProbabilities);
        Assert.Equal(0.0, d.Variance);
    }

    [Fact]
    public void Distribution_NoDealsWithRates_IsZeroInTheReportingCurrency()
    {
        var options = new DistributionOptions { Forecast = new ForecastOptions { Rates = ExchangeRates.In(Currency.EUR) } };

        var d = Forecast.Distribution([], Pipeline, March, options);

        Assert.Equal(Money.Zero(Currency.EUR), d.Mean);
        Assert.Equal(Money.Zero(Currency.EUR), d.P90);
    }

    [Fact]
    public void Distribution_SeveralCurrencies_AreConvertedAndTheMeanMatchesTheStageWeightedForecast()
    {
        // EUR 10,000.01 at 1.0834 = USD 10,834.010834; GBP 999.99 at 1.2719 = USD 1,271.887281. Weighted at 35% and 80%:
        // 3,791.9037919 + 1,017.5098248 = 4,809.4136167 -> USD 4,809.41.
        Deal[] deals =
        [
            Open("E", 10_000.01m, 0.35m, new LocalDate(2026, 3, 20), Currency.EUR),
            Open("G", 999.99m, 0.8m, new LocalDate(2026, 3, 21), Currency.GBP),
        ];
        var forecast = new ForecastOptions
        {
            Rates = ExchangeRates.In(Currency.USD).With(Currency.EUR, 1.0834m).With(Currency.GBP, 1.2719m),
        };

        var d = Forecast.Distribution(deals, Pipeline, March, new DistributionOptions { Forecast = forecast });

        Assert.Equal(Usd(4_809.41m), d.Mean);
        Assert.Equal(Forecast.StageWeighted(deals, Pipeline, [March], forecast).Periods[0].Expected, d.Mean);
        // Four outcomes: 0, 1,271.887281, 10,834.010834, 12,105.898115 (not whole cents: the grid is not exact).
        Assert.NotNull(d.GridStep);
        Assert.Equal(1 - 0.65 * 0.2, d.ProbabilityOfAtLeast(Usd(0.01m)), 9);
    }

    [Fact]
    public void Distribution_CoarseGrid_SplitsAmountsWithinTheErrorBoundAndKeepsTheMean()
    {
        // Amounts in odd cents with only 64 grid points: the step is a whole number of cents and each deal is split
        // between its two neighbouring grid points.
        var amounts = new[] { 1_234.57m, 987.65m, 2_500.01m, 333.33m, 4_999.99m, 10.01m };
        var probabilities = new[] { 0.3m, 0.5m, 0.8m, 0.1m, 0.45m, 0.9m };
        var deals = amounts.Select((a, i) => OpenInMarch($"D{i}", a, probabilities[i])).ToArray();
        var exact = DistributionFixtures.Enumerate(amounts.Zip(probabilities).ToList(), 0m);

        var d = Forecast.Distribution(deals, Pipeline, March, new DistributionOptions { MaxGridPoints = 64 });

        var step = d.GridStep!.Amount;
        var bound = d.ErrorBound!.Amount;
        Assert.True(d.Points.Count <= 64);
        Assert.Equal(decimal.Round(step, 2), step);
        Assert.True(amounts.Sum(a => Math.Ceiling(a / step)) <= 63, "every outcome fits in 64 points");
        Assert.True(amounts.Sum(a => Math.Ceiling(a / (step - 0.01m))) > 63, "the step is the smallest that fits");
        Assert.True(bound > 0 && bound <= amounts.Length * step);
        // The split keeps each deal's mean: the grid's mean is the exact 5,156.5415 (Mean rounds it to 5,156.54).
        Assert.Equal(5_156.5415, d.Points.Sum(p => (double)p.Value.Amount * p.Probability), 6);
        Assert.Equal(Usd(5_156.54m), d.Mean);
        foreach (var p in new[] { 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95 })
        {
            Assert.InRange(d.Percentile(p).Amount, exact.Quantile(p - 1e-8) - bound, exact.Quantile(p + 1e-8) + bound);
        }
    }

    [Fact]
    public void Distribution_LargeLatticePipeline_UsesTheFftProductAndMatchesAPlainConvolution()
    {
        // 400 deals of whole thousands: exact on the lattice of USD 1,000, long enough for FFT products.
        var random = new Random(7);
        var amounts = Enumerable.Range(0, 400).Select(_ => 1_000m * random.Next(1, 41)).ToArray();
        var probabilities = Enumerable.Range(0, 400).Select(_ => random.Next(1, 20) * 0.05m).ToArray();
        var deals = amounts.Select((a, i) => OpenInMarch($"D{i}", a, probabilities[i])).ToArray();
        var reference = PlainConvolution(amounts.Select(a => (int)(a / 1_000m)).ToArray(), probabilities.Select(p => (double)p).ToArray());

        var d = Forecast.Distribution(deals, Pipeline, March);

        Assert.Null(d.GridStep);
        var byValue = d.Points.ToDictionary(p => (int)(p.Value.Amount / 1_000m), p => p.Probability);
        for (var k = 0; k < reference.Length; k++)
        {
            Assert.True(
                Math.Abs(reference[k] - byValue.GetValueOrDefault(k)) <= 1e-12,
                $"P({k}): {reference[k]} vs {byValue.GetValueOrDefault(k)}"
            );
        }
        var cumulative = 0.0;
        var quantiles = new Dictionary<double, int>();
        for (var k = 0; k < reference.Length; k++)
        {
            cumulative += reference[k];
            foreach (var p in new[] { 0.1, 0.5, 0.9 })
            {
                if (cumulative >= p && !quantiles.ContainsKey(p))
                {
                    quantiles[p] = k;
                }
            }
        }
        Assert.Equal((Usd(1_000m * quantiles[0.1]), Usd(1_000m * quantiles[0.5]), Usd(1_000m * quantiles[0.9])), (d.P10, d.P50, d.P90));
    }

    [Fact]
    public void Distribution_FineAmountsOnASmallGrid_StayWithinTheErrorBoundOfTheExactDistribution()
    {
        // 200 deals of whole dollars up to 500: the exact distribution (plain convolution in dollars, up to 100,000
        // points) against the exact method forced onto 2,048 points. With 200 split deals the Hoeffding bound
        // (h sqrt(200 ln(4e8) / 2), about 44.5 h) is the smaller one, so the comparison allows the 1e-8 slack in p.
        var random = new Random(11);
        var dollars = Enumerable.Range(0, 200).Select(_ => random.Next(1, 501)).ToArray();
        var probabilities = Enumerable.Range(0, 200).Select(_ => random.Next(1, 100) * 0.01m).ToArray();
        var deals = dollars.Select((a, i) => OpenInMarch($"D{i}", a, probabilities[i])).ToArray();
        var reference = PlainConvolution(dollars, probabilities.Select(p => (double)p).ToArray());

        var d = Forecast.Distribution(deals, Pipeline, March, new DistributionOptions { MaxGridPoints = 2_048 });

        var step = d.GridStep!.Amount;
        var bound = d.ErrorBound!.Amount;
        Assert.InRange(bound, 44 * step, 45 * step + 0.01m);
        var worst = 0m;
        foreach (var p in new[] { 0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 0.999 })
        {
            var (low, high) = (Quantile(reference, p - 1e-8), Quantile(reference, p + 1e-8));
            var actual = d.Percentile(p).Amount;
            Assert.InRange(actual, low - bound, high + bound);
            worst = Math.Max(worst, Math.Max(low - actual, actual - high));
        }
        // The typical error is far below the bound: here within two grid steps.
        Assert.True(worst <= 2 * step, $"worst percentile error {worst} with step {step}");
    }

    [Fact]
    public void Distribution_MonteCarlo_IsRepeatableForASeedAndItsMeanIsWithinFourStandardErrors()
    {
        var random = new Random(3);
        var deals = Enumerable
            .Range(0, 60)
            .Select(i => OpenInMarch($"D{i}", random.Next(100, 100_000), random.Next(1, 20) * 0.05m))
            .ToArray();
        var options = new DistributionOptions
        {
            Method = DistributionMethod.MonteCarlo,
            Trials = 5_000,
            Seed = 42,
        };

        var first = Forecast.Distribution(deals, Pipeline, March, options);
        var second = Forecast.Distribution(deals, Pipeline, March, options);
        var otherSeed = Forecast.Distribution(deals, Pipeline, March, options with { Seed = 43 });
        var exact = Forecast.Distribution(deals, Pipeline, March);

        Assert.Equal(DistributionMethod.MonteCarlo, first.Method);
        Assert.Equal(5_000, first.Trials);
        Assert.Null(first.GridStep);
        Assert.Null(first.ErrorBound);
        Assert.Equal(first.Points, second.Points);
        Assert.Equal(
            (first.SampleMean, first.StandardError, first.P10, first.P50, first.P90),
            (second.SampleMean, second.StandardError, second.P10, second.P50, second.P90)
        );
        Assert.NotEqual(first.SampleMean, otherSeed.SampleMean);
        Assert.Equal(exact.Mean, first.Mean);
        Assert.Equal(exact.Variance, first.Variance);
        Assert.Equal(exact.CountProbabilities, first.CountProbabilities);
        Assert.InRange(
            (double)(first.SampleMean!.Amount - first.Mean.Amount),
            -4 * first.StandardError!.Value,
            4 * first.StandardError.Value
        );
        // The standard error estimates sd / sqrt(trials) from the samples.
        Assert.InRange(
            first.StandardError.Value,
            0.9 * exact.StandardDeviation / Math.Sqrt(5_000),
            1.1 * exact.StandardDeviation / Math.Sqrt(5_000)
        );
        Assert.Null(exact.Trials);
        Assert.Null(exact.SampleMean);
        Assert.Null(exact.StandardError);
    }

    [Fact]
    public void Distribution_MonteCarlo_PercentilesAndTailsAreThoseOfTheSamples()
    {
        // 100 at 0.5 and 200 at 0.5: four equally likely outcomes 0, 100, 200, 300. With 20,000 trials each sample
        // frequency is within 0.025 of 0.25 (over 7 standard errors).
        Deal[] deals = [OpenInMarch("A", 100m, 0.5m), OpenInMarch("B", 200m, 0.5m)];

        var d = Forecast.Distribution(
            deals,
            Pipeline,
            March,
            new DistributionOptions { Method = DistributionMethod.MonteCarlo, Trials = 20_000 }
        );

        Assert.Equal([Usd(0m), Usd(100m), Usd(200m), Usd(300m)], d.Points.Select(p => p.Value));
        Assert.All(d.Points, p => Assert.InRange(p.Probability, 0.225, 0.275));
        Assert.Equal(1.0, d.Points[^1].Cumulative);
        Assert.Equal(d.Points[^1].Probability, d.ProbabilityOfAtLeast(Usd(250m)));
        Assert.Equal(Usd(0m), d.Percentile(0));
        Assert.Equal(Usd(300m), d.Percentile(1));
        Assert.Equal(Usd(300m), d.P90);
    }

    [Fact]
    public void Distribution_NullArguments_AreRejectedByName()
    {
        Assert.Equal("deals", Assert.Throws<ArgumentNullException>(() => Forecast.Distribution(null!, Pipeline, March)).ParamName);
        Assert.Equal("pipeline", Assert.Throws<ArgumentNullException>(() => Forecast.Distribution(ThreeDeals, null!, March)).ParamName);
        Assert.Equal("period", Assert.Throws<ArgumentNullException>(() => Forecast.Distribution(ThreeDeals, Pipeline, null!)).ParamName);
        var nullDeal = Assert.Throws<ArgumentNullException>(() => Forecast.Distribution([ThreeDeals[0], null!], Pipeline, March));
        Assert.Equal("deals", nullDeal.ParamName);
        Assert.Contains("Deal 1", nullDeal.Message, StringComparison.Ordinal);
        var withRates = new DistributionOptions { Forecast = new ForecastOptions { Rates = ExchangeRates.In(Currency.USD) } };
        Assert.Equal(
            "deals",
            Assert.Throws<ArgumentNullException>(() => Forecast.Distribution([null!], Pipeline, March, withRates)).ParamName
        );
    }

    [Fact]
    public void Distribution_MaxGridPointsNotAboveTheUncertainDeals_IsRejectedNamingBoth()
    {
        var deals = Enumerable.Range(0, 64).Select(i => OpenInMarch($"D{i}", 100m + i, 0.5m)).ToArray();

        var ex = Assert.Throws<ArgumentException>(() =>
            Forecast.Distribution(deals, Pipeline, March, new DistributionOptions { MaxGridPoints = 64 })
        );

        Assert.Equal("options", ex.ParamName);
        Assert.Contains("MaxGridPoints is 64", ex.Message, StringComparison.Ordinal);
        Assert.Contains("64 open deals", ex.Message, StringComparison.Ordinal);
        // 65 points are enough: each deal takes one step.
        Assert.Equal(65, Forecast.Distribution(deals, Pipeline, March, new DistributionOptions { MaxGridPoints = 65 }).Points.Count);
    }

    [Fact]
    public void Distribution_DealOfAnotherPipelineOrCurrencyWithoutRate_IsAnError()
    {
        var other = PipelineDefinition.CreateBuilder("Other").Stage("Only", 0.5m).Won("Won").Lost("Lost").Build();
        var foreign = Deal.Open(other, new DealId("X"), "X", "bob", Usd(10m), new LocalDate(2026, 3, 20), Start);
        var yen = Open("J", 1_000m, 0.5m, new LocalDate(2026, 3, 20), Currency.JPY);

        Assert.Throws<ArgumentException>(() => Forecast.Distribution([foreign], Pipeline, March));
        var ex = Assert.Throws<MissingExchangeRateException>(() => Forecast.Distribution([ThreeDeals[0], yen], Pipeline, March));
        Assert.Contains("JPY", ex.Message, StringComparison.Ordinal);
    }

    // -- independent second methods --

    private static double BinomialCdf(int x)
    {
        BigInteger sum = 0;
        for (var k = 0; k <= x; k++)
        {
            sum += Choose(50, k);
        }
        return (double)sum / Math.Pow(2, 50);
    }

    private static BigInteger Choose(int n, int k)
    {
        BigInteger result = 1;
        for (var i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
        }
        return result;
    }

    // P(sum = k) for deals of units[i] won with probabilities[i], one deal at a time over the whole range.
    internal static double[] PlainConvolution(int[] units, double[] probabilities)
    {
        var dist = new double[units.Sum() + 1];
        dist[0] = 1;
        for (var i = 0; i < units.Length; i++)
        {
            for (var k = dist.Length - 1; k >= 0; k--)
            {
                dist[k] = dist[k] * (1 - probabilities[i]) + (k >= units[i] ? dist[k - units[i]] * probabilities[i] : 0);
            }
        }
        return dist;
    }

    private static decimal Quantile(double[] dist, double p)
    {
        if (p <= 0)
        {
            return 0;
        }
        var cumulative = 0.0;
        for (var k = 0; k < dist.Length; k++)
        {
            cumulative += dist[k];
            if (cumulative >= p)
            {
                return k;
            }
        }
        return dist.Length - 1;
    }
}
