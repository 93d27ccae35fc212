using SalesPipeline.Quotes;

namespace SalesPipeline.Storage;

/// <summary>A quote as loaded from a store, with the version of its stream: the expected version of the next save.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
/// <param name="Quote">The quote: the fold of its stored events (<see cref="Quote.FromEvents"/>).</param>
/// <param name="Version">The number of its stored events.</param>
public sealed record StoredQuote(Quote Quote, long Version);
