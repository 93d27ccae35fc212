using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using static SalesPipeline.Tests.Forecasting.Distribution.DistributionFixtures;

namespace SalesPipeline.Tests.Forecasting.Distribution;

public sealed class RevenueDistributionTests
{
    // The eight outcomes of ThreeDeals are worked by hand in ForecastDistributionTests.
    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.1, 0)]
    [InlineData(0.2, 0)]
    [InlineData(0.2000001, 100)]
    [InlineData(0.4, 100)]
    [InlineData(0.5, 200)]
    [InlineData(0.6, 200)]
    [InlineData(0.61, 300)]
    [InlineData(0.85, 300)]
    [InlineData(0.86, 400)]
    [InlineData(0.9, 400)]
    [InlineData(0.91, 500)]
    [InlineData(0.95, 500)]
    [InlineData(0.96, 600)]
    [InlineData(1.0, 600)]
    public void Percentile_ThreeDeals_IsTheSmallestValueWhoseCumulativeReachesP(double p, int expected) =>
        Assert.Equal(Usd(expected), Forecast.Distribution(ThreeDeals, Pipeline, March).Percentile(p));

    [Theory]
    [InlineData(-50.0, 1.0)]
    [InlineData(0.0, 1.0)]
    [InlineData(0.01, 0.8)]
    [InlineData(100.0, 0.8)]
    [InlineData(150.0, 0.6)]
    [InlineData(200.0, 0.6)]
    [InlineData(300.0, 0.4)]
    [InlineData(300.01, 0.15)]
    [InlineData(400.0, 0.15)]
    [InlineData(500.0, 0.1)]
    [InlineData(600.0, 0.05)]
    [InlineData(600.01, 0.0)]
    public void ProbabilityOfAtLeast_ThreeDeals_SumsTheOutcomesAtOrAboveTheTarget(double target, double expected) =>
        Assert.Equal(expected, Forecast.Distribution(ThreeDeals, Pipeline, March).ProbabilityOfAtLeast(Usd((decimal)target)), 12);

    [Fact]
    public void Percentile_CumulativeThatIsExactlyPOnPaper_ReachesPDespiteBinaryRounding()
    {
        // 100 at 0.1 and 200 at 0.9: outcomes 0 (0.09), 100 (0.01), 200 (0.81), 300 (0.09). P(R <= 100) is exactly 0.1,
        // so P10 = 100; in doubles the cumulative comes out as 0.09999999999999998.
        var d = Forecast.Distribution([OpenInMarch("A", 100m, 0.1m), OpenInMarch("B", 200m, 0.9m)], Pipeline, March);

        Assert.Equal(Usd(100m), d.P10);
        Assert.Equal(Usd(200m), d.Percentile(0.1000001));
        Assert.Equal(Usd(300m), d.Percentile(0.92));
    }

    [Fact]
    public void CountProbabilities_ThreeDeals_ArePoissonBinomialWorkedByHand()
    {
        // 0 won: 0.5*0.5*0.8 = 0.2; 1: 2*(0.5*0.5*0.8) + 0.5*0.5*0.2 = 0.45; 2: 0.5*0.5*0.8 + 2*(0.5*0.5*0.2) = 0.3; 3: 0.05.
        var d = Forecast.Distribution(ThreeDeals, Pipeline, March);

        Assert.Equal(4, d.CountProbabilities.Count);
        double[] expected = [0.2, 0.45, 0.3, 0.05];
        for (var k = 0; k < 4; k++)
        {
            Assert.Equal(expected[k], d.CountProbabilities[k], 12);
        }
    }

    [Fact]
    public void ToString_PrintsATableWithTheFiguresAndTheAccuracy()
    {
        var exact = Forecast.Distribution(ThreeDeals, Pipeline, March).ToString();
        var monteCarlo = Forecast
            .Distribution(ThreeDeals, Pipeline, March, new DistributionOptions { Method = DistributionMethod.MonteCarlo })
            .ToString();

        Assert.StartsWith("Revenue distribution 2026-03 [Exact, USD]\n", exact, StringComparison.Ordinal);
        Assert.Contains("\nMean                                      USD 210.00\n", exact, StringComparison.Ordinal);
        Assert.Contains("\nStandard deviation                        USD 164.01\n", exact, StringComparison.Ordinal);
        Assert.Contains("\nP90                                       USD 400.00\n", exact, StringComparison.Ordinal);
        Assert.Contains("\nGrid step                                      exact\n", exact, StringComparison.Ordinal);
        Assert.StartsWith("Revenue distribution 2026-03 [MonteCarlo, USD]\n", monteCarlo, StringComparison.Ordinal);
        Assert.Contains("\nTrials                                        10,000\n", monteCarlo, StringComparison.Ordinal);
        Assert.Contains("Standard error", monteCarlo, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Percentile_ProbabilityOutsideZeroToOne_IsRejectedNamingTheValue(double p)
    {
        var d = Forecast.Distribution(ThreeDeals, Pipeline, March);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => d.Percentile(p));

        Assert.Equal("p", ex.ParamName);
        Assert.Contains(p.ToString("R", System.Globalization.CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
        Assert.Contains("between 0 and 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProbabilityOfAtLeast_NullOrOtherCurrency_IsRejected()
    {
        var d = Forecast.Distribution(ThreeDeals, Pipeline, March);

        Assert.Equal("target", Assert.Throws<ArgumentNullException>(() => d.ProbabilityOfAtLeast(null!)).ParamName);
        var ex = Assert.Throws<CurrencyMismatchException>(() => d.ProbabilityOfAtLeast(Money.Of(100m, Currency.EUR)));
        Assert.Contains("EUR", ex.Message, StringComparison.Ordinal);
    }
}
