using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Pipelines;
using SalesPipeline.Statistics;

namespace SalesPipeline.Reporting;

// The columns of one table, each with the function that reads its cell from a row's source object. A report's projection
// declares its schema once (a static field), so the columns cannot drift between rows, and docs/export.md is checked against
// the same declarations. The shared shapes (money, periods, stages, intervals) expand the same way in every table.
internal sealed class TableSchema<T>
{
    private readonly List<ReportColumn> columns = [];
    private readonly List<Func<T, object?>> cells = [];

    public TableSchema(string name) => Name = name;

    public string Name { get; }

    public IReadOnlyList<ReportColumn> Columns => columns;

    public TableSchema<T> Text(string name, string description, Func<T, string?> cell) =>
        Add(name, ColumnType.Text, description, row => cell(row));

    public TableSchema<T> Whole(string name, string description, Func<T, long?> cell) =>
        Add(name, ColumnType.WholeNumber, description, row => cell(row));

    public TableSchema<T> Exact(string name, string description, Func<T, decimal?> cell) =>
        Add(name, ColumnType.ExactNumber, description, row => cell(row));

    public TableSchema<T> Real(string name, string description, Func<T, double?> cell) =>
        Add(name, ColumnType.RealNumber, description, row => cell(row));

    public TableSchema<T> Boolean(string name, string description, Func<T, bool?> cell) =>
        Add(name, ColumnType.Boolean, description, row => cell(row));

    public TableSchema<T> Date(string name, string description, Func<T, LocalDate?> cell) =>
        Add(name, ColumnType.Date, description, row => cell(row));

    public TableSchema<T> Instant(string name, string description, Func<T, Instant?> cell) =>
        Add(name, ColumnType.Instant, description, row => cell(row));

    // An enum member as snake-case text: BestCase -> "best_case".
    public TableSchema<T> Enum<TEnum>(string name, string description, Func<T, TEnum?> cell)
        where TEnum : struct, System.Enum => Add(name, ColumnType.Text, description, row => cell(row) is { } value ? Snake(value) : null);

    // Money is two columns: the exact amount, and its ISO 4217 code beside it.
    public TableSchema<T> Money(string name, string description, Func<T, Money?> cell) =>
        Add(name, ColumnType.ExactNumber, description, row => cell(row)?.Amount)
            .Add(name + "_currency", ColumnType.Text, $"The ISO 4217 code of {name}.", row => cell(row)?.Currency.Code);

    // A period as its two dates (both inclusive) and its label; emptyOn says which rows have none.
    public TableSchema<T> Period(string what, Func<T, FiscalPeriod?> cell, string? emptyOn = null)
    {
        var empty = emptyOn is null ? "" : $"; empty on {emptyOn}";
        return Add("period_start", ColumnType.Date, $"The first day of {what}{empty}.", row => cell(row)?.Start)
            .Add("period_end", ColumnType.Date, $"The last day of {what}, inclusive{empty}.", row => cell(row)?.End)
            .Add(
                "period_label",
                ColumnType.Text,
                $"The label of {what} (as the calendar names it: 2026-03, FY2026 Q1...){empty}.",
                row => cell(row)?.Label
            );
    }

    public TableSchema<T> Stage(string what, Func<T, Stage?> cell) =>
        Add("stage_id", ColumnType.Text, $"The id of {what}.", row => cell(row)?.Id)
            .Add("stage_name", ColumnType.Text, $"The display name of {what}.", row => cell(row)?.Name);

    // A breakdown's key in a column of its own (owner, team, source, product or customer), the others empty; all empty
    // on a row of every deal.
    public TableSchema<T> Breakdown(Func<T, (Metrics.Breakdown? By, string? Key)> cell)
    {
        foreach (
            var by in (Metrics.Breakdown[])
                [
                    Metrics.Breakdown.Owner,
                    Metrics.Breakdown.Team,
                    Metrics.Breakdown.Source,
                    Metrics.Breakdown.Product,
                    Metrics.Breakdown.Customer,
                ]
        )
        {
            var name = Snake(by);
            Add(
                name,
                ColumnType.Text,
                $"The {name} the row is for, when the row is of the breakdown by {name}; empty otherwise.",
                row => cell(row) is (var rowBy, var key) && rowBy == by ? key : null
            );
        }
        return this;
    }

    // A binomial confidence interval's two ends.
    public TableSchema<T> Interval(string name, string what, Func<T, BinomialInterval?> cell) =>
        Add(name + "_lower", ColumnType.RealNumber, $"The lower end of the confidence interval of {what}.", row => cell(row)?.Lower)
            .Add(name + "_upper", ColumnType.RealNumber, $"The upper end of the confidence interval of {what}.", row => cell(row)?.Upper)
            .Add(
                name + "_confidence",
                ColumnType.RealNumber,
                $"The confidence level of that interval, for example 0.95.",
                row => cell(row)?.Confidence
            );

    // Another schema's columns, read from a part of this row (the same part shape in several tables).
    public TableSchema<T> Include<TPart>(TableSchema<TPart> part, Func<T, TPart?> select)
        where TPart : class
    {
        for (var c = 0; c < part.columns.Count; c++)
        {
            var cell = part.cells[c];
            Add(part.columns[c], row => select(row) is { } value ? cell(value) : null);
        }
        return this;
    }

    // Another schema's columns under a prefix ("gross_" + "commit").
    public TableSchema<T> Include<TPart>(string prefix, string what, TableSchema<TPart> part, Func<T, TPart?> select)
        where TPart : class
    {
        for (var c = 0; c < part.columns.Count; c++)
        {
            var column = part.columns[c];
            var cell = part.cells[c];
            Add(
                new ReportColumn(prefix + column.Name, column.Type, $"{what}: {column.Description}"),
                row => select(row) is { } value ? cell(value) : null
            );
        }
        return this;
    }

    public ReportTable Build(IEnumerable<T> rows) =>
        new(Name, columns, rows.Select(row => (IReadOnlyList<object?>)cells.Select(cell => cell(row)).ToArray()));

    internal static string Snake<TEnum>(TEnum value)
        where TEnum : struct, System.Enum
    {
        var name = value.ToString();
        var text = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('_');
            }
            text.Append(char.ToLowerInvariant(name[i]));
        }
        return text.ToString();
    }

    private TableSchema<T> Add(string name, ColumnType type, string description, Func<T, object?> cell) =>
        Add(new ReportColumn(name, type, description), cell);

    private TableSchema<T> Add(ReportColumn column, Func<T, object?> cell)
    {
        columns.Add(column);
        cells.Add(cell);
        return this;
    }
}
