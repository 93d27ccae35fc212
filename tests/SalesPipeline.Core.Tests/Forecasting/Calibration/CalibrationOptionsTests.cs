using System.Globalization;
using SalesPipeline.Forecasting;
using SalesPipeline.Statistics;

namespace SalesPipeline.Tests.Forecasting.Calibration;

public sealed class CalibrationOptionsTests
{
    [Fact]
    public void Default_Is95PercentStrength10TwoDecimals()
    {
        var options = new CalibrationOptions();

        Assert.Equal(0.95, options.Confidence);
        Assert.Equal(10.0, options.PriorStrength);
        Assert.Equal(2, options.Decimals);
        Assert.Equal(BinomialIntervalMethod.Wilson, options.IntervalMethod);
        Assert.Equal(BetaBinomialMethod.MaximumLikelihood, options.PriorMethod);
        Assert.Equal(options, CalibrationOptions.Default);
    }

    [Fact]
    public void Methods_Undefined_Throw()
    {
        var interval = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new CalibrationOptions { IntervalMethod = (BinomialIntervalMethod)9 }
        );
        var prior = Assert.Throws<ArgumentOutOfRangeException>(() => new CalibrationOptions { PriorMethod = (BetaBinomialMethod)9 });

        Assert.Equal("IntervalMethod", interval.ParamName);
        Assert.Equal("PriorMethod", prior.ParamName);
        Assert.Contains("it was 9", prior.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Confidence_OutsideZeroOne_Throws(double value)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new CalibrationOptions { Confidence = value });

        Assert.Equal("Confidence", ex.ParamName);
        Assert.Equal(value, ex.ActualValue);
        Assert.Contains($"it was {value.ToString("R", CultureInfo.InvariantCulture)}", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-2.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void PriorStrength_NotPositiveAndFinite_Throws(double value)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new CalibrationOptions { PriorStrength = value });

        Assert.Equal("PriorStrength", ex.ParamName);
        Assert.Contains($"it was {value.ToString("R", CultureInfo.InvariantCulture)}", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(29)]
    public void Decimals_OutOfRange_Throws(int value)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new CalibrationOptions { Decimals = value });

        Assert.Equal("Decimals", ex.ParamName);
        Assert.Equal(value, ex.ActualValue);
        Assert.Contains($"it was {value}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_ChecksTheNewValueToo()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => CalibrationOptions.Default with { Confidence = 1.0 });

        Assert.Equal("Confidence", ex.ParamName);
    }

    [Theory]
    [InlineData(0.5, 0.001, 0)]
    [InlineData(0.999, 1000.0, 28)]
    public void Properties_AtTheEdgesOfTheirRange_AreAccepted(double confidence, double strength, int decimals)
    {
        var options = new CalibrationOptions
        {
            Confidence = confidence,
            PriorStrength = strength,
            Decimals = decimals,
        };

        Assert.Equal((confidence, strength, decimals), (options.Confidence, options.PriorStrength, options.Decimals));
    }
}
