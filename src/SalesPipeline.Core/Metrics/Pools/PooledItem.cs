using NodaTime;

namespace SalesPipeline.Metrics;

/// <summary>A deal or a lead waiting in a pool.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record PooledItem
{
    internal PooledItem(string? teamId, DealId? deal, LeadId? lead, string name, Instant inPoolSince, Duration waiting, Money? amount)
    {
        TeamId = teamId;
        Deal = deal;
        Lead = lead;
        Name = name;
        InPoolSince = inPoolSince;
        Waiting = waiting;
        Amount = amount;
    }

    /// <summary>The team whose pool it waits in, or null for the company pool.</summary>
    public string? TeamId { get; }

    /// <summary>The deal's id, or null for a lead.</summary>
    public DealId? Deal { get; }

    /// <summary>The lead's id, or null for a deal.</summary>
    public LeadId? Lead { get; }

    /// <summary>The deal's or lead's name.</summary>
    public string Name { get; }

    /// <summary>When it entered the pool.</summary>
    public Instant InPoolSince { get; }

    /// <summary>How long it has waited by the report's as-of instant.</summary>
    public Duration Waiting { get; }

    /// <summary>The deal's amount in the reporting currency; null for a lead.</summary>
    public Money? Amount { get; }
}
