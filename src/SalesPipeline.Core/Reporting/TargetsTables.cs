using System;
using System.Linq;
using SalesPipeline.Targets;

namespace SalesPipeline.Reporting;

/// <summary>Attainment as a <see cref="ReportTable"/>, for the CSV and Parquet writers (columns in docs/export.md).</summary>
/// <remarks>Pure functions of their report; thread-safe.</remarks>
public static class TargetsTables
{
    private static readonly TableSchema<(AttainmentReport Report, AttainmentLine Line)> Schema = new TableSchema<(
        AttainmentReport Report,
        AttainmentLine Line
    )>("attainment")
        .Date("as_of", "The date the report was made on.", r => r.Report.AsOf)
        .Enum("level", "person, team or company.", r => (QuotaLevel?)r.Line.Quota.Level)
        .Text("subject_id", "The person or team id, or the company's name.", r => r.Line.Quota.SubjectId)
        .Period("the quota's period", r => r.Line.Quota.Period)
        .Money("target", "The quota's target.", r => r.Line.Target)
        .Whole("won_deals", "Deals won in the period.", r => r.Line.WonDeals)
        .Money("won", "Their amount.", r => r.Line.Won)
        .Exact("completion_rate", "won / target (0.4 = 40%); empty when the target is zero.", r => r.Line.CompletionRate)
        .Money("gap", "target - won (negative when exceeded).", r => r.Line.Gap)
        .Money("remaining", "The gap when positive, else zero.", r => r.Line.Remaining)
        .Whole("open_deals", "Open deals expected to close in the period.", r => r.Line.OpenDeals)
        .Money("open_pipeline", "Their amount, unweighted.", r => r.Line.OpenPipeline)
        .Money("weighted_pipeline", "Their amount weighted by win probability, rounded once.", r => r.Line.WeightedPipeline)
        .Money("projected", "won + weighted_pipeline.", r => r.Line.Projected)
        .Exact("coverage", "open_pipeline / remaining; empty when nothing remains.", r => r.Line.Coverage)
        .Exact("win_rate", "The historical win rate required_coverage comes from; empty without one.", r => r.Report.WinRate)
        .Exact("required_coverage", "1 / win_rate.", r => r.Line.RequiredCoverage)
        .Exact("coverage_gap", "required_coverage - coverage.", r => r.Line.CoverageGap)
        .Money(
            "pipeline_gap",
            "remaining / win_rate - open_pipeline: the pipeline still needed (negative: the surplus).",
            r => r.Line.PipelineGap
        );

    /// <summary>Attainment as the table <c>attainment</c>: one row per quota, in the order given.</summary>
    /// <param name="report">The attainment report.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static ReportTable ToTable(this AttainmentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Schema.Build(report.Lines.Select(l => (report, l)));
    }
}
