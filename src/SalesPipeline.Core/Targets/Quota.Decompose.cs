using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Utility;

namespace SalesPipeline.Targets;

public sealed partial record Quota
{
    // Every month length (28, 29, 30, 31) divides this, so a day's share of its month is a whole number of these units.
    private const long DayUnitsPerMonth = 377_580;

    /// <summary>
    /// Breaks an annual quota into the quarters, months and weeks of a fiscal calendar, evenly or by seasonal weights,
    /// so that the parts add up exactly to the whole at every level, to the minor unit.
    /// </summary>
    /// <param name="annual">The quota for one fiscal year of <paramref name="calendar"/> (its period must be that year exactly).</param>
    /// <param name="calendar">The fiscal calendar, for example <c>FiscalCalendar.StartingIn(7)</c>.</param>
    /// <param name="weights">
    /// Null for even parts; 4 weights (one per fiscal quarter); or 12 weights (one per fiscal month, the first being
    /// the fiscal year's first month). Non-negative, not all zero; any scale (4, 4, 5 or 0.30, 0.20, ...).
    /// </param>
    /// <param name="firstDayOfWeek">The day weeks start on (Monday by default), as in <see cref="FiscalCalendar.Weeks"/>.</param>
    /// <returns>The plan: the year, its 4 quarters, 12 months and its weeks, all for the annual quota's subject.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="annual"/> or <paramref name="calendar"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The annual quota's period is not a fiscal year of the calendar; or the weights are not 4 or 12, have a negative
    /// weight, or are all zero.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="firstDayOfWeek"/> is None or undefined.</exception>
    /// <exception cref="InvalidOperationException">The target's currency has no minor unit (XAU, XDR, ...), so it cannot be split exactly.</exception>
    /// <remarks>
    /// <para>The rule, level by level (every split is <see cref="Money.Allocate(IReadOnlyList{decimal})"/>: exact
    /// largest remainder, ties to the earlier part):</para>
    /// <list type="bullet">
    /// <item>Even (no weights): the year into 4 equal quarters, then each quarter into 3 equal months.</item>
    /// <item>4 quarterly weights: the year into quarters by the weights, then each quarter into 3 equal months.</item>
    /// <item>12 monthly weights: the year into months by the weights; each quarter is the sum of its 3 months.</item>
    /// <item>Weeks: a day's share is its month's part divided by the month's days; a week's weight is the sum of its
    /// days' shares, and the year is split among the weeks by those weights. So a week cut short at the year's ends gets
    /// only its days' share, and a week across two months gets each month's daily rate for its days in that month.</item>
    /// </list>
    /// <para>So months add up to their quarter, quarters and weeks to the year, all exactly. Weeks do not nest in months
    /// (a week can span two months), so weeks are only guaranteed to add up to the year.</para>
    /// <para>Example: USD 1,200,000.00 evenly is 300,000.00 a quarter and 100,000.00 a month; USD 100.00 evenly is 25.00
    /// a quarter and 8.34, 8.33, 8.33 in each quarter's months.</para>
    /// </remarks>
    public static QuotaPlan Decompose(
        Quota annual,
        FiscalCalendar calendar,
        IReadOnlyList<decimal>? weights = null,
        IsoDayOfWeek firstDayOfWeek = IsoDayOfWeek.Monday
    )
    {
        Preconditions.CheckNotNull(annual);
        Preconditions.CheckNotNull(calendar);
        var fiscalYear = calendar.FiscalYearOf(annual.Period.Start);
        var year = calendar.Year(fiscalYear);
        Preconditions.CheckArgument(
            year.Interval.Equals(annual.Period.Interval),
            nameof(annual),
            $"The annual quota's period {annual.Period} is not a fiscal year of the calendar ({calendar}); {year} would be."
        );
        Preconditions.CheckArgument(
            weights is null || weights.Count is 4 or 12,
            nameof(weights),
            string.Create(
                CultureInfo.InvariantCulture,
                $"Seasonal weights are 4 (one per quarter) or 12 (one per month); {weights?.Count} were given."
            )
        );
        var weekPeriods = calendar.Weeks(fiscalYear, firstDayOfWeek);
        var target = annual.Target;

        Money[] quarters;
        var months = new Money[12];
        if (weights is { Count: 12 })
        {
            months = target.Allocate(weights);
            quarters = new Money[4];
            for (var q = 0; q < 4; q++)
            {
                quarters[q] = months[3 * q] + months[3 * q + 1] + months[3 * q + 2];
            }
        }
        else
        {
            quarters = weights is null ? target.Allocate(4) : target.Allocate(weights);
            for (var q = 0; q < 4; q++)
            {
                quarters[q].Allocate(3).CopyTo(months, 3 * q);
            }
        }

        var monthPeriods = calendar.Months(fiscalYear);
        var quarterPeriods = calendar.Quarters(fiscalYear);
        var weeks = WeekParts(target, months, monthPeriods, weekPeriods);
        var subject = (annual.Level, annual.SubjectId);
        return new QuotaPlan(
            annual,
            Parts(subject, quarterPeriods, quarters),
            Parts(subject, monthPeriods, months),
            Parts(subject, weekPeriods, weeks)
        );
    }

    private static Money[] WeekParts(
        Money target,
        Money[] months,
        IReadOnlyList<FiscalPeriod> monthPeriods,
        IReadOnlyList<FiscalPeriod> weekPeriods
    )
    {
        var parts = new Money[weekPeriods.Count];
        if (target.IsZero)
        {
            // Every week weight would be zero, which Allocate rightly refuses; zero splits into zeros.
            Array.Fill(parts, target);
            return parts;
        }
        // Integer weights: a day of month m is worth units(m) x (DayUnitsPerMonth / days(m)), so the week weights add up
        // to the year's units x DayUnitsPerMonth and each week's exact share is its days' exact share of their months.
        var weekWeights = new decimal[weekPeriods.Count];
        var m = 0;
        for (var w = 0; w < weekPeriods.Count; w++)
        {
            for (var day = weekPeriods[w].Start; day <= weekPeriods[w].End; day = day.PlusDays(1))
            {
                while (!monthPeriods[m].Contains(day))
                {
                    m++;
                }
                var daysInMonth = monthPeriods[m].End.Day; // fiscal months are calendar months
                weekWeights[w] += (decimal)months[m].ToMinorUnits() * (DayUnitsPerMonth / daysInMonth);
            }
        }
        return target.Allocate(weekWeights);
    }

    private static System.Collections.ObjectModel.ReadOnlyCollection<Quota> Parts(
        (QuotaLevel Level, string Id) subject,
        IReadOnlyList<FiscalPeriod> periods,
        Money[] amounts
    )
    {
        var result = new Quota[periods.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new Quota(subject.Level, subject.Id, periods[i], amounts[i]);
        }
        return Array.AsReadOnly(result);
    }
}
