using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using SalesPipeline.Parquet.Writing;
using SalesPipeline.Reporting;

namespace SalesPipeline.Parquet;

/// <summary>
/// Writes any <see cref="ReportTable"/> (forecasts, funnel, win rates, leaderboards, ...) as a typed Parquet file with the
/// table's column names: Text as a UTF-8 string, WholeNumber as INT64, ExactNumber as DECIMAL(38, s), RealNumber as
/// DOUBLE, Boolean as BOOLEAN, Date as DATE and Instant as TIMESTAMP(MICROS, UTC); every column optional (null cells).
/// </summary>
/// <remarks>
/// <para>An ExactNumber column's scale s is the largest number of decimals its values are written with (1.50m counts 2),
/// so no value loses a digit. Each column's description, and the table's name, are in the file's key-value metadata
/// (<c>salespipeline.table</c>, <c>salespipeline.column.NAME</c>).</para>
/// <para>The whole table is checked before anything is written: a refused table leaves the destination untouched.</para>
/// <para>Thread-safe: each call writes its own stream and shares nothing.</para>
/// </remarks>
public static class ReportParquet
{
    /// <summary>Writes the table as a Parquet file.</summary>
    /// <param name="table">The table.</param>
    /// <param name="destination">A writable stream, written from its current position and left open.</param>
    /// <param name="cancellationToken">Checked between row groups.</param>
    /// <returns>A task that completes when the file, with its footer, is written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> or <paramref name="destination"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="destination"/> cannot be written; an Instant cell has digits finer than a microsecond; or an
    /// ExactNumber column mixes values that no DECIMAL(38, s) holds together (10^28 and 10^-28).
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="IOException">The stream cannot be written.</exception>
    /// <example>
    /// <code>
    /// var table = new ReportTable("funnel",
    ///     [new ReportColumn("stage_id", ColumnType.Text, "The stage."), new ReportColumn("reached", ColumnType.WholeNumber, "Deals that reached it.")],
    ///     [["qualify", 120L], ["proposal", 48L]]);
    /// await using var file = File.Create("funnel.parquet");
    /// await ReportParquet.WriteAsync(table, file);
    /// // polars: pl.read_parquet("funnel.parquet") is a 2 x 2 frame, stage_id str and reached i64.
    /// </code>
    /// </example>
    public static Task WriteAsync(ReportTable table, Stream destination, CancellationToken cancellationToken = default) =>
        WriteAsync(table, destination, TableWriter.RowGroupRows, cancellationToken);

    internal static Task WriteAsync(ReportTable table, Stream destination, int rowGroupRows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        DealParquet.CheckDestination(destination);
        var columns = ReportColumns.Create(table);
        var metadata = DealParquet.Metadata(table.Name);
        foreach (var column in table.Columns)
        {
            metadata["salespipeline.column." + column.Name] = column.Description;
        }
        return TableWriter.WriteAsync(
            ReportColumns.Rows(table),
            columns,
            destination,
            metadata,
            static (_, index) => "Row " + index.ToString(System.Globalization.CultureInfo.InvariantCulture),
            nameof(table),
            "Row",
            rowGroupRows,
            cancellationToken
        );
    }
}
