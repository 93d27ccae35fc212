using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using SalesPipeline.Collections;
using SalesPipeline.Deals;
using SalesPipeline.Leads;
using SalesPipeline.Quotes;

namespace SalesPipeline.Storage;

/// <summary>
/// An append-only store of deal, lead, collection-schedule and quote streams, with a current-state table of deals and a read
/// of every record in commit order. Implemented by <c>SqliteEventStore</c> and <c>PostgreSqlEventStore</c>, which pass
/// one contract test suite.
/// </summary>
/// <remarks>
/// <para><b>Appends.</b> Every save states the version it expects the stream to have (0 for a new stream) and carries an
/// append id. If the stream is at another version, <see cref="StreamVersionConflictException"/> is thrown and nothing is
/// written. A save repeated with the same append id and the same content writes nothing and returns the first result;
/// with other content it throws <see cref="AppendIdConflictException"/>. An append is written whole or not at all, in
/// one transaction with the current-state row of its deal.</para>
/// <para><b>Reading.</b> Records are read back with the SalesPipeline.Json wire format. A row that does not read raises
/// <see cref="StoredEventException"/> naming its stream and version; no row is ever skipped.</para>
/// <para><b>Errors of the database</b> (unreachable server, full disk, a lock held past the timeout) surface as the
/// provider's <see cref="System.Data.Common.DbException"/>; a cancelled token raises <see cref="OperationCanceledException"/>
/// and commits nothing.</para>
/// <para>Implementations are thread-safe: one instance serves any number of concurrent callers.</para>
/// </remarks>
public interface IEventStore : IAsyncDisposable
{
    /// <summary>
    /// Appends the events of <paramref name="deal"/> after the first <paramref name="expectedVersion"/> (those already
    /// stored) to the deal's stream, and updates its current-state row in the same transaction.
    /// </summary>
    /// <param name="deal">The deal, whose history starts with the stored events.</param>
    /// <param name="expectedVersion">The stream's version when the deal was loaded (<see cref="StoredDeal.Version"/>), or 0 for a new deal; less than the deal's event count.</param>
    /// <param name="appendId">The append's id: new for every append, the same when retrying one whose outcome is unknown.</param>
    /// <param name="cancellationToken">Cancels the save; nothing is committed then.</param>
    /// <returns>What was written (the stream's new version is <see cref="AppendResult.Version"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="deal"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedVersion"/> is negative or not less than the deal's event count (nothing new to append).</exception>
    /// <exception cref="ArgumentException"><paramref name="appendId"/> is <see cref="Guid.Empty"/>; the deal's pipeline is not one the store was opened with, or its history does not fit that pipeline (the store could not load it back); or the stored event at <paramref name="expectedVersion"/> differs from the deal's (the deal does not continue the stored stream).</exception>
    /// <exception cref="StreamVersionConflictException">The stream is not at <paramref name="expectedVersion"/>.</exception>
    /// <exception cref="AppendIdConflictException"><paramref name="appendId"/> was committed with other content.</exception>
    Task<AppendResult> SaveDealAsync(Deal deal, long expectedVersion, Guid appendId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends several deals at once, in one transaction: each append as <see cref="SaveDealAsync"/> makes it (expected
    /// version, append id, current-state row), and all of them commit or none does. For initial loads and migrations:
    /// a batch of thousands of new deals costs a few round trips instead of one transaction per deal (a deal that continues its stream costs two statements of its own).
    /// </summary>
    /// <param name="appends">The appends, each to another deal's stream, each with its own append id; at least one. Batches of 1,000 to 10,000 deals suit both backends.</param>
    /// <param name="cancellationToken">Cancels the save; nothing is committed then.</param>
    /// <returns>What each append wrote, in the order given; an append whose id was committed before with the same content returns that result and writes nothing.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="appends"/>, one of them or its deal is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An append's expected version is negative or not less than its deal's event count.</exception>
    /// <exception cref="ArgumentException">The batch is empty; two appends name the same deal or the same append id; an append id is <see cref="Guid.Empty"/>; a deal's pipeline is not one of the store's or its history does not fit it (these name the append's index); or a stored event at an expected version differs from the deal's (naming the stream).</exception>
    /// <exception cref="StreamVersionConflictException">A stream is not at its expected version (one such stream is named); nothing is written.</exception>
    /// <exception cref="AppendIdConflictException">An append id was committed with other content; nothing is written.</exception>
    Task<IReadOnlyList<AppendResult>> SaveDealsAsync(IReadOnlyList<DealAppend> appends, CancellationToken cancellationToken = default);

    /// <summary>Loads a deal: the fold of its stored events, with its stream's version.</summary>
    /// <param name="id">The deal's id.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The deal and its version, or null when the store has no such deal.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is <c>default(DealId)</c>.</exception>
    /// <exception cref="StoredEventException">A stored event does not read, the events do not fold into a deal, the deal belongs to a pipeline the store was not opened with, or its history does not fit its pipeline.</exception>
    Task<StoredDeal?> LoadDealAsync(DealId id, CancellationToken cancellationToken = default);

    /// <summary>Loads a deal as it was at an instant: the fold of its stored events dated at or before it.</summary>
    /// <param name="id">The deal's id.</param>
    /// <param name="instant">The instant.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The deal as it was, or null when the store has no such deal or it was created (first observed) after <paramref name="instant"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is <c>default(DealId)</c>.</exception>
    /// <exception cref="StoredEventException">A stored event does not read, the events do not fold into a deal, the deal belongs to a pipeline the store was not opened with, or its history does not fit its pipeline.</exception>
    Task<Deal?> LoadDealAsOfAsync(DealId id, Instant instant, CancellationToken cancellationToken = default);

    /// <summary>Lists the current-state rows of the deals that match <paramref name="query"/>, ordered by deal id (ordinal).</summary>
    /// <param name="query">Which deals.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The rows.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    /// <exception cref="StoredEventException">A row holds a value out of its domain (an unknown currency or status).</exception>
    Task<IReadOnlyList<DealSummary>> ListDealsAsync(DealQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Loads every deal that matches <paramref name="query"/>, ordered by deal id (ordinal), in one consistent read (of
    /// the events, joined to the current-state rows when the query has conditions). Chunks of deals are decoded, checked
    /// and folded on the thread pool while reading goes on; the deals still come in order, and a stream that does not
    /// load ends the sequence after the deals before it.
    /// </summary>
    /// <param name="query">Which deals.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The deals with their versions, streamed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    /// <exception cref="StoredEventException">A stored event does not read, a deal's events do not fold, a deal belongs to a pipeline the store was not opened with, or its history does not fit its pipeline.</exception>
    IAsyncEnumerable<StoredDeal> LoadDealsAsync(DealQuery query, CancellationToken cancellationToken = default);

    /// <summary>Appends the events of <paramref name="lead"/> after the first <paramref name="expectedVersion"/> to the lead's stream.</summary>
    /// <param name="lead">The lead, whose history starts with the stored events.</param>
    /// <param name="expectedVersion">The stream's version when the lead was loaded (<see cref="StoredLead.Version"/>), or 0 for a new lead; less than the lead's event count.</param>
    /// <param name="appendId">The append's id.</param>
    /// <param name="cancellationToken">Cancels the save; nothing is committed then.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lead"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedVersion"/> is negative or not less than the lead's event count.</exception>
    /// <exception cref="ArgumentException"><paramref name="appendId"/> is <see cref="Guid.Empty"/>; or the stored event at <paramref name="expectedVersion"/> differs from the lead's.</exception>
    /// <exception cref="StreamVersionConflictException">The stream is not at <paramref name="expectedVersion"/>.</exception>
    /// <exception cref="AppendIdConflictException"><paramref name="appendId"/> was committed with other content.</exception>
    Task<AppendResult> SaveLeadAsync(Lead lead, long expectedVersion, Guid appendId, CancellationToken cancellationToken = default);

    /// <summary>Loads a lead: the fold of its stored events, with its stream's version.</summary>
    /// <param name="id">The lead's id.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The lead and its version, or null when the store has no such lead.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is <c>default(LeadId)</c>.</exception>
    /// <exception cref="StoredEventException">A stored event does not read, or the events do not fold into a lead.</exception>
    Task<StoredLead?> LoadLeadAsync(LeadId id, CancellationToken cancellationToken = default);

    /// <summary>Appends the events of <paramref name="quote"/> after the first <paramref name="expectedVersion"/> to the quote's stream.</summary>
    /// <param name="quote">The quote, whose history (<see cref="Quote.Events"/>) starts with the stored events.</param>
    /// <param name="expectedVersion">The stream's version when the quote was loaded (<see cref="StoredQuote.Version"/>), or 0 for a new quote; less than the quote's event count.</param>
    /// <param name="appendId">The append's id: new for every append, the same when retrying one whose outcome is unknown.</param>
    /// <param name="cancellationToken">Cancels the save; nothing is committed then.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="quote"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedVersion"/> is negative or not less than the quote's event count.</exception>
    /// <exception cref="ArgumentException"><paramref name="appendId"/> is <see cref="Guid.Empty"/>; or the stored event at <paramref name="expectedVersion"/> differs from the quote's (the quote does not continue the stored stream).</exception>
    /// <exception cref="StreamVersionConflictException">The stream is not at <paramref name="expectedVersion"/>.</exception>
    /// <exception cref="AppendIdConflictException"><paramref name="appendId"/> was committed with other content.</exception>
    Task<AppendResult> SaveQuoteAsync(Quote quote, long expectedVersion, Guid appendId, CancellationToken cancellationToken = default);

    /// <summary>Loads a quote: the fold of its stored events (<see cref="Quote.FromEvents"/>), with its stream's version.</summary>
    /// <param name="quoteId">The quote's id.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The quote and its version, or null when the store has no such quote.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="quoteId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="quoteId"/> is empty or whitespace.</exception>
    /// <exception cref="StoredEventException">A stored event does not read, belongs to another quote, or the events do not fold into a quote.</exception>
    Task<StoredQuote?> LoadQuoteAsync(string quoteId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends the records of <paramref name="schedule"/> beyond <paramref name="expectedVersion"/>: for a new stream
    /// (0) its terms document and every history entry, otherwise the entries after the first
    /// <c>expectedVersion - 1</c>.
    /// </summary>
    /// <param name="schedule">The schedule; its <see cref="CollectionSchedule.Contract"/> gives the stream key.</param>
    /// <param name="expectedVersion">The stream's version when the schedule was loaded (<see cref="StoredCollectionSchedule.Version"/>), or 0; less than 1 + the number of entries.</param>
    /// <param name="appendId">The append's id.</param>
    /// <param name="cancellationToken">Cancels the save; nothing is committed then.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    /// <exception cref="ArgumentException">The schedule has no contract; <paramref name="appendId"/> is <see cref="Guid.Empty"/>; or the stored record at <paramref name="expectedVersion"/> differs from the schedule's.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedVersion"/> is negative or leaves nothing to append.</exception>
    /// <exception cref="StreamVersionConflictException">The stream is not at <paramref name="expectedVersion"/>.</exception>
    /// <exception cref="AppendIdConflictException"><paramref name="appendId"/> was committed with other content.</exception>
    Task<AppendResult> SaveCollectionScheduleAsync(
        CollectionSchedule schedule,
        long expectedVersion,
        Guid appendId,
        CancellationToken cancellationToken = default
    );

    /// <summary>Loads a collection schedule: its terms with every stored entry recorded, in order.</summary>
    /// <param name="contractId">The contract's id.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The schedule and its version, or null when the store has no such schedule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="contractId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="contractId"/> is empty or whitespace.</exception>
    /// <exception cref="StoredEventException">A stored record does not read, or an entry is refused by the schedule.</exception>
    Task<StoredCollectionSchedule?> LoadCollectionScheduleAsync(string contractId, CancellationToken cancellationToken = default);

    /// <summary>The version of a stream: the number of its records, 0 when it does not exist.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The version.</returns>
    /// <exception cref="ArgumentException"><paramref name="stream"/> is <c>default(StreamId)</c>.</exception>
    Task<long> GetVersionAsync(StreamId stream, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads every record of every stream after <paramref name="afterPosition"/>, in commit order: positions are
    /// contiguous from 1 and a record with a higher position was committed later, so a reader that resumes after the
    /// last position it saw misses nothing and sees nothing twice.
    /// </summary>
    /// <param name="afterPosition">The last position already seen (0 to read from the start).</param>
    /// <param name="batchSize">How many records one round trip reads, 1 to 100,000.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The records, streamed batch by batch; records committed during the read are included when they fall in a later batch.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="afterPosition"/> is negative, or <paramref name="batchSize"/> is outside 1 to 100,000.</exception>
    /// <exception cref="StoredEventException">A record does not read.</exception>
    IAsyncEnumerable<RecordedEvent> ReadAllAsync(
        long afterPosition = 0,
        int batchSize = 1000,
        CancellationToken cancellationToken = default
    );
}
