using SalesPipeline.Collections;

namespace SalesPipeline.Storage;

/// <summary>A collection schedule as loaded from a store, with the version of its stream.</summary>
/// <remarks>
/// <para>The version counts the terms document and the entries: a schedule with 3 history entries is at version 4. Pass
/// it as the expected version of the next save.</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
/// <param name="Schedule">The schedule: its terms with every stored entry recorded.</param>
/// <param name="Version">The stream's version: 1 + the number of entries.</param>
public sealed record StoredCollectionSchedule(CollectionSchedule Schedule, long Version);
