using System;
using System.Collections.Generic;
using System.Linq;
using SalesPipeline.Activities;
using SalesPipeline.Deals;
using SalesPipeline.Utility;

namespace SalesPipeline.Metrics;

/// <summary>
/// The activity-to-progress ratio: the share of meetings and demos (configurable) after which the deal moved forward
/// or was won within N days (14 by default). See <see cref="ActivityProgressAccumulator"/> for the exact rule.
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class ActivityProgress
{
    /// <summary>Judges the activities about the given deals.</summary>
    /// <param name="deals">The deals; each id at most once.</param>
    /// <param name="activities">The activities; those about leads are not judged, those about deals not given are counted as unmatched.</param>
    /// <param name="options">Options; <see cref="ActivityProgressOptions.Default"/> when null.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">An argument or an element is null.</exception>
    /// <exception cref="ArgumentException">Two deals share an id, or the options' window is empty.</exception>
    public static ActivityProgressReport Of(
        IEnumerable<Deal> deals,
        IEnumerable<Activity> activities,
        ActivityProgressOptions? options = null
    )
    {
        Preconditions.CheckNotNull(deals);
        var accumulator = new ActivityProgressAccumulator(options);
        var index = ActivityIndex.Create(activities);
        // On a list's frame, once the deal code's checks before the deal loop have passed: no frame for a null
        // element, and none taken for an id given twice (the loop below names them, as before).
        if (DealFrames.For(deals) is { HasDistinctIds: true } frame)
        {
            if (accumulator.TryAdd(frame, activities, out var others))
            {
                return accumulator.Result(others);
            }
            deals = frame.DealList;
        }
        var seen = new HashSet<DealId>();
        var i = 0;
        foreach (var deal in deals)
        {
            if (deal is null)
            {
                throw new ArgumentNullException(nameof(deals), $"Deal {i} is null.");
            }
            Preconditions.CheckArgument(seen.Add(deal.Id), nameof(deals), $"Deal {deal.Id} (deal {i}) is given twice.");
            accumulator.Add(deal, index.ForDeal(deal.Id));
            i++;
        }
        var judge = options ?? ActivityProgressOptions.Default;
        var unmatched = activities.Count(a => a.Deal is { } id && !seen.Contains(id) && judge.Judges(a));
        return accumulator.Result(unmatched);
    }
}
