using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using SalesPipeline.Pipelines;
using SalesPipeline.Storage.Sql;
using SalesPipeline.Utility;

namespace SalesPipeline.Storage.Sqlite;

/// <summary>
/// The event store in one SQLite file: the default backend, nothing to install. The file and its tables are created on
/// first open; the database runs in WAL mode (readers never wait for the writer), writers take turns through
/// <c>BEGIN IMMEDIATE</c> and wait up to the busy timeout for their turn.
/// </summary>
/// <remarks>
/// <para>Every operation of <see cref="IEventStore"/> is available (see <see cref="EventStore"/>); docs/storing-deals.md
/// shows the schema and how to back the file up.</para>
/// <para>Thread-safe: one instance serves any number of concurrent callers, and several processes may open the same file
/// (appends then take turns across processes).</para>
/// </remarks>
/// <example><code>
/// await using var store = await SqliteEventStore.OpenAsync("deals.db", [pipeline]);
/// var result = await store.SaveDealAsync(deal, expectedVersion: 0, Guid.NewGuid());
/// </code></example>
public sealed class SqliteEventStore : EventStore
{
    private SqliteEventStore(
        SqliteDialect dialect,
        IReadOnlyDictionary<string, PipelineDefinition> pipelines,
        string path,
        SqliteDurability durability
    )
        : base(dialect, pipelines)
    {
        Path = path;
        Durability = durability;
    }

    /// <summary>What a committed append survives.</summary>
    public SqliteDurability Durability { get; }

    /// <summary>The full path of the database file.</summary>
    public string Path { get; }

    /// <summary>
    /// Opens the store in <paramref name="path"/>, creating the file, its tables and WAL mode when they do not exist yet.
    /// </summary>
    /// <param name="path">The database file; its directory must exist.</param>
    /// <param name="pipelines">The definitions of the pipelines whose deals the store keeps (at least one, names unique): every deal saved or loaded is checked against its pipeline.</param>
    /// <param name="busyTimeout">How long a write waits for another writer's transaction before it fails (null: 30 seconds); 1 ms to 1 hour.</param>
    /// <param name="durability">What a commit survives: a loss of power (the default) or a crash of the process only (faster).</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <returns>The open store.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="pipelines"/> is null, or one of the pipelines is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or whitespace, or <paramref name="pipelines"/> is empty or names two pipelines alike.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="busyTimeout"/> is outside 1 ms to 1 hour, or <paramref name="durability"/> is not a defined value.</exception>
    /// <exception cref="DirectoryNotFoundException">The directory of <paramref name="path"/> does not exist.</exception>
    /// <exception cref="InvalidOperationException">The file holds a store of a newer schema version than this package knows.</exception>
    /// <exception cref="SqliteException">The file cannot be opened or is not a SQLite database.</exception>
    public static async Task<SqliteEventStore> OpenAsync(
        string path,
        IEnumerable<PipelineDefinition> pipelines,
        TimeSpan? busyTimeout = null,
        SqliteDurability durability = SqliteDurability.PowerLoss,
        CancellationToken cancellationToken = default
    )
    {
        Preconditions.CheckNotBlank(path);
        var catalog = CatalogOf(pipelines);
        var timeout = busyTimeout ?? TimeSpan.FromSeconds(30);
        Preconditions.CheckRange(
            timeout >= TimeSpan.FromMilliseconds(1) && timeout <= TimeSpan.FromHours(1),
            nameof(busyTimeout),
            timeout,
            "The busy timeout is 1 ms to 1 hour."
        );
        Preconditions.CheckRange(
            Enum.IsDefined(durability),
            nameof(durability),
            durability,
            "The durability is PowerLoss or ProcessCrash."
        );
        var full = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(full);
        if (directory is not null && !Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The directory of the store file \"{full}\" does not exist.");
        }
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(timeout.TotalSeconds),
        }.ToString();
        var dialect = new SqliteDialect(connectionString, (int)Math.Ceiling(timeout.TotalMilliseconds), durability);
        try
        {
            var connection = (SqliteConnection)await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                using (var wal = connection.CreateCommand())
                {
                    // Persistent: set once, the file stays in WAL mode for every later connection.
                    wal.CommandText = "PRAGMA journal_mode = WAL;";
                    await wal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                using var transaction = connection.BeginTransaction(deferred: false);
                using (var create = connection.CreateCommand())
                {
                    create.Transaction = transaction;
                    create.CommandText = Schema.Tables(dialect);
                    await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                using (var version = connection.CreateCommand())
                {
                    version.Transaction = transaction;
                    version.CommandText = "SELECT value FROM store_info WHERE name = 'schema-version'";
                    var found = Convert.ToString(
                        await version.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false),
                        CultureInfo.InvariantCulture
                    );
                    if (Schema.Upgrade(dialect, found) is { } upgrade)
                    {
                        version.CommandText = upgrade;
                        await version.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                        found = Schema.Version;
                    }
                    Schema.CheckVersion(found, full);
                    version.CommandText = Schema.DealIndexes(dialect);
                    await version.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            await dialect.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return new SqliteEventStore(dialect, catalog, full, durability);
    }

    /// <summary>"SqliteEventStore /path/to/deals.db".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"SqliteEventStore {Path}";
}
