using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Targets;

namespace SalesPipeline.Tests.Targets;

// Properties over random start month, naming and fiscal year (1900-2200). The expected values come from the
// definition (a year is twelve months from the first day of the start month, named by its end or start year) and
// from brute-force enumeration of days, not from the calendar's own arithmetic.
public sealed partial class FiscalCalendarTests
{
    public sealed record CalendarCase(int FirstMonth, FiscalYearNaming Naming, int FiscalYear)
    {
        public FiscalCalendar Calendar => FiscalCalendar.StartingIn(FirstMonth, Naming);
    }

    private static readonly Gen<CalendarCase> CalendarCases =
        from firstMonth in Gen.Choose(1, 12)
        from naming in Gen.Elements(FiscalYearNaming.ByEndYear, FiscalYearNaming.ByStartYear)
        from fiscalYear in Gen.Choose(1900, 2200)
        select new CalendarCase(firstMonth, naming, fiscalYear);

    private static bool Tiles(IReadOnlyList<FiscalPeriod> parts, DateInterval whole) =>
        parts.Count > 0
        && parts[0].Start == whole.Start
        && parts[^1].End == whole.End
        && parts.All(p => p.Start <= p.End)
        && Enumerable.Range(1, parts.Count - 1).All(i => parts[i].Start == parts[i - 1].End.PlusDays(1));

    [Fact]
    public void Year_IsTwelveMonthsFromTheStartMonth_NamedByItsEndOrStartYear_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                CalendarCases.ToArbitrary(),
                c =>
                {
                    var year = c.Calendar.Year(c.FiscalYear);
                    var namedYear = c.FirstMonth == 1 || c.Naming == FiscalYearNaming.ByStartYear ? year.Start.Year : year.End.Year;
                    return year.Label == (c.FirstMonth == 1 ? $"{c.FiscalYear}" : $"FY{c.FiscalYear}")
                        && year.Start.Day == 1
                        && year.Start.Month == c.FirstMonth
                        && year.End.PlusDays(1) == new LocalDate(year.Start.Year + 1, c.FirstMonth, 1)
                        && namedYear == c.FiscalYear;
                }
            )
        );

    [Fact]
    public void QuartersAndMonths_TileTheYear_ThreeMonthsPerQuarter_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                CalendarCases.ToArbitrary(),
                c =>
                {
                    var year = c.Calendar.Year(c.FiscalYear).Interval;
                    var quarters = c.Calendar.Quarters(c.FiscalYear);
                    var months = c.Calendar.Months(c.FiscalYear);
                    var monthsAreCalendarMonths = months.All(m =>
                        m.Start.Day == 1 && m.End.Year == m.Start.Year && m.End.Month == m.Start.Month && m.End.PlusDays(1).Day == 1
                    );
                    var quartersAreThreeMonths = Enumerable
                        .Range(0, 4)
                        .All(q => quarters[q].Start == months[3 * q].Start && quarters[q].End == months[(3 * q) + 2].End);
                    return quarters.Count == 4
                        && months.Count == 12
                        && Tiles(quarters, year)
                        && Tiles(months, year)
                        && monthsAreCalendarMonths
                        && quartersAreThreeMonths;
                }
            )
        );

    [Fact]
    public void Weeks_TileTheYear_StartOnTheGivenDay_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                (from c in CalendarCases from day in Gen.Choose(1, 7) select (Case: c, Day: (IsoDayOfWeek)day)).ToArbitrary(),
                x =>
                {
                    var year = x.Case.Calendar.Year(x.Case.FiscalYear).Interval;
                    var weeks = x.Case.Calendar.Weeks(x.Case.FiscalYear, x.Day);
                    // Brute force: a new week begins on the year's first day and on every other day that is x.Day.
                    var starts = year.Where(d => d == year.Start || d.DayOfWeek == x.Day).ToList();
                    return Tiles(weeks, year)
                        && weeks.Select(w => w.Start).SequenceEqual(starts)
                        && weeks.All(w => w.Interval.Length <= 7)
                        && weeks
                            .Select((w, i) => w.Label == $"{(x.Case.FirstMonth == 1 ? "" : "FY")}{x.Case.FiscalYear} W{i + 1:00}")
                            .All(ok => ok);
                }
            )
        );

    [Fact]
    public void FiscalYearQuarterMonthOf_EveryDayOfAMonth_AgreeWithThePeriods_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                (from c in CalendarCases from month in Gen.Choose(1, 12) select (Case: c, Month: month)).ToArbitrary(),
                x =>
                {
                    var calendar = x.Case.Calendar;
                    var fy = x.Case.FiscalYear;
                    var quarters = calendar.Quarters(fy);
                    return calendar
                        .Month(fy, x.Month)
                        .Interval.All(day =>
                        {
                            var quarter = calendar.FiscalQuarterOf(day);
                            return calendar.FiscalYearOf(day) == fy
                                && calendar.Year(fy).Contains(day)
                                && calendar.FiscalMonthOf(day) == x.Month
                                && quarters[quarter - 1].Contains(day)
                                && quarters.Count(q => q.Contains(day)) == 1;
                        });
                }
            )
        );
}
