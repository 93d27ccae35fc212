using SalesPipeline.Metrics;

namespace SalesPipeline.Tests.Metrics;

using static CycleDeals;

public class SalesCycleOptionsTests
{
    private static ArgumentOutOfRangeException Rejected(SalesCycleOptions options) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SalesCycleAccumulator(Day(100), options));

    [Fact]
    public void Outcome_Undefined_IsRejectedWithItsNumber()
    {
        var e = Rejected(new SalesCycleOptions { Outcome = (SalesCycleOutcome)7 });

        Assert.Equal("options", e.ParamName);
        Assert.Equal((SalesCycleOutcome)7, e.ActualValue);
        Assert.StartsWith("SalesCycleOptions.Outcome must be Closed or Won; it was 7.", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void Confidence_OutsideTheOpenUnitInterval_IsRejectedWhenTheAccumulatorIsMade(double confidence)
    {
        // Rejected up front, before any deal is added, so a bad option never waits for Result to fail.
        var e = Rejected(new SalesCycleOptions { Confidence = confidence });

        Assert.Equal("options", e.ParamName);
        Assert.StartsWith("A confidence level must be strictly between 0 and 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Interval_Undefined_IsRejectedWhenTheAccumulatorIsMade()
    {
        var e = Rejected(new SalesCycleOptions { Interval = (SurvivalInterval)9 });

        Assert.Equal("options", e.ParamName);
        Assert.StartsWith("The interval must be LogLog, Log or Plain; it was 9.", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NaN)]
    public void TauDays_NotAPositiveFiniteNumber_IsRejectedWhenTheAccumulatorIsMade(double tau)
    {
        var e = Rejected(new SalesCycleOptions { TauDays = tau });

        Assert.Equal("options", e.ParamName);
        Assert.StartsWith(
            $"SalesCycleOptions.TauDays must be a positive number of days or null; it was {(double?)tau}.",
            e.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void TauDays_SmallPositive_IsAccepted()
    {
        var accumulator = new SalesCycleAccumulator(Day(100), new SalesCycleOptions { TauDays = 0.001 });

        Assert.Equal(0.001, accumulator.Options.TauDays);
    }

    [Fact]
    public void Result_TauBeyondTheLargestTime_SaysBothFigures()
    {
        var accumulator = new SalesCycleAccumulator(Day(100), new SalesCycleOptions { TauDays = 10.5 });
        // One deal won 10 days after it was created: the largest observed time is 10 days.
        accumulator.Add(Won(Day(1), Day(11)));

        var e = Assert.Throws<ArgumentOutOfRangeException>(accumulator.Result);

        Assert.Equal("options", e.ParamName);
        Assert.StartsWith(
            "SalesCycleOptions.TauDays (10.5) is beyond the largest observed time (10 days), where the survival curve is unknown;",
            e.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Equality_EveryFieldCounts()
    {
        var a = new SalesCycleOptions();
        SalesCycleOptions[] others =
        [
            a with
            {
                Outcome = SalesCycleOutcome.Won,
            },
            a with
            {
                Confidence = 0.9,
            },
            a with
            {
                Interval = SurvivalInterval.Plain,
            },
            a with
            {
                TauDays = 30,
            },
        ];

        Assert.Equal(SalesCycleOptions.Default, a);
        Assert.Equal(SalesCycleOptions.Default.GetHashCode(), a.GetHashCode());
        Assert.All(others, o => Assert.NotEqual(a, o));
    }
}
