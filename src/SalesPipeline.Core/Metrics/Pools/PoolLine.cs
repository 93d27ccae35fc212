using System.Collections.Generic;
using NodaTime;

namespace SalesPipeline.Metrics;

/// <summary>One pool of the <see cref="PoolReport"/>: what waits in it and for how long.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record PoolLine
{
    internal PoolLine(
        string? teamId,
        int deals,
        int leads,
        Money? dealValue,
        Duration oldest,
        Duration medianWait,
        IReadOnlyList<PooledItem> items
    )
    {
        TeamId = teamId;
        Deals = deals;
        Leads = leads;
        DealValue = dealValue;
        Oldest = oldest;
        MedianWait = medianWait;
        Items = items;
    }

    /// <summary>The team whose pool it is, or null for the company pool.</summary>
    public string? TeamId { get; }

    /// <summary>Deals waiting.</summary>
    public int Deals { get; }

    /// <summary>Leads waiting.</summary>
    public int Leads { get; }

    /// <summary>The waiting deals' amount in the reporting currency; null when no deal waits.</summary>
    public Money? DealValue { get; }

    /// <summary>The longest wait.</summary>
    public Duration Oldest { get; }

    /// <summary>The median wait of every item, deals and leads together (the mean of the two middle ones for an even count, rounded down to the nanosecond).</summary>
    public Duration MedianWait { get; }

    /// <summary>The items, longest wait first (then deals before leads, then by id).</summary>
    public IReadOnlyList<PooledItem> Items { get; }

    /// <summary>The pool's name in reports: the team id, or "(company)".</summary>
    public string Pool => TeamId ?? PoolReport.CompanyPool;
}
