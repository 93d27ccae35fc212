using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using SalesPipeline.Cli.Input;
using SalesPipeline.Cli.Reports;
using SalesPipeline.Html;

namespace SalesPipeline.Cli.Output;

/// <summary>
/// The <c>--html FILE</c> output: one self-contained page (SalesPipeline.Html's <see cref="HtmlReport"/>) with a section
/// per report section, its chart from <see cref="SvgCharts"/> where it has one (the pipeline's diagram, both forecasts by
/// period, the revenue distribution with P10/P50/P90 and the target, the funnel, the velocity levers, aging and the cash
/// forecast) and every table whole.
/// </summary>
internal static class HtmlOutput
{
    /// <summary>Writes the page to <paramref name="path"/> (UTF-8).</summary>
    public static void Write(string path, string heading, Dataset data, ReportResults results)
    {
        var charts = Charts(data, results);
        var report = new HtmlReport(heading);
        foreach (var section in results.Sections)
        {
            report.AddSection(section.Title, charts.GetValueOrDefault(section.Title), [.. section.Tables.Distinct()]);
        }
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        report.WriteTo(writer);
    }

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
