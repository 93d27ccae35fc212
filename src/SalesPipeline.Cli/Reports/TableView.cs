using System;
using System.Collections.Generic;
using SalesPipeline.Reporting;

namespace SalesPipeline.Cli.Reports;

/// <summary>
/// How a table shows on the console: which of its columns (all when null), which rows (all when null), at most how many.
/// The JSON, CSV and HTML outputs always carry the whole table. Immutable.
/// </summary>
/// <param name="Table">The table.</param>
/// <param name="Caption">The line printed above it.</param>
/// <param name="Columns">The columns shown, by name (a money column brings its currency); every column when null.</param>
/// <param name="Rows">Which rows are shown, by index; every row when null.</param>
/// <param name="MaxRows">At most this many rows are shown; a line says how many more there are.</param>
/// <param name="EmptyAs">Text shown for an empty cell of a column, by column name (the label of a total row); the
/// JSON and CSV outputs keep the cell empty, as the library's table has it.</param>
internal sealed record TableView(
    ReportTable Table,
    string Caption,
    IReadOnlyList<string>? Columns = null,
    Func<int, bool>? Rows = null,
    int? MaxRows = null,
    IReadOnlyDictionary<string, string>? EmptyAs = null
)
{
    /// <summary>The rows whose <paramref name="column"/> holds one of <paramref name="values"/>.</summary>
    public static Func<int, bool> Where(ReportTable table, string column, params string[] values)
    {
        var index = table.IndexOf(column);
        if (index < 0)
        {
            throw new InvalidOperationException($"Table {table.Name} has no column {column}.");
        }
        return row => table[row, index] is string value && Array.IndexOf(values, value) >= 0;
    }
}
