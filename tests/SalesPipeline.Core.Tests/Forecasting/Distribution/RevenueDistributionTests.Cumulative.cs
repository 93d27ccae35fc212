using NodaTime;
using SalesPipeline.Forecasting;
using static SalesPipeline.Tests.Forecasting.Distribution.DistributionFixtures;

namespace SalesPipeline.Tests.Forecasting.Distribution;

public sealed class RevenueDistributionCumulativeTests
{
    // ThreeDeals (USD 100 at 50%, 200 at 50%, 300 at 20%), enumerated by hand in docs/forecasting.md: revenue 0, 100,
    // 200, 300, 400, 500, 600 with probabilities 0.2, 0.2, 0.2, 0.25, 0.05, 0.05, 0.05; cumulative 0.2, 0.4, 0.6, 0.85,
    // 0.9, 0.95, 1. Between two possible revenues the cumulative stays at the lower one's.
    [Theory]
    [InlineData(-50.0, 0.0)]
    [InlineData(-0.01, 0.0)]
    [InlineData(0.0, 0.2)]
    [InlineData(99.99, 0.2)]
    [InlineData(100.0, 0.4)]
    [InlineData(250.0, 0.6)]
    [InlineData(299.99, 0.6)]
    [InlineData(300.0, 0.85)]
    [InlineData(450.0, 0.9)]
    [InlineData(500.0, 0.95)]
    [InlineData(600.0, 1.0)]
    [InlineData(1_000_000.0, 1.0)]
    public void CumulativeProbability_ThreeDeals_IsTheHandWorkedStepFunction(double value, double expected) =>
        Assert.Equal(expected, Forecast.Distribution(ThreeDeals, Pipeline, March).CumulativeProbability(Usd((decimal)value)), 12);

    // USD 50.00 already won in March, plus two open deals of USD 100 at 30% and 60%: revenue 50 with 0.7 x 0.4 = 0.28,
    // 150 with 0.3 x 0.4 + 0.7 x 0.6 = 0.54, 250 with 0.3 x 0.6 = 0.18. Cumulative 0.28, 0.82, 1.
    [Fact]
    public void CumulativeProbability_WonAmountAndTwoDeals_StartsAtTheWonAmount()
    {
        var deals = new[]
        {
            Won("W", 50m, Instant.FromUtc(2026, 3, 10, 12, 0)),
            OpenInMarch("A", 100m, 0.3m),
            OpenInMarch("B", 100m, 0.6m),
        };
        var d = Forecast.Distribution(deals, Pipeline, March);

        Assert.Equal(0.0, d.CumulativeProbability(Usd(49.99m)));
        Assert.Equal(0.28, d.CumulativeProbability(Usd(50m)), 12);
        Assert.Equal(0.28, d.CumulativeProbability(Usd(149.99m)), 12);
        Assert.Equal(0.82, d.CumulativeProbability(Usd(150m)), 12);
        Assert.Equal(0.82, d.CumulativeProbability(Usd(249.99m)), 12);
        Assert.Equal(1.0, d.CumulativeProbability(Usd(250m)));
        // The percentiles invert it: P50 is 150 (0.82 >= 0.5 and 0.28 < 0.5), P10 is 50.
        Assert.Equal(Usd(150m), d.P50);
        Assert.Equal(Usd(50m), d.P10);
    }

    // At an atom v, P(revenue <= v) and P(revenue >= v) both count P(revenue = v); between atoms they add up to 1.
    [Fact]
    public void CumulativeProbability_AndProbabilityOfAtLeast_OverlapExactlyAtAtoms()
    {
        var d = Forecast.Distribution(ThreeDeals, Pipeline, March);

        Assert.Equal(1.25, d.CumulativeProbability(Usd(300m)) + d.ProbabilityOfAtLeast(Usd(300m)), 12); // 0.85 + 0.4 = 1 + 0.25
        Assert.Equal(1.0, d.CumulativeProbability(Usd(250m)) + d.ProbabilityOfAtLeast(Usd(250m)), 12); // 0.6 + 0.4
        // P(revenue > 300) = P(revenue >= 400), the next possible revenue: 0.15; with P(revenue <= 300) = 0.85, 1.
        Assert.Equal(1.0, d.CumulativeProbability(Usd(300m)) + d.ProbabilityOfAtLeast(Usd(400m)), 12);
    }

    [Fact]
    public void CumulativeProbability_NullOrOtherCurrency_IsRejected()
    {
        var d = Forecast.Distribution(ThreeDeals, Pipeline, March);

        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => d.CumulativeProbability(null!)).ParamName);
        var ex = Assert.Throws<CurrencyMismatchException>(() => d.CumulativeProbability(Money.Of(100m, Currency.EUR)));
        Assert.Contains("EUR", ex.Message, StringComparison.Ordinal);
        Assert.Contains("USD", ex.Message, StringComparison.Ordinal);
    }
}
