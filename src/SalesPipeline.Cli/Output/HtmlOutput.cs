using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using SalesPipeline.Cli.Input;
using SalesPipeline.Cli.Reports;
using SalesPipeline.Html;
using SalesPipeline.Reporting;

namespace SalesPipeline.Cli.Output;

/// <summary>
/// The <c>--html FILE</c> output: one self-contained page (SalesPipeline.Html's <see cref="HtmlReport"/>) with a section
/// per report section, its chart from <see cref="SvgCharts"/> where it has one (the pipeline's diagram, both forecasts by
/// period, the revenue distribution with P10/P50/P90 and the target, the funnel, the velocity levers, aging and the cash
/// forecast) and its tables with every column and the rows the console shows, at most <see cref="MaxRows"/> each, so the
/// page stays quick to open; a section whose tables were cut says so in its heading (--json and --csv hold every row).
/// </summary>
internal static class HtmlOutput
{
    /// <summary>The most rows a table shows on the page.</summary>
    public const int MaxRows = 40;

    /// <summary>Writes the page to <paramref name="path"/> (UTF-8).</summary>
    public static void Write(string path, string heading, Dataset data, ReportResults results)
    {
        var charts = Charts(data, results);
        var report = new HtmlReport(heading);
        foreach (var section in results.Sections)
        {
            var tables = section.Views.Select(Shown).ToList();
            var cut = tables.Zip(section.Views).Any(t => t.First.RowCount < t.Second.Table.RowCount);
            var title = cut ? section.Title + " (tables cut: every row is in --json and --csv)" : section.Title;
            report.AddSection(title, charts.GetValueOrDefault(section.Title), [.. tables]);
        }
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        report.WriteTo(writer);
    }

    // The rows of the view (every column), at most MaxRows of them.
    private static ReportTable Shown(TableView view)
    {
        var table = view.Table;
        var rows = Enumerable
            .Range(0, table.RowCount)
            .Where(r => view.Rows?.Invoke(r) ?? true)
            .Take(Math.Min(view.MaxRows ?? MaxRows, MaxRows))
            .Select(r => (IReadOnlyList<object?>)[.. Enumerable.Range(0, table.Columns.Count).Select(c => Cell(view, r, c))])
            .ToList();
        return rows.Count == table.RowCount && view.EmptyAs is null ? table : new ReportTable(table.Name, table.Columns, rows);
    }

    // A cell as the view shows it: the view's label (a total row's) for an empty cell where it has one.
    private static object? Cell(TableView view, int row, int column) =>
        view.Table[row, column] ?? view.EmptyAs?.GetValueOrDefault(view.Table.Columns[column].Name);

    private static Dictionary<string, string> Charts(Dataset data, ReportResults results)
    {
        var charts = new Dictionary<string, string> { [SectionTitles.PipelineByStage] = SvgCharts.Pipeline(data.Pipeline) };
        if (results.StageWeighted is { } weighted)
        {
            charts[SectionTitles.Forecast] = SvgCharts.Forecast(weighted, results.Category);
        }
        if (results.Distribution is { } distribution)
        {
            charts[SectionTitles.Distribution] = SvgCharts.Distribution(distribution, results.Target);
        }
        if (results.Funnel is { } funnel)
        {
            charts[SectionTitles.Funnel] = SvgCharts.Funnel(funnel);
        }
        if (results.Velocity is { } velocity)
        {
            charts[SectionTitles.Velocity] = SvgCharts.VelocityLevers(velocity);
        }
        if (results.Aging is { } aging)
        {
            charts[SectionTitles.Aging] = SvgCharts.Aging(aging);
        }
        if (results.Cash is { } cash)
        {
            charts[SectionTitles.CashForecast] = SvgCharts.CashForecast(cash);
        }
        return charts;
    }
}
