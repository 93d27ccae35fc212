using NodaTime;
using SalesPipeline.Collections;
using static SalesPipeline.Tests.Collections.CollectionFixtures;

namespace SalesPipeline.Tests.Collections;

// Expected dates are counted on a calendar by hand (2026 is not a leap year; 2028 and 2032 are).
public partial class DueRuleTests
{
    [Theory]
    [InlineData("2026-01-15", 30, "2026-02-14")] // 16 days to Jan 31, 14 more
    [InlineData("2028-02-15", 30, "2028-03-16")] // 14 days to Feb 29 (leap), 16 more
    [InlineData("2026-12-20", 0, "2026-12-20")]
    public void DaysAfterStart_CountsCalendarDays(string start, int days, string expected) =>
        Assert.Equal(D(expected), DueRule.DaysAfterStart(days).DueOn(D(start), 0, null));

    [Theory]
    [InlineData("2026-01-15", 30, "2026-03-02")] // Jan 31 + 28 = Feb 28, + 2 = Mar 2
    [InlineData("2028-02-10", 30, "2028-03-30")] // Feb 29 + 1 = Mar 1, + 29 = Mar 30
    [InlineData("2026-02-01", 0, "2026-02-28")]
    public void DaysAfterEndOfStartMonth_CountsFromTheMonthsLastDay(string start, int days, string expected) =>
        Assert.Equal(D(expected), DueRule.DaysAfterEndOfStartMonth(days).DueOn(D(start), 0, null));

    [Theory]
    [InlineData("2026-01-31", 1, "2026-02-28")] // clamped
    [InlineData("2028-01-31", 1, "2028-02-29")] // clamped, leap year
    [InlineData("2028-02-29", 12, "2029-02-28")]
    [InlineData("2028-02-29", 48, "2032-02-29")] // from the anchor: the 29th comes back in the next leap year
    [InlineData("2026-01-31", 13, "2027-02-28")]
    public void MonthsAfterStart_ClampsToTheMonthsLastDay(string start, int months, string expected) =>
        Assert.Equal(D(expected), DueRule.MonthsAfterStart(months).DueOn(D(start), 0, null));

    // Part k of a repeating line is start.PlusMonths(n + k): after the February clamp the 31st comes back.
    [Fact]
    public void MonthsAfterStart_RepeatingFromJan31_ComesBackToTheMonthEndAfterFebruary()
    {
        var rule = DueRule.MonthsAfterStart(1);
        var dates = Enumerable.Range(0, 4).Select(k => rule.DueOn(D("2026-01-31"), k, null)).ToArray();

        Assert.Equal(new LocalDate?[] { D("2026-02-28"), D("2026-03-31"), D("2026-04-30"), D("2026-05-31") }, dates);
    }

    [Theory]
    [InlineData("2026-01-15", 31, 1, "2026-02-28")]
    [InlineData("2028-01-15", 30, 1, "2028-02-29")]
    [InlineData("2026-01-15", 15, 0, "2026-01-15")]
    [InlineData("2026-11-30", 5, 2, "2027-01-05")]
    public void DayOfMonth_PicksTheDayOfTheMonthNMonthsLater_Clamped(string start, int day, int months, string expected) =>
        Assert.Equal(D(expected), DueRule.DayOfMonth(day, months).DueOn(D(start), 0, null));

    [Fact]
    public void On_IgnoresTheStartDate() => Assert.Equal(D("2026-06-30"), DueRule.On(D("2026-06-30")).DueOn(D("2026-01-01"), 0, null));

    [Fact]
    public void OnMilestone_IsUnknownUntilReached_ThenCountsDaysFromIt()
    {
        var rule = DueRule.OnMilestone("go-live", 10);

        Assert.Null(rule.DueOn(D("2026-01-01"), 0, null));
        Assert.Equal(D("2026-04-30"), rule.DueOn(D("2026-01-01"), 0, D("2026-04-20")));
    }

    [Fact]
    public void DaysAfterStart_Negative_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => DueRule.DaysAfterStart(-1));

        Assert.Equal("days", e.ParamName);
        Assert.Contains("-1", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(32)]
    public void DayOfMonth_OutsideOneTo31_Throws(int day)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => DueRule.DayOfMonth(day, 1));

        Assert.Equal("day", e.ParamName);
        Assert.Contains($"it was {day}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MonthsAfterStart_Negative_Throws() =>
        Assert.Equal("months", Assert.Throws<ArgumentOutOfRangeException>(() => DueRule.MonthsAfterStart(-2)).ParamName);

    [Fact]
    public void OnMilestone_BlankName_Throws() =>
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => DueRule.OnMilestone(" ")).ParamName);

    [Fact]
    public void ToString_DescribesTheRule()
    {
        Assert.Equal("30 days after start", DueRule.DaysAfterStart(30).ToString());
        Assert.Equal("day 15, 1 months after start month", DueRule.DayOfMonth(15, 1).ToString());
        Assert.Equal("10 days after go-live", DueRule.OnMilestone("go-live", 10).ToString());
        Assert.Equal("on 2026-06-30", DueRule.On(D("2026-06-30")).ToString());
    }
}
