using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;
using SalesPipeline.Utility;

namespace SalesPipeline.Calendars;

/// <summary>
/// A fiscal calendar: fiscal years of twelve calendar months starting in any month, with their quarters (three months
/// each), months and weeks as <see cref="FiscalPeriod"/>s, and the year, quarter, month and week containing any date.
/// </summary>
/// <remarks>
/// <para>A fiscal year is named by the calendar year it ends in unless you choose <see cref="FiscalYearNaming.ByStartYear"/>:
/// with <c>StartingIn(7)</c>, FY2026 runs from 2025-07-01 to 2026-06-30 and its Q1 is July to September 2025.
/// <see cref="Calendar"/> (starting in January) gives calendar years and quarters.</para>
/// <para><b>Labels.</b> A calendar whose years start in another month labels its periods "FY2026", "FY2026 Q1",
/// "FY2026 M01 (2025-07)" and "FY2026 W01". A calendar-year calendar (starting in January) labels them "2026",
/// "2026-Q1", "2026-01" and "2026 W01", unless <see cref="WithFiscalYearLabels"/> asks for the "FY" labels.</para>
/// <para><b>Weeks.</b> Week 1 of a fiscal year starts on the year's first day; every later week starts on the chosen
/// first day of the week (Monday by default) and runs to the day before the next one; the last week ends on the year's
/// last day. So the first and last weeks may be shorter than seven days, every day is in exactly one week of its own
/// fiscal year, and a year has 53 or 54 weeks (54 only when a 366-day year starts on the day before the first day of
/// the week). These are not ISO 8601 week numbers: a week never spans two fiscal years.</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
public sealed class FiscalCalendar
{
    private FiscalCalendar(int firstMonth, FiscalYearNaming naming, bool fiscalYearLabels)
    {
        FirstMonth = firstMonth;
        Naming = naming;
        HasFiscalYearLabels = fiscalYearLabels || firstMonth != 1;
    }

    /// <summary>The calendar: years January to December, calendar quarters, labelled "2026", "2026-Q1", "2026-01", "2026 W01".</summary>
    public static FiscalCalendar Calendar { get; } = new(1, FiscalYearNaming.ByEndYear, false);

    /// <summary>A fiscal calendar whose years start on the first day of <paramref name="month"/>.</summary>
    /// <param name="month">The first month, 1 (January) to 12 (December).</param>
    /// <param name="naming">Which calendar year names a fiscal year; by the year it ends in by default.</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="month"/> is not 1 to 12, or <paramref name="naming"/> is undefined.</exception>
    public static FiscalCalendar StartingIn(int month, FiscalYearNaming naming = FiscalYearNaming.ByEndYear)
    {
        Preconditions.CheckRange(
            month is >= 1 and <= 12,
            nameof(month),
            month,
            $"A fiscal year starts in month 1 to 12; {month} was given."
        );
        Preconditions.CheckRange(Enum.IsDefined(naming), nameof(naming), naming, $"{(int)naming} is not a FiscalYearNaming.");
        return new FiscalCalendar(month, naming, false);
    }

    /// <summary>
    /// Whether periods are labelled with "FY" ("FY2026 Q1"): always for years starting after January; for a
    /// calendar-year calendar only after <see cref="WithFiscalYearLabels"/> (else "2026-Q1").
    /// </summary>
    public bool HasFiscalYearLabels { get; }

    /// <summary>The same calendar with "FY" labels: <c>FiscalCalendar.Calendar.WithFiscalYearLabels().Quarter(2026, 1)</c> is "FY2026 Q1".</summary>
    /// <returns>The calendar with "FY" labels (this calendar when it has them already).</returns>
    public FiscalCalendar WithFiscalYearLabels() => HasFiscalYearLabels ? this : new FiscalCalendar(FirstMonth, Naming, true);

    /// <summary>The calendar month fiscal years start in (1 to 12).</summary>
    public int FirstMonth { get; }

    /// <summary>Which calendar year names a fiscal year.</summary>
    public FiscalYearNaming Naming { get; }

    /// <summary>
    /// The first fiscal year all of whose days are supported dates (from 0001-01-01): 1, or 2 for a calendar named by its
    /// end year that starts after January (fiscal year 1 would start in year 0).
    /// </summary>
    public int FirstFiscalYear => FirstMonth != 1 && Naming == FiscalYearNaming.ByEndYear ? 2 : 1;

    /// <summary>
    /// The last fiscal year all of whose days are supported dates (to 9999-12-31): 9999, or 9998 for a calendar named by
    /// its start year that starts after January (fiscal year 9999 would end in year 10000).
    /// </summary>
    public int LastFiscalYear => FirstMonth != 1 && Naming == FiscalYearNaming.ByStartYear ? 9998 : 9999;

    /// <summary>The first day of fiscal year <paramref name="fiscalYear"/>.</summary>
    /// <param name="fiscalYear">The fiscal year's name, for example 2026.</param>
    /// <returns>The date.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside <see cref="FirstFiscalYear"/> to <see cref="LastFiscalYear"/>.</exception>
    public LocalDate StartOf(int fiscalYear)
    {
        CheckFiscalYear(fiscalYear, nameof(fiscalYear));
        var startYear = FirstMonth == 1 || Naming == FiscalYearNaming.ByStartYear ? fiscalYear : fiscalYear - 1;
        return new LocalDate(startYear, FirstMonth, 1);
    }

    private void CheckFiscalYear(int fiscalYear, string paramName)
    {
        if (fiscalYear < FirstFiscalYear || fiscalYear > LastFiscalYear)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                fiscalYear,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Fiscal year {fiscalYear} is outside the supported dates 0001-01-01 to 9999-12-31; this calendar's fiscal years are {FirstFiscalYear} to {LastFiscalYear}."
                )
            );
        }
    }

    // The fiscal year of a date, checked whole: a date of 9999 in a year named by its start that runs into 10000 is
    // refused naming the date, not a fiscal year the caller never gave.
    private int WholeFiscalYearOf(LocalDate date, string paramName)
    {
        var fiscalYear = FiscalYearOf(date);
        if (fiscalYear < FirstFiscalYear || fiscalYear > LastFiscalYear)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                date,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{date:uuuu-MM-dd} falls in fiscal year {fiscalYear}, which runs outside the supported dates 0001-01-01 to 9999-12-31; this calendar's fiscal years are {FirstFiscalYear} to {LastFiscalYear}."
                )
            );
        }
        return fiscalYear;
    }

    /// <summary>The fiscal year a date falls in.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The fiscal year's name.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="date"/> is not a supported date: ISO calendar, 0001-01-01 to 9999-12-31.</exception>
    public int FiscalYearOf(LocalDate date)
    {
        Preconditions.CheckDate(date);
        var startYear = date.Month >= FirstMonth ? date.Year : date.Year - 1;
        return FirstMonth == 1 || Naming == FiscalYearNaming.ByStartYear ? startYear : startYear + 1;
    }

    /// <summary>The fiscal quarter (1 to 4) a date falls in.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The quarter.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="date"/> is not a supported date: ISO calendar, 0001-01-01 to 9999-12-31.</exception>
    public int FiscalQuarterOf(LocalDate date) => (FiscalMonthOf(date) - 1) / 3 + 1;

    /// <summary>The fiscal month (1 to 12) a date falls in: 1 is the fiscal year's first month.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The month.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="date"/> is not a supported date: ISO calendar, 0001-01-01 to 9999-12-31.</exception>
    public int FiscalMonthOf(LocalDate date) => (Preconditions.CheckDate(date).Month - FirstMonth + 12) % 12 + 1;

    /// <summary>The whole fiscal year, labelled "FY2026" (a calendar year: "2026").</summary>
    /// <param name="fiscalYear">The fiscal year's name.</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside <see cref="FirstFiscalYear"/> to <see cref="LastFiscalYear"/>.</exception>
    public FiscalPeriod Year(int fiscalYear)
    {
        var start = StartOf(fiscalYear);
        return new FiscalPeriod(Label(fiscalYear), new DateInterval(start, LastDayOf(start, 12)));
    }

    /// <summary>One fiscal quarter, labelled "FY2026 Q1" (a calendar quarter: "2026-Q1").</summary>
    /// <param name="fiscalYear">The fiscal year's name.</param>
    /// <param name="quarter">The quarter, 1 to 4.</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside <see cref="FirstFiscalYear"/> to <see cref="LastFiscalYear"/>, or the quarter is not 1 to 4.</exception>
    public FiscalPeriod Quarter(int fiscalYear, int quarter)
    {
        Preconditions.CheckRange(quarter is >= 1 and <= 4, nameof(quarter), quarter, $"A quarter is 1 to 4; {quarter} was given.");
        var start = StartOf(fiscalYear).PlusMonths(3 * (quarter - 1));
        var label = HasFiscalYearLabels
            ? string.Create(CultureInfo.InvariantCulture, $"FY{fiscalYear} Q{quarter}")
            : string.Create(CultureInfo.InvariantCulture, $"{fiscalYear}-Q{quarter}");
        return new FiscalPeriod(label, new DateInterval(start, LastDayOf(start, 3)));
    }

    /// <summary>
    /// One fiscal month, labelled "FY2026 M01 (2025-07)" (fiscal month number and calendar month; a calendar month:
    /// "2026-01").
    /// </summary>
    /// <param name="fiscalYear">The fiscal year's name.</param>
    /// <param name="month">The fiscal month, 1 to 12 (1 is the year's first month).</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside <see cref="FirstFiscalYear"/> to <see cref="LastFiscalYear"/>, or the month is not 1 to 12.</exception>
    public FiscalPeriod Month(int fiscalYear, int month)
    {
        Preconditions.CheckRange(month is >= 1 and <= 12, nameof(month), month, $"A fiscal month is 1 to 12; {month} was given.");
        // Each month from the anchor, never a chain of +1 month, so month ends never drift.
        var start = StartOf(fiscalYear).PlusMonths(month - 1);
        var label = HasFiscalYearLabels
            ? string.Create(CultureInfo.InvariantCulture, $"FY{fiscalYear} M{month:00} ({start:uuuu-MM})")
            : string.Create(CultureInfo.InvariantCulture, $"{start:uuuu-MM}");
        return new FiscalPeriod(label, new DateInterval(start, LastDayOf(start, 1)));
    }

    /// <summary>The four quarters of a fiscal year, in order.</summary>
    /// <param name="fiscalYear">The fiscal year's name.</param>
    /// <returns>The quarters.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside <see cref="FirstFiscalYear"/> to <see cref="LastFiscalYear"/>.</exception>
    public IReadOnlyList<FiscalPeriod> Quarters(int fiscalYear) =>
        [Quarter(fiscalYear, 1), Quarter(fiscalYear, 2), Quarter(fiscalYear, 3), Quarter(fiscalYear, 4)];

    /// <summary>The twelve months of a fiscal year, in order.</summary>
    /// <param name="fiscalYear">The fiscal year's name.</param>
    /// <returns>The months.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside <see cref="FirstFiscalYear"/> to <see cref="LastFiscalYear"/>.</exception>
    public IReadOnlyList<FiscalPeriod> Months(int fiscalYear)
    {
        var months = new FiscalPeriod[12];
        for (var m = 1; m <= 12; m++)
        {
            months[m - 1] = Month(fiscalYear, m);
        }
        return months;
    }

    /// <summary>
    /// The weeks of a fiscal year, in order: each starts on <paramref name="firstDayOfWeek"/>, and the first and last are
    /// cut at the year's ends (so they may be shorter than seven days; see the class remarks). Labelled "FY2026 W01",
    /// "FY2026 W02", ... (a calendar year: "2026 W01").
    /// </summary>
    /// <param name="fiscalYear">The fiscal year's name.</param>
    /// <param name="firstDayOfWeek">The day weeks start on; Monday by default (ISO 8601).</param>
    /// <returns>The weeks, covering the year without gaps or overlaps.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside <see cref="FirstFiscalYear"/> to <see cref="LastFiscalYear"/>, or the day is None or undefined.</exception>
    public IReadOnlyList<FiscalPeriod> Weeks(int fiscalYear, IsoDayOfWeek firstDayOfWeek = IsoDayOfWeek.Monday)
    {
        CheckDayOfWeek(firstDayOfWeek);
        var year = Year(fiscalYear).Interval;
        var weeks = new List<FiscalPeriod>();
        var start = year.Start;
        // Counted in days rather than with Next(): the week after a year ending 9999-12-31 starts in year 10000.
        while (true)
        {
            var end = WeekEnd(start, firstDayOfWeek, year.End);
            weeks.Add(new FiscalPeriod(WeekLabel(fiscalYear, weeks.Count + 1), new DateInterval(start, end)));
            if (end == year.End)
            {
                return weeks.AsReadOnly();
            }
            start = end.PlusDays(1);
        }
    }

    /// <summary>The fiscal year containing a date: with <c>StartingIn(7)</c>, 2026-03-15 is in FY2026 (2025-07-01..2026-06-30).</summary>
    /// <param name="date">The date.</param>
    /// <returns>The period, the same as <see cref="Year(int)"/> of <see cref="FiscalYearOf"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The date's fiscal year is outside <see cref="FirstFiscalYear"/> to <see cref="LastFiscalYear"/> (it runs outside the supported dates); or <paramref name="date"/> is not a supported date: ISO calendar, 0001-01-01 to 9999-12-31.
    /// </exception>
    public FiscalPeriod YearContaining(LocalDate date) => Year(WholeFiscalYearOf(date, nameof(date)));

    /// <summary>The fiscal quarter containing a date: with <c>StartingIn(7)</c>, 2026-03-15 is in FY2026 Q3 (2026-01-01..2026-03-31).</summary>
    /// <param name="date">The date.</param>
    /// <returns>The period, the same as <see cref="Quarter(int, int)"/> of <see cref="FiscalYearOf"/> and <see cref="FiscalQuarterOf"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The date's fiscal year is outside <see cref="FirstFiscalYear"/> to <see cref="LastFiscalYear"/> (it runs outside the supported dates); or <paramref name="date"/> is not a supported date: ISO calendar, 0001-01-01 to 9999-12-31.
    /// </exception>
    public FiscalPeriod QuarterContaining(LocalDate date) => Quarter(WholeFiscalYearOf(date, nameof(date)), FiscalQuarterOf(date));

    /// <summary>The fiscal month containing a date: with <c>StartingIn(7)</c>, 2026-03-15 is in "FY2026 M09 (2026-03)".</summary>
    /// <param name="date">The date.</param>
    /// <returns>The period, the same as <see cref="Month(int, int)"/> of <see cref="FiscalYearOf"/> and <see cref="FiscalMonthOf"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The date's fiscal year is outside <see cref="FirstFiscalYear"/> to <see cref="LastFiscalYear"/> (it runs outside the supported dates); or <paramref name="date"/> is not a supported date: ISO calendar, 0001-01-01 to 9999-12-31.
    /// </exception>
    public FiscalPeriod MonthContaining(LocalDate date) => Month(WholeFiscalYearOf(date, nameof(date)), FiscalMonthOf(date));

    /// <summary>
    /// The fiscal week (1 to 54) a date falls in: week 1 starts on the fiscal year's first day, and a new week starts on
    /// every <paramref name="firstDayOfWeek"/> after it (see the class remarks).
    /// </summary>
    /// <param name="date">The date.</param>
    /// <param name="firstDayOfWeek">The day weeks start on; Monday by default (ISO 8601).</param>
    /// <returns>The week number: the number of week starts from the year's first day to the date, both included.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The day is None or undefined, or the date's fiscal year is outside <see cref="FirstFiscalYear"/> to <see cref="LastFiscalYear"/>; or <paramref name="date"/> is not a supported date: ISO calendar, 0001-01-01 to 9999-12-31.
    /// </exception>
    public int FiscalWeekOf(LocalDate date, IsoDayOfWeek firstDayOfWeek = IsoDayOfWeek.Monday)
    {
        CheckDayOfWeek(firstDayOfWeek);
        var yearStart = StartOf(WholeFiscalYearOf(date, nameof(date)));
        // Week 2 starts on the first firstDayOfWeek after the year's first day; one more week every 7 days after it.
        var secondWeekStart = yearStart.Next(firstDayOfWeek);
        return date < secondWeekStart ? 1 : 2 + (Period.DaysBetween(secondWeekStart, date) / 7);
    }

    /// <summary>
    /// The fiscal week containing a date, one of <see cref="Weeks"/> of its fiscal year: with the calendar and Monday
    /// weeks, 2026-01-01 (a Thursday) is in "2026 W01" (2026-01-01..2026-01-04) and 2026-01-05 in "2026 W02".
    /// </summary>
    /// <param name="date">The date.</param>
    /// <param name="firstDayOfWeek">The day weeks start on; Monday by default (ISO 8601).</param>
    /// <returns>The week, cut at the fiscal year's ends.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The day is None or undefined, or the date's fiscal year is outside <see cref="FirstFiscalYear"/> to <see cref="LastFiscalYear"/>; or <paramref name="date"/> is not a supported date: ISO calendar, 0001-01-01 to 9999-12-31.
    /// </exception>
    public FiscalPeriod WeekContaining(LocalDate date, IsoDayOfWeek firstDayOfWeek = IsoDayOfWeek.Monday)
    {
        var week = FiscalWeekOf(date, firstDayOfWeek);
        var fiscalYear = WholeFiscalYearOf(date, nameof(date));
        var year = Year(fiscalYear).Interval;
        var start = week == 1 ? year.Start : year.Start.Next(firstDayOfWeek).PlusDays(7 * (week - 2));
        return new FiscalPeriod(WeekLabel(fiscalYear, week), new DateInterval(start, WeekEnd(start, firstDayOfWeek, year.End)));
    }

    // The last day of the months months from start (a first of the month): the end of the last month, not the day before
    // the following one, which for a period ending 9999-12-31 would be in year 10000.
    private static LocalDate LastDayOf(LocalDate start, int months) => start.PlusMonths(months - 1).With(DateAdjusters.EndOfMonth);

    // The day before the next firstDayOfWeek after start, or the year's end if that comes first.
    private static LocalDate WeekEnd(LocalDate start, IsoDayOfWeek firstDayOfWeek, LocalDate yearEnd)
    {
        var daysToNextStart = ((int)firstDayOfWeek - (int)start.DayOfWeek + 6) % 7 + 1;
        return daysToNextStart - 1 < Period.DaysBetween(start, yearEnd) ? start.PlusDays(daysToNextStart - 1) : yearEnd;
    }

    private static void CheckDayOfWeek(IsoDayOfWeek firstDayOfWeek) =>
        Preconditions.CheckRange(
            firstDayOfWeek is >= IsoDayOfWeek.Monday and <= IsoDayOfWeek.Sunday,
            nameof(firstDayOfWeek),
            firstDayOfWeek,
            $"The first day of the week must be Monday to Sunday; {firstDayOfWeek} was given."
        );

    private string Label(int fiscalYear) => (HasFiscalYearLabels ? "FY" : "") + fiscalYear.ToString(CultureInfo.InvariantCulture);

    private string WeekLabel(int fiscalYear, int week) => string.Create(CultureInfo.InvariantCulture, $"{Label(fiscalYear)} W{week:00}");

    /// <summary>"Fiscal years from July, named by end year".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        FirstMonth == 1
            ? (HasFiscalYearLabels ? "Calendar years, FY labels" : "Calendar years")
            : $"Fiscal years from {CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(FirstMonth)}, named by {(Naming == FiscalYearNaming.ByEndYear ? "end" : "start")} year";
}
