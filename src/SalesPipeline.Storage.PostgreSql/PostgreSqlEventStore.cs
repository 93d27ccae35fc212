using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;
using SalesPipeline.Pipelines;
using SalesPipeline.Utility;

namespace SalesPipeline.Storage.PostgreSql;

/// <summary>
/// The event store on PostgreSQL, for many application servers sharing one store: the same contract and schema as the
/// SQLite store, in a schema of its own (<c>sales_pipeline</c> unless told otherwise), created on first open.
/// </summary>
/// <remarks>
/// <para>Positions are in commit order: an append takes its positions from a one-row counter that it updates inside its
/// transaction, so the counter stays locked until the append commits or rolls back and the next append's positions
/// are always committed later. (A sequence would not do: numbers drawn from it are visible out of order when
/// transactions commit in another order than they drew, and a reader resuming from a position would skip a record
/// committed late.) The price is that appends commit one at a time; see docs/storing-deals.md.</para>
/// <para>Thread-safe: one instance serves any number of concurrent callers; any number of processes may share the
/// database.</para>
/// </remarks>
/// <example><code>
/// await using var store = await PostgreSqlEventStore.OpenAsync("Host=db;Database=crm;Username=app;Password=...", [pipeline]);
/// var result = await store.SaveDealAsync(deal, expectedVersion: 0, Guid.NewGuid());
/// </code></example>
public sealed partial class PostgreSqlEventStore : EventStore
{
    // A fixed key for pg_advisory_xact_lock: schema creation by several servers at once runs one at a time.
    private const long SchemaLockKey = 0x5341_4C45_5350_4950;

    private PostgreSqlEventStore(PostgreSqlDialect dialect, IReadOnlyDictionary<string, PipelineDefinition> pipelines)
        : base(dialect, pipelines)
    {
        Schema = dialect.Schema;
    }

    /// <summary>The PostgreSQL schema that holds the store's tables.</summary>
    public string Schema { get; }

    /// <summary>Opens the store in <paramref name="schema"/> of the database <paramref name="connectionString"/> names, creating its tables when they do not exist yet.</summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="pipelines">The definitions of the pipelines whose deals the store keeps (at least one, names unique): every deal saved or loaded is checked against its pipeline.</param>
    /// <param name="schema">The schema for the store's tables: lowercase letters, digits and underscores, starting with a letter or underscore, at most 63 characters.</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <returns>The open store; it owns the data source it made and disposes of it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="connectionString"/>, <paramref name="pipelines"/> or <paramref name="schema"/> is null, or one of the pipelines is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is not a valid connection string, <paramref name="pipelines"/> is empty or names two pipelines alike, or <paramref name="schema"/> breaks the naming rule.</exception>
    /// <exception cref="InvalidOperationException">The schema holds a store of a newer schema version than this package knows.</exception>
    /// <exception cref="NpgsqlException">The server cannot be reached or refuses the connection or the statements.</exception>
    public static Task<PostgreSqlEventStore> OpenAsync(
        string connectionString,
        IEnumerable<PipelineDefinition> pipelines,
        string schema = "sales_pipeline",
        CancellationToken cancellationToken = default
    )
    {
        Preconditions.CheckNotBlank(connectionString);
        var catalog = CatalogOf(pipelines);
        CheckSchema(schema);
        return OpenAsync(NpgsqlDataSource.Create(connectionString), catalog, schema, ownsDataSource: true, cancellationToken);
    }

    /// <summary>Opens the store in <paramref name="schema"/> on an application's own data source (which it does not dispose of).</summary>
    /// <param name="dataSource">The data source.</param>
    /// <param name="pipelines">The definitions of the pipelines whose deals the store keeps (at least one, names unique): every deal saved or loaded is checked against its pipeline.</param>
    /// <param name="schema">The schema for the store's tables (the rule at <see cref="OpenAsync(string, IEnumerable{PipelineDefinition}, string, CancellationToken)"/>).</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <returns>The open store.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dataSource"/>, <paramref name="pipelines"/> or <paramref name="schema"/> is null, or one of the pipelines is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="pipelines"/> is empty or names two pipelines alike, or <paramref name="schema"/> breaks the naming rule.</exception>
    /// <exception cref="InvalidOperationException">The schema holds a store of a newer schema version than this package knows.</exception>
    /// <exception cref="NpgsqlException">The server cannot be reached or refuses the connection or the statements.</exception>
    public static Task<PostgreSqlEventStore> OpenAsync(
        NpgsqlDataSource dataSource,
        IEnumerable<PipelineDefinition> pipelines,
        string schema = "sales_pipeline",
        CancellationToken cancellationToken = default
    )
    {
        Preconditions.CheckNotNull(dataSource);
        var catalog = CatalogOf(pipelines);
        CheckSchema(schema);
        return OpenAsync(dataSource, catalog, schema, ownsDataSource: false, cancellationToken);
    }

    private static async Task<PostgreSqlEventStore> OpenAsync(
        NpgsqlDataSource dataSource,
        IReadOnlyDictionary<string, PipelineDefinition> pipelines,
        string schema,
        bool ownsDataSource,
        CancellationToken cancellationToken
    )
    {
        var dialect = new PostgreSqlDialect(dataSource, schema, ownsDataSource);
        try
        {
            var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    var create = new NpgsqlCommand(
                        $"SELECT pg_advisory_xact_lock({SchemaLockKey}); CREATE SCHEMA IF NOT EXISTS \"{schema}\"; {Sql.Schema.Tables(dialect)}",
                        connection,
                        transaction
                    );
                    await using (create.ConfigureAwait(false))
                    {
                        await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }
                    var version = new NpgsqlCommand(
                        $"SELECT value FROM \"{schema}\".store_info WHERE name = 'schema-version'",
                        connection,
                        transaction
                    );
                    await using (version.ConfigureAwait(false))
                    {
                        var found = Convert.ToString(
                            await version.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false),
                            CultureInfo.InvariantCulture
                        );
                        if (Sql.Schema.Upgrade(dialect, found) is { } upgrade)
                        {
                            version.CommandText = upgrade;
                            await version.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                            found = Sql.Schema.Version;
                        }
                        Sql.Schema.CheckVersion(found, $"schema \"{schema}\" of {connection.Database}");
                        version.CommandText = Sql.Schema.DealIndexes(dialect);
                        await version.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch
        {
            await dialect.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return new PostgreSqlEventStore(dialect, pipelines);
    }

    private static void CheckSchema(string schema)
    {
        Preconditions.CheckNotNull(schema);
        Preconditions.CheckArgument(
            SchemaName().IsMatch(schema),
            nameof(schema),
            $"A schema name is 1 to 63 lowercase letters, digits and underscores, starting with a letter or underscore; \"{schema}\" is not."
        );
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaName();

    /// <summary>"PostgreSqlEventStore sales_pipeline".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"PostgreSqlEventStore {Schema}";
}
