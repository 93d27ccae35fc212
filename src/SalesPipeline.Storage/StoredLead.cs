using SalesPipeline.Leads;

namespace SalesPipeline.Storage;

/// <summary>A lead as loaded from a store, with the version of its stream: the expected version of the next save.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
/// <param name="Lead">The lead: the fold of its stored events.</param>
/// <param name="Version">The number of its stored events.</param>
public sealed record StoredLead(Lead Lead, long Version);
