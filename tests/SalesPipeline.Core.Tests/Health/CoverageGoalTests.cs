using SalesPipeline.Calendars;
using SalesPipeline.Health;
using SalesPipeline.Targets;
using static SalesPipeline.Tests.Health.HealthFixtures;

namespace SalesPipeline.Tests.Health;

public sealed class CoverageGoalTests
{
    private static readonly FiscalPeriod Q2 = FiscalCalendar.Calendar.Quarter(2026, 2);

    [Theory]
    [InlineData(0.25, 4)]
    [InlineData(0.5, 2)]
    [InlineData(1, 1)]
    [InlineData(0.8, 1.25)]
    public void RequiredCoverage_IsOneOverTheWinRate(double winRate, double required)
    {
        Assert.Equal((decimal)required, new CoverageGoal(Q2, Usd(1_000m), (decimal)winRate).RequiredCoverage);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1.01)]
    public void Create_WinRateOutsideZeroToOne_Throws(double winRate)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new CoverageGoal(Q2, Usd(1_000m), (decimal)winRate));

        Assert.Equal("winRate", e.ParamName);
        Assert.Contains($"it was {(decimal)winRate}", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Create_TargetNotAboveZero_Throws(int target)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new CoverageGoal(Q2, Usd(target), 0.5m));

        Assert.Equal("target", e.ParamName);
        Assert.Contains("must be above zero", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NullArguments_Throw()
    {
        Assert.Equal("period", Assert.Throws<ArgumentNullException>(() => new CoverageGoal(null!, Usd(1m), 0.5m)).ParamName);
        Assert.Equal("target", Assert.Throws<ArgumentNullException>(() => new CoverageGoal(Q2, null!, 0.5m)).ParamName);
    }
}
