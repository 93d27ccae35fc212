using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Parquet;
using Parquet.Schema;

namespace SalesPipeline.Parquet.Writing;

// Streams rows into a Parquet file, one row group at a time: only the current group's column values are held.
internal static class TableWriter
{
    // Rows per row group: large enough for readers to scan well, small enough that a million deals never sit in memory
    // twice (their columns are written and dropped every group).
    internal const int RowGroupRows = 100_000;

    internal static async Task WriteAsync<TRow>(
        IEnumerable<TRow?> rows,
        IReadOnlyList<Column<TRow>> columns,
        Stream destination,
        IReadOnlyDictionary<string, string> metadata,
        Func<TRow, long, string> describe,
        string paramName,
        string itemName,
        int rowGroupRows,
        CancellationToken cancellationToken
    )
        where TRow : class
    {
        cancellationToken.ThrowIfCancellationRequested();
        var schema = new ParquetSchema(columns.Select(c => (Field)c.Field).ToArray());
        // Not disposed when a row is refused: disposing writes the footer, which would make the rows before the refused one
        // a valid, silently shorter file. Without the footer no reader opens the file.
#pragma warning disable CA2000
        var writer = await ParquetWriter.CreateAsync(schema, destination, cancellationToken: cancellationToken).ConfigureAwait(false);
#pragma warning restore CA2000
        writer.CustomMetadata = metadata;
        var inGroup = 0;
        var index = 0L;
        foreach (var row in rows)
        {
            if (row is null)
            {
                throw new ArgumentNullException(paramName, string.Create(CultureInfo.InvariantCulture, $"{itemName} {index} is null."));
            }
            try
            {
                foreach (var column in columns)
                {
                    column.Add(row, inGroup);
                }
            }
            catch (ValueRefusedException refused)
            {
                throw new ArgumentException(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"{describe(row, index)}, column {refused.Column} = {ParquetValues.Describe(refused.Value)}: {refused.Message}"
                    ),
                    paramName
                );
            }
            index++;
            if (++inGroup == rowGroupRows)
            {
                await WriteGroupAsync(writer, columns, inGroup, cancellationToken).ConfigureAwait(false);
                inGroup = 0;
            }
        }
        if (inGroup > 0)
        {
            await WriteGroupAsync(writer, columns, inGroup, cancellationToken).ConfigureAwait(false);
        }
        await writer.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task WriteGroupAsync<TRow>(
        ParquetWriter writer,
        IReadOnlyList<Column<TRow>> columns,
        int count,
        CancellationToken cancellationToken
    )
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var group = writer.CreateRowGroup();
        foreach (var column in columns)
        {
            await column.WriteAsync(group, count, cancellationToken).ConfigureAwait(false);
        }
    }
}
