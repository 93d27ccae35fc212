using NodaTime;
using NodaTime.Text;
using SalesPipeline.Calendars;
using SalesPipeline.Targets;

namespace SalesPipeline.Tests.Targets;

// Expected dates are worked out by hand: 2025-01-01 is a Wednesday, 2026-01-01 a Thursday, 2024-01-01 a Monday;
// 2024 and 2028 are leap years.
public sealed partial class FiscalCalendarTests
{
    private static LocalDate D(string iso) => LocalDatePattern.Iso.Parse(iso).Value;

    private static void AssertPeriod(FiscalPeriod period, string label, string start, string end)
    {
        Assert.Equal(label, period.Label);
        Assert.Equal(D(start), period.Start);
        Assert.Equal(D(end), period.End);
    }

    // ---- calendar years -------------------------------------------------------------------------------------

    [Fact]
    public void Year_Calendar_IsJanuaryToDecember()
    {
        var calendar = FiscalCalendar.Calendar;

        Assert.Equal(1, calendar.FirstMonth);
        AssertPeriod(calendar.Year(2026), "2026", "2026-01-01", "2026-12-31");
    }

    [Fact]
    public void Quarters_Calendar_AreTheCalendarQuarters()
    {
        var quarters = FiscalCalendar.Calendar.Quarters(2026);

        Assert.Equal(4, quarters.Count);
        AssertPeriod(quarters[0], "2026-Q1", "2026-01-01", "2026-03-31");
        AssertPeriod(quarters[1], "2026-Q2", "2026-04-01", "2026-06-30");
        AssertPeriod(quarters[2], "2026-Q3", "2026-07-01", "2026-09-30");
        AssertPeriod(quarters[3], "2026-Q4", "2026-10-01", "2026-12-31");
        Assert.Equal(quarters[2], FiscalCalendar.Calendar.Quarter(2026, 3));
    }

    [Fact]
    public void Month_CalendarFebruary_EndsOnTheLastDayOfFebruary()
    {
        AssertPeriod(FiscalCalendar.Calendar.Month(2028, 2), "2028-02", "2028-02-01", "2028-02-29");
        AssertPeriod(FiscalCalendar.Calendar.Month(2026, 2), "2026-02", "2026-02-01", "2026-02-28");
    }

    // ---- July years named by the end year ------------------------------------------------------------------

    [Fact]
    public void Year_StartingInJulyByEndYear_RunsFromJulyOfThePreviousYear()
    {
        var calendar = FiscalCalendar.StartingIn(7);

        Assert.Equal(7, calendar.FirstMonth);
        Assert.Equal(FiscalYearNaming.ByEndYear, calendar.Naming);
        AssertPeriod(calendar.Year(2026), "FY2026", "2025-07-01", "2026-06-30");
        Assert.Equal(D("2025-07-01"), calendar.StartOf(2026));
    }

    [Fact]
    public void Quarters_StartingInJulyByEndYear_AreShiftedToJuly()
    {
        var quarters = FiscalCalendar.StartingIn(7).Quarters(2026);

        AssertPeriod(quarters[0], "FY2026 Q1", "2025-07-01", "2025-09-30");
        AssertPeriod(quarters[1], "FY2026 Q2", "2025-10-01", "2025-12-31");
        AssertPeriod(quarters[2], "FY2026 Q3", "2026-01-01", "2026-03-31");
        AssertPeriod(quarters[3], "FY2026 Q4", "2026-04-01", "2026-06-30");
    }

    [Fact]
    public void Months_StartingInJulyByEndYear_LabelFiscalAndCalendarMonth()
    {
        var months = FiscalCalendar.StartingIn(7).Months(2026);

        Assert.Equal(12, months.Count);
        AssertPeriod(months[0], "FY2026 M01 (2025-07)", "2025-07-01", "2025-07-31");
        AssertPeriod(months[5], "FY2026 M06 (2025-12)", "2025-12-01", "2025-12-31");
        AssertPeriod(months[7], "FY2026 M08 (2026-02)", "2026-02-01", "2026-02-28");
        AssertPeriod(months[11], "FY2026 M12 (2026-06)", "2026-06-01", "2026-06-30");
        Assert.Equal(months[0], FiscalCalendar.StartingIn(7).Month(2026, 1));
    }

    // ---- other start months ------------------------------------------------------------------------------------

    [Fact]
    public void Year_StartingInAprilByStartYear_RunsIntoTheNextYear()
    {
        var calendar = FiscalCalendar.StartingIn(4, FiscalYearNaming.ByStartYear);

        AssertPeriod(calendar.Year(2026), "FY2026", "2026-04-01", "2027-03-31");
        AssertPeriod(calendar.Quarter(2026, 4), "FY2026 Q4", "2027-01-01", "2027-03-31");
        AssertPeriod(calendar.Month(2026, 10), "FY2026 M10 (2027-01)", "2027-01-01", "2027-01-31");
    }

    [Fact]
    public void Year_StartingInAprilByEndYear_EndsInTheNamingYear()
    {
        AssertPeriod(FiscalCalendar.StartingIn(4).Year(2026), "FY2026", "2025-04-01", "2026-03-31");
    }

    [Fact]
    public void Year_StartingInFebruaryAcrossALeapYear_HasFebruary29AndThreeHundredSixtySixDays()
    {
        var calendar = FiscalCalendar.StartingIn(2);

        var fy2029 = calendar.Year(2029);

        AssertPeriod(fy2029, "FY2029", "2028-02-01", "2029-01-31");
        Assert.True(fy2029.Contains(new LocalDate(2028, 2, 29)));
        Assert.Equal(366, fy2029.Interval.Length);
        AssertPeriod(calendar.Month(2029, 1), "FY2029 M01 (2028-02)", "2028-02-01", "2028-02-29");
        AssertPeriod(calendar.Quarter(2029, 1), "FY2029 Q1", "2028-02-01", "2028-04-30");
        Assert.Equal(365, calendar.Year(2028).Interval.Length);
    }

    [Fact]
    public void Quarter_StartingInDecember_FirstQuarterEndsInFebruary()
    {
        AssertPeriod(FiscalCalendar.StartingIn(12).Quarter(2026, 1), "FY2026 Q1", "2025-12-01", "2026-02-28");
    }

    [Fact]
    public void Year_StartingInJanuaryByStartYear_IsTheCalendarYear()
    {
        AssertPeriod(FiscalCalendar.StartingIn(1, FiscalYearNaming.ByStartYear).Year(2026), "2026", "2026-01-01", "2026-12-31");
    }

    // ---- which year, quarter, month a date is in ------------------------------------------------------------------

    [Theory]
    // Calendar
    [InlineData(1, FiscalYearNaming.ByEndYear, "2026-01-01", 2026, 1, 1)]
    [InlineData(1, FiscalYearNaming.ByEndYear, "2026-04-01", 2026, 2, 4)]
    [InlineData(1, FiscalYearNaming.ByEndYear, "2026-12-31", 2026, 4, 12)]
    // July, by end year
    [InlineData(7, FiscalYearNaming.ByEndYear, "2025-06-30", 2025, 4, 12)]
    [InlineData(7, FiscalYearNaming.ByEndYear, "2025-07-01", 2026, 1, 1)]
    [InlineData(7, FiscalYearNaming.ByEndYear, "2025-10-01", 2026, 2, 4)]
    [InlineData(7, FiscalYearNaming.ByEndYear, "2026-01-01", 2026, 3, 7)]
    [InlineData(7, FiscalYearNaming.ByEndYear, "2026-06-30", 2026, 4, 12)]
    // April, by start year
    [InlineData(4, FiscalYearNaming.ByStartYear, "2026-03-31", 2025, 4, 12)]
    [InlineData(4, FiscalYearNaming.ByStartYear, "2026-04-01", 2026, 1, 1)]
    // December, by end year
    [InlineData(12, FiscalYearNaming.ByEndYear, "2025-12-01", 2026, 1, 1)]
    [InlineData(12, FiscalYearNaming.ByEndYear, "2026-03-01", 2026, 2, 4)]
    // February, by end year, around the leap day
    [InlineData(2, FiscalYearNaming.ByEndYear, "2028-01-31", 2028, 4, 12)]
    [InlineData(2, FiscalYearNaming.ByEndYear, "2028-02-29", 2029, 1, 1)]
    public void FiscalYearQuarterMonthOf_EdgeDates_AreWorkedOutByHand(
        int firstMonth,
        FiscalYearNaming naming,
        string date,
        int year,
        int quarter,
        int month
    )
    {
        var calendar = FiscalCalendar.StartingIn(firstMonth, naming);
        var day = D(date);

        Assert.Equal(year, calendar.FiscalYearOf(day));
        Assert.Equal(quarter, calendar.FiscalQuarterOf(day));
        Assert.Equal(month, calendar.FiscalMonthOf(day));
    }

    // ---- weeks ------------------------------------------------------------------------------------------------

    [Fact]
    public void Weeks_Calendar2026Monday_PartialFirstAndLastWeeks()
    {
        // Thu 2026-01-01..Sun 01-04 (4 days), then 51 full weeks from Mon 01-05 (357 days), then Mon 12-28..Thu 12-31.
        var weeks = FiscalCalendar.Calendar.Weeks(2026);

        Assert.Equal(53, weeks.Count);
        AssertPeriod(weeks[0], "2026 W01", "2026-01-01", "2026-01-04");
        AssertPeriod(weeks[1], "2026 W02", "2026-01-05", "2026-01-11");
        AssertPeriod(weeks[51], "2026 W52", "2026-12-21", "2026-12-27");
        AssertPeriod(weeks[52], "2026 W53", "2026-12-28", "2026-12-31");
    }

    [Fact]
    public void Weeks_Calendar2026Sunday_StartOnSundays()
    {
        // Thu 01-01..Sat 01-03 (3 days), 51 full weeks from Sun 01-04 (357 days), then Sun 12-27..Thu 12-31 (5 days).
        var weeks = FiscalCalendar.Calendar.Weeks(2026, IsoDayOfWeek.Sunday);

        Assert.Equal(53, weeks.Count);
        AssertPeriod(weeks[0], "2026 W01", "2026-01-01", "2026-01-03");
        AssertPeriod(weeks[1], "2026 W02", "2026-01-04", "2026-01-10");
        AssertPeriod(weeks[52], "2026 W53", "2026-12-27", "2026-12-31");
    }

    [Fact]
    public void Weeks_YearStartingOnMonday_FirstWeekIsFull()
    {
        // 2024-01-01 is a Monday; 366 days = 52 full weeks + Mon 12-30..Tue 12-31.
        var weeks = FiscalCalendar.Calendar.Weeks(2024);

        Assert.Equal(53, weeks.Count);
        AssertPeriod(weeks[0], "2024 W01", "2024-01-01", "2024-01-07");
        AssertPeriod(weeks[52], "2024 W53", "2024-12-30", "2024-12-31");
    }

    [Fact]
    public void Weeks_StartingInJuly_CutAtTheFiscalYearEnds()
    {
        // 2025-07-01 is a Tuesday: Tue..Sun 07-06 (6 days), 51 full weeks (357 days), Mon 2026-06-29..Tue 06-30.
        var weeks = FiscalCalendar.StartingIn(7).Weeks(2026);

        Assert.Equal(53, weeks.Count);
        AssertPeriod(weeks[0], "FY2026 W01", "2025-07-01", "2025-07-06");
        AssertPeriod(weeks[52], "FY2026 W53", "2026-06-29", "2026-06-30");
    }

    // ---- text ------------------------------------------------------------------------------------------------

    [Fact]
    public void ToString_NamesStartMonthAndNaming()
    {
        Assert.Equal("Calendar years", FiscalCalendar.Calendar.ToString());
        Assert.Equal("Fiscal years from July, named by end year", FiscalCalendar.StartingIn(7).ToString());
        Assert.Equal("Fiscal years from April, named by start year", FiscalCalendar.StartingIn(4, FiscalYearNaming.ByStartYear).ToString());
    }

    // ---- bad input -------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    public void StartingIn_MonthOutside1To12_Throws(int month)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => FiscalCalendar.StartingIn(month));

        Assert.Equal("month", ex.ParamName);
        Assert.Equal(month, ex.ActualValue);
        Assert.Contains($"{month} was given", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartingIn_UndefinedNaming_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => FiscalCalendar.StartingIn(7, (FiscalYearNaming)2));

        Assert.Equal("naming", ex.ParamName);
        Assert.Contains("2", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Quarter_NotOneToFour_Throws(int quarter)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => FiscalCalendar.Calendar.Quarter(2026, quarter));

        Assert.Equal("quarter", ex.ParamName);
        Assert.Equal(quarter, ex.ActualValue);
        Assert.Contains($"{quarter} was given", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    public void Month_NotOneToTwelve_Throws(int month)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => FiscalCalendar.StartingIn(7).Month(2026, month));

        Assert.Equal("month", ex.ParamName);
        Assert.Equal(month, ex.ActualValue);
        Assert.Contains($"{month} was given", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10_000)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    public void Year_OutsideOneTo9999_Throws(int fiscalYear)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => FiscalCalendar.Calendar.Year(fiscalYear));

        Assert.Equal("fiscalYear", ex.ParamName);
        Assert.Equal(fiscalYear, ex.ActualValue);
        Assert.Contains(
            $"Fiscal year {fiscalYear} is outside the supported dates 0001-01-01 to 9999-12-31; this calendar's fiscal years are 1 to 9999.",
            ex.Message,
            StringComparison.Ordinal
        );
    }

    // Issue 15: the supported fiscal years are those whose days are all supported dates, so they depend on the calendar.
    [Fact]
    public void FirstAndLastFiscalYear_DependOnTheStartMonthAndTheNaming()
    {
        Assert.Equal((1, 9999), (FiscalCalendar.Calendar.FirstFiscalYear, FiscalCalendar.Calendar.LastFiscalYear));
        Assert.Equal((2, 9999), (FiscalCalendar.StartingIn(7).FirstFiscalYear, FiscalCalendar.StartingIn(7).LastFiscalYear));
        var byStart = FiscalCalendar.StartingIn(7, FiscalYearNaming.ByStartYear);
        Assert.Equal((1, 9998), (byStart.FirstFiscalYear, byStart.LastFiscalYear));
        // A January calendar named by its start year is the calendar year.
        var januaryByStart = FiscalCalendar.StartingIn(1, FiscalYearNaming.ByStartYear);
        Assert.Equal((1, 9999), (januaryByStart.FirstFiscalYear, januaryByStart.LastFiscalYear));
    }

    // 9999-12-31 is a Friday: the last Monday week of the calendar year 9999 is 9999-12-27..9999-12-31, cut at the year's
    // end (and at the last supported date) rather than running into year 10000.
    [Fact]
    public void Year9999_OfTheCalendarYear_IsBuiltToTheLastSupportedDate()
    {
        var calendar = FiscalCalendar.Calendar;

        AssertPeriod(calendar.Year(9999), "9999", "9999-01-01", "9999-12-31");
        AssertPeriod(calendar.Weeks(9999)[^1], "9999 W53", "9999-12-27", "9999-12-31");
        AssertPeriod(calendar.WeekContaining(new LocalDate(9999, 12, 31)), "9999 W53", "9999-12-27", "9999-12-31");
        AssertPeriod(calendar.QuarterContaining(new LocalDate(9999, 12, 31)), "9999-Q4", "9999-10-01", "9999-12-31");
        AssertPeriod(FiscalCalendar.StartingIn(7).Year(9999), "FY9999", "9998-07-01", "9999-06-30");
    }

    // July to June named by its start year: 9999-12-31 is in fiscal year 9999, which would end 10000-06-30.
    [Fact]
    public void YearContaining_ADateWhoseFiscalYearRunsPast9999_ThrowsNamingTheDate()
    {
        var calendar = FiscalCalendar.StartingIn(7, FiscalYearNaming.ByStartYear);
        var date = new LocalDate(9999, 12, 31);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => calendar.YearContaining(date));

        Assert.Equal("date", ex.ParamName);
        Assert.Equal(date, ex.ActualValue);
        Assert.Contains(
            "9999-12-31 falls in fiscal year 9999, which runs outside the supported dates 0001-01-01 to 9999-12-31; this calendar's fiscal years are 1 to 9998.",
            ex.Message,
            StringComparison.Ordinal
        );
        Assert.Equal("date", Assert.Throws<ArgumentOutOfRangeException>(() => calendar.QuarterContaining(date)).ParamName);
        Assert.Equal("date", Assert.Throws<ArgumentOutOfRangeException>(() => calendar.MonthContaining(date)).ParamName);
        Assert.Equal("date", Assert.Throws<ArgumentOutOfRangeException>(() => calendar.WeekContaining(date)).ParamName);
        Assert.Equal("date", Assert.Throws<ArgumentOutOfRangeException>(() => calendar.FiscalWeekOf(date)).ParamName);
        Assert.Equal(9999, calendar.FiscalYearOf(date));
    }

    [Fact]
    public void Year_FirstYearOfJulyByEndYear_WouldStartInYearZero_Throws()
    {
        var calendar = FiscalCalendar.StartingIn(7);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => calendar.Year(1));
        Assert.Equal("fiscalYear", ex.ParamName);
        Assert.Contains("Fiscal year 1 is outside the supported dates", ex.Message, StringComparison.Ordinal);
        Assert.Contains("this calendar's fiscal years are 2 to 9999", ex.Message, StringComparison.Ordinal);
        Assert.Equal("fiscalYear", Assert.Throws<ArgumentOutOfRangeException>(() => calendar.Quarter(1, 1)).ParamName);
        Assert.Equal("fiscalYear", Assert.Throws<ArgumentOutOfRangeException>(() => calendar.Weeks(1)).ParamName);
    }

    [Fact]
    public void Year_LowestAndHighestAllowedYears_AreBuilt()
    {
        AssertPeriod(FiscalCalendar.StartingIn(7).Year(2), "FY2", "0001-07-01", "0002-06-30");
        AssertPeriod(FiscalCalendar.StartingIn(7, FiscalYearNaming.ByStartYear).Year(1), "FY1", "0001-07-01", "0002-06-30");
        AssertPeriod(FiscalCalendar.Calendar.Year(9998), "9998", "9998-01-01", "9998-12-31");
    }

    [Theory]
    [InlineData(IsoDayOfWeek.None)]
    [InlineData((IsoDayOfWeek)8)]
    public void Weeks_NotADayOfTheWeek_Throws(IsoDayOfWeek day)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => FiscalCalendar.Calendar.Weeks(2026, day));

        Assert.Equal("firstDayOfWeek", ex.ParamName);
        Assert.Equal(day, ex.ActualValue);
        Assert.Contains($"{day} was given", ex.Message, StringComparison.Ordinal);
    }
}
