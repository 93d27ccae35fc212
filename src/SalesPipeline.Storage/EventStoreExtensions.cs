using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using SalesPipeline.Deals;
using SalesPipeline.Utility;

namespace SalesPipeline.Storage;

/// <summary>Reads of an <see cref="IEventStore"/> built on its members, for every implementation.</summary>
/// <remarks>
/// Thread safety: these methods keep no state of their own, so they are as safe as the store they read (the library's
/// stores serve concurrent callers); each call builds its own result, and a list returned is immutable and may be read
/// from any thread.
/// </remarks>
public static class EventStoreExtensions
{
    /// <summary>
    /// Loads every deal that matches <paramref name="query"/>, ordered by deal id (ordinal), into a list that holds them as
    /// columns (see <see cref="DealListBuilder"/>): for analytics over a big store, where a list of deal objects would
    /// hold several times the memory (1.3 GB instead of 141 MB for a million deals of three events) and the first metric
    /// would build the columns again.
    /// </summary>
    /// <param name="store">The store.</param>
    /// <param name="query">Which deals.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>
    /// The deals as <see cref="IEventStore.LoadDealsAsync"/> streams them, in its order. Each element read is a new deal,
    /// equal to the one loaded; every metric takes the list as it is and works on its columns. The stream versions are
    /// not kept: to save changes to a deal, load it with <see cref="IEventStore.LoadDealsAsync"/> or
    /// <see cref="IEventStore.LoadDealAsync"/>, which give <see cref="StoredDeal.Version"/>.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> or <paramref name="query"/> is null.</exception>
    /// <exception cref="StoredEventException">A stored event does not read, a deal's events do not fold, a deal belongs to a pipeline the store was not opened with, or its history does not fit its pipeline.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <remarks>The store's own errors (an unreachable database, a disposed store) come through as the store raises them.</remarks>
    public static Task<IReadOnlyList<Deal>> LoadDealListAsync(
        this IEventStore store,
        DealQuery query,
        CancellationToken cancellationToken = default
    )
    {
        Preconditions.CheckNotNull(store);
        Preconditions.CheckNotNull(query);
        return LoadAsync(store, query, cancellationToken);
    }

    private static async Task<IReadOnlyList<Deal>> LoadAsync(IEventStore store, DealQuery query, CancellationToken cancellationToken)
    {
        var builder = new DealListBuilder();
        await foreach (var stored in store.LoadDealsAsync(query, cancellationToken).ConfigureAwait(false))
        {
            builder.Add(stored.Deal);
        }
        return builder.Build();
    }
}
