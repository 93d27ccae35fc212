using System;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;

namespace SalesPipeline.Storage.Sql;

// What differs between the engines: connections, the write transaction, column types and names. Everything else (the
// statements, the append protocol, reading) is shared by EventStore and holds for both.
internal abstract class SqlDialect : IAsyncDisposable
{
    // The column type of versions and positions (64-bit integers).
    public abstract string BigIntType { get; }

    // The column type of append ids.
    public abstract string AppendIdType { get; }

    // Appended to ORDER BY on text keys so the order is ordinal (byte order) whatever the database's collation.
    public abstract string OrdinalCollation { get; }

    // How many rows one INSERT carries. SQLite runs in process, so a statement prepared once for a few rows and run again
    // is fastest (it looks parameters up by name, in time that grows with their number); PostgreSQL pays a round trip
    // per statement, so it takes many rows at once (at most 13 parameters each, a deal row: 6,500 in all, under its 65,535).
    public abstract int RowsPerStatement { get; }

    // The table's name as statements write it (schema-qualified where the engine has schemas).
    public abstract string Table(string name);

    // Before a table is rebuilt in an upgrade: shuts out writers that do not take the store's opening lock (an older
    // package still running), so no row they write lands in the old table after it was copied. SQLite's write
    // transaction already does.
    public virtual string LockForRebuild(string name) => "";

    // After a rebuilt table is renamed: the engine's own names that still carry the old table's name (none on SQLite).
    public virtual string RenameAfterRebuild(string from, string to) => "";

    public abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    // A transaction in which the append protocol is safe: SQLite's BEGIN IMMEDIATE (one writer at a time), PostgreSQL's
    // READ COMMITTED (writers of one stream serialize on its row in the streams table, and every writer on the counter).
    public abstract ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    public abstract object AppendIdValue(Guid appendId);

    public abstract Guid ReadAppendId(DbDataReader reader, int ordinal);

    public abstract ValueTask DisposeAsync();
}
