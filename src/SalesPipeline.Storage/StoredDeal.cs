using SalesPipeline.Deals;

namespace SalesPipeline.Storage;

/// <summary>A deal as loaded from a store, with the version of its stream: the expected version of the next save.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
/// <param name="Deal">The deal: the fold of its stored events.</param>
/// <param name="Version">The number of its stored events.</param>
public sealed record StoredDeal(Deal Deal, long Version);
