using NodaTime;

namespace SalesPipeline.Metrics;

/// <summary>A deal or a lead waiting in a pool.</summary>
/// <param name="TeamId">The team whose pool it waits in, or null for the company pool.</param>
/// <param name="Deal">The deal's id, or null for a lead.</param>
/// <param name="Lead">The lead's id, or null for a deal.</param>
/// <param name="Name">The deal's or lead's name.</param>
/// <param name="InPoolSince">When it entered the pool.</param>
/// <param name="Waiting">How long it has waited by the report's as-of instant.</param>
/// <param name="Amount">The deal's amount in the reporting currency; null for a lead.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record PooledItem(
    string? TeamId,
    DealId? Deal,
    LeadId? Lead,
    string Name,
    Instant InPoolSince,
    Duration Waiting,
    Money? Amount
);
