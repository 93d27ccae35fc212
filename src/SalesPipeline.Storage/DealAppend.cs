using System;
using SalesPipeline.Deals;

namespace SalesPipeline.Storage;

/// <summary>
/// One deal's append in a batch (<see cref="IEventStore.SaveDealsAsync"/>): the deal, the version of its stream that the
/// writer expects, and the append's id. The same three things <see cref="IEventStore.SaveDealAsync"/> takes.
/// </summary>
/// <remarks>Immutable; thread-safe; value equality. The store checks the values when the batch is saved.</remarks>
/// <param name="Deal">The deal, whose history starts with the stored events.</param>
/// <param name="ExpectedVersion">The stream's version when the deal was loaded, or 0 for a new deal; less than the deal's event count.</param>
/// <param name="AppendId">The append's id: new for every append, the same when retrying one whose outcome is unknown.</param>
/// <example><code>
/// var batch = deals.Select(d => new DealAppend(d, ExpectedVersion: 0, Guid.NewGuid())).ToList();
/// var results = await store.SaveDealsAsync(batch); // all of them commit, or none
/// </code></example>
public sealed record DealAppend(Deal Deal, long ExpectedVersion, Guid AppendId);
