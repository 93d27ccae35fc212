using System;
using System.Data;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using SalesPipeline.Storage.Sql;

namespace SalesPipeline.Storage.Sqlite;

internal sealed class SqliteDialect(string connectionString, int busyTimeoutMilliseconds, SqliteDurability durability) : SqlDialect
{
    public override string BigIntType => "integer";

    // Text, so that a person reading the file with the sqlite3 shell sees the id the application logged.
    public override string AppendIdType => "text";

    // SQLite compares text with BINARY (byte order) unless told otherwise.
    public override string OrdinalCollation => "";

    public override int RowsPerStatement => 16;

    public override string Table(string name) => name;

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var command = connection.CreateCommand();
            // Per connection: how long a writer waits for the one write lock before SQLite reports "database is locked".
            command.CommandText =
                $"PRAGMA busy_timeout = {busyTimeoutMilliseconds}; PRAGMA synchronous = {(durability == SqliteDurability.ProcessCrash ? "NORMAL" : "FULL")};";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    // BEGIN IMMEDIATE: the write lock is taken at the start, so two writers never both read a version and then collide
    // (a deferred transaction would fail with SQLITE_BUSY on its first write instead of waiting).
    public override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult<DbTransaction>(
            ((SqliteConnection)connection).BeginTransaction(IsolationLevel.Serializable, deferred: false)
        );
    }

    public override object AppendIdValue(Guid appendId) => appendId.ToString("D");

    public override Guid ReadAppendId(DbDataReader reader, int ordinal) => Guid.Parse(reader.GetString(ordinal));

    public override ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; a disposed store lets it go (so it can be moved or deleted).
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }
}
