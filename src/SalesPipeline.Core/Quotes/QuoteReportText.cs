using System.Linq;
using System.Text;
using SalesPipeline.Reporting;

namespace SalesPipeline.Quotes;

// The invariant ToString of the quote reports: the table's columns, then one line per row, cells in the one cell form
// of the CSV writer (ReportTable.FormatCell).
internal static class QuoteReportText
{
    internal static string Of(string title, ReportTable table)
    {
        var text = new StringBuilder(title).Append('\n').Append(string.Join(" | ", table.Columns.Select(c => c.Name)));
        for (var r = 0; r < table.RowCount; r++)
        {
            text.Append('\n');
            for (var c = 0; c < table.Columns.Count; c++)
            {
                text.Append(c == 0 ? "" : " | ").Append(ReportTable.FormatCell(table[r, c]));
            }
        }
        return text.ToString();
    }
}
