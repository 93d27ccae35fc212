using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using SalesPipeline.Deals;
using SalesPipeline.Utility;

namespace SalesPipeline.Metrics;

/// <summary>
/// Conflicting deals: open deals for the same customer (and product) owned by different reps, so a manager can settle
/// who works the account.
/// </summary>
/// <remarks>
/// <para>Which deals take part: open deals (<see cref="Deal.IsOpen"/>; a stopped deal is not being worked) with a
/// customer and an owner (a pooled deal, <see cref="Deal.Owner"/> null, has no owner to be in conflict). Two such deals
/// conflict when they are for the same customer account (<see cref="Customer.AccountId"/>, ordinal), their owners
/// differ (ordinal), and their products do not tell them apart: both record the same product, or either records none
/// (a deal without a recorded product may be for anything the customer buys, so it conflicts with every product of
/// that customer). Two deals with different recorded products are no conflict.</para>
/// <para>A conflict is reported per customer and product: for a customer whose deals record products, one per recorded
/// product whose deals (those with the product and those with none) have two or more owners; for a customer whose deals
/// record none, one for all its deals (product null). So a deal without a product can be listed under several of its
/// customer's products.</para>
/// <para>Linear: two passes over the deals and one dictionary entry per customer; only the customers with two or more
/// owners keep their deals. Stateless; thread-safe.</para>
/// </remarks>
public static partial class DealConflicts
{
    /// <summary>Finds the conflicting deals.</summary>
    /// <param name="deals">The deals, as they stand now (closed, stopped and pooled deals are ignored).</param>
    /// <returns>The conflicts, by account id then product (ordinal, no product first).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="deals"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">A deal id is given twice (two versions of one deal would conflict with each other).</exception>
    /// <example><code>
    /// var report = DealConflicts.Find(deals);
    /// foreach (var conflict in report.Conflicts)
    ///     Console.WriteLine($"{conflict.AccountId} {conflict.Product}: {string.Join(", ", conflict.Owners)}");
    /// </code></example>
    public static DealConflictReport Find(IEnumerable<Deal> deals) =>
        DealFrames.For(deals) is { } frame && TryFind(frame, out var report) ? report : FindDealByDeal(deals);

    // The deal-based code: what Find ran before the frame, and still runs for what the frame does not take.
    private static DealConflictReport FindDealByDeal(IEnumerable<Deal> deals)
    {
        var list = Preconditions.CheckNoNullElement(deals, "Deal", nameof(deals));
        Preconditions.CheckUniqueIds(list, d => d.Id, "Deal", nameof(deals));
        // Pass 1: per customer, its first owner and whether a second one exists; nothing else is kept.
        var owners = new Dictionary<string, (string Owner, bool Mixed)>(StringComparer.Ordinal);
        for (var i = 0; i < list.Length; i++)
        {
            var deal = list[i];
            if (!Takes(deal))
            {
                continue;
            }
            ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(owners, deal.Customer!.AccountId, out var exists);
            if (!exists)
            {
                entry = (deal.Owner!, false);
            }
            else if (!entry.Mixed && !string.Equals(entry.Owner, deal.Owner, StringComparison.Ordinal))
            {
                entry.Mixed = true;
            }
        }
        // Pass 2: the deals of the customers with two or more owners only.
        Dictionary<string, List<Deal>>? mixed = null;
        foreach (var deal in list)
        {
            if (Takes(deal) && owners[deal.Customer!.AccountId].Mixed)
            {
                mixed ??= new Dictionary<string, List<Deal>>(StringComparer.Ordinal);
                ref var bucket = ref CollectionsMarshal.GetValueRefOrAddDefault(mixed, deal.Customer.AccountId, out _);
                (bucket ??= []).Add(deal);
            }
        }
        var conflicts = new List<DealConflict>();
        if (mixed is not null)
        {
            var keys = new List<string>(mixed.Keys);
            keys.Sort(StringComparer.Ordinal);
            foreach (var key in keys)
            {
                Resolve(key, mixed[key], conflicts);
            }
        }
        return new DealConflictReport(conflicts.AsReadOnly());
    }

    private static bool Takes(Deal deal) => deal.IsOpen && deal.Owner is not null && deal.Customer is not null;

    // One customer's deals (two or more owners among them): a conflict per product, as the remarks say.
    private static void Resolve(string account, List<Deal> deals, List<DealConflict> conflicts)
    {
        deals.Sort((a, b) => string.CompareOrdinal(a.Id.Value, b.Id.Value));
        var products = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var deal in deals)
        {
            if (deal.Product is { } product)
            {
                products.Add(product);
            }
        }
        if (products.Count == 0)
        {
            conflicts.Add(Conflict(account, null, deals));
            return;
        }
        foreach (var product in products)
        {
            var group = deals.FindAll(d => d.Product is null || string.Equals(d.Product, product, StringComparison.Ordinal));
            if (group.Exists(d => !string.Equals(d.Owner, group[0].Owner, StringComparison.Ordinal)))
            {
                conflicts.Add(Conflict(account, product, group));
            }
        }
    }

    private static DealConflict Conflict(string account, string? product, List<Deal> deals)
    {
        var owners = new SortedSet<string>(StringComparer.Ordinal);
        var lines = new ConflictingDeal[deals.Count];
        string? name = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var deal = deals[i];
            owners.Add(deal.Owner!);
            name = name is null || string.CompareOrdinal(deal.Customer!.Name, name) < 0 ? deal.Customer!.Name : name;
            lines[i] = new ConflictingDeal(deal.Id, deal.Name, deal.Owner!, deal.Product, deal.StageId, deal.Amount);
        }
        return new DealConflict(account, name!, product, [.. owners], Array.AsReadOnly(lines));
    }
}
