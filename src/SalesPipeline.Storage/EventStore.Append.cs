using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using SalesPipeline.Storage.Sql;
using SalesPipeline.Utility;

namespace SalesPipeline.Storage;

public abstract partial class EventStore
{
    // At most this many events go into one INSERT (5 parameters each: under SQLite's and PostgreSQL's parameter limits).
    private const int RowsPerInsert = 500;

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

    // The append protocol, the same on every engine:
    // 1. an append id already committed returns its result (same content) or is refused (other content);
    // 2. the stream's row in `streams` moves from the expected version to the new one (an insert for a new stream), or the
    //    append is refused as a version conflict: a concurrent writer of the stream waits on that row and then fails;
    // 3. the positions come from the one-row counter, updated in this transaction: it stays locked until commit, so a
    //    later position is always committed later (commit order), and a rolled-back append gives its positions back;
    // 4. the events, the append and the deal's current-state row are written, and all of it commits or nothing does.
    private async Task<AppendResult> AppendAsync(Pending pending, CancellationToken cancellationToken)
    {
        var hash = ContentHash(pending);
        var connection = await sql.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await sql.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                if (await FindAppendAsync(connection, transaction, pending.AppendId, cancellationToken).ConfigureAwait(false) is { } found)
                {
                    return Resolve(found, hash, pending);
                }
                if (await ClaimVersionAsync(connection, transaction, pending, cancellationToken).ConfigureAwait(false))
                {
                    try
                    {
                        var result = await WriteAsync(connection, transaction, pending, hash, cancellationToken).ConfigureAwait(false);
                        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                        return result;
                    }
                    catch (DbException)
                    {
                        // The append id may have been committed by a concurrent append to another stream meanwhile.
                        await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                        if (await FindAppendAsync(connection, null, pending.AppendId, cancellationToken).ConfigureAwait(false) is { } raced)
                        {
                            return Resolve(raced, hash, pending);
                        }
                        throw;
                    }
                }
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            }
            // A conflict: the winner may have been this very append, committed by an earlier try whose answer was lost.
            if (await FindAppendAsync(connection, null, pending.AppendId, cancellationToken).ConfigureAwait(false) is { } committed)
            {
                return Resolve(committed, hash, pending);
            }
            var actual = await VersionOfAsync(connection, null, pending.Stream, cancellationToken).ConfigureAwait(false);
            throw new StreamVersionConflictException(pending.Stream, pending.ExpectedVersion, actual);
        }
    }

    private static AppendResult Resolve((AppendResult Result, string Hash) committed, string hash, Pending pending) =>
        string.Equals(committed.Hash, hash, StringComparison.Ordinal)
            ? committed.Result
            : throw new AppendIdConflictException(pending.AppendId, committed.Result, pending.Stream);

    private async Task<bool> ClaimVersionAsync(
        DbConnection connection,
        DbTransaction transaction,
        Pending pending,
        CancellationToken cancellationToken
    )
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.Transaction = transaction;
            command.CommandText =
                pending.ExpectedVersion == 0
                    ? $"INSERT INTO {sql.Table("streams")} (stream_kind, stream_key, version) VALUES (@kind, @key, @version) ON CONFLICT DO NOTHING"
                    : $"UPDATE {sql.Table("streams")} SET version = @version WHERE stream_kind = @kind AND stream_key = @key AND version = @expected";
            Statements.Add(command, "@kind", pending.Stream.KindText);
            Statements.Add(command, "@key", pending.Stream.Key);
            Statements.Add(command, "@version", pending.ExpectedVersion + pending.Records.Count);
            if (pending.ExpectedVersion != 0)
            {
                Statements.Add(command, "@expected", pending.ExpectedVersion);
            }
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }
    }

    private async Task<AppendResult> WriteAsync(
        DbConnection connection,
        DbTransaction transaction,
        Pending pending,
        string hash,
        CancellationToken cancellationToken
    )
    {
        if (pending.Predecessor is { } predecessor)
        {
            await CheckPredecessorAsync(connection, transaction, pending, predecessor, cancellationToken).ConfigureAwait(false);
        }
        var count = pending.Records.Count;
        long last;
        var counter = connection.CreateCommand();
        await using (counter.ConfigureAwait(false))
        {
            counter.Transaction = transaction;
            counter.CommandText =
                $"UPDATE {sql.Table("positions")} SET last_position = last_position + @count WHERE id = 1 RETURNING last_position";
            Statements.Add(counter, "@count", (long)count);
            last = Convert.ToInt64(await counter.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }
        var first = last - count + 1;
        for (var start = 0; start < count; start += RowsPerInsert)
        {
            var insert = connection.CreateCommand();
            await using (insert.ConfigureAwait(false))
            {
                insert.Transaction = transaction;
                var sb = new StringBuilder(
                    $"INSERT INTO {sql.Table("events")} (position, stream_kind, stream_key, version, append_id, type, data) VALUES "
                );
                Statements.Add(insert, "@kind", pending.Stream.KindText);
                Statements.Add(insert, "@key", pending.Stream.Key);
                Statements.Add(insert, "@appendId", sql.AppendIdValue(pending.AppendId));
                for (var i = start; i < Math.Min(count, start + RowsPerInsert); i++)
                {
                    var n = i.ToString(CultureInfo.InvariantCulture);
                    sb.Append(i == start ? "" : ", ")
                        .Append(CultureInfo.InvariantCulture, $"(@p{n}, @kind, @key, @v{n}, @appendId, @t{n}, @d{n})");
                    Statements.Add(insert, "@p" + n, first + i);
                    Statements.Add(insert, "@v" + n, pending.ExpectedVersion + 1 + i);
                    Statements.Add(insert, "@t" + n, pending.Records[i].Type);
                    Statements.Add(insert, "@d" + n, pending.Records[i].Data);
                }
                insert.CommandText = sb.ToString();
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        var result = new AppendResult(
            pending.Stream,
            pending.AppendId,
            pending.ExpectedVersion,
            pending.ExpectedVersion + count,
            first,
            last
        );
        var append = connection.CreateCommand();
        await using (append.ConfigureAwait(false))
        {
            append.Transaction = transaction;
            append.CommandText = $"""
                INSERT INTO {sql.Table(
                    "appends"
                )} (append_id, stream_kind, stream_key, expected_version, version, first_position, last_position, content_hash)
                VALUES (@appendId, @kind, @key, @expected, @version, @first, @last, @hash)
                """;
            Statements.Add(append, "@appendId", sql.AppendIdValue(pending.AppendId));
            Statements.Add(append, "@kind", pending.Stream.KindText);
            Statements.Add(append, "@key", pending.Stream.Key);
            Statements.Add(append, "@expected", result.ExpectedVersion);
            Statements.Add(append, "@version", result.Version);
            Statements.Add(append, "@first", first);
            Statements.Add(append, "@last", last);
            Statements.Add(append, "@hash", hash);
            await append.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        if (pending.Row is { } row)
        {
            var upsert = connection.CreateCommand();
            await using (upsert.ConfigureAwait(false))
            {
                upsert.Transaction = transaction;
                upsert.CommandText = statements.UpsertDeal;
                Statements.AddDeal(upsert, row);
                await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        return result;
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

    private async Task<(AppendResult Result, string Hash)?> FindAppendAsync(
        DbConnection connection,
        DbTransaction? transaction,
        Guid appendId,
        CancellationToken cancellationToken
    )
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.Transaction = transaction;
            command.CommandText =
                $"SELECT stream_kind, stream_key, expected_version, version, first_position, last_position, content_hash FROM {sql.Table("appends")} WHERE append_id = @appendId";
            Statements.Add(command, "@appendId", sql.AppendIdValue(appendId));
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }
                StreamId.TryKindFromText(reader.GetString(0), out var kind);
                var result = new AppendResult(
                    StreamId.Of(kind, reader.GetString(1)),
                    appendId,
                    reader.GetInt64(2),
                    reader.GetInt64(3),
                    reader.GetInt64(4),
                    reader.GetInt64(5)
                );
                return (result, reader.GetString(6));
            }
        }
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
                    $"SELECT version, position, append_id, type, data FROM {sql.Table("events")} WHERE stream_kind = @kind AND stream_key = @key ORDER BY version";
                Statements.Add(command, "@kind", stream.KindText);
                Statements.Add(command, "@key", stream.Key);
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        rows.Add(
                            new StoredRow(
                                reader.GetInt64(0),
                                reader.GetInt64(1),
                                sql.ReadAppendId(reader, 2),
                                reader.GetString(3),
                                reader.GetString(4)
                            )
                        );
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
