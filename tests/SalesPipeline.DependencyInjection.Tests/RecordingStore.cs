using NodaTime;
using SalesPipeline.Collections;
using SalesPipeline.Deals;
using SalesPipeline.Leads;
using SalesPipeline.Quotes;
using SalesPipeline.Storage;

namespace SalesPipeline.DependencyInjection.Tests;

// A store that records what is done to it: how often it was disposed and which deal ids were asked for. Only
// LoadDealAsync and the disposal are used by the tests; every other member says so if called.
internal sealed class RecordingStore : IEventStore
{
    private int disposals;

    public int Disposals => Volatile.Read(ref disposals);

    public List<DealId> Loaded { get; } = [];

    // Thrown by DisposeAsync when set (a store whose own disposal fails).
    public Exception? DisposeError { get; init; }

    public ValueTask DisposeAsync()
    {
        Interlocked.Increment(ref disposals);
        return DisposeError is null ? ValueTask.CompletedTask : ValueTask.FromException(DisposeError);
    }

    public Task<StoredDeal?> LoadDealAsync(DealId id, CancellationToken cancellationToken = default)
    {
        lock (Loaded)
        {
            Loaded.Add(id);
        }
        return Task.FromResult<StoredDeal?>(null);
    }

    public Task<AppendResult> SaveDealAsync(
        Deal deal,
        long expectedVersion,
        Guid appendId,
        CancellationToken cancellationToken = default
    ) => throw Unused();

    public Task<IReadOnlyList<AppendResult>> SaveDealsAsync(
        IReadOnlyList<DealAppend> appends,
        CancellationToken cancellationToken = default
    ) => throw Unused();

    public Task<Deal?> LoadDealAsOfAsync(DealId id, Instant instant, CancellationToken cancellationToken = default) => throw Unused();

    public Task<IReadOnlyList<DealSummary>> ListDealsAsync(DealQuery query, CancellationToken cancellationToken = default) =>
        throw Unused();

    public IAsyncEnumerable<StoredDeal> LoadDealsAsync(DealQuery query, CancellationToken cancellationToken = default) => throw Unused();

    public Task<AppendResult> SaveLeadAsync(
        Lead lead,
        long expectedVersion,
        Guid appendId,
        CancellationToken cancellationToken = default
    ) => throw Unused();

    public Task<StoredLead?> LoadLeadAsync(LeadId id, CancellationToken cancellationToken = default) => throw Unused();

    public Task<AppendResult> SaveQuoteAsync(
        Quote quote,
        long expectedVersion,
        Guid appendId,
        CancellationToken cancellationToken = default
    ) => throw Unused();

    public Task<StoredQuote?> LoadQuoteAsync(string quoteId, CancellationToken cancellationToken = default) => throw Unused();

    public Task<AppendResult> SaveCollectionScheduleAsync(
        CollectionSchedule schedule,
        long expectedVersion,
        Guid appendId,
        CancellationToken cancellationToken = default
    ) => throw Unused();

    public Task<StoredCollectionSchedule?> LoadCollectionScheduleAsync(string contractId, CancellationToken cancellationToken = default) =>
        throw Unused();

    public Task<long> GetVersionAsync(StreamId stream, CancellationToken cancellationToken = default) => throw Unused();

    public IAsyncEnumerable<RecordedEvent> ReadAllAsync(
        long afterPosition = 0,
        int batchSize = 1000,
        CancellationToken cancellationToken = default
    ) => throw Unused();

    private static NotSupportedException Unused() => new("Not used by the DI tests.");
}
