using SalesPipeline.Forecasting;

namespace SalesPipeline.Tests.Forecasting.Distribution;

public sealed class DistributionOptionsTests
{
    [Fact]
    public void Defaults_AreExactTenThousandTrialsSeedOneAnd65536Points()
    {
        var options = new DistributionOptions();

        Assert.Equal(
            (ForecastOptions.Default, DistributionMethod.Exact, 10_000, 1, 65_536),
            (options.Forecast, options.Method, options.Trials, options.Seed, options.MaxGridPoints)
        );
        Assert.Equal(options, DistributionOptions.Default);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(10_000_000)]
    public void Trials_AtTheLimits_IsAccepted(int trials) => Assert.Equal(trials, new DistributionOptions { Trials = trials }.Trials);

    [Theory]
    [InlineData(99)]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(10_000_001)]
    public void Trials_OutsideTheLimits_IsRejectedNamingTheValue(int trials)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new DistributionOptions { Trials = trials });

        Assert.Equal("Trials", ex.ParamName);
        Assert.Contains($"it was {trials}", ex.Message, StringComparison.Ordinal);
        Assert.Contains("between 100 and 10,000,000", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(4_194_304)]
    public void MaxGridPoints_AtTheLimits_IsAccepted(int points) =>
        Assert.Equal(points, new DistributionOptions { MaxGridPoints = points }.MaxGridPoints);

    [Theory]
    [InlineData(63)]
    [InlineData(1)]
    [InlineData(4_194_305)]
    public void MaxGridPoints_OutsideTheLimits_IsRejectedNamingTheValue(int points)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => DistributionOptions.Default with { MaxGridPoints = points });

        Assert.Equal("MaxGridPoints", ex.ParamName);
        Assert.Contains($"it was {points}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Method_Undefined_IsRejected()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new DistributionOptions { Method = (DistributionMethod)7 });

        Assert.Equal("Method", ex.ParamName);
        Assert.Contains("it was 7", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Forecast_Null_IsRejected() =>
        Assert.Equal("Forecast", Assert.Throws<ArgumentNullException>(() => new DistributionOptions { Forecast = null! }).ParamName);
}
