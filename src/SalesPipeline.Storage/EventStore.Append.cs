using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using SalesPipeline.Storage.Sql;
using SalesPipeline.Utility;

namespace SalesPipeline.Storage;

public abstract partial class EventStore
{
    // One append as the protocol needs it: the new records, the record the stream must hold at the expected version (and
    // how to compare it), and the current-state row of a deal.
    private sealed record Pending(
        StreamId Stream,
        long ExpectedVersion,
        Guid AppendId,
        IReadOnlyList<EncodedRecord> Records,
        EncodedRecord? Predecessor,
        Func<string, EncodedRecord, bool> SameRecord,
        DealSummary? Row,
        string ParamName
    );

    // The append protocol, the same on every engine, for one append or a batch of appends to distinct streams:
    // 1. an append id already committed returns its result (same content) or is refused (other content);
    // 2. each stream's row in `streams` moves from the expected version to the new one (an insert for a new stream), or
    //    the whole batch is refused as a version conflict: a concurrent writer of the stream waits on that row and fails;
    // 3. the positions come from the one-row counter, updated in this transaction: it stays locked until commit, so a
    //    later position is always committed later (commit order), and a rolled-back append gives its positions back;
    // 4. the events, the appends and the deals' current-state rows are written, and all of it commits or nothing does.
    // Statements carry many rows each (SqlDialect.RowsPerStatement), so a batch of thousands of appends costs a few round
    // trips.
    private async Task<AppendResult> AppendAsync(Pending pending, CancellationToken cancellationToken) =>
        (await AppendAllAsync([pending], cancellationToken).ConfigureAwait(false))[0];

    private async Task<AppendResult[]> AppendAllAsync(IReadOnlyList<Pending> pendings, CancellationToken cancellationToken)
    {
        var hashes = pendings.Select(ContentHash).ToArray();
        var results = new AppendResult[pendings.Count];
        var connection = await sql.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // Each pass either commits or learns of an append of the batch that an earlier try committed (its answer
            // lost) or a concurrent writer committed meanwhile; such an append is resolved and the rest tried again.
            while (true)
            {
                var toWrite = new List<int>();
                int? conflict = null;
                var transaction = await sql.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    var found = await FindAppendsAsync(connection, transaction, pendings, cancellationToken).ConfigureAwait(false);
                    for (var i = 0; i < pendings.Count; i++)
                    {
                        if (found.TryGetValue(pendings[i].AppendId, out var committed))
                        {
                            results[i] = Resolve(committed, hashes[i], pendings[i]);
                        }
                        else
                        {
                            toWrite.Add(i);
                        }
                    }
                    if (toWrite.Count == 0)
                    {
                        return results;
                    }
                    var writing = toWrite.Select(i => pendings[i]).ToArray();
                    conflict = await ClaimVersionsAsync(connection, transaction, writing, cancellationToken).ConfigureAwait(false);
                    if (conflict is null)
                    {
                        try
                        {
                            var written = await WriteAsync(
                                    connection,
                                    transaction,
                                    writing,
                                    toWrite.Select(i => hashes[i]).ToArray(),
                                    cancellationToken
                                )
                                .ConfigureAwait(false);
                            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                            for (var k = 0; k < toWrite.Count; k++)
                            {
                                results[toWrite[k]] = written[k];
                            }
                            return results;
                        }
                        catch (DbException)
                        {
                            // An append id may have been committed by a concurrent append to another stream meanwhile.
                            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                            var raced = await ResolveCommittedAsync(connection, pendings, toWrite, hashes, results, cancellationToken)
                                .ConfigureAwait(false);
                            if (raced == 0)
                            {
                                throw;
                            }
                            if (raced == toWrite.Count)
                            {
                                return results;
                            }
                            continue;
                        }
                    }
                    await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                }
                // A conflict: the winner may have been this very append, committed by an earlier try whose answer was lost.
                var loser = toWrite[conflict.Value];
                if (
                    await ResolveCommittedAsync(connection, pendings, [loser], hashes, results, cancellationToken).ConfigureAwait(false)
                    == 1
                )
                {
                    if (toWrite.Count == 1)
                    {
                        return results;
                    }
                    continue;
                }
                var actual = await VersionOfAsync(connection, null, pendings[loser].Stream, cancellationToken).ConfigureAwait(false);
                throw new StreamVersionConflictException(pendings[loser].Stream, pendings[loser].ExpectedVersion, actual);
            }
        }
    }

    // Outside a transaction: resolves those of the appends (by index) whose ids are committed, into results; how many.
    private async Task<int> ResolveCommittedAsync(
        DbConnection connection,
        IReadOnlyList<Pending> pendings,
        IReadOnlyList<int> indexes,
        string[] hashes,
        AppendResult[] results,
        CancellationToken cancellationToken
    )
    {
        var found = await FindAppendsAsync(connection, null, [.. indexes.Select(i => pendings[i])], cancellationToken)
            .ConfigureAwait(false);
        foreach (var i in indexes)
        {
            if (found.TryGetValue(pendings[i].AppendId, out var committed))
            {
                results[i] = Resolve(committed, hashes[i], pendings[i]);
            }
        }
        return found.Count;
    }

    private static AppendResult Resolve((AppendResult Result, string Hash) committed, string hash, Pending pending) =>
        string.Equals(committed.Hash, hash, StringComparison.Ordinal)
            ? committed.Result
            : throw new AppendIdConflictException(pending.AppendId, committed.Result, pending.Stream);

    // Moves every stream to its new version; the index of an append whose stream is not at its expected version, or null
    // when all of them were. Streams are claimed in one order, (kind, key) ordinal, whatever the caller's order, so two
    // batches that share streams wait for each other instead of deadlocking.
    private async Task<int?> ClaimVersionsAsync(
        DbConnection connection,
        DbTransaction transaction,
        IReadOnlyList<Pending> pendings,
        CancellationToken cancellationToken
    )
    {
        var fresh = new List<int>();
        var order = Enumerable
            .Range(0, pendings.Count)
            .OrderBy(i => pendings[i].Stream.KindText, StringComparer.Ordinal)
            .ThenBy(i => pendings[i].Stream.Key, StringComparer.Ordinal);
        foreach (var i in order)
        {
            if (pendings[i].ExpectedVersion == 0)
            {
                fresh.Add(i);
                continue;
            }
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.Transaction = transaction;
                command.CommandText =
                    $"UPDATE {sql.Table("streams")} SET version = @version WHERE stream_kind = @kind AND stream_key = @key AND version = @expected";
                Statements.Add(command, "@kind", pendings[i].Stream.KindText);
                Statements.Add(command, "@key", pendings[i].Stream.Key);
                Statements.Add(command, "@version", pendings[i].ExpectedVersion + pendings[i].Records.Count);
                Statements.Add(command, "@expected", pendings[i].ExpectedVersion);
                if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
                {
                    return i;
                }
            }
        }
        // New streams: one insert per chunk; a stream that exists already is not inserted and not returned.
        foreach (var chunk in fresh.Chunk(sql.RowsPerStatement))
        {
            var claimed = new HashSet<string>(StringComparer.Ordinal);
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.Transaction = transaction;
                var values = new StringBuilder();
                for (var k = 0; k < chunk.Length; k++)
                {
                    var p = pendings[chunk[k]];
                    var n = k.ToString(CultureInfo.InvariantCulture);
                    values.Append(k == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"(@kind{n}, @key{n}, @v{n})");
                    Statements.Add(command, "@kind" + n, p.Stream.KindText);
                    Statements.Add(command, "@key" + n, p.Stream.Key);
                    Statements.Add(command, "@v" + n, (long)p.Records.Count);
                }
                command.CommandText =
                    $"INSERT INTO {sql.Table("streams")} (stream_kind, stream_key, version) VALUES {values} ON CONFLICT DO NOTHING RETURNING stream_kind, stream_key";
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        claimed.Add(reader.GetString(0) + "/" + reader.GetString(1));
                    }
                }
            }
            foreach (var i in chunk)
            {
                if (!claimed.Contains(pendings[i].Stream.KindText + "/" + pendings[i].Stream.Key))
                {
                    return i;
                }
            }
        }
        return null;
    }

    private async Task<AppendResult[]> WriteAsync(
        DbConnection connection,
        DbTransaction transaction,
        IReadOnlyList<Pending> pendings,
        string[] hashes,
        CancellationToken cancellationToken
    )
    {
        foreach (var pending in pendings)
        {
            if (pending.Predecessor is { } predecessor)
            {
                await CheckPredecessorAsync(connection, transaction, pending, predecessor, cancellationToken).ConfigureAwait(false);
            }
        }
        var count = pendings.Sum(p => (long)p.Records.Count);
        long last;
        var counter = connection.CreateCommand();
        await using (counter.ConfigureAwait(false))
        {
            counter.Transaction = transaction;
            counter.CommandText =
                $"UPDATE {sql.Table("positions")} SET last_position = last_position + @count WHERE id = 1 RETURNING last_position";
            Statements.Add(counter, "@count", count);
            last = Convert.ToInt64(await counter.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }
        var results = new AppendResult[pendings.Count];
        var next = last - count + 1;
        var events = new List<(Pending Pending, long Version, long Position, EncodedRecord Record)>();
        for (var i = 0; i < pendings.Count; i++)
        {
            var p = pendings[i];
            var first = next;
            for (var r = 0; r < p.Records.Count; r++)
            {
                events.Add((p, p.ExpectedVersion + 1 + r, next++, p.Records[r]));
            }
            results[i] = new AppendResult(p.Stream, p.AppendId, p.ExpectedVersion, p.ExpectedVersion + p.Records.Count, first, next - 1);
        }
        await InsertRowsAsync(
                connection,
                transaction,
                $"INSERT INTO {sql.Table("events")} (position, stream_kind, stream_key, version, append_id, type, data) VALUES ",
                events,
                e =>
                    [
                        e.Position,
                        e.Pending.Stream.KindText,
                        e.Pending.Stream.Key,
                        e.Version,
                        sql.AppendIdValue(e.Pending.AppendId),
                        e.Record.Type,
                        e.Record.Data,
                    ],
                "",
                cancellationToken
            )
            .ConfigureAwait(false);
        await InsertRowsAsync(
                connection,
                transaction,
                $"INSERT INTO {sql.Table("appends")} (append_id, stream_kind, stream_key, expected_version, version, first_position, last_position, content_hash) VALUES ",
                results.Select((r, i) => (Result: r, Hash: hashes[i])).ToList(),
                a =>
                    [
                        sql.AppendIdValue(a.Result.AppendId),
                        a.Result.Stream.KindText,
                        a.Result.Stream.Key,
                        a.Result.ExpectedVersion,
                        a.Result.Version,
                        a.Result.FirstPosition,
                        a.Result.LastPosition,
                        a.Hash,
                    ],
                "",
                cancellationToken
            )
            .ConfigureAwait(false);
        await InsertRowsAsync(
                connection,
                transaction,
                statements.InsertDeals,
                pendings.Where(p => p.Row is not null).Select(p => p.Row!).ToList(),
                Statements.DealValues,
                Statements.UpsertDealConflict,
                cancellationToken
            )
            .ConfigureAwait(false);
        return results;
    }

    // Inserts rows SqlDialect.RowsPerStatement at a time, each row's values in column order. A statement of the same
    // size is prepared once and executed again with new values.
    private async Task InsertRowsAsync<T>(
        DbConnection connection,
        DbTransaction transaction,
        string insert,
        IReadOnlyList<T> rows,
        Func<T, object[]> valuesOf,
        string suffix,
        CancellationToken cancellationToken
    )
    {
        DbCommand? command = null;
        var commandRows = 0;
        try
        {
            for (var start = 0; start < rows.Count; start += sql.RowsPerStatement)
            {
                var count = Math.Min(sql.RowsPerStatement, rows.Count - start);
                var values = new object[count][];
                for (var r = 0; r < count; r++)
                {
                    values[r] = valuesOf(rows[start + r]);
                }
                if (command is null || commandRows != count)
                {
                    if (command is not null)
                    {
                        await command.DisposeAsync().ConfigureAwait(false);
                    }
                    command = connection.CreateCommand();
                    command.Transaction = transaction;
                    var sb = new StringBuilder(insert);
                    for (var r = 0; r < count; r++)
                    {
                        sb.Append(r == 0 ? "(" : ", (");
                        for (var c = 0; c < values[r].Length; c++)
                        {
                            var name = string.Create(CultureInfo.InvariantCulture, $"@r{r}c{c}");
                            sb.Append(c == 0 ? "" : ", ").Append(name);
                            Statements.Add(command, name, DBNull.Value);
                        }
                        sb.Append(')');
                    }
                    command.CommandText = sb.Append(suffix).ToString();
                    commandRows = count;
                }
                var k = 0;
                foreach (var row in values)
                {
                    foreach (var value in row)
                    {
                        command.Parameters[k++].Value = value;
                    }
                }
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (command is not null)
            {
                await command.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task CheckPredecessorAsync(
        DbConnection connection,
        DbTransaction transaction,
        Pending pending,
        EncodedRecord predecessor,
        CancellationToken cancellationToken
    )
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.Transaction = transaction;
            command.CommandText =
                $"SELECT position, data FROM {sql.Table("events")} WHERE stream_kind = @kind AND stream_key = @key AND version = @version";
            Statements.Add(command, "@kind", pending.Stream.KindText);
            Statements.Add(command, "@key", pending.Stream.Key);
            Statements.Add(command, "@version", pending.ExpectedVersion);
            long position;
            string data;
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    throw new StoredEventException(
                        pending.Stream,
                        pending.ExpectedVersion,
                        null,
                        "the stream's version counts a record that is missing.",
                        null
                    );
                }
                position = reader.GetInt64(0);
                data = reader.GetString(1);
            }
            bool same;
            try
            {
                same = pending.SameRecord(data, predecessor);
            }
            catch (Exception e) when (Codec.IsReadFailure(e))
            {
                throw new StoredEventException(pending.Stream, pending.ExpectedVersion, position, e.Message, e);
            }
            Preconditions.CheckArgument(
                same,
                pending.ParamName,
                $"The record stored at version {pending.ExpectedVersion} of {pending.Stream} differs from record {pending.ExpectedVersion} of the {pending.ParamName} being saved: it does not continue the stored stream. Load the stream and apply the change to what it holds."
            );
        }
    }

    // The committed appends among the ids of these appends, by id.
    private async Task<Dictionary<Guid, (AppendResult Result, string Hash)>> FindAppendsAsync(
        DbConnection connection,
        DbTransaction? transaction,
        IReadOnlyList<Pending> pendings,
        CancellationToken cancellationToken
    )
    {
        var found = new Dictionary<Guid, (AppendResult Result, string Hash)>();
        foreach (var chunk in pendings.Chunk(sql.RowsPerStatement))
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.Transaction = transaction;
                var names = new string[chunk.Length];
                for (var i = 0; i < chunk.Length; i++)
                {
                    names[i] = "@id" + i.ToString(CultureInfo.InvariantCulture);
                    Statements.Add(command, names[i], sql.AppendIdValue(chunk[i].AppendId));
                }
                command.CommandText =
                    $"SELECT append_id, stream_kind, stream_key, expected_version, version, first_position, last_position, content_hash FROM {sql.Table("appends")} WHERE append_id IN ({string.Join(", ", names)})";
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        var appendId = sql.ReadAppendId(reader, 0);
                        StreamId.TryKindFromText(reader.GetString(1), out var kind);
                        var result = new AppendResult(
                            StreamId.Of(kind, reader.GetString(2)),
                            appendId,
                            reader.GetInt64(3),
                            reader.GetInt64(4),
                            reader.GetInt64(5),
                            reader.GetInt64(6)
                        );
                        found[appendId] = (result, reader.GetString(7));
                    }
                }
            }
        }
        return found;
    }

    private async Task<long> VersionOfAsync(
        DbConnection connection,
        DbTransaction? transaction,
        StreamId stream,
        CancellationToken cancellationToken
    )
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.Transaction = transaction;
            command.CommandText = $"SELECT version FROM {sql.Table("streams")} WHERE stream_kind = @kind AND stream_key = @key";
            Statements.Add(command, "@kind", stream.KindText);
            Statements.Add(command, "@key", stream.Key);
            var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return value is null or DBNull ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);
        }
    }

    private async Task<List<StoredRow>> ReadStreamAsync(StreamId stream, CancellationToken cancellationToken)
    {
        var rows = new List<StoredRow>();
        var connection = await sql.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText =
                    $"SELECT version, position, data FROM {sql.Table("events")} WHERE stream_kind = @kind AND stream_key = @key ORDER BY version";
                Statements.Add(command, "@kind", stream.KindText);
                Statements.Add(command, "@key", stream.Key);
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        rows.Add(new StoredRow(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2)));
                    }
                }
            }
        }
        return rows;
    }

    // What makes two appends "the same": the stream, the expected version and every record's text.
    private static string ContentHash(Pending pending)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(text.Length.ToString(CultureInfo.InvariantCulture) + ":" + text + "\n"));
        }
        Add(pending.Stream.KindText);
        Add(pending.Stream.Key);
        Add(pending.ExpectedVersion.ToString(CultureInfo.InvariantCulture));
        foreach (var record in pending.Records)
        {
            Add(record.Type);
            Add(record.Data);
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
