using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using SalesPipeline.Collections;
using SalesPipeline.Deals;
using SalesPipeline.Leads;
using SalesPipeline.Pipelines;
using SalesPipeline.Quotes;
using SalesPipeline.Storage.Sql;
using SalesPipeline.Utility;

namespace SalesPipeline.Storage;

/// <summary>
/// The shared implementation of <see cref="IEventStore"/> over a SQL database: one append protocol, one schema and one
/// reader for every backend. Derived only by the backends of this package family (<c>SqliteEventStore</c>,
/// <c>PostgreSqlEventStore</c>).
/// </summary>
/// <remarks>Thread-safe: every operation opens its own connection from the backend's pool.</remarks>
public abstract partial class EventStore : IEventStore
{
    private readonly SqlDialect sql;
    private readonly Statements statements;
    private int disposed;

    internal EventStore(SqlDialect dialect, IReadOnlyDictionary<string, PipelineDefinition> pipelines)
    {
        sql = dialect;
        statements = new Statements(dialect);
        Pipelines = pipelines;
    }

    /// <summary>
    /// The pipeline definitions the store was opened with, by name: every deal saved or loaded belongs to one of them,
    /// and its history is checked against it (<see cref="Deal.FromEvents(PipelineDefinition, IEnumerable{DealEvent})"/>).
    /// </summary>
    public IReadOnlyDictionary<string, PipelineDefinition> Pipelines { get; }

    // The backends' check of the pipelines they are opened with: at least one, none null, names unique.
    internal static IReadOnlyDictionary<string, PipelineDefinition> CatalogOf(IEnumerable<PipelineDefinition> pipelines)
    {
        Preconditions.CheckNotNull(pipelines);
        var catalog = new Dictionary<string, PipelineDefinition>(StringComparer.Ordinal);
        var index = 0;
        foreach (var pipeline in pipelines)
        {
            if (pipeline is null)
            {
                throw new ArgumentNullException(nameof(pipelines), $"Pipeline {index} is null.");
            }
            Preconditions.CheckArgument(
                catalog.TryAdd(pipeline.Name, pipeline),
                nameof(pipelines),
                $"Two pipelines are named \"{pipeline.Name}\" (pipeline {index} and an earlier one); a store tells a deal's pipeline by its name."
            );
            index++;
        }
        Preconditions.CheckArgument(
            catalog.Count > 0,
            nameof(pipelines),
            "A store needs the definition of at least one pipeline, to check the histories it saves and loads against it."
        );
        return new System.Collections.ObjectModel.ReadOnlyDictionary<string, PipelineDefinition>(catalog);
    }

    /// <inheritdoc/>
    public Task<AppendResult> SaveDealAsync(Deal deal, long expectedVersion, Guid appendId, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(deal);
        CheckExpected(expectedVersion, deal.History.Count, "the deal's event count");
        CheckAppendId(appendId);
        return AppendAsync(PendingDeal(deal, expectedVersion, appendId, nameof(deal)), cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<AppendResult>> SaveDealsAsync(
        IReadOnlyList<DealAppend> appends,
        CancellationToken cancellationToken = default
    )
    {
        Preconditions.CheckNotNull(appends);
        Preconditions.CheckArgument(appends.Count > 0, nameof(appends), "A batch holds at least one append; it was empty.");
        var pendings = new Pending[appends.Count];
        var deals = new HashSet<string>(StringComparer.Ordinal);
        var ids = new HashSet<Guid>();
        for (var i = 0; i < appends.Count; i++)
        {
            var append = appends[i] ?? throw new ArgumentNullException(nameof(appends), $"Append {i} is null.");
            var deal = append.Deal ?? throw new ArgumentNullException(nameof(appends), $"The deal of append {i} is null.");
            var context = $"Append {i} (deal {deal.Id}): ";
            CheckExpected(append.ExpectedVersion, deal.History.Count, "the deal's event count", nameof(appends), context);
            CheckAppendId(append.AppendId, nameof(appends), context);
            Preconditions.CheckArgument(
                deals.Add(deal.Id.Value),
                nameof(appends),
                $"Append {i}: deal {deal.Id} is appended to twice in the batch; a batch appends to each stream once."
            );
            Preconditions.CheckArgument(
                ids.Add(append.AppendId),
                nameof(appends),
                $"Append {i} (deal {deal.Id}): append id {append.AppendId} is used twice in the batch; every append has its own."
            );
            pendings[i] = PendingDeal(deal, append.ExpectedVersion, append.AppendId, nameof(appends), $"Append {i}: ");
        }
        return await AppendAllAsync(pendings, cancellationToken).ConfigureAwait(false);
    }

    // A deal's append, once the deal is known to be one the store can load back: its pipeline is one the store knows and
    // its history fits it.
    private Pending PendingDeal(Deal deal, long expectedVersion, Guid appendId, string paramName, string context = "")
    {
        if (!Pipelines.TryGetValue(deal.Pipeline, out var pipeline))
        {
            throw new ArgumentException(
                $"{context}Deal {deal.Id} belongs to pipeline \"{deal.Pipeline}\", which this store was not opened with (it knows {KnownPipelines()}); it could not be loaded back.",
                paramName
            );
        }
        try
        {
            Deal.FromEvents(pipeline, deal.History);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException(
                $"{context}Deal {deal.Id}'s history does not fit pipeline \"{pipeline.Name}\", so it could not be loaded back: {e.Message}",
                paramName,
                e
            );
        }
        var history = deal.History;
        var (records, predecessor) = EncodeAfter(history, expectedVersion);
        return new Pending(
            StreamId.ForDeal(deal.Id),
            expectedVersion,
            appendId,
            records,
            predecessor,
            Codec.SameRecord<DealEvent>,
            DealSummary.Of(deal, history.Count),
            paramName
        );
    }

    private string KnownPipelines() => string.Join(", ", Pipelines.Keys.Order(StringComparer.Ordinal).Select(n => $"\"{n}\""));

    /// <inheritdoc/>
    public Task<AppendResult> SaveLeadAsync(Lead lead, long expectedVersion, Guid appendId, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(lead);
        var history = lead.History;
        CheckExpected(expectedVersion, history.Count, "the lead's event count");
        CheckAppendId(appendId);
        var (records, predecessor) = EncodeAfter(history, expectedVersion);
        return AppendAsync(
            new Pending(
                StreamId.ForLead(lead.Id),
                expectedVersion,
                appendId,
                records,
                predecessor,
                Codec.SameRecord<LeadEvent>,
                null,
                nameof(lead)
            ),
            cancellationToken
        );
    }

    /// <inheritdoc/>
    public async Task<StoredLead?> LoadLeadAsync(LeadId id, CancellationToken cancellationToken = default) =>
        await LoadEventStreamAsync<LeadEvent, StoredLead>(
                StreamId.ForLead(id),
                e => e.LeadId.Value,
                e => $"lead {e.LeadId}",
                "a lead's history",
                (events, version) => new StoredLead(Lead.FromEvents(events), version),
                cancellationToken
            )
            .ConfigureAwait(false);

    // A lead's or quote's stream: every row decoded and checked to belong to the stream's key, then folded; a row that
    // does not read, or a history that does not fold, is a StoredEventException naming the row.
    private async Task<TStored?> LoadEventStreamAsync<TEvent, TStored>(
        StreamId stream,
        Func<TEvent, string> keyOf,
        Func<TEvent, string> owner,
        string what,
        Func<TEvent[], long, TStored> fold,
        CancellationToken cancellationToken
    )
        where TStored : class
    {
        var rows = await ReadStreamAsync(stream, cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            return null;
        }
        var events = new TEvent[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            events[i] = (TEvent)Decode(stream, rows[i]);
            if (!string.Equals(keyOf(events[i]), stream.Key, StringComparison.Ordinal))
            {
                throw new StoredEventException(
                    stream,
                    rows[i].Version,
                    rows[i].Position,
                    $"the event belongs to {owner(events[i])}.",
                    null
                );
            }
        }
        try
        {
            return fold(events, rows.Count);
        }
        catch (ArgumentException e)
        {
            throw new StoredEventException(stream, rows[^1].Version, rows[^1].Position, $"the events do not form {what}: " + e.Message, e);
        }
    }

    /// <inheritdoc/>
    public Task<AppendResult> SaveQuoteAsync(
        Quote quote,
        long expectedVersion,
        Guid appendId,
        CancellationToken cancellationToken = default
    )
    {
        Preconditions.CheckNotNull(quote);
        var history = quote.Events;
        CheckExpected(expectedVersion, history.Count, "the quote's event count");
        CheckAppendId(appendId);
        var (records, predecessor) = EncodeAfter(history, expectedVersion);
        return AppendAsync(
            new Pending(
                StreamId.ForQuote(quote.Id),
                expectedVersion,
                appendId,
                records,
                predecessor,
                Codec.SameRecord<QuoteEvent>,
                null,
                nameof(quote)
            ),
            cancellationToken
        );
    }

    /// <inheritdoc/>
    public async Task<StoredQuote?> LoadQuoteAsync(string quoteId, CancellationToken cancellationToken = default) =>
        await LoadEventStreamAsync<QuoteEvent, StoredQuote>(
                StreamId.ForQuote(quoteId),
                e => e.QuoteId,
                e => $"quote \"{e.QuoteId}\"",
                "a quote's history",
                (events, version) => new StoredQuote(Quote.FromEvents(events), version),
                cancellationToken
            )
            .ConfigureAwait(false);

    /// <inheritdoc/>
    public Task<AppendResult> SaveCollectionScheduleAsync(
        CollectionSchedule schedule,
        long expectedVersion,
        Guid appendId,
        CancellationToken cancellationToken = default
    )
    {
        Preconditions.CheckNotNull(schedule);
        Preconditions.CheckArgument(
            schedule.Contract is not null,
            nameof(schedule),
            "A stored collection schedule needs its ContractInfo (the contract id is the stream key); create it with a contract."
        );
        var history = schedule.History;
        CheckExpected(expectedVersion, history.Count + 1, "1 + the schedule's entry count");
        CheckAppendId(appendId);
        // Version 1 is the terms document: the schedule as created, before any entry.
        EncodedRecord At(long version) =>
            version == 1
                ? Codec.Encode(CollectionSchedule.Create(schedule.Total, schedule.SignedOn, schedule.Terms, schedule.Contract))
                : Codec.Encode(history[(int)version - 2]);
        var records = new EncodedRecord[history.Count + 1 - expectedVersion];
        for (var i = 0; i < records.Length; i++)
        {
            records[i] = At(expectedVersion + 1 + i);
        }
        var predecessor = expectedVersion == 0 ? (EncodedRecord?)null : At(expectedVersion);
        return AppendAsync(
            new Pending(
                StreamId.ForCollectionSchedule(schedule.Contract.ContractId),
                expectedVersion,
                appendId,
                records,
                predecessor,
                expectedVersion == 1 ? Codec.SameRecord<CollectionSchedule> : Codec.SameRecord<CollectionEntry>,
                null,
                nameof(schedule)
            ),
            cancellationToken
        );
    }

    /// <inheritdoc/>
    public async Task<StoredDeal?> LoadDealAsync(DealId id, CancellationToken cancellationToken = default)
    {
        var stream = StreamId.ForDeal(id);
        var rows = await ReadStreamAsync(stream, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : new StoredDeal(Fold(stream, rows), rows.Count);
    }

    /// <inheritdoc/>
    public async Task<Deal?> LoadDealAsOfAsync(DealId id, Instant instant, CancellationToken cancellationToken = default)
    {
        var stored = await LoadDealAsync(id, cancellationToken).ConfigureAwait(false);
        return stored is not null && stored.Deal.TryAsOf(instant, out var deal) ? deal : null;
    }

    /// <inheritdoc/>
    public async Task<StoredCollectionSchedule?> LoadCollectionScheduleAsync(
        string contractId,
        CancellationToken cancellationToken = default
    )
    {
        var stream = StreamId.ForCollectionSchedule(contractId);
        var rows = await ReadStreamAsync(stream, cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            return null;
        }
        var terms = (CollectionSchedule)Decode(stream, rows[0]);
        if (terms.Contract?.ContractId != contractId)
        {
            throw new StoredEventException(
                stream,
                1,
                rows[0].Position,
                $"the terms document belongs to contract \"{terms.Contract?.ContractId}\", not to this stream.",
                null
            );
        }
        var entries = rows.Skip(1).Select(r => (CollectionEntry)Decode(stream, r)).ToArray();
        try
        {
            return new StoredCollectionSchedule(terms.RecordAll(entries), rows.Count);
        }
        catch (Exception e) when (e is ArgumentException or ReferenceConflictException)
        {
            throw new StoredEventException(
                stream,
                rows.Count,
                rows[^1].Position,
                "the entries do not record on the terms: " + e.Message,
                e
            );
        }
    }

    /// <inheritdoc/>
    public async Task<long> GetVersionAsync(StreamId stream, CancellationToken cancellationToken = default)
    {
        stream.CheckNotDefault(nameof(stream));
        var connection = await sql.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await VersionOfAsync(connection, null, stream, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<DealSummary>> ListDealsAsync(DealQuery query, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(query);
        var list = new List<DealSummary>();
        if (query.Owners is { Count: 0 })
        {
            return list;
        }
        var connection = await sql.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText =
                    $"SELECT {Statements.DealColumns} FROM {sql.Table("deals")} d WHERE {Where(command, query)} ORDER BY deal_id{sql.OrdinalCollation}";
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        list.Add(Statements.ReadDeal(reader, 0));
                    }
                }
            }
        }
        return list;
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<StoredDeal> LoadDealsAsync(
        DealQuery query,
        [EnumeratorCancellation] CancellationToken cancellationToken = default
    )
    {
        Preconditions.CheckNotNull(query);
        if (query.Owners is { Count: 0 })
        {
            yield break;
        }
        // The rows are read here, in one query; chunks of consecutive deals are decoded and folded on the thread pool
        // while reading goes on, and come out in the query's order. A chunk that fails yields the deals before the
        // failing one, then its error: the same as folding one deal after another.
        var folding = new Queue<Task<FoldedChunk>>();
        try
        {
            var connection = await sql.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var command = connection.CreateCommand();
                await using (command.ConfigureAwait(false))
                {
                    // Every deal stream has its current-state row (same transaction), so a query without conditions reads
                    // the events alone, which saves a lookup per row.
                    var source =
                        query == DealQuery.All
                            ? $"{sql.Table("events")} e WHERE e.stream_kind = 'deal'"
                            : $"{sql.Table("deals")} d JOIN {sql.Table("events")} e ON e.stream_kind = 'deal' AND e.stream_key = d.deal_id WHERE {Where(command, query)}";
                    command.CommandText =
                        $"SELECT e.stream_key, e.version, e.position, e.data FROM {source} ORDER BY e.stream_key{sql.OrdinalCollation}, e.version";
                    var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        string? key = null;
                        var rows = new List<StoredRow>();
                        var chunk = new List<(string Key, List<StoredRow> Rows)>(DealsPerChunk);
                        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            var next = reader.GetString(0);
                            if (key is not null && !string.Equals(key, next, StringComparison.Ordinal))
                            {
                                chunk.Add((key, rows));
                                rows = [];
                                if (chunk.Count == DealsPerChunk)
                                {
                                    var full = chunk;
                                    folding.Enqueue(Task.Run(() => FoldChunk(full), cancellationToken));
                                    chunk = new List<(string Key, List<StoredRow> Rows)>(DealsPerChunk);
                                    while (folding.Count > MaxChunksFolding)
                                    {
                                        foreach (var deal in TakeFolded(await folding.Dequeue().ConfigureAwait(false)))
                                        {
                                            yield return deal;
                                        }
                                    }
                                }
                            }
                            key = next;
                            rows.Add(new StoredRow(reader.GetInt64(1), reader.GetInt64(2), reader.GetString(3)));
                        }
                        if (key is not null)
                        {
                            chunk.Add((key, rows));
                            var last = chunk;
                            folding.Enqueue(Task.Run(() => FoldChunk(last), cancellationToken));
                        }
                    }
                }
            }
            while (folding.Count > 0)
            {
                foreach (var deal in TakeFolded(await folding.Dequeue().ConfigureAwait(false)))
                {
                    yield return deal;
                }
            }
        }
        finally
        {
            // A consumer that stops early (or an error) leaves chunks folding: let them finish unobserved, quietly.
            foreach (var task in folding)
            {
                _ = task.ContinueWith(static t => t.Exception, TaskScheduler.Default);
            }
        }
    }

    // Consecutive deals folded together, and the error of the first deal that did not fold (the deals after it are not
    // folded).
    private readonly record struct FoldedChunk(List<StoredDeal> Deals, System.Runtime.ExceptionServices.ExceptionDispatchInfo? Error);

    // Enough deals per chunk that handing a chunk to the thread pool costs little against folding it; enough chunks in
    // flight to keep every core busy without holding the whole result in memory.
    private const int DealsPerChunk = 64;

    private static int MaxChunksFolding => Environment.ProcessorCount + 1;

    private FoldedChunk FoldChunk(List<(string Key, List<StoredRow> Rows)> chunk)
    {
        var deals = new List<StoredDeal>(chunk.Count);
        foreach (var (key, rows) in chunk)
        {
            try
            {
                deals.Add(new StoredDeal(Fold(StreamId.Of(StreamKind.Deal, key), rows), rows.Count));
            }
            catch (Exception e)
            {
                // Kept, not thrown here, so the deals before it are still yielded first.
                return new FoldedChunk(deals, System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e));
            }
        }
        return new FoldedChunk(deals, null);
    }

    // A folded chunk's deals, then its error.
    private static IEnumerable<StoredDeal> TakeFolded(FoldedChunk folded)
    {
        foreach (var deal in folded.Deals)
        {
            yield return deal;
        }
        folded.Error?.Throw();
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<RecordedEvent> ReadAllAsync(
        long afterPosition = 0,
        int batchSize = 1000,
        [EnumeratorCancellation] CancellationToken cancellationToken = default
    )
    {
        Preconditions.CheckRange(
            afterPosition >= 0,
            nameof(afterPosition),
            afterPosition,
            "A position is 0 (before the first record) or more."
        );
        Preconditions.CheckRange(batchSize is >= 1 and <= 100_000, nameof(batchSize), batchSize, "A batch reads 1 to 100,000 records.");
        while (true)
        {
            var batch = new List<RecordedEvent>(Math.Min(batchSize, 4096));
            var connection = await sql.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var command = connection.CreateCommand();
                await using (command.ConfigureAwait(false))
                {
                    command.CommandText =
                        $"SELECT position, stream_kind, stream_key, version, append_id, type, data FROM {sql.Table("events")} WHERE position > @after ORDER BY position LIMIT @limit";
                    Statements.Add(command, "@after", afterPosition);
                    Statements.Add(command, "@limit", (long)batchSize);
                    var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            var position = reader.GetInt64(0);
                            var kindText = reader.GetString(1);
                            var key = reader.GetString(2);
                            var row = new StoredRow(reader.GetInt64(3), position, reader.GetString(6));
                            var appendId = sql.ReadAppendId(reader, 4);
                            var type = reader.GetString(5);
                            if (!StreamId.TryKindFromText(kindText, out var kind))
                            {
                                throw new StoredEventException(
                                    StreamId.Of(0, key),
                                    row.Version,
                                    position,
                                    $"the stream kind \"{kindText}\" is not one of deal, lead, collection-schedule, quote.",
                                    null
                                );
                            }
                            var stream = StreamId.Of(kind, key);
                            batch.Add(new RecordedEvent(stream, row.Version, position, appendId, type, Decode(stream, row)));
                        }
                    }
                }
            }
            foreach (var recorded in batch)
            {
                yield return recorded;
            }
            if (batch.Count < batchSize)
            {
                yield break;
            }
            afterPosition = batch[^1].Position;
        }
    }

    /// <summary>Releases the backend's connections (the SQLite file, the PostgreSQL data source it owns).</summary>
    /// <returns>A task that completes when they are released.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            await sql.DisposeAsync().ConfigureAwait(false);
        }
        GC.SuppressFinalize(this);
    }

    // One rule for single appends and for each append of a batch (whose context names it and whose parameter is the batch).
    private static void CheckExpected(
        long expectedVersion,
        int count,
        string what,
        string paramName = "expectedVersion",
        string context = ""
    ) =>
        Preconditions.CheckRange(
            expectedVersion >= 0 && expectedVersion < count,
            paramName,
            expectedVersion,
            $"{context}The expected version is the number of records already stored, from 0 up to {what} minus one ({count - 1}), so that at least one record is new; it was {expectedVersion}."
        );

    // The records of a history after the first expectedVersion (those already stored), and the record before them, which
    // must equal the stored one: the caller's history continues the stream.
    private static (EncodedRecord[] Records, EncodedRecord? Predecessor) EncodeAfter<T>(IReadOnlyList<T> history, long expectedVersion)
    {
        var records = new EncodedRecord[history.Count - expectedVersion];
        for (var i = 0; i < records.Length; i++)
        {
            records[i] = Codec.Encode(history[(int)expectedVersion + i]);
        }
        return (records, expectedVersion == 0 ? null : Codec.Encode(history[(int)expectedVersion - 1]));
    }

    private static void CheckAppendId(Guid appendId, string paramName = "appendId", string context = "") =>
        Preconditions.CheckArgument(
            appendId != Guid.Empty,
            paramName,
            $"{context}An append id must not be Guid.Empty; give every new append Guid.NewGuid()."
        );

    private Deal Fold(StreamId stream, List<StoredRow> rows)
    {
        var events = new DealEvent[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Version != i + 1)
            {
                throw new StoredEventException(
                    stream,
                    rows[i].Version,
                    rows[i].Position,
                    $"the stream's versions are not contiguous: version {i + 1} is missing.",
                    null
                );
            }
            events[i] = (DealEvent)Decode(stream, rows[i]);
            if (!string.Equals(events[i].DealId.Value, stream.Key, StringComparison.Ordinal))
            {
                throw new StoredEventException(
                    stream,
                    rows[i].Version,
                    rows[i].Position,
                    $"the event belongs to deal {events[i].DealId}.",
                    null
                );
            }
        }
        var pipelineName = events[0] switch
        {
            DealCreated c => c.Pipeline,
            DealImported i => i.Pipeline,
            _ => null,
        };
        PipelineDefinition? pipeline = null;
        if (pipelineName is not null && !Pipelines.TryGetValue(pipelineName, out pipeline))
        {
            throw new StoredEventException(
                stream,
                rows[0].Version,
                rows[0].Position,
                $"the deal belongs to pipeline \"{pipelineName}\", which this store was not opened with (it knows {KnownPipelines()}).",
                null
            );
        }
        try
        {
            // A history that does not start with a creation has no pipeline to name: the structural check reports it.
            return pipeline is null ? Deal.FromEvents(events) : Deal.FromEvents(pipeline, events);
        }
        catch (ArgumentException e)
        {
            throw new StoredEventException(
                stream,
                rows[^1].Version,
                rows[^1].Position,
                "the events do not form a deal's history in its pipeline: " + e.Message,
                e
            );
        }
    }

    private static object Decode(StreamId stream, StoredRow row)
    {
        try
        {
            return Codec.DecodeAny(stream.Kind, row.Version, row.Data);
        }
        catch (Exception e) when (Codec.IsReadFailure(e))
        {
            throw new StoredEventException(stream, row.Version, row.Position, e.Message, e);
        }
    }

    private static string Where(System.Data.Common.DbCommand command, DealQuery query)
    {
        var conditions = new List<string> { "1 = 1" };
        if (query.Pipeline is { } pipeline)
        {
            conditions.Add("d.pipeline = @pipeline");
            Statements.Add(command, "@pipeline", pipeline);
        }
        if (query.Owners is { } owners)
        {
            var names = owners.Select((o, i) => "@owner" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            for (var i = 0; i < names.Length; i++)
            {
                Statements.Add(command, names[i], owners[i]);
            }
            conditions.Add($"d.owner IN ({string.Join(", ", names)})");
        }
        if (query.Status is { } status)
        {
            conditions.Add("d.status = @status");
            Statements.Add(command, "@status", Statements.StatusText(status));
        }
        if (query.ExpectedClose is { } range)
        {
            conditions.Add("d.expected_close BETWEEN @closeFrom AND @closeTo");
            Statements.Add(command, "@closeFrom", Statements.DateKey(range.Start));
            Statements.Add(command, "@closeTo", Statements.DateKey(range.End));
        }
        if (query.Unassigned is { } unassigned)
        {
            conditions.Add(unassigned ? "d.owner IS NULL" : "d.owner IS NOT NULL");
        }
        if (query.Team is { } team)
        {
            conditions.Add("d.team = @team");
            Statements.Add(command, "@team", team);
        }
        if (query.HasTeam is { } hasTeam)
        {
            conditions.Add(hasTeam ? "d.team IS NOT NULL" : "d.team IS NULL");
        }
        if (query.CustomerAccountId is { } customer)
        {
            conditions.Add("d.customer_id = @customer");
            Statements.Add(command, "@customer", customer);
        }
        return string.Join(" AND ", conditions);
    }
}
