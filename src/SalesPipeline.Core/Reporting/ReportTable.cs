using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;
using NodaTime.Text;
using SalesPipeline.Utility;

namespace SalesPipeline.Reporting;

/// <summary>
/// A report as a table: a name, typed columns with stable names, and rows of cells. Every report of the library projects
/// to one (docs/export.md lists each table's columns), and the CSV and Parquet writers, the command-line tool and the
/// notebook formatters all write this one shape.
/// </summary>
/// <remarks>
/// <para>A cell is null (no value: a rate with no decided deal, a stage never timed) or holds the CLR type of its column's
/// <see cref="ColumnType"/>: <see cref="string"/>, <see cref="long"/>, <see cref="decimal"/>, a finite <see cref="double"/>,
/// <see cref="bool"/>, <see cref="LocalDate"/> (ISO calendar) or <see cref="Instant"/>; text has no lone UTF-16 surrogate. The constructor checks each cell,
/// so a writer never meets a value it cannot write.</para>
/// <para>Immutable (the rows are copied); thread-safe.</para>
/// </remarks>
/// <example><code>
/// var table = new ReportTable(
///     "funnel",
///     [new ReportColumn("stage_id", ColumnType.Text, "The stage."), new ReportColumn("reached", ColumnType.WholeNumber, "Deals that reached it.")],
///     [["qualify", 120L], ["proposal", 48L]]);
/// Console.WriteLine(table);          // funnel: 2 columns, 2 rows
/// long reached = (long)table[1, 1]!; // 48
/// </code></example>
public sealed class ReportTable
{
    private readonly object?[][] rows;

    /// <summary>Creates a table.</summary>
    /// <param name="name">The table's name, snake case like a column's (it names the CSV or Parquet file).</param>
    /// <param name="columns">The columns, at least one, with distinct names.</param>
    /// <param name="rows">The rows, each with one cell per column.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/>, <paramref name="columns"/>, <paramref name="rows"/>, a column or a row is null.</exception>
    /// <exception cref="ArgumentException">
    /// The name is not snake case; there is no column or two share a name; a row has another number of cells than there are
    /// columns; or a cell is not of its column's type (a double that is not finite, a date or instant outside 0001-9999, a
    /// string with a lone UTF-16 surrogate).
    /// </exception>
    public ReportTable(string name, IEnumerable<ReportColumn> columns, IEnumerable<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        Preconditions.CheckArgument(
            ReportColumn.IsSnakeCase(name),
            nameof(name),
            $"Table name \"{name}\" must be lower-case snake case: a letter a-z first, then a-z, 0-9 or _, at most 64 characters."
        );
        var columnList = Preconditions.CheckNoNullElement(columns, "Column");
        Preconditions.CheckArgument(columnList.Length > 0, nameof(columns), $"Table \"{name}\" needs at least one column.");
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in columnList)
        {
            Preconditions.CheckArgument(
                names.Add(column.Name),
                nameof(columns),
                $"Table \"{name}\" has two columns named \"{column.Name}\"."
            );
        }
        var copied = new List<object?[]>();
        foreach (var row in rows)
        {
            if (row is null)
            {
                throw Preconditions.NullElement(nameof(rows), "Row", copied.Count);
            }
            Preconditions.CheckArgument(
                row.Count == columnList.Length,
                nameof(rows),
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Row {copied.Count} of table \"{name}\" has {row.Count} cells; the table has {columnList.Length} columns."
                )
            );
            var cells = new object?[row.Count];
            for (var c = 0; c < cells.Length; c++)
            {
                cells[c] = CheckCell(name, copied.Count, columnList[c], row[c]);
            }
            copied.Add(cells);
        }
        Name = name;
        Columns = columnList.AsReadOnly();
        this.rows = [.. copied];
    }

    /// <summary>The table's name.</summary>
    public string Name { get; }

    /// <summary>The columns, in order.</summary>
    public IReadOnlyList<ReportColumn> Columns { get; }

    /// <summary>The number of rows.</summary>
    public int RowCount => rows.Length;

    /// <summary>A cell: null or a value of its column's type.</summary>
    /// <param name="row">The row, from 0.</param>
    /// <param name="column">The column, from 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="row"/> or <paramref name="column"/> is outside the table.</exception>
    public object? this[int row, int column]
    {
        get
        {
            // Not (uint)row < (uint)Length: the build checks overflow, so a negative index would throw OverflowException.
            Preconditions.CheckRange(row >= 0 && row < rows.Length, nameof(row), row, $"The row must be in [0, {rows.Length}).");
            Preconditions.CheckRange(
                column >= 0 && column < Columns.Count,
                nameof(column),
                column,
                $"The column must be in [0, {Columns.Count})."
            );
            return rows[row][column];
        }
    }

    /// <summary>The index of the column with this name, or -1.</summary>
    /// <param name="name">The column's name.</param>
    /// <returns>Its index, or -1 when no column has that name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public int IndexOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (var c = 0; c < Columns.Count; c++)
        {
            if (Columns[c].Name == name)
            {
                return c;
            }
        }
        return -1;
    }

    /// <summary>"name: 3 columns, 12 rows".</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name}: {Columns.Count} columns, {rows.Length} rows");

    /// <summary>
    /// A cell's text in the one invariant form of docs/export.md, the form the CSV files and the notebook's plain
    /// text write, whatever the machine's culture.
    /// </summary>
    /// <param name="value">A cell: null or a value a <see cref="ReportTable"/> admits.</param>
    /// <returns>
    /// Null: empty text. Text: as it is. <see cref="ColumnType.WholeNumber"/> and <see cref="ColumnType.ExactNumber"/>: the
    /// invariant <c>ToString</c> (a decimal keeps every digit and its scale: <c>82000.00</c>, <c>-0.000001</c>).
    /// <see cref="ColumnType.RealNumber"/>: the shortest text that reads back as the same double (<c>0.1</c>,
    /// <c>1E-07</c>). <see cref="ColumnType.Boolean"/>: <c>true</c> or <c>false</c>. <see cref="ColumnType.Date"/>: ISO
    /// <c>2026-03-31</c>. <see cref="ColumnType.Instant"/>: ISO in UTC, the fraction only when there is one
    /// (<c>2026-03-10T12:00:00Z</c>, <c>2026-03-10T12:00:00.5Z</c>).
    /// </returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="value"/> is none of the seven cell types (string, long, decimal, double, bool, LocalDate, Instant),
    /// or a value no table admits: a double that is not finite, a date outside the ISO calendar or 0001-9999, an instant
    /// outside 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.
    /// </exception>
    /// <example><code>
    /// ReportTable.FormatCell(1234.50m);                           // "1234.50"
    /// ReportTable.FormatCell(2.0 / 3);                            // "0.6666666666666666"
    /// ReportTable.FormatCell(new LocalDate(2026, 3, 31));         // "2026-03-31"
    /// ReportTable.FormatCell(null);                               // ""
    /// </code></example>
    public static string FormatCell(object? value) =>
        value switch
        {
            null => "",
            string text => text,
            long whole => whole.ToString(CultureInfo.InvariantCulture),
            decimal exact => exact.ToString(CultureInfo.InvariantCulture),
            double real when double.IsFinite(real) => real.ToString("R", CultureInfo.InvariantCulture),
            bool flag => flag ? "true" : "false",
            LocalDate date when Preconditions.DateProblem(date) is null => LocalDatePattern.Iso.Format(date),
            Instant instant when Preconditions.InstantProblem(instant) is null => InstantPattern.ExtendedIso.Format(instant),
            _ => throw new ArgumentException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The value {Describe(value)} is not a report cell: a cell is null, a string, a long, a decimal, a finite double, a bool, a LocalDate (ISO calendar, 0001-9999) or an Instant (0001-9999)."
                ),
                nameof(value)
            ),
        };

    private static object? CheckCell(string table, int row, ReportColumn column, object? cell)
    {
        var ok = cell switch
        {
            null => true,
            string text => column.Type == ColumnType.Text && IsWellFormed(text),
            long => column.Type == ColumnType.WholeNumber,
            decimal => column.Type == ColumnType.ExactNumber,
            double d => column.Type == ColumnType.RealNumber && double.IsFinite(d),
            bool => column.Type == ColumnType.Boolean,
            LocalDate date => column.Type == ColumnType.Date && Preconditions.DateProblem(date) is null,
            Instant instant => column.Type == ColumnType.Instant && Preconditions.InstantProblem(instant) is null,
            _ => false,
        };
        Preconditions.CheckArgument(
            ok,
            "rows",
            string.Create(
                CultureInfo.InvariantCulture,
                $"Row {row} of table \"{table}\", column {column}: the cell {Describe(cell)} is not a {column.Type} value ({Expected(column.Type)})."
            )
        );
        return cell;
    }

    // A lone UTF-16 surrogate has no UTF-8 encoding: a writer would replace it, and the file would not give the cell back.
    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }
        return true;
    }

    private static string Describe(object? cell) =>
        cell is null ? "null" : string.Create(CultureInfo.InvariantCulture, $"{cell} ({cell.GetType().Name})");

    private static string Expected(ColumnType type) =>
        type switch
        {
            ColumnType.Text => "a string without a lone surrogate, which no UTF-8 writer could keep",
            ColumnType.WholeNumber => "a long",
            ColumnType.ExactNumber => "a decimal",
            ColumnType.RealNumber => "a finite double",
            ColumnType.Boolean => "a bool",
            ColumnType.Date => "a LocalDate in the ISO calendar, 0001-01-01 to 9999-12-31",
            _ => "an Instant from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z",
        };
}
