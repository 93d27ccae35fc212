using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Leads;
using SalesPipeline.Utility;

namespace SalesPipeline.Activities;

/// <summary>
/// Activities grouped by the deal or lead they concern, in time order, with the one rule for a record's last touch:
/// the latest of its own recorded changes and the activities about it.
/// </summary>
/// <remarks>
/// <para>A deal is touched by every event in its history (creating it, moving it, changing its amount or close date,
/// answering a criterion, ...) and by every activity about it. A lead is touched when its
/// <see cref="Lead.FirstTouchAt"/> or <see cref="Lead.LastTouchAt"/> says so and by every activity about it; its
/// creation is not a touch (so that response time, created to first touch, means something).</para>
/// <para>An immutable object; safe to share across threads.</para>
/// </remarks>
/// <example><code>
/// var index = ActivityIndex.Create(activities);
/// Instant lastTouch = index.LastTouchOf(deal, asOf: Instant.FromUtc(2026, 3, 31, 0, 0));
/// </code></example>
public sealed class ActivityIndex
{
    private static readonly Activity[] None = [];
    private readonly Dictionary<DealId, Activity[]> byDeal;
    private readonly Dictionary<LeadId, Activity[]> byLead;

    private ActivityIndex(Dictionary<DealId, Activity[]> byDeal, Dictionary<LeadId, Activity[]> byLead, int count)
    {
        this.byDeal = byDeal;
        this.byLead = byLead;
        Count = count;
    }

    /// <summary>An index with no activities: last touches come from the records' own histories.</summary>
    public static ActivityIndex Empty { get; } = new([], [], 0);

    /// <summary>How many activities the index holds.</summary>
    public int Count { get; }

    /// <summary>Indexes activities by the deal or lead they concern.</summary>
    /// <param name="activities">The activities, in any order.</param>
    /// <returns>The index; activities at the same instant keep their given order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="activities"/> or one of them is null.</exception>
    public static ActivityIndex Create(IEnumerable<Activity> activities)
    {
        Preconditions.CheckNotNull(activities);
        var deals = new Dictionary<DealId, List<Activity>>();
        var leads = new Dictionary<LeadId, List<Activity>>();
        var count = 0;
        foreach (var activity in activities)
        {
            if (activity is null)
            {
                throw Preconditions.NullElement(nameof(activities), "Activity", count);
            }
            if (activity.Deal is { } deal)
            {
                Bucket(deals, deal).Add(activity);
            }
            else
            {
                Bucket(leads, activity.Lead!.Value).Add(activity);
            }
            count++;
        }
        return new ActivityIndex(Sorted(deals), Sorted(leads), count);
    }

    /// <summary>The activities about a deal, oldest first.</summary>
    /// <param name="deal">The deal's id.</param>
    /// <returns>The activities; empty when there are none.</returns>
    public IReadOnlyList<Activity> ForDeal(DealId deal) => byDeal.GetValueOrDefault(deal, None);

    /// <summary>The activities about a lead, oldest first.</summary>
    /// <param name="lead">The lead's id.</param>
    /// <returns>The activities; empty when there are none.</returns>
    public IReadOnlyList<Activity> ForLead(LeadId lead) => byLead.GetValueOrDefault(lead, None);

    /// <summary>The latest instant, at or before <paramref name="asOf"/>, at which the deal changed or an activity concerned it.</summary>
    /// <param name="deal">The deal.</param>
    /// <param name="asOf">Ignore what happened after this instant; everything counts when null.</param>
    /// <returns>The last touch.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="deal"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="asOf"/> is before the deal was created; or <paramref name="asOf"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.
    /// </exception>
    public Instant LastTouchOf(Deal deal, Instant? asOf = null)
    {
        Preconditions.CheckNotNull(deal);
        var limit = Preconditions.CheckInstant(asOf) ?? Instant.MaxValue;
        if (deal.CreatedAt > limit)
        {
            // Built only on failure: this runs once per deal in health checks over millions of deals.
            throw new ArgumentOutOfRangeException(
                nameof(asOf),
                asOf,
                $"Deal {deal.Id} was created at {deal.CreatedAt}, after {asOf}, so it has no touch by then."
            );
        }
        var events = deal.Events;
        var last = deal.CreatedAt;
        for (var i = events.Count - 1; i >= 0; i--)
        {
            if (events[i].At <= limit)
            {
                last = events[i].At;
                break;
            }
        }
        return Max(last, LatestAtOrBefore(ForDeal(deal.Id), limit));
    }

    /// <summary>The latest instant, at or before <paramref name="asOf"/>, at which the lead was touched or an activity concerned it.</summary>
    /// <param name="lead">The lead.</param>
    /// <param name="asOf">Ignore what happened after this instant; everything counts when null.</param>
    /// <returns>The last touch, or null when the lead had not been touched by then.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lead"/> is null.</exception>
    /// <remarks>A lead stores only its first and last touch, so with <paramref name="asOf"/> between them the
    /// answer is the first touch or a later activity: touches recorded with <see cref="Lead.Touch"/> in between are
    /// not kept by the lead.</remarks>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="asOf"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.</exception>
    public Instant? LastTouchOf(Lead lead, Instant? asOf = null)
    {
        Preconditions.CheckNotNull(lead);
        var limit = Preconditions.CheckInstant(asOf) ?? Instant.MaxValue;
        Instant? own =
            lead.LastTouchAt is { } lastTouch && lastTouch <= limit ? lastTouch
            : lead.FirstTouchAt is { } firstTouch && firstTouch <= limit ? firstTouch
            : null;
        var activity = LatestAtOrBefore(ForLead(lead.Id), limit);
        return own is null ? activity
            : activity is null ? own
            : Max(own.Value, activity);
    }

    /// <summary>The first time the lead was touched: its own first touch or its earliest activity, whichever is earlier.</summary>
    /// <param name="lead">The lead.</param>
    /// <returns>The first touch, or null when it was never touched.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lead"/> is null.</exception>
    public Instant? FirstTouchOf(Lead lead)
    {
        Preconditions.CheckNotNull(lead);
        var activities = ForLead(lead.Id);
        Instant? activity = activities.Count > 0 ? activities[0].At : null;
        return lead.FirstTouchAt is not { } own ? activity
            : activity is not { } first ? own
            : Instant.Min(own, first);
    }

    // Each deal with an activity at or before `limit`, and the latest such one: the activities' side of a deal's last
    // touch (LastTouchOf), for joining them to a frame's rows by deal id instead of looking up every deal.
    internal IEnumerable<(DealId Deal, Instant Latest)> LatestAboutDeals(Instant limit)
    {
        foreach (var (deal, activities) in byDeal)
        {
            if (LatestAtOrBefore(activities, limit) is { } latest)
            {
                yield return (deal, latest);
            }
        }
    }

    private static Instant Max(Instant a, Instant? b) => b is { } value && value > a ? value : a;

    private static Instant? LatestAtOrBefore(IReadOnlyList<Activity> sorted, Instant limit)
    {
        for (var i = sorted.Count - 1; i >= 0; i--)
        {
            if (sorted[i].At <= limit)
            {
                return sorted[i].At;
            }
        }
        return null;
    }

    private static List<Activity> Bucket<TKey>(Dictionary<TKey, List<Activity>> buckets, TKey key)
        where TKey : notnull
    {
        if (!buckets.TryGetValue(key, out var list))
        {
            list = [];
            buckets.Add(key, list);
        }
        return list;
    }

    // OrderBy is stable, so activities at the same instant keep the caller's order.
    private static Dictionary<TKey, Activity[]> Sorted<TKey>(Dictionary<TKey, List<Activity>> buckets)
        where TKey : notnull => buckets.ToDictionary(pair => pair.Key, pair => pair.Value.OrderBy(a => a.At).ToArray());
}
