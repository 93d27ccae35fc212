using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Calendars;

namespace SalesPipeline.Tests.Targets;

// The periods containing a date. Weekdays worked out by hand: 2024-01-01 is a Monday, so 2026-01-01 is a Thursday,
// 2028-01-01 a Saturday and 2028-02-01 (31 days later) a Tuesday; 2028 is a leap year.
public sealed partial class FiscalCalendarTests
{
    [Fact]
    public void Containing_Calendar_LeapDay_LabelsWithoutFY()
    {
        var calendar = FiscalCalendar.Calendar;
        var leapDay = D("2028-02-29");

        AssertPeriod(calendar.YearContaining(leapDay), "2028", "2028-01-01", "2028-12-31");
        AssertPeriod(calendar.QuarterContaining(leapDay), "2028-Q1", "2028-01-01", "2028-03-31");
        AssertPeriod(calendar.MonthContaining(leapDay), "2028-02", "2028-02-01", "2028-02-29");
        // Monday weeks: W01 is Sat 01-01..Sun 01-02, W02 starts Mon 01-03; Feb 29 is 57 days after, 8 weeks and 1 day: W10.
        AssertPeriod(calendar.WeekContaining(leapDay), "2028 W10", "2028-02-28", "2028-03-05");
        Assert.Equal(10, calendar.FiscalWeekOf(leapDay));
    }

    [Fact]
    public void WeekContaining_Calendar_YearEnds_AreCutWeeks()
    {
        var calendar = FiscalCalendar.Calendar;

        AssertPeriod(calendar.WeekContaining(D("2026-01-01")), "2026 W01", "2026-01-01", "2026-01-04");
        AssertPeriod(calendar.WeekContaining(D("2026-01-04")), "2026 W01", "2026-01-01", "2026-01-04");
        AssertPeriod(calendar.WeekContaining(D("2026-01-05")), "2026 W02", "2026-01-05", "2026-01-11");
        AssertPeriod(calendar.WeekContaining(D("2026-12-31")), "2026 W53", "2026-12-28", "2026-12-31");
        // Sunday weeks: Thu 01-01..Sat 01-03, then Sun 01-04..Sat 01-10.
        AssertPeriod(calendar.WeekContaining(D("2026-01-04"), IsoDayOfWeek.Sunday), "2026 W02", "2026-01-04", "2026-01-10");
        // 2024 starts on a Monday: W01 is a full week.
        AssertPeriod(calendar.WeekContaining(D("2024-01-07")), "2024 W01", "2024-01-01", "2024-01-07");
        AssertPeriod(calendar.WeekContaining(D("2024-01-08")), "2024 W02", "2024-01-08", "2024-01-14");
    }

    [Fact]
    public void Containing_StartingInFebruary_LeapDayIsInTheFirstMonth()
    {
        // FY2029 runs 2028-02-01..2029-01-31 (named by its end year).
        var calendar = FiscalCalendar.StartingIn(2);
        var leapDay = D("2028-02-29");

        AssertPeriod(calendar.YearContaining(leapDay), "FY2029", "2028-02-01", "2029-01-31");
        AssertPeriod(calendar.QuarterContaining(leapDay), "FY2029 Q1", "2028-02-01", "2028-04-30");
        AssertPeriod(calendar.MonthContaining(leapDay), "FY2029 M01 (2028-02)", "2028-02-01", "2028-02-29");
        // W01 is Tue 02-01..Sun 02-06; W02 starts Mon 02-07; Feb 29 is 22 days after it: W05 from Mon 02-28.
        AssertPeriod(calendar.WeekContaining(leapDay), "FY2029 W05", "2028-02-28", "2028-03-05");
        // The year's last and the next year's first day.
        AssertPeriod(calendar.QuarterContaining(D("2029-01-31")), "FY2029 Q4", "2028-11-01", "2029-01-31");
        AssertPeriod(calendar.MonthContaining(D("2029-01-31")), "FY2029 M12 (2029-01)", "2029-01-01", "2029-01-31");
        AssertPeriod(calendar.QuarterContaining(D("2029-02-01")), "FY2030 Q1", "2029-02-01", "2029-04-30");
        AssertPeriod(calendar.WeekContaining(D("2029-01-31")), "FY2029 W53", "2029-01-29", "2029-01-31");
    }

    [Fact]
    public void Containing_StartingInJuly_AcrossTheYearBoundary()
    {
        var calendar = FiscalCalendar.StartingIn(7);

        AssertPeriod(calendar.YearContaining(D("2025-06-30")), "FY2025", "2024-07-01", "2025-06-30");
        AssertPeriod(calendar.QuarterContaining(D("2025-06-30")), "FY2025 Q4", "2025-04-01", "2025-06-30");
        AssertPeriod(calendar.MonthContaining(D("2025-06-30")), "FY2025 M12 (2025-06)", "2025-06-01", "2025-06-30");
        AssertPeriod(calendar.YearContaining(D("2025-07-01")), "FY2026", "2025-07-01", "2026-06-30");
        AssertPeriod(calendar.QuarterContaining(D("2026-03-15")), "FY2026 Q3", "2026-01-01", "2026-03-31");
        AssertPeriod(calendar.MonthContaining(D("2026-03-15")), "FY2026 M09 (2026-03)", "2026-03-01", "2026-03-31");
        // 2025-07-01 is a Tuesday: W01 is Tue..Sun 07-06; the year ends with Mon 06-29..Tue 06-30 (W53).
        AssertPeriod(calendar.WeekContaining(D("2025-07-01")), "FY2026 W01", "2025-07-01", "2025-07-06");
        AssertPeriod(calendar.WeekContaining(D("2026-06-30")), "FY2026 W53", "2026-06-29", "2026-06-30");
        Assert.Equal(53, calendar.FiscalWeekOf(D("2026-06-30")));
        // Named by the start year instead: the same days, FY2025.
        AssertPeriod(
            FiscalCalendar.StartingIn(7, FiscalYearNaming.ByStartYear).QuarterContaining(D("2025-07-01")),
            "FY2025 Q1",
            "2025-07-01",
            "2025-09-30"
        );
    }

    [Fact]
    public void Containing_StartingInOctober_QuartersAndLeapFebruary()
    {
        // FY2027 runs 2026-10-01..2027-09-30; FY2028 holds February 2028.
        var calendar = FiscalCalendar.StartingIn(10);

        AssertPeriod(calendar.QuarterContaining(D("2026-09-30")), "FY2026 Q4", "2026-07-01", "2026-09-30");
        AssertPeriod(calendar.QuarterContaining(D("2026-10-01")), "FY2027 Q1", "2026-10-01", "2026-12-31");
        AssertPeriod(calendar.MonthContaining(D("2026-12-31")), "FY2027 M03 (2026-12)", "2026-12-01", "2026-12-31");
        AssertPeriod(calendar.QuarterContaining(D("2027-01-01")), "FY2027 Q2", "2027-01-01", "2027-03-31");
        AssertPeriod(calendar.YearContaining(D("2028-02-29")), "FY2028", "2027-10-01", "2028-09-30");
        AssertPeriod(calendar.QuarterContaining(D("2028-02-29")), "FY2028 Q2", "2028-01-01", "2028-03-31");
        AssertPeriod(calendar.MonthContaining(D("2028-02-29")), "FY2028 M05 (2028-02)", "2028-02-01", "2028-02-29");
    }

    [Fact]
    public void WithFiscalYearLabels_CalendarYear_LabelsWithFY()
    {
        var calendar = FiscalCalendar.Calendar.WithFiscalYearLabels();
        var date = D("2026-05-05");

        Assert.False(FiscalCalendar.Calendar.HasFiscalYearLabels);
        Assert.True(calendar.HasFiscalYearLabels);
        Assert.Equal(1, calendar.FirstMonth);
        AssertPeriod(calendar.YearContaining(date), "FY2026", "2026-01-01", "2026-12-31");
        AssertPeriod(calendar.QuarterContaining(date), "FY2026 Q2", "2026-04-01", "2026-06-30");
        AssertPeriod(calendar.MonthContaining(date), "FY2026 M05 (2026-05)", "2026-05-01", "2026-05-31");
        // 2026-05-05 is a Tuesday: its Monday week starts 05-04, the 18th Monday after W01's Thu 01-01 start.
        AssertPeriod(calendar.WeekContaining(date), "FY2026 W19", "2026-05-04", "2026-05-10");
        Assert.Equal("Calendar years, FY labels", calendar.ToString());
        var july = FiscalCalendar.StartingIn(7);
        Assert.True(july.HasFiscalYearLabels);
        Assert.Same(july, july.WithFiscalYearLabels());
    }

    [Fact]
    public void WeekContaining_FirstDayOfWeekNone_Throws()
    {
        var a = Assert.Throws<ArgumentOutOfRangeException>(() =>
            FiscalCalendar.Calendar.WeekContaining(D("2026-01-01"), IsoDayOfWeek.None)
        );
        var b = Assert.Throws<ArgumentOutOfRangeException>(() => FiscalCalendar.Calendar.FiscalWeekOf(D("2026-01-01"), (IsoDayOfWeek)8));

        Assert.Equal("firstDayOfWeek", a.ParamName);
        Assert.Contains("Monday to Sunday", a.Message, StringComparison.Ordinal);
        Assert.Equal("firstDayOfWeek", b.ParamName);
    }

    // Second method: the one period of the enumerated year, quarters, months and weeks that holds the date.
    [Fact]
    public void Containing_IsTheEnumeratedPeriodHoldingTheDate_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                (
                    from c in CalendarCases
                    from offset in Gen.Choose(0, 365)
                    from day in Gen.Choose(1, 7)
                    from fyLabels in Gen.Elements(false, true)
                    select (Case: c, Offset: offset, Day: (IsoDayOfWeek)day, FyLabels: fyLabels)
                ).ToArbitrary(),
                x =>
                {
                    var calendar = x.FyLabels ? x.Case.Calendar.WithFiscalYearLabels() : x.Case.Calendar;
                    var year = calendar.Year(x.Case.FiscalYear);
                    var date = year.Start.PlusDays(Math.Min(x.Offset, year.Interval.Length - 1));
                    var weeks = calendar.Weeks(x.Case.FiscalYear, x.Day);
                    var week = weeks.Single(w => w.Contains(date));
                    return calendar.YearContaining(date) == year
                        && calendar.QuarterContaining(date) == calendar.Quarters(x.Case.FiscalYear).Single(q => q.Contains(date))
                        && calendar.MonthContaining(date) == calendar.Months(x.Case.FiscalYear).Single(m => m.Contains(date))
                        && calendar.WeekContaining(date, x.Day) == week
                        && calendar.FiscalWeekOf(date, x.Day) == weeks.ToList().IndexOf(week) + 1
                        && year.Label.StartsWith(
                            x.FyLabels || x.Case.FirstMonth != 1 ? "FY" : x.Case.FiscalYear.ToString(),
                            StringComparison.Ordinal
                        );
                }
            )
        );
}
