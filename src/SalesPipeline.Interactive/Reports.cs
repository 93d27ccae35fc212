using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using SalesPipeline.Collections;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Health;
using SalesPipeline.Html;
using SalesPipeline.Leads;
using SalesPipeline.Metrics;
using SalesPipeline.Pipelines;
using SalesPipeline.Reporting;
using SalesPipeline.Targets;

namespace SalesPipeline.Interactive;

/// <summary>Every report as its table (the one ToTable() gives, docs/export.md), with its chart where SalesPipeline.Html
/// draws one; deals and leads as tables; a pipeline as its diagram.</summary>
internal static class Reports
{
    public static void Register(Registrar on)
    {
        // Charts first, then the tables a reader checks the chart against.
        Report<FunnelReport>(on, r => SvgCharts.Funnel(r), r => r.ToTable());
        Report<StageWeightedForecast>(on, f => SvgCharts.Forecast(f, null), f => f.ToTable());
        Report<CategoryForecast>(on, null, f => f.ToTable(), f => f.ToAdjustmentsTable());
        // The distribution's own table is every point of its grid (thousands of rows): the summary holds P10/P50/P90.
        Report<RevenueDistribution>(on, d => SvgCharts.Distribution(d), d => d.ToSummaryTable());
        Report<SalesVelocity>(on, v => SvgCharts.VelocityLevers(v), v => v.ToTable());
        Report<VelocityComparison>(on, c => SvgCharts.VelocityLevers(c), c => c.ToTable());
        Report<AgingReport>(on, r => SvgCharts.Aging(r), r => r.ToTable());
        Report<CashForecastReport>(on, r => SvgCharts.CashForecast(r), r => r.ToTable());

        Report<ForecastComparison>(on, null, c => c.ToTable());
        Report<StageCalibration>(on, null, c => c.ToTable());
        Report<BacktestResult>(on, null, r => r.ToAccuracyTable(), r => r.ToTable());
        Report<WinRateTable>(on, null, t => t.ToTable());
        Report<Leaderboard>(on, null, b => b.ToTable());
        Report<LossReport>(on, null, r => r.ToTable());
        Report<CompetitorReport>(on, null, r => r.ToTable());
        Report<TimeInStageReport>(on, null, r => r.ToTable());
        Report<SalesCycle>(on, null, c => c.ToTable());
        Report<KaplanMeierCurve>(on, null, c => c.ToTable());
        Report<IncomingVolumeReport>(on, null, r => r.ToTable());
        Report<LeadResponseTime>(on, null, r => r.ToTable(), r => r.ToUntouchedTable());
        Report<ActivityReport>(on, null, r => r.ToTable());
        Report<ActivityProgressReport>(on, null, r => r.ToTable());
        Report<HealthReport>(on, null, r => r.ToSummaryTable(), r => r.ToTable());
        Report<ReviewShortlist>(on, null, s => s.ToTable());
        Report<CoverageResult>(on, null, c => c.ToTable());
        Report<AttainmentReport>(on, null, r => r.ToTable());
        Report<CollectionSchedule>(on, null, s => s.ToTable());
        Report<CollectionStatus>(on, null, s => s.ToSummaryTable(), s => s.ToTable());
        Report<CollectionProgressReport>(on, null, r => r.ToTable(), r => r.ToRankingTable());
        Report<DaysSalesOutstanding>(on, null, d => d.ToTable());
        Tables<IEnumerable<CollectionSchedule>>(on, s => s.ToTable());
        Tables<IEnumerable<SalesVelocity>>(on, v => v.ToTable());
        Tables<IEnumerable<LeadResponseTime>>(on, r => r.ToTable());

        Tables<ReportTable>(on, t => t);
        Tables<Deal>(on, d => EntityTables.Deals([d]));
        Heads<IEnumerable<Deal>>(on, (deals, maxRows) => TableHead.Of(deals, maxRows, EntityTables.Deals));
        Tables<Lead>(on, l => EntityTables.Leads([l]));
        Heads<IEnumerable<Lead>>(on, (leads, maxRows) => TableHead.Of(leads, maxRows, EntityTables.Leads));

        on.Html<PipelineDefinition>(p => $"<div class=\"sp-report\">{SvgCharts.Pipeline(p)}</div>", p => p.ToString());
    }

    /// <summary>A report: its chart (when there is one) and tables in HTML; as text, the same tables (a blank line between
    /// two), so the text a diff or a console shows is what the reader sees, not a second rendering of the report.</summary>
    private static void Report<T>(Registrar on, Func<T, string>? chart, params Func<T, ReportTable>[] tables) =>
        on.Html<T>(
            r => Html(chart?.Invoke(r), tables.Select(t => t(r).ToHtml(on.MaxRows))),
            r => string.Join("\n\n", tables.Select(t => TableText.Format(t(r), on.MaxRows)))
        );

    /// <summary>Something shown as tables only, in HTML and as aligned text.</summary>
    private static void Tables<T>(Registrar on, Func<T, ReportTable> table) =>
        on.Html<T>(v => Html(null, [table(v).ToHtml(on.MaxRows)]), v => TableText.Format(table(v), on.MaxRows));

    /// <summary>A list shown as a table of its first rows, never built whole (a million deals would be decoded to show
    /// twenty); the same output as <see cref="Tables{T}"/> would give.</summary>
    private static void Heads<T>(Registrar on, Func<T, int, TableHead> head) =>
        on.Html<T>(
            v =>
            {
                var shown = head(v, on.MaxRows);
                return Html(null, [HtmlTables.HeadToHtml(shown.Rows, shown.RowCount)]);
            },
            v => TableText.Format(head(v, on.MaxRows))
        );

    // Each table at most MaxRows rows, its footer saying how many more there are.
    private static string Html(string? chart, IEnumerable<string> tables)
    {
        var html = new StringBuilder("<div class=\"sp-report\">");
        html.Append(chart);
        foreach (var table in tables)
        {
            html.Append(table);
        }
        return html.Append("</div>").ToString();
    }
}
