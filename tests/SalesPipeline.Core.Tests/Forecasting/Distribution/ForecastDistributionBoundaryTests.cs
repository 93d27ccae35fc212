using System.Globalization;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using static SalesPipeline.Tests.Forecasting.Distribution.DistributionFixtures;

namespace SalesPipeline.Tests.Forecasting.Distribution;

// Edges of the revenue distribution: impossible deals, percentiles 0 and 1, the ends of the support, Monte Carlo figures.
public sealed class ForecastDistributionBoundaryTests
{
    private static readonly DistributionOptions MonteCarlo101 = new()
    {
        Method = DistributionMethod.MonteCarlo,
        Trials = 101,
        Seed = 5,
    };

    [Fact]
    public void Distribution_ImpossibleDeal_ChangesNeitherTheMonteCarloSamplesNorTheGrid()
    {
        // A deal at 0% takes no part: the same seed gives the same samples with or without it, and its odd amount
        // (USD 0.01) does not force the grid of USD 100 (7 points) onto cents (60,001 points, above 64).
        Deal[] withImpossible = [OpenInMarch("never", 0.01m, 0m), .. ThreeDeals];
        var exactOptions = new DistributionOptions { MaxGridPoints = 64 };
        var monteCarloOptions = new DistributionOptions { Method = DistributionMethod.MonteCarlo, Seed = 11 };

        var exact = Forecast.Distribution(withImpossible, Pipeline, March, exactOptions);
        var sampled = Forecast.Distribution(withImpossible, Pipeline, March, monteCarloOptions);
        var sampledWithout = Forecast.Distribution(ThreeDeals, Pipeline, March, monteCarloOptions);

        Assert.Null(exact.GridStep);
        Assert.Equal(Usd(0m), exact.ErrorBound);
        Assert.Equal(new[] { 0m, 100m, 200m, 300m, 400m, 500m, 600m }, exact.Points.Select(p => p.Value.Amount));
        Assert.Equal(sampledWithout.Points, sampled.Points);
        Assert.Equal(sampledWithout.SampleMean, sampled.SampleMean);
        Assert.Equal(4, sampled.DealCount);
    }

    [Fact]
    public void Distribution_MostLikelyOutcomesOnly_PercentileZeroAndAtLeastStartFromTheMinimum()
    {
        // 2,100 deals of USD 1 at 99%: the groups of 1,023 deals are multiplied by FFT, which drops every probability
        // below 1e-15, so the smallest listed revenue lies far above the minimum (0; P(0) = 0.01^2100). Percentile(0) is
        // still the minimum (by definition), and P(revenue >= 1) is the whole listed mass, 1.
        var deals = Enumerable.Range(0, 2_100).Select(i => OpenInMarch($"D{i}", 1m, 0.99m)).ToArray();

        var d = Forecast.Distribution(deals, Pipeline, March);

        Assert.True(d.Points[0].Value.Amount > 1_000m, d.Points[0].ToString());
        Assert.Equal(Usd(0m), d.Percentile(0));
        Assert.Equal(1.0, d.ProbabilityOfAtLeast(Usd(1m)), 12);
        Assert.Equal(1.0, d.ProbabilityOfAtLeast(d.Points[0].Value), 12);
        Assert.Equal(1.0, d.ProbabilityOfAtLeast(Usd(0m)));
    }

    [Fact]
    public void Percentile_One_IsTheLargestPossibleRevenueEvenBelowTheCumulativeTolerance()
    {
        // 100 at 50% and 200 at 1e-10: revenue 300 has probability 0.5 x 1e-10 = 5e-11, below the 1e-9 tolerance that
        // Percentile grants other p; Percentile(1) is still 300, while Percentile(0.999999) is 100 (cumulative 1 - 1e-10).
        var d = Forecast.Distribution([OpenInMarch("A", 100m, 0.5m), OpenInMarch("B", 200m, 0.0000000001m)], Pipeline, March);

        Assert.Equal(Usd(300m), d.Percentile(1));
        Assert.Equal(Usd(100m), d.Percentile(0.999999));
        Assert.Equal(Usd(0m), d.Percentile(0));
    }

    [Fact]
    public void ProbabilityOfAtLeastTheMinimumAndCumulativeOfTheMaximum_AreExactlyOne()
    {
        // 100, 200 and 400 at 30% each: the eight probabilities sum to 1 on paper, but in doubles both the running sum
        // (0.9999999999999999) and the sum from the top (0.9999999999999998) fall short; the two ends of the support
        // are nonetheless exactly certain.
        var d = Forecast.Distribution(
            [OpenInMarch("A", 100m, 0.3m), OpenInMarch("B", 200m, 0.3m), OpenInMarch("C", 400m, 0.3m)],
            Pipeline,
            March
        );

        Assert.True(d.Points[^1].Cumulative < 1.0);
        Assert.True(Enumerable.Reverse(d.Points.ToArray()).Sum(p => p.Probability) < 1.0);
        Assert.Equal(1.0, d.ProbabilityOfAtLeast(Usd(0m)));
        Assert.Equal(1.0, d.CumulativeProbability(Usd(700m)));
    }

    [Fact]
    public void ProbabilityOfAtLeastAndCumulative_OtherCurrency_SayTheyCannotCompare()
    {
        var d = Forecast.Distribution(ThreeDeals, Pipeline, March);
        const string expected = "Cannot compare amounts in different currencies: USD and EUR. Convert one of them first.";

        Assert.Equal(expected, Assert.Throws<CurrencyMismatchException>(() => d.ProbabilityOfAtLeast(Money.Of(1m, Currency.EUR))).Message);
        Assert.Equal(expected, Assert.Throws<CurrencyMismatchException>(() => d.CumulativeProbability(Money.Of(1m, Currency.EUR))).Message);
    }

    [Fact]
    public void MonteCarlo_SampleMeanAndStandardError_AreThoseOfTheSamples()
    {
        // With whole-dollar amounts every sample is listed exactly: from the counts c_i of the values v_i, the sample mean
        // is sum c_i v_i / 101 rounded to the cent, and the standard error sqrt(sum c_i (v_i - mean)^2 / 100 / 101).
        var d = Forecast.Distribution(ThreeDeals, Pipeline, March, MonteCarlo101);

        var counts = d.Points.Select(p => (Value: p.Value.Amount, Count: (int)Math.Round(p.Probability * 101))).ToArray();
        Assert.Equal(101, counts.Sum(c => c.Count));
        var total = counts.Sum(c => c.Value * c.Count);
        var mean = total / 101m;
        Assert.NotEqual(mean, decimal.Round(mean, 2)); // the rounding below matters
        Assert.Equal(Usd(decimal.Round(mean, 2, MidpointRounding.AwayFromZero)), d.SampleMean);
        var squares = counts.Sum(c => c.Count * ((double)c.Value - (double)mean) * ((double)c.Value - (double)mean));
        var standardError = Math.Sqrt(squares / 100 / 101);
        Assert.Equal(standardError, d.StandardError!.Value, standardError * 1e-12);
    }

    [Fact]
    public void ToString_ListsTheCountsAndTheMethodsFigures()
    {
        // One overdue, one won and two open deals; 150.01 and 250 on 64 points cannot use the cent lattice (40,002
        // points), so the grid is split and its step printed.
        var overdue = Open("late", 50m, 0.5m, new LocalDate(2026, 2, 10));
        var won = Won("W", 20m, Instant.FromUtc(2026, 3, 2, 12, 0));
        Deal[] deals = [overdue, won, OpenInMarch("A", 150.01m, 0.5m), OpenInMarch("B", 250m, 0.5m)];
        var exact = Forecast.Distribution(deals, Pipeline, March, new DistributionOptions { MaxGridPoints = 64 });
        var sampled = Forecast.Distribution(ThreeDeals, Pipeline, March, MonteCarlo101);

        static string Row(string label, string value) => string.Format(CultureInfo.InvariantCulture, "\n{0,-24}{1,28}\n", label, value);
        Assert.Contains(Row("Open deals", "2"), exact.ToString(), StringComparison.Ordinal);
        Assert.Contains(Row("Overdue deals excluded", "1"), exact.ToString(), StringComparison.Ordinal);
        Assert.Contains(Row("Won deals", "1"), exact.ToString(), StringComparison.Ordinal);
        Assert.NotNull(exact.GridStep);
        Assert.Contains(Row("Grid step", exact.GridStep.ToString()), exact.ToString(), StringComparison.Ordinal);
        Assert.Contains(Row("Open deals", "3"), sampled.ToString(), StringComparison.Ordinal);
        Assert.Contains(Row("Sample mean", sampled.SampleMean!.ToString()), sampled.ToString(), StringComparison.Ordinal);
        var standardError = Money.Of((decimal)sampled.StandardError!.Value, Currency.USD).Round();
        Assert.True(standardError.Amount > 0m);
        Assert.Contains(Row("Standard error", standardError.ToString()), sampled.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void MonteCarlo_CurrencyWithoutMinorUnit_KeepsTheAmountsUnrounded()
    {
        // XAU has no minor unit: a deal of 1.23456 XAU at 50% yields the revenues 0 and 1.23456 exactly.
        var xau = Currency.FromCode("XAU");
        var deal = Open("gold", 1.23456m, 0.5m, new LocalDate(2026, 3, 20), xau);

        var d = Forecast.Distribution([deal], Pipeline, March, MonteCarlo101);

        Assert.Equal(new[] { 0m, 1.23456m }, d.Points.Select(p => p.Value.Amount));
        Assert.Equal(xau, d.Currency);
    }

    [Fact]
    public void Distribution_NoDealsInACurrencyWithoutMinorUnit_IsZero()
    {
        var xau = Currency.FromCode("XAU");
        var options = new DistributionOptions { Forecast = new ForecastOptions { Rates = ExchangeRates.In(xau) } };

        var d = Forecast.Distribution([], Pipeline, March, options);

        Assert.Equal(new[] { Money.Of(0m, xau) }, d.Points.Select(p => p.Value));
    }

    [Fact]
    public void Distribution_NullZone_IsRejectedNamingTheOptions()
    {
        var options = new DistributionOptions { Forecast = new ForecastOptions { Zone = null! } };

        var ex = Assert.Throws<ArgumentException>(() => Forecast.Distribution(ThreeDeals, Pipeline, March, options));

        Assert.Equal("options", ex.ParamName);
        Assert.StartsWith("ForecastOptions.Zone must not be null; use DateTimeZone.Utc for UTC.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_NullForecastAndPointsOutOfRange_SayWhy()
    {
        var nullForecast = Assert.Throws<ArgumentNullException>(() => new DistributionOptions { Forecast = null! });
        var points = Forecast.Distribution(ThreeDeals, Pipeline, March).Points;
        var outside = Assert.Throws<ArgumentOutOfRangeException>(() => points[7]);

        Assert.StartsWith(
            "DistributionOptions.Forecast must not be null; use ForecastOptions.Default.",
            nullForecast.Message,
            StringComparison.Ordinal
        );
        Assert.StartsWith("The index must be between 0 and 6; it was 7.", outside.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Variance_AmountsWhoseSquaresPassDecimal_IsSumOfASquaredPQInDoubles()
    {
        // (10^15)^2 = 10^30 is beyond decimal (7.9 x 10^28): sum a^2 p (1 - p) = 10^30 x 0.25 + 10^28 x 0.16 = 2.516 x 10^29.
        var d = Forecast.Distribution([OpenInMarch("A", 1e15m, 0.5m), OpenInMarch("B", 1e14m, 0.2m)], Pipeline, March);

        Assert.Equal(2.516e29, d.Variance, 2.516e29 * 1e-12);
    }
}
