using System.Collections;
using System.Collections.Generic;
using SalesPipeline.Reporting;

namespace SalesPipeline.Html.Tables;

// The columns as the HTML table shows them: a money column x followed by its x_currency column (ColumnType's rule) is one
// column whose cells hold both; every other column is itself.
internal sealed class TableLayout : IReadOnlyList<TableLayout.Column>
{
    private readonly List<Column> columns;

    private TableLayout(List<Column> columns) => this.columns = columns;

    public int Count => columns.Count;

    public Column this[int index] => columns[index];

    public static TableLayout Of(ReportTable table)
    {
        var list = new List<Column>(table.Columns.Count);
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var column = table.Columns[c];
            if (IsMoney(table, c))
            {
                list.Add(new Column(c, column.Name, column.Description, IsNumeric: true, CurrencyIndex: c + 1));
                c++;
            }
            else
            {
                var numeric = column.Type is ColumnType.WholeNumber or ColumnType.ExactNumber or ColumnType.RealNumber;
                list.Add(
                    new Column(c, column.Name, column.Description, numeric, CurrencyIndex: null) { IsText = column.Type == ColumnType.Text }
                );
            }
        }
        return new TableLayout(list);
    }

    public IEnumerator<Column> GetEnumerator() => columns.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static bool IsMoney(ReportTable table, int c) =>
        table.Columns[c].Type == ColumnType.ExactNumber
        && c + 1 < table.Columns.Count
        && table.Columns[c + 1].Type == ColumnType.Text
        && table.Columns[c + 1].Name == table.Columns[c].Name + "_currency";

    public sealed record Column(int Index, string Name, string Description, bool IsNumeric, int? CurrencyIndex)
    {
        public bool IsText { get; init; }
    }
}
