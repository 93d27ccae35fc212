using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using SalesPipeline.Activities;
using SalesPipeline.Deals;
using SalesPipeline.Utility;

namespace SalesPipeline.Metrics;

/// <summary>
/// Accumulates the activity-to-progress ratio deal by deal (each deal with the activities about it) and merges with
/// other accumulators: the merge of the parts gives exactly the ratio of the whole.
/// </summary>
/// <remarks>
/// <para>An activity is judged when its kind is in <see cref="ActivityProgressOptions.Kinds"/>, its outcome is not
/// excluded, and its date is in the window. It progressed when the deal has a forward <see cref="StageMoved"/> or a
/// <see cref="DealWon"/> at an instant t with activity.At &lt;= t &lt;= activity.At + Within (and t &lt;= AsOf when
/// given). Backward moves, reopenings and other changes are not progress.</para>
/// <para>Mutable and not thread-safe: use one per thread and <see cref="Merge"/> them.</para>
/// </remarks>
public sealed partial class ActivityProgressAccumulator
{
    private readonly ActivityProgressOptions options;
    private readonly Dictionary<(string Rep, ActivityKind Kind), (int Judged, int Progressed, int Pending)> cells = [];

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="options">Options; <see cref="ActivityProgressOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException">The options' window is empty or its zone is null.</exception>
    public ActivityProgressAccumulator(ActivityProgressOptions? options = null)
    {
        this.options = options ?? ActivityProgressOptions.Default;
        this.options.Check(nameof(options));
    }

    /// <summary>Adds a deal and the activities about it.</summary>
    /// <param name="deal">The deal.</param>
    /// <param name="activities">The activities about the deal (for example <c>index.ForDeal(deal.Id)</c>), in any order.</param>
    /// <exception cref="ArgumentNullException">An argument or an activity is null.</exception>
    /// <exception cref="ArgumentException">An activity concerns another deal or a lead.</exception>
    public void Add(Deal deal, IEnumerable<Activity> activities)
    {
        Preconditions.CheckNotNull(deal);
        Preconditions.CheckNotNull(activities);
        var list = activities.ToArray();
        for (var i = 0; i < list.Length; i++)
        {
            if (list[i] is null)
            {
                throw new ArgumentNullException(nameof(activities), $"Activity {i} is null.");
            }
            Preconditions.CheckArgument(
                list[i].Deal == deal.Id,
                nameof(activities),
                $"Activity {i} ({list[i]}) does not concern deal {deal.Id}; pass each deal with its own activities."
            );
        }
        var progress = ProgressInstants(deal);
        foreach (var activity in list.Where(options.Judges))
        {
            var limit = activity.At.Plus(options.Within);
            var progressed = progress.Any(t => t >= activity.At && t <= limit);
            var pending = !progressed && options.AsOf is { } asOf && limit > asOf;
            var key = (activity.Rep, activity.Kind);
            var cell = cells.GetValueOrDefault(key);
            cells[key] = pending
                ? cell with
                {
                    Pending = cell.Pending + 1,
                }
                : (cell.Judged + 1, cell.Progressed + (progressed ? 1 : 0), cell.Pending);
        }
    }

    /// <summary>Adds everything another accumulator has seen; the other is left unchanged.</summary>
    /// <param name="other">An accumulator with equal options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException">The other accumulator has other options.</exception>
    public void Merge(ActivityProgressAccumulator other)
    {
        Preconditions.CheckNotNull(other);
        Preconditions.CheckSameSetup(nameof(other), ("the options", other.options == options));
        foreach (var (key, theirs) in other.cells)
        {
            var mine = cells.GetValueOrDefault(key);
            cells[key] = (mine.Judged + theirs.Judged, mine.Progressed + theirs.Progressed, mine.Pending + theirs.Pending);
        }
    }

    /// <summary>The ratios of every activity added so far.</summary>
    /// <returns>The report.</returns>
    public ActivityProgressReport Result() => Result(0);

    internal ActivityProgressReport Result(int unmatched)
    {
        ProgressRatio Ratio(IEnumerable<(int Judged, int Progressed, int Pending)> parts)
        {
            var sum = parts.Aggregate((0, 0, 0), (a, c) => (a.Item1 + c.Judged, a.Item2 + c.Progressed, a.Item3 + c.Pending));
            return new ProgressRatio(sum.Item1, sum.Item2, sum.Item3, options.Confidence);
        }
        var byRep = cells
            .GroupBy(kv => kv.Key.Rep, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => KeyValuePair.Create(g.Key, Ratio(g.Select(kv => kv.Value))))
            .ToArray();
        var byKind = cells
            .GroupBy(kv => kv.Key.Kind)
            .OrderBy(g => g.Key)
            .Select(g => KeyValuePair.Create(g.Key, Ratio(g.Select(kv => kv.Value))))
            .ToArray();
        return new ActivityProgressReport(Ratio(cells.Values), byRep, byKind, unmatched);
    }

    private Instant[] ProgressInstants(Deal deal) =>
        deal
            .Events.Where(e => e is StageMoved { Direction: MoveDirection.Forward } or DealWon)
            .Select(e => e.At)
            .Where(t => options.AsOf is not { } asOf || t <= asOf)
            .ToArray();
}
