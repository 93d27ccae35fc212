using System;
using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;
using SalesPipeline.Html.Markup;
using SalesPipeline.Html.Tables;
using SalesPipeline.Reporting;

namespace SalesPipeline.Html;

/// <summary>
/// A <see cref="ReportTable"/> as a compact, accessible HTML <c>&lt;table&gt;</c>: for a page, a notebook cell or an
/// e-mail.
/// </summary>
/// <remarks>
/// <para>The table's name is the <c>&lt;caption&gt;</c>; each column is a <c>&lt;th scope="col"&gt;</c> with its name, and its
/// description as the <c>title</c> (a tooltip). Cells, one invariant form each:
/// <list type="bullet">
/// <item>text as is (line breaks kept by the page's style);</item>
/// <item>whole numbers with a comma every three digits (<c>1,234</c>); exact numbers the same, with their scale kept
/// (<c>0.10</c>);</item>
/// <item>money, a column <c>x</c> followed by its <c>x_currency</c> column, as one cell: the amount with at least the
/// currency's decimals, then the code (<c>60,000.00 USD</c>, <c>125,000 JPY</c>, <c>10.125 USD</c>);</item>
/// <item>real numbers to four decimals (<c>0.3333</c>; below 0.001 in scientific notation, <c>1.5E-7</c>), with the exact
/// value in the cell's <c>title</c> when that rounds it;</item>
/// <item>booleans <c>true</c> and <c>false</c>; dates <c>2026-03-10</c>; instants ISO 8601 in UTC
/// (<c>2026-03-10T12:00:00Z</c>, with only the fraction of a second they need);</item>
/// <item>a null cell empty.</item>
/// </list>
/// Numbers and money are right-aligned by an inline style, so the fragment needs no style sheet; text cells carry the
/// class <c>sp-text</c> (the report's style sheet keeps their line breaks).</para>
/// <para>Every text is escaped for HTML and XML alike, so the fragment is well-formed XHTML (an XML parser reads it) and
/// no cell can inject markup. Control characters that neither HTML nor XML may hold are shown as visible stand-ins (C0
/// controls and DEL as their control pictures, U+2400 to U+2421; C1 controls, U+FFFE and U+FFFF as U+FFFD); every other
/// character reads back exactly.</para>
/// <para>Thread-safe: the methods share no state.</para>
/// </remarks>
/// <example><code>
/// string html = Funnel.Of(deals, pipeline).ToTable().ToHtml();     // every row
/// string head = forecast.ToTable().ToHtml(maxRows: 20);             // 20 rows, then "12 more rows"
/// </code></example>
public static class HtmlTables
{
    private const string Right = " style=\"text-align:right\"";

    /// <summary>The whole table as HTML.</summary>
    /// <param name="table">The table.</param>
    /// <returns>One <c>&lt;table class="sp-table"&gt;</c> element.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    public static string ToHtml(this ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Write(table, table.RowCount, 0);
    }

    /// <summary>
    /// The table's first rows as HTML, for a notebook: when there are more, a last line in the footer says how many
    /// ("12 more rows").
    /// </summary>
    /// <param name="table">The table.</param>
    /// <param name="maxRows">The most rows to show; 1 or more.</param>
    /// <returns>One <c>&lt;table class="sp-table"&gt;</c> element.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxRows"/> is less than 1.</exception>
    public static string ToHtml(this ReportTable table, int maxRows)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (maxRows < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(maxRows),
                maxRows,
                string.Create(CultureInfo.InvariantCulture, $"At least one row must be shown; maxRows was {maxRows}.")
            );
        }
        var shown = Math.Min(maxRows, table.RowCount);
        return Write(table, shown, table.RowCount - shown);
    }

    /// <summary>
    /// The first rows of a longer table, already cut, as <see cref="ToHtml(ReportTable, int)"/> writes them: for a
    /// notebook's list of a million deals, whose full table would decode every deal to show twenty.
    /// </summary>
    /// <param name="head">The rows shown.</param>
    /// <param name="rowCount">How many rows the whole table has; the footer counts those beyond the head's.</param>
    internal static string HeadToHtml(ReportTable head, int rowCount) => Write(head, head.RowCount, rowCount - head.RowCount);

    private static string Write(ReportTable table, int shown, int hidden)
    {
        var layout = TableLayout.Of(table);
        var sb = new StringBuilder(256 + (shown * layout.Count * 24));
        sb.Append("<table class=\"sp-table\"><caption>");
        Xml.AppendText(sb, table.Name);
        sb.Append("</caption><thead><tr>");
        foreach (var column in layout)
        {
            sb.Append("<th scope=\"col\"").Append(column.IsNumeric ? Right : "").Append(" title=\"");
            Xml.AppendAttribute(sb, column.Description);
            sb.Append("\">");
            Xml.AppendText(sb, column.Name);
            sb.Append("</th>");
        }
        sb.Append("</tr></thead><tbody>");
        for (var row = 0; row < shown; row++)
        {
            sb.Append("<tr>");
            foreach (var column in layout)
            {
                AppendCell(sb, table, row, column);
            }
            sb.Append("</tr>");
        }
        sb.Append("</tbody>");
        if (hidden > 0)
        {
            sb.Append("<tfoot><tr><td colspan=\"")
                .Append(layout.Count.ToString(CultureInfo.InvariantCulture))
                .Append("\">")
                .Append(Numbers.Whole(hidden))
                .Append(hidden == 1 ? " more row" : " more rows")
                .Append("</td></tr></tfoot>");
        }
        return sb.Append("</table>").ToString();
    }

    private static void AppendCell(StringBuilder sb, ReportTable table, int row, TableLayout.Column column)
    {
        var cell = table[row, column.Index];
        string? exact = null;
        var text = cell switch
        {
            null => "",
            decimal amount when column.CurrencyIndex is { } c => MoneyText(amount, table[row, c] as string),
            string s => s,
            long l => Numbers.Whole(l),
            decimal d => Numbers.Exact(d),
            double r => RealText(r, out exact),
            bool b => b ? "true" : "false",
            LocalDate date => LocalDatePattern.Iso.Format(date),
            Instant instant => InstantPattern.ExtendedIso.Format(instant),
            _ => Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "",
        };
        sb.Append("<td");
        if (column.IsNumeric)
        {
            sb.Append(Right);
        }
        else if (column.IsText)
        {
            sb.Append(" class=\"sp-text\"");
        }
        if (exact is not null)
        {
            sb.Append(" title=\"").Append(exact).Append('"');
        }
        sb.Append('>');
        Xml.AppendText(sb, text);
        sb.Append("</td>");
    }

    // The code after the amount, as people write it in a table; an unknown or missing code keeps the amount's own digits.
    private static string MoneyText(decimal amount, string? code)
    {
        if (code is null)
        {
            return Numbers.Exact(amount);
        }
        var digits =
            Currency.TryFromCode(code, out var currency) && currency.HasMinorUnit
                ? Numbers.Amount(amount, currency.MinorUnit)
                : Numbers.Exact(amount);
        return digits + " " + code;
    }

    private static string RealText(double value, out string? exact)
    {
        var text = Numbers.Real(value);
        var roundTrip = Numbers.RoundTrip(value);
        exact =
            double.Parse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture) == value ? null : roundTrip;
        return text;
    }
}
