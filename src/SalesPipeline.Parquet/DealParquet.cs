using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using NodaTime.Text;
using SalesPipeline.Deals;
using SalesPipeline.Parquet.Writing;

namespace SalesPipeline.Parquet;

/// <summary>
/// Writes deals, and their events, as typed Parquet files that pandas, polars and DuckDB open directly: dates as DATE,
/// instants as UTC timestamps, money as an exact DECIMAL beside its ISO 4217 code (docs/parquet.md lists every column).
/// </summary>
/// <remarks>
/// <para>Rows are streamed: the writer holds one row group (100,000 rows) of column values at a time, so a million deals
/// are never held twice.</para>
/// <para>No value is rounded: a value a column cannot hold exactly (an instant with digits finer than a microsecond, an
/// amount with more than 18 decimals) is refused with an <see cref="ArgumentException"/> naming the row, the column and
/// the value. The file is then left without its footer, so no reader opens it: write to a temporary file and move it
/// into place once the call completes.</para>
/// <para>Thread-safe: each call writes its own stream and shares nothing.</para>
/// </remarks>
public static class DealParquet
{
    /// <summary>Writes one row per deal, as it stands: the canonical deals.csv columns of docs/csv.md, typed.</summary>
    /// <param name="deals">The deals, in the order to write them.</param>
    /// <param name="destination">A writable stream, written from its current position and left open.</param>
    /// <param name="cancellationToken">Checked between row groups.</param>
    /// <returns>A task that completes when the file, with its footer, is written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="deals"/>, a deal or <paramref name="destination"/> is null ("Deal 3 is null.").</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="destination"/> cannot be written; or a value cannot be written exactly (an
    /// instant with digits finer than a microsecond, an amount with more than 18 decimals).
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="IOException">The stream cannot be written.</exception>
    /// <example>
    /// <code>
    /// await using (var file = File.Create("deals.parquet"))
    /// {
    ///     await DealParquet.WriteDealsAsync(deals, file);
    /// }
    /// // python: pandas.read_parquet("deals.parquet"); amount is a Decimal such as 1250.500000000000000000, currency "USD",
    /// //         created_at a datetime64[us, UTC], expected_close a date.
    /// </code>
    /// </example>
    public static Task WriteDealsAsync(IEnumerable<Deal> deals, Stream destination, CancellationToken cancellationToken = default) =>
        WriteDealsAsync(deals, destination, TableWriter.RowGroupRows, cancellationToken);

    internal static Task WriteDealsAsync(IEnumerable<Deal> deals, Stream destination, int rowGroupRows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deals);
        CheckDestination(destination);
        return TableWriter.WriteAsync<Deal>(
            deals,
            DealColumns.Create(),
            destination,
            Metadata("deals"),
            static (deal, index) => string.Create(CultureInfo.InvariantCulture, $"Deal {index} ({deal.Id})"),
            nameof(deals),
            "Deal",
            rowGroupRows,
            cancellationToken
        );
    }

    /// <summary>
    /// Writes one row per event: the deal, when, by whom, the event's kind (its type's name, as in the JSON form) and its
    /// fields, in one wide schema where a column the kind does not have is null (docs/parquet.md, "events").
    /// </summary>
    /// <param name="events">The events, in the order to write them; for deals, <c>deals.SelectMany(d =&gt; d.Events)</c>.</param>
    /// <param name="destination">A writable stream, written from its current position and left open.</param>
    /// <param name="cancellationToken">Checked between row groups.</param>
    /// <returns>A task that completes when the file, with its footer, is written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="events"/>, an event or <paramref name="destination"/> is null ("Event 3 is null.").</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="destination"/> cannot be written; or a value cannot be written exactly (an
    /// instant with digits finer than a microsecond, an amount with more than 18 decimals).
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="IOException">The stream cannot be written.</exception>
    /// <example>
    /// <code>
    /// await using var file = File.Create("events.parquet");
    /// await DealParquet.WriteEventsAsync(deals.SelectMany(d => d.Events), file);
    /// // duckdb: SELECT kind, count(*) FROM 'events.parquet' GROUP BY kind;
    /// </code>
    /// </example>
    public static Task WriteEventsAsync(IEnumerable<DealEvent> events, Stream destination, CancellationToken cancellationToken = default) =>
        WriteEventsAsync(events, destination, TableWriter.RowGroupRows, cancellationToken);

    internal static Task WriteEventsAsync(
        IEnumerable<DealEvent> events,
        Stream destination,
        int rowGroupRows,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(events);
        CheckDestination(destination);
        return TableWriter.WriteAsync<DealEvent>(
            events,
            EventColumns.Create(),
            destination,
            Metadata("events"),
            static (e, index) =>
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Event {index} ({e.GetType().Name} of deal {e.DealId} at {InstantPattern.ExtendedIso.Format(e.At)})"
                ),
            nameof(events),
            "Event",
            rowGroupRows,
            cancellationToken
        );
    }

    internal static void CheckDestination(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (!destination.CanWrite)
        {
            throw new ArgumentException("The destination stream cannot be written (CanWrite is false).", nameof(destination));
        }
    }

    // The table's name in the file's key-value metadata, where pyarrow shows it (schema.metadata).
    internal static Dictionary<string, string> Metadata(string table) => new(StringComparer.Ordinal) { ["salespipeline.table"] = table };
}
