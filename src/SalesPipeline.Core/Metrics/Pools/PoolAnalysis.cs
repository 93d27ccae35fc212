using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Leads;
using SalesPipeline.Utility;

namespace SalesPipeline.Metrics;

/// <summary>
/// The unassigned-pool report: what waits for a rep in the company pool and in each team's pool, and for how long.
/// </summary>
/// <remarks>
/// <para>A deal waits in a pool when, as it stood at <c>asOf</c> (<see cref="Deal.AsOf"/>), it had no owner and was not
/// decided (open or stopped); it waits in <see cref="Deal.Team"/>'s pool, or the company pool when that is null. A lead
/// waits when, as it stood at <c>asOf</c> (<see cref="Lead.AsOf"/>), it had no owner and was still open (New or
/// Working). Waiting
/// time runs from <c>InPoolSince</c> (when it entered its current pool) to <c>asOf</c>.</para>
/// <para>Stateless; thread-safe.</para>
/// </remarks>
public static partial class PoolAnalysis
{
    /// <summary>The pools as of an instant.</summary>
    /// <param name="deals">The deals (owned and decided ones are ignored).</param>
    /// <param name="leads">The leads (owned and closed ones are ignored); none for deals only.</param>
    /// <param name="asOf">The instant the waiting is measured at.</param>
    /// <param name="rates">Exchange rates into the reporting currency; without them every pooled deal must be in one currency.</param>
    /// <returns>One line per pool with something in it: the company pool first, then the teams in ordinal order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="deals"/>, <paramref name="leads"/> or an element is null.</exception>
    /// <exception cref="ArgumentException">A deal id or a lead id is given twice.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.</exception>
    /// <exception cref="MissingExchangeRateException">Pooled deals are in more than one currency and no rate converts one of them.</exception>
    /// <example><code>
    /// var pools = PoolAnalysis.Of(deals, leads, Instant.FromUtc(2026, 3, 2, 9, 0));
    /// Console.WriteLine(pools); // company pool and each team's pool: count, value, oldest and median wait
    /// </code></example>
    public static PoolReport Of(IEnumerable<Deal> deals, IEnumerable<Lead> leads, Instant asOf, ExchangeRates? rates = null)
    {
        // The frame route makes the deal code's checks in the deal code's order: deals (no frame for a null list or
        // element; the deal code reports them), leads, deal ids given twice (the deal code names the id), lead ids,
        // the instant.
        if (DealFrames.For(deals) is not { } frame || !frame.HasDistinctIds)
        {
            return OfDealByDeal(deals, leads, asOf, rates);
        }
        var leadList = Preconditions.CheckNoNullElement(leads, "Lead", nameof(leads));
        Preconditions.CheckUniqueIds(leadList, l => l.Id, "Lead", nameof(leads));
        Preconditions.CheckInstant(asOf);
        return Report(TryPooled(frame, asOf, out var pooled) ? pooled : Pooled(frame.DealList, asOf), leadList, asOf, rates);
    }

    // The deal-based code: what Of ran before the frame, and still runs for what the frame does not take.
    private static PoolReport OfDealByDeal(IEnumerable<Deal> deals, IEnumerable<Lead> leads, Instant asOf, ExchangeRates? rates)
    {
        var dealList = Preconditions.CheckNoNullElement(deals, "Deal", nameof(deals));
        var leadList = Preconditions.CheckNoNullElement(leads, "Lead", nameof(leads));
        Preconditions.CheckUniqueIds(dealList, d => d.Id, "Deal", nameof(deals));
        Preconditions.CheckUniqueIds(leadList, l => l.Id, "Lead", nameof(leads));
        Preconditions.CheckInstant(asOf);
        return Report(Pooled(dealList, asOf), leadList, asOf, rates);
    }

    // The deals waiting in a pool at asOf, as they stood then, in input order.
    private static List<Deal> Pooled(IReadOnlyList<Deal> deals, Instant asOf)
    {
        var pooled = new List<Deal>();
        foreach (var deal in deals)
        {
            if (deal.TryAsOf(asOf, out var then) && then.IsInPool && !then.IsClosed)
            {
                pooled.Add(then);
            }
        }
        return pooled;
    }

    private static PoolReport Report(List<Deal> pooled, Lead[] leadList, Instant asOf, ExchangeRates? rates)
    {
        var currency = ReportingCurrencyRule.Choose(rates, pooled.Select(d => d.Amount.Currency));
        var items = pooled
            .Select(d => new PooledItem(
                d.Team,
                d.Id,
                null,
                d.Name,
                d.InPoolSince!.Value,
                asOf - d.InPoolSince!.Value,
                ExchangeRates.ToReporting(rates, d.Amount, currency!)
            ))
            .Concat(
                leadList
                    .Select(l => l.TryAsOf(asOf, out var then) ? then : null)
                    .OfType<Lead>()
                    .Where(l => l.IsInPool && l.Status is LeadStatus.New or LeadStatus.Working)
                    .Select(l => new PooledItem(l.Team, null, l.Id, l.Name, l.InPoolSince!.Value, asOf - l.InPoolSince!.Value, null))
            );
        var lines = items
            .GroupBy(i => i.TeamId, StringComparer.Ordinal)
            .OrderBy(g => g.Key is not null)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Line(g.Key, g, currency))
            .ToArray();
        return new PoolReport(asOf, currency, lines);
    }

    private static PoolLine Line(string? team, IEnumerable<PooledItem> group, Currency? currency)
    {
        // Longest wait first, then deals before leads, then by id: the order a team lead works through the pool.
        var items = group
            .OrderByDescending(i => i.Waiting)
            .ThenBy(i => i.Deal is null)
            .ThenBy(i => i.Deal?.Value ?? i.Lead!.Value.Value, StringComparer.Ordinal)
            .ToArray();
        var deals = items.Where(i => i.Deal is not null).ToArray();
        var value = deals.Length == 0 ? null : Money.Sum(deals.Select(i => i.Amount!), currency!);
        return new PoolLine(
            team,
            deals.Length,
            items.Length - deals.Length,
            value,
            items[0].Waiting,
            Median(items),
            Array.AsReadOnly(items)
        );
    }

    // Items are sorted longest first; the mean of the two middle values when the count is even, rounded down to the
    // nanosecond (the health check's typical-cycle rule).
    private static Duration Median(PooledItem[] items)
    {
        var mid = items.Length / 2;
        return items.Length % 2 == 1 ? items[mid].Waiting : items[mid].Waiting + ((items[mid - 1].Waiting - items[mid].Waiting) / 2L);
    }
}
