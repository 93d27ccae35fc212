using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using NodaTime;
using SalesPipeline.Activities;
using SalesPipeline.Calendars;

namespace SalesPipeline.Metrics;

/// <summary>Activities per rep per period, by kind and by outcome.</summary>
/// <remarks>
/// <para>An activity is placed by its date in the zone; lines are in ordinal rep order, then the given period order,
/// then kind. Activities on no period's days are counted in <see cref="Outside"/>, never dropped unseen.</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
public sealed record ActivityReport
{
    internal ActivityReport(IReadOnlyList<ActivityCountLine> lines, int outside)
    {
        Lines = lines;
        Outside = outside;
    }

    /// <summary>One line per rep, period and kind that has at least one activity.</summary>
    public IReadOnlyList<ActivityCountLine> Lines { get; }

    /// <summary>Activities whose date is in none of the periods.</summary>
    public int Outside { get; }

    /// <summary>Activities of a rep in a period, of one kind or of every kind.</summary>
    /// <param name="rep">The rep.</param>
    /// <param name="periodLabel">The period's label.</param>
    /// <param name="kind">The kind, or null for all kinds.</param>
    /// <returns>The count (0 when there is no such line).</returns>
    public int CountOf(string rep, string periodLabel, ActivityKind? kind = null) =>
        Lines.Where(l => l.Rep == rep && l.Period.Label == periodLabel && (kind is null || l.Kind == kind)).Sum(l => l.Count);

    /// <summary>Counts the activities per rep, period, kind and outcome.</summary>
    /// <param name="activities">The activities (about deals or leads).</param>
    /// <param name="periods">The periods, for example <c>calendar.Months(2026)</c>; they must not overlap.</param>
    /// <param name="zone">The zone that turns an activity's instant into a date; UTC when null.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="activities"/>, <paramref name="periods"/> or an element is null.</exception>
    /// <exception cref="ArgumentException">The periods are empty or overlap.</exception>
    public static ActivityReport Of(IEnumerable<Activity> activities, IEnumerable<FiscalPeriod> periods, DateTimeZone? zone = null)
    {
        var accumulator = new ActivityReportAccumulator(periods, zone);
        accumulator.AddRange(activities);
        return accumulator.Result();
    }

    /// <summary>One line per rep, period and kind, then the count outside the periods.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var line in Lines)
        {
            text.Append(line).Append('\n');
        }
        return text.Append("outside the periods: ").Append(Outside).ToString();
    }
}
