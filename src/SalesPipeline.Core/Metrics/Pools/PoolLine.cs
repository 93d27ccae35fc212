using System.Collections.Generic;
using NodaTime;

namespace SalesPipeline.Metrics;

/// <summary>One pool of the <see cref="PoolReport"/>: what waits in it and for how long.</summary>
/// <param name="TeamId">The team whose pool it is, or null for the company pool.</param>
/// <param name="Deals">Deals waiting.</param>
/// <param name="Leads">Leads waiting.</param>
/// <param name="DealValue">The waiting deals' amount in the reporting currency; null when no deal waits.</param>
/// <param name="Oldest">The longest wait.</param>
/// <param name="MedianWait">The median wait of every item, deals and leads together (the mean of the two middle ones for an even count, rounded down to the nanosecond).</param>
/// <param name="Items">The items, longest wait first (then deals before leads, then by id).</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record PoolLine(
    string? TeamId,
    int Deals,
    int Leads,
    Money? DealValue,
    Duration Oldest,
    Duration MedianWait,
    IReadOnlyList<PooledItem> Items
)
{
    /// <summary>The pool's name in reports: the team id, or "(company)".</summary>
    public string Pool => TeamId ?? PoolReport.CompanyPool;
}
