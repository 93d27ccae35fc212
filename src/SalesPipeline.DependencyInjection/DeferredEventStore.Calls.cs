using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using SalesPipeline.Collections;
using SalesPipeline.Deals;
using SalesPipeline.Leads;
using SalesPipeline.Quotes;
using SalesPipeline.Storage;

namespace SalesPipeline.DependencyInjection;

// Every IEventStore member: open (once), then the opened store's own member, so its checks, errors and documentation
// hold unchanged.
public sealed partial class DeferredEventStore
{
    /// <inheritdoc/>
    public async Task<AppendResult> SaveDealAsync(
        Deal deal,
        long expectedVersion,
        Guid appendId,
        CancellationToken cancellationToken = default
    ) =>
        await (await OpenAsync(cancellationToken).ConfigureAwait(false))
            .SaveDealAsync(deal, expectedVersion, appendId, cancellationToken)
            .ConfigureAwait(false);

    /// <inheritdoc/>
    public async Task<IReadOnlyList<AppendResult>> SaveDealsAsync(
        IReadOnlyList<DealAppend> appends,
        CancellationToken cancellationToken = default
    ) => await (await OpenAsync(cancellationToken).ConfigureAwait(false)).SaveDealsAsync(appends, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public async Task<StoredDeal?> LoadDealAsync(DealId id, CancellationToken cancellationToken = default) =>
        await (await OpenAsync(cancellationToken).ConfigureAwait(false)).LoadDealAsync(id, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public async Task<Deal?> LoadDealAsOfAsync(DealId id, Instant instant, CancellationToken cancellationToken = default) =>
        await (await OpenAsync(cancellationToken).ConfigureAwait(false))
            .LoadDealAsOfAsync(id, instant, cancellationToken)
            .ConfigureAwait(false);

    /// <inheritdoc/>
    public async Task<IReadOnlyList<DealSummary>> ListDealsAsync(DealQuery query, CancellationToken cancellationToken = default) =>
        await (await OpenAsync(cancellationToken).ConfigureAwait(false)).ListDealsAsync(query, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public async IAsyncEnumerable<StoredDeal> LoadDealsAsync(
        DealQuery query,
        [EnumeratorCancellation] CancellationToken cancellationToken = default
    )
    {
        var store = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var deal in store.LoadDealsAsync(query, cancellationToken).ConfigureAwait(false))
        {
            yield return deal;
        }
    }

    /// <inheritdoc/>
    public async Task<AppendResult> SaveLeadAsync(
        Lead lead,
        long expectedVersion,
        Guid appendId,
        CancellationToken cancellationToken = default
    ) =>
        await (await OpenAsync(cancellationToken).ConfigureAwait(false))
            .SaveLeadAsync(lead, expectedVersion, appendId, cancellationToken)
            .ConfigureAwait(false);

    /// <inheritdoc/>
    public async Task<StoredLead?> LoadLeadAsync(LeadId id, CancellationToken cancellationToken = default) =>
        await (await OpenAsync(cancellationToken).ConfigureAwait(false)).LoadLeadAsync(id, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public async Task<AppendResult> SaveQuoteAsync(
        Quote quote,
        long expectedVersion,
        Guid appendId,
        CancellationToken cancellationToken = default
    ) =>
        await (await OpenAsync(cancellationToken).ConfigureAwait(false))
            .SaveQuoteAsync(quote, expectedVersion, appendId, cancellationToken)
            .ConfigureAwait(false);

    /// <inheritdoc/>
    public async Task<StoredQuote?> LoadQuoteAsync(string quoteId, CancellationToken cancellationToken = default) =>
        await (await OpenAsync(cancellationToken).ConfigureAwait(false)).LoadQuoteAsync(quoteId, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public async Task<AppendResult> SaveCollectionScheduleAsync(
        CollectionSchedule schedule,
        long expectedVersion,
        Guid appendId,
        CancellationToken cancellationToken = default
    ) =>
        await (await OpenAsync(cancellationToken).ConfigureAwait(false))
            .SaveCollectionScheduleAsync(schedule, expectedVersion, appendId, cancellationToken)
            .ConfigureAwait(false);

    /// <inheritdoc/>
    public async Task<StoredCollectionSchedule?> LoadCollectionScheduleAsync(
        string contractId,
        CancellationToken cancellationToken = default
    ) =>
        await (await OpenAsync(cancellationToken).ConfigureAwait(false))
            .LoadCollectionScheduleAsync(contractId, cancellationToken)
            .ConfigureAwait(false);

    /// <inheritdoc/>
    public async Task<long> GetVersionAsync(StreamId stream, CancellationToken cancellationToken = default) =>
        await (await OpenAsync(cancellationToken).ConfigureAwait(false)).GetVersionAsync(stream, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public async IAsyncEnumerable<RecordedEvent> ReadAllAsync(
        long afterPosition = 0,
        int batchSize = 1000,
        [EnumeratorCancellation] CancellationToken cancellationToken = default
    )
    {
        var store = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var record in store.ReadAllAsync(afterPosition, batchSize, cancellationToken).ConfigureAwait(false))
        {
            yield return record;
        }
    }
}
