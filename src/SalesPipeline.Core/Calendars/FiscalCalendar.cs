using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;
using SalesPipeline.Utility;

namespace SalesPipeline.Calendars;

/// <summary>
/// A fiscal calendar: fiscal years of twelve calendar months starting in any month, with their quarters (three months
/// each), months and weeks as <see cref="FiscalPeriod"/>s.
/// </summary>
/// <remarks>
/// <para>A fiscal year is named by the calendar year it ends in unless you choose <see cref="FiscalYearNaming.ByStartYear"/>:
/// with <c>StartingIn(7)</c>, FY2026 runs from 2025-07-01 to 2026-06-30 and its Q1 is July to September 2025.
/// <see cref="Calendar"/> (starting in January) gives calendar years and quarters.</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
public sealed class FiscalCalendar
{
    private FiscalCalendar(int firstMonth, FiscalYearNaming naming)
    {
        FirstMonth = firstMonth;
        Naming = naming;
    }

    /// <summary>The calendar: years January to December, calendar quarters.</summary>
    public static FiscalCalendar Calendar { get; } = new(1, FiscalYearNaming.ByEndYear);

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
        return new FiscalCalendar(month, naming);
    }

    /// <summary>The calendar month fiscal years start in (1 to 12).</summary>
    public int FirstMonth { get; }

    /// <summary>Which calendar year names a fiscal year.</summary>
    public FiscalYearNaming Naming { get; }

    /// <summary>The first day of fiscal year <paramref name="fiscalYear"/>.</summary>
    /// <param name="fiscalYear">The fiscal year's name, for example 2026.</param>
    /// <returns>The date.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1 to 9998.</exception>
    public LocalDate StartOf(int fiscalYear)
    {
        Preconditions.CheckRange(
            fiscalYear is >= 1 and <= 9998,
            nameof(fiscalYear),
            fiscalYear,
            $"Fiscal year must be between 1 and 9998; {fiscalYear} was given."
        );
        var startYear = FirstMonth == 1 || Naming == FiscalYearNaming.ByStartYear ? fiscalYear : fiscalYear - 1;
        Preconditions.CheckRange(
            startYear >= 1,
            nameof(fiscalYear),
            fiscalYear,
            $"Fiscal year {fiscalYear} would start in year {startYear}, before year 1."
        );
        return new LocalDate(startYear, FirstMonth, 1);
    }

    /// <summary>The fiscal year a date falls in.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The fiscal year's name.</returns>
    public int FiscalYearOf(LocalDate date)
    {
        var startYear = date.Month >= FirstMonth ? date.Year : date.Year - 1;
        return FirstMonth == 1 || Naming == FiscalYearNaming.ByStartYear ? startYear : startYear + 1;
    }

    /// <summary>The fiscal quarter (1 to 4) a date falls in.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The quarter.</returns>
    public int FiscalQuarterOf(LocalDate date) => (FiscalMonthOf(date) - 1) / 3 + 1;

    /// <summary>The fiscal month (1 to 12) a date falls in: 1 is the fiscal year's first month.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The month.</returns>
    public int FiscalMonthOf(LocalDate date) => (date.Month - FirstMonth + 12) % 12 + 1;

    /// <summary>The whole fiscal year, labelled "FY2026".</summary>
    /// <param name="fiscalYear">The fiscal year's name.</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1 to 9998.</exception>
    public FiscalPeriod Year(int fiscalYear)
    {
        var start = StartOf(fiscalYear);
        return new FiscalPeriod(Label(fiscalYear), new DateInterval(start, start.PlusMonths(12).PlusDays(-1)));
    }

    /// <summary>One fiscal quarter, labelled "FY2026 Q1".</summary>
    /// <param name="fiscalYear">The fiscal year's name.</param>
    /// <param name="quarter">The quarter, 1 to 4.</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1 to 9998, or the quarter is not 1 to 4.</exception>
    public FiscalPeriod Quarter(int fiscalYear, int quarter)
    {
        Preconditions.CheckRange(quarter is >= 1 and <= 4, nameof(quarter), quarter, $"A quarter is 1 to 4; {quarter} was given.");
        var start = StartOf(fiscalYear).PlusMonths(3 * (quarter - 1));
        return new FiscalPeriod(
            Label(fiscalYear) + " Q" + quarter.ToString(CultureInfo.InvariantCulture),
            new DateInterval(start, start.PlusMonths(3).PlusDays(-1))
        );
    }

    /// <summary>One fiscal month, labelled "FY2026 M01 (2025-07)" (fiscal month number and calendar month).</summary>
    /// <param name="fiscalYear">The fiscal year's name.</param>
    /// <param name="month">The fiscal month, 1 to 12 (1 is the year's first month).</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1 to 9998, or the month is not 1 to 12.</exception>
    public FiscalPeriod Month(int fiscalYear, int month)
    {
        Preconditions.CheckRange(month is >= 1 and <= 12, nameof(month), month, $"A fiscal month is 1 to 12; {month} was given.");
        // Each month from the anchor, never a chain of +1 month, so month ends never drift.
        var start = StartOf(fiscalYear).PlusMonths(month - 1);
        return new FiscalPeriod(
            string.Create(CultureInfo.InvariantCulture, $"{Label(fiscalYear)} M{month:00} ({start:uuuu-MM})"),
            new DateInterval(start, start.PlusMonths(1).PlusDays(-1))
        );
    }

    /// <summary>The four quarters of a fiscal year, in order.</summary>
    /// <param name="fiscalYear">The fiscal year's name.</param>
    /// <returns>The quarters.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1 to 9998.</exception>
    public IReadOnlyList<FiscalPeriod> Quarters(int fiscalYear) =>
        [Quarter(fiscalYear, 1), Quarter(fiscalYear, 2), Quarter(fiscalYear, 3), Quarter(fiscalYear, 4)];

    /// <summary>The twelve months of a fiscal year, in order.</summary>
    /// <param name="fiscalYear">The fiscal year's name.</param>
    /// <returns>The months.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1 to 9998.</exception>
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
    /// cut at the year's ends (so they may be shorter than seven days). Labelled "FY2026 W01", "FY2026 W02", ...
    /// </summary>
    /// <param name="fiscalYear">The fiscal year's name.</param>
    /// <param name="firstDayOfWeek">The day weeks start on; Monday by default (ISO 8601).</param>
    /// <returns>The weeks, covering the year without gaps or overlaps.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1 to 9998, or the day is None or undefined.</exception>
    public IReadOnlyList<FiscalPeriod> Weeks(int fiscalYear, IsoDayOfWeek firstDayOfWeek = IsoDayOfWeek.Monday)
    {
        Preconditions.CheckRange(
            firstDayOfWeek is >= IsoDayOfWeek.Monday and <= IsoDayOfWeek.Sunday,
            nameof(firstDayOfWeek),
            firstDayOfWeek,
            $"The first day of the week must be Monday to Sunday; {firstDayOfWeek} was given."
        );
        var year = Year(fiscalYear).Interval;
        var weeks = new List<FiscalPeriod>();
        var start = year.Start;
        while (start <= year.End)
        {
            var next = start.Next(firstDayOfWeek);
            var end = next.PlusDays(-1) < year.End ? next.PlusDays(-1) : year.End;
            weeks.Add(
                new FiscalPeriod(
                    string.Create(CultureInfo.InvariantCulture, $"{Label(fiscalYear)} W{weeks.Count + 1:00}"),
                    new DateInterval(start, end)
                )
            );
            start = end.PlusDays(1);
        }
        return weeks.AsReadOnly();
    }

    private static string Label(int fiscalYear) => "FY" + fiscalYear.ToString(CultureInfo.InvariantCulture);

    /// <summary>"Fiscal years from July, named by end year".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        FirstMonth == 1
            ? "Calendar years"
            : $"Fiscal years from {CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(FirstMonth)}, named by {(Naming == FiscalYearNaming.ByEndYear ? "end" : "start")} year";
}
