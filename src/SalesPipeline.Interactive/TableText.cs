using System;
using System.Globalization;
using System.Linq;
using System.Text;
using SalesPipeline.Reporting;

namespace SalesPipeline.Interactive;

/// <summary>Report tables as plain text (the notebook's text/plain output) and cut to their first rows.</summary>
internal static class TableText
{
    /// <summary>The first <paramref name="maxRows"/> rows of a table, or the table itself when it has no more.</summary>
    public static ReportTable Head(ReportTable table, int maxRows) =>
        table.RowCount <= maxRows
            ? table
            : new ReportTable(
                table.Name,
                table.Columns,
                Enumerable.Range(0, maxRows).Select(r => Enumerable.Range(0, table.Columns.Count).Select(c => table[r, c]).ToArray())
            );

    /// <summary>
    /// The name, then the header and rows with columns padded to their widest cell (numbers right-aligned), then a line
    /// saying how many rows were left out ("(12 more rows)", as the HTML table's footer says it). Cells are written as the CSV files write them (<see cref="ReportTable.FormatCell"/>,
    /// docs/export.md): invariant numbers with every digit, ISO dates and instants, true/false, nothing for null.
    /// </summary>
    public static string Format(ReportTable table, int maxRows) => Format(TableHead.Of(table, maxRows));

    /// <summary>A table's first rows as <see cref="Format(ReportTable, int)"/> writes them, the last line counting the rows
    /// of the whole table beyond them.</summary>
    public static string Format(TableHead shown)
    {
        var head = shown.Rows;
        var columns = head.Columns.Count;
        var cells = new string[head.RowCount + 1, columns];
        var widths = new int[columns];
        for (var c = 0; c < columns; c++)
        {
            cells[0, c] = head.Columns[c].Name;
            for (var r = 0; r < head.RowCount; r++)
            {
                cells[r + 1, c] = ReportTable.FormatCell(head[r, c]);
            }
            for (var r = 0; r <= head.RowCount; r++)
            {
                widths[c] = Math.Max(widths[c], cells[r, c].Length);
            }
        }
        var text = new StringBuilder(head.Name).Append('\n');
        for (var r = 0; r <= head.RowCount; r++)
        {
            var line = new StringBuilder();
            for (var c = 0; c < columns; c++)
            {
                var right = r > 0 && IsNumber(head.Columns[c].Type);
                var cell = right ? cells[r, c].PadLeft(widths[c]) : cells[r, c].PadRight(widths[c]);
                line.Append(c == 0 ? "" : "  ").Append(cell);
            }
            text.Append(line.ToString().TrimEnd()).Append('\n');
        }
        if (head.RowCount < shown.RowCount)
        {
            var more = shown.RowCount - head.RowCount;
            text.Append(CultureInfo.InvariantCulture, $"({more:N0} more {(more == 1 ? "row" : "rows")})\n");
        }
        return text.ToString().TrimEnd('\n');
    }

    private static bool IsNumber(ColumnType type) => type is ColumnType.WholeNumber or ColumnType.ExactNumber or ColumnType.RealNumber;
}
