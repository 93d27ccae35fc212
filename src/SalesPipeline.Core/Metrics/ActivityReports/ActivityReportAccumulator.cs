using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using SalesPipeline.Activities;
using SalesPipeline.Calendars;
using SalesPipeline.Forecasting;
using SalesPipeline.Utility;

namespace SalesPipeline.Metrics;

/// <summary>
/// Accumulates an <see cref="ActivityReport"/> activity by activity and merges with other accumulators: the merge of the
/// parts gives exactly the report of the whole.
/// </summary>
/// <remarks>Mutable and not thread-safe: use one per thread and <see cref="Merge"/> them.</remarks>
public sealed class ActivityReportAccumulator
{
    private readonly FiscalPeriod[] periods;
    private readonly PeriodIndex index;
    private readonly DateTimeZone zone;
    private readonly Dictionary<(string Rep, int Period, ActivityKind Kind, string Outcome), int> counts = [];
    private int outside;

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="periods">The periods; they must not overlap.</param>
    /// <param name="zone">The zone that turns an activity's instant into a date; UTC when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="periods"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">The periods are empty or overlap.</exception>
    public ActivityReportAccumulator(IEnumerable<FiscalPeriod> periods, DateTimeZone? zone = null)
    {
        this.periods = Periods.CheckNonOverlapping(periods, nameof(periods));
        index = new PeriodIndex(this.periods, null);
        this.zone = zone ?? DateTimeZone.Utc;
    }

    /// <summary>Adds one activity.</summary>
    /// <param name="activity">The activity.</param>
    /// <exception cref="ArgumentNullException"><paramref name="activity"/> is null.</exception>
    public void Add(Activity activity)
    {
        Preconditions.CheckNotNull(activity);
        var period = index.IndexOf(activity.At.InZone(zone).Date);
        if (period < 0)
        {
            outside++;
            return;
        }
        var key = (activity.Rep, period, activity.Kind, activity.Outcome?.Code ?? BreakdownKeys.None);
        counts[key] = counts.GetValueOrDefault(key) + 1;
    }

    /// <summary>Adds every activity.</summary>
    /// <param name="activities">The activities.</param>
    /// <exception cref="ArgumentNullException"><paramref name="activities"/> or one of them is null.</exception>
    public void AddRange(IEnumerable<Activity> activities)
    {
        Preconditions.AddEach(activities, Add, "Activity");
    }

    /// <summary>Adds everything another accumulator has seen; the other is left unchanged.</summary>
    /// <param name="other">An accumulator with the same periods and zone.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException">The other accumulator has other periods or another zone.</exception>
    public void Merge(ActivityReportAccumulator other)
    {
        Preconditions.CheckNotNull(other);
        Preconditions.CheckSameSetup(
            nameof(other),
            ("the zone", other.zone == zone),
            ("the periods", other.periods.SequenceEqual(periods))
        );
        foreach (var (key, count) in other.counts)
        {
            counts[key] = counts.GetValueOrDefault(key) + count;
        }
        outside += other.outside;
    }

    /// <summary>The report of every activity added so far.</summary>
    /// <returns>The report.</returns>
    public ActivityReport Result()
    {
        var lines = counts
            .GroupBy(kv => (kv.Key.Rep, kv.Key.Period, kv.Key.Kind))
            .OrderBy(g => g.Key.Rep, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Period)
            .ThenBy(g => g.Key.Kind)
            .Select(g => new ActivityCountLine(
                g.Key.Rep,
                periods[g.Key.Period],
                g.Key.Kind,
                g.Sum(kv => kv.Value),
                g.OrderBy(kv => kv.Key.Outcome, StringComparer.Ordinal).Select(kv => new OutcomeCount(kv.Key.Outcome, kv.Value)).ToArray()
            ))
            .ToArray();
        return new ActivityReport(lines, outside);
    }
}
