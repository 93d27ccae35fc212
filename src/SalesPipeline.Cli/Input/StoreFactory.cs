using System;
using System.Data.Common;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using SalesPipeline.Pipelines;
using SalesPipeline.Storage;
using SalesPipeline.Storage.PostgreSql;
using SalesPipeline.Storage.Sqlite;

namespace SalesPipeline.Cli.Input;

/// <summary>Opens the store a command names: <c>--store FILE</c> (SQLite) or <c>--postgres "CONNECTION STRING"</c>.</summary>
internal static class StoreFactory
{
    /// <summary>Opens the store of <paramref name="spec"/> with <paramref name="pipeline"/>; the caller disposes it.</summary>
    /// <exception cref="BadInputException">The store's documented refusals of what it was given: a store of a newer
    /// schema version, a schema name that breaks the naming rule.</exception>
    public static async Task<EventStore> OpenAsync(InputSpec spec, PipelineDefinition pipeline, CancellationToken cancellationToken)
    {
        try
        {
            if (spec.Postgres is { } connection)
            {
                return spec.PostgresSchema is { } schema
                    ? await PostgreSqlEventStore.OpenAsync(connection, [pipeline], schema, cancellationToken).ConfigureAwait(false)
                    : await PostgreSqlEventStore
                        .OpenAsync(connection, [pipeline], cancellationToken: cancellationToken)
                        .ConfigureAwait(false);
            }
            var path = spec.Store?.FullName ?? throw new BadInputException("No store was named.");
            return await SqliteEventStore.OpenAsync(path, [pipeline], cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        // Only the open's documented refusals (the connection string was checked while parsing): any other argument or
        // state exception is a bug of the tool and surfaces as one.
        catch (Exception e) when (e is InvalidOperationException or ArgumentException && e is not ArgumentNullException)
        {
            throw new BadInputException($"{Describe(spec)}: {e.Message}", inner: e);
        }
    }

    /// <summary>Whether <paramref name="e"/> is the store (or its database, or the file system) refusing, not a bug of the
    /// tool: the exceptions the stores document for reads and appends.</summary>
    public static bool IsStoreFailure(Exception e) =>
        e
            is DbException
                or StoredEventException
                or StreamVersionConflictException
                or AppendIdConflictException
                or IOException
                or UnauthorizedAccessException;

    /// <summary>The store as messages name it: the SQLite file's name, or "PostgreSQL".</summary>
    public static string Describe(InputSpec spec) => spec.Postgres is not null ? "PostgreSQL" : spec.Store?.Name ?? "store";
}
