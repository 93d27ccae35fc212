using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using NodaTime;
using NodaTime.Text;
using SalesPipeline.Cli.Reports;
using SalesPipeline.Reporting;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace SalesPipeline.Cli.Output;

/// <summary>
/// Renders report tables on the console with Spectre.Console: one function for every <see cref="ReportTable"/>.
/// A money column <c>x</c> and its <c>x_currency</c> show as one cell, "60,000.00 USD"; numbers are right-aligned.
/// Display only: JSON and CSV carry every digit.
/// </summary>
internal static class ConsoleTables
{
    /// <summary>Writes every section of <paramref name="results"/>: a rule with its title, its tables and notes.</summary>
    public static void Write(IAnsiConsole console, string heading, ReportResults results)
    {
        console.Write(new Rule(Markup.Escape(Visible(heading))).LeftJustified());
        foreach (var section in results.Sections)
        {
            console.WriteLine();
            console.Write(new Rule($"[bold]{Markup.Escape(section.Title)}[/]").LeftJustified());
            foreach (var view in section.Views)
            {
                console.Write(Render(view, out var hidden));
                if (hidden > 0)
                {
                    console.Write(
                        new Text(string.Create(CultureInfo.InvariantCulture, $"... and {hidden} more rows (all in --json and --csv).\n"))
                    );
                }
            }
            foreach (var note in section.Notes)
            {
                console.Write(new Text(Visible(note) + "\n"));
            }
        }
    }

    /// <summary>The Spectre table of <paramref name="view"/>; <paramref name="hidden"/> is the rows left out by MaxRows.</summary>
    public static Table Render(TableView view, out int hidden)
    {
        var table = view.Table;
        var shown = ShownColumns(table, view.Columns);
        var result = new Table().Border(TableBorder.Rounded).Title(new TableTitle(Markup.Escape(Visible(view.Caption))));
        foreach (var c in shown)
        {
            var column = new TableColumn(Markup.Escape(table.Columns[c].Name.Replace('_', ' ')));
            if (IsNumeric(table.Columns[c].Type))
            {
                column.RightAligned();
            }
            result.AddColumn(column);
        }
        var rows = Enumerable.Range(0, table.RowCount).Where(r => view.Rows?.Invoke(r) ?? true).ToList();
        var limit = view.MaxRows ?? int.MaxValue;
        foreach (var r in rows.Take(limit))
        {
            result.AddRow(shown.Select(c => (IRenderable)new Text(Shown(view, r, c))));
        }
        hidden = Math.Max(0, rows.Count - limit);
        return result;
    }

    // The text of a cell as the view shows it: the view's label for an empty cell where it has one.
    private static string Shown(TableView view, int row, int column) =>
        view.Table[row, column] is null && view.EmptyAs?.GetValueOrDefault(view.Table.Columns[column].Name) is { } label
            ? label
            : Format(view.Table, row, column);

    /// <summary>
    /// Text from the data made safe for a terminal: every C0 control (tab, line feed and carriage return too, which
    /// would break a table's row), DEL and every C1 control is replaced by a visible stand-in, so an escape sequence in
    /// a deal's name (ESC [ 2 J ...) shows as text instead of acting on the terminal. The rule is SalesPipeline.Html's
    /// (Markup/Xml.cs, internal there): C0 and DEL as their Unicode control pictures (U+0000 -> U+2400, U+007F ->
    /// U+2421), C1 and a lone UTF-16 surrogate as U+FFFD; other text is unchanged.
    /// </summary>
    public static string Visible(string text)
    {
        if (!text.Any(c => c < ' ' || c is >= '\u007F' and <= '\u009F' || char.IsSurrogate(c)))
        {
            return text;
        }
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(text, i++, 2);
                continue;
            }
            sb.Append(
                c switch
                {
                    < ' ' => (char)(0x2400 + c),
                    '\u007F' => '\u2421',
                    >= '\u0080' and <= '\u009F' => '\uFFFD',
                    >= '\uD800' and <= '\uDFFF' => '\uFFFD',
                    _ => c,
                }
            );
        }
        return sb.ToString();
    }

    /// <summary>
    /// The text of a cell: empty for null; a money amount with its currency ("60,000.00 USD", grouped, at least the
    /// currency's minor unit of decimals, every decimal the report holds); other numbers with at most four decimals;
    /// dates and instants in ISO 8601; yes or no.
    /// </summary>
    public static string Format(ReportTable table, int row, int column)
    {
        var cell = table[row, column];
        var currencyColumn = table.IndexOf(table.Columns[column].Name + "_currency");
        if (cell is decimal amount && currencyColumn >= 0 && table[row, currencyColumn] is string code)
        {
            // A currency without a minor unit (XAU, XDR) has no fixed decimals: its amounts show the digits they hold.
            var minor =
                Currency.TryFromCode(code, out var currency) && currency is not null ? (currency.HasMinorUnit ? currency.MinorUnit : 0) : 2;
            var pattern =
                "#,##0" + (minor > 0 ? "." + new string('0', minor) + new string('#', 28 - minor) : ".############################");
            return amount.ToString(pattern, CultureInfo.InvariantCulture) + " " + code;
        }
        return cell switch
        {
            null => "",
            string text => Visible(text),
            long whole => whole.ToString("#,##0", CultureInfo.InvariantCulture),
            decimal exact => exact.ToString("#,##0.####", CultureInfo.InvariantCulture),
            double real => real.ToString("#,##0.####", CultureInfo.InvariantCulture),
            bool flag => flag ? "yes" : "no",
            LocalDate date => LocalDatePattern.Iso.Format(date),
            Instant instant => InstantPattern.General.Format(instant),
            _ => Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "",
        };
    }

    private static List<int> ShownColumns(ReportTable table, IReadOnlyList<string>? names)
    {
        var shown = new List<int>();
        if (names is null)
        {
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var name = table.Columns[c].Name;
                // A currency column shows inside its amount's cell.
                var isCurrencyOfAmount =
                    name.EndsWith("_currency", StringComparison.Ordinal) && table.IndexOf(name[..^"_currency".Length]) >= 0;
                if (!isCurrencyOfAmount)
                {
                    shown.Add(c);
                }
            }
            return shown;
        }
        foreach (var name in names)
        {
            var index = table.IndexOf(name);
            if (index < 0)
            {
                throw new InvalidOperationException($"Table {table.Name} has no column {name}.");
            }
            shown.Add(index);
        }
        return shown;
    }

    private static bool IsNumeric(ColumnType type) => type is ColumnType.WholeNumber or ColumnType.ExactNumber or ColumnType.RealNumber;
}
