using System;
using System.Data;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;
using SalesPipeline.Storage.Sql;

namespace SalesPipeline.Storage.PostgreSql;

internal sealed class PostgreSqlDialect(NpgsqlDataSource dataSource, string schema, bool ownsDataSource) : SqlDialect
{
    public string Schema => schema;

    public override string BigIntType => "bigint";

    public override string AppendIdType => "uuid";

    // The database's collation may order text by language rules; "C" is byte order, the same as SQLite and .NET's ordinal.
    public override string OrdinalCollation => " COLLATE \"C\"";

    public override int RowsPerStatement => 500;

    public override string Table(string name) => $"\"{schema}\".{name}";

    public override string LockForRebuild(string name) => $"LOCK TABLE {Table(name)} IN ACCESS EXCLUSIVE MODE;";

    // The primary key's index keeps the name it was created with, deals_v2_pkey; a fresh store's is deals_pkey.
    public override string RenameAfterRebuild(string from, string to) => $"ALTER INDEX {Table(from + "_pkey")} RENAME TO {to}_pkey;";

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    // READ COMMITTED: an UPDATE that waits for another writer's lock on the same stream row re-reads the row after the
    // other commits, finds the version moved and changes nothing, which the append reports as a conflict.
    public override async ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);

    public override object AppendIdValue(Guid appendId) => appendId;

    public override Guid ReadAppendId(DbDataReader reader, int ordinal) => reader.GetGuid(ordinal);

    public override async ValueTask DisposeAsync()
    {
        if (ownsDataSource)
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
        }
    }
}
