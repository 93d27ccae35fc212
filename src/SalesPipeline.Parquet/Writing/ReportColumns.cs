using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;
using SalesPipeline.Reporting;

namespace SalesPipeline.Parquet.Writing;

// A report table's columns, each typed by its ColumnType (docs/parquet.md, "Report tables"). The table is in memory, so
// every cell is checked, and each ExactNumber column's scale chosen, before a byte is written.
internal static class ReportColumns
{
    internal static IReadOnlyList<Column<object?[]>> Create(ReportTable table)
    {
        var columns = new Column<object?[]>[table.Columns.Count];
        for (var c = 0; c < columns.Length; c++)
        {
            var index = c;
            var name = table.Columns[c].Name;
            columns[c] = table.Columns[c].Type switch
            {
                ColumnType.Text => Columns.Text<object?[]>(name, true, row => (string?)row[index]),
                ColumnType.WholeNumber => Columns.Long<object?[]>(name, true, row => (long?)row[index]),
                ColumnType.RealNumber => Columns.Double<object?[]>(name, true, row => (double?)row[index]),
                ColumnType.Boolean => Columns.Boolean<object?[]>(name, true, row => (bool?)row[index]),
                ColumnType.Date => Columns.Date<object?[]>(name, true, row => (LocalDate?)row[index]),
                ColumnType.Instant => Instant(table, c),
                _ => Columns.Decimal<object?[]>(name, true, ParquetValues.MaxPrecision, Scale(table, c), row => (decimal?)row[index]),
            };
        }
        return columns;
    }

    internal static IEnumerable<object?[]> Rows(ReportTable table)
    {
        for (var r = 0; r < table.RowCount; r++)
        {
            var row = new object?[table.Columns.Count];
            for (var c = 0; c < row.Length; c++)
            {
                row[c] = table[r, c];
            }
            yield return row;
        }
    }

    // The largest scale its values are written with (1.50m counts 2), so that none loses a digit and amounts keep their
    // cents; lowered only as far as the widest integer part needs (DECIMAL(38, s) has 38 - s digits before the point) and
    // never below the digits a value has (1.50m needs 1).
    private static int Scale(ReportTable table, int column)
    {
        var (scale, integerDigits, needed, widest, finest) = (0, 0, 0, 0m, 0m);
        for (var r = 0; r < table.RowCount; r++)
        {
            if (table[r, column] is decimal value)
            {
                var (s, digits) = ParquetValues.Shape(value);
                scale = Math.Max(scale, s);
                if (digits > integerDigits)
                {
                    (integerDigits, widest) = (digits, value);
                }
                var significant = ParquetValues.SignificantScale(value);
                if (significant > needed)
                {
                    (needed, finest) = (significant, value);
                }
            }
        }
        scale = Math.Min(scale, ParquetValues.MaxPrecision - integerDigits);
        if (scale < needed)
        {
            throw new ArgumentException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Table \"{table.Name}\", column {table.Columns[column].Name}: no DECIMAL(38, s) holds both {ParquetValues.Describe(widest)} ({integerDigits} digits before the point) and {ParquetValues.Describe(finest)} ({needed} decimals); Parquet decimals have at most 38 digits."
                ),
                nameof(table)
            );
        }
        return scale;
    }

    // Checked before writing, so that a refused instant leaves the destination untouched.
    private static Column<object?[]> Instant(ReportTable table, int column)
    {
        for (var r = 0; r < table.RowCount; r++)
        {
            if (table[r, column] is Instant instant && ParquetValues.Timestamp(instant) is null)
            {
                throw new ArgumentException(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"Table \"{table.Name}\", row {r}, column {table.Columns[column].Name} = {ParquetValues.Describe(instant)}: {ParquetValues.TimestampRule}"
                    ),
                    nameof(table)
                );
            }
        }
        return Columns.Instant<object?[]>(table.Columns[column].Name, true, row => (Instant?)row[column]);
    }
}
