using System;
using System.Linq;
using SalesPipeline.Health;

namespace SalesPipeline.Reporting;

/// <summary>Pipeline health and the review shortlist as <see cref="ReportTable"/>s, for the CSV and Parquet writers
/// (columns in docs/export.md).</summary>
/// <remarks>Pure functions of their report; thread-safe.</remarks>
public static class HealthTables
{
    private static readonly TableSchema<(HealthReport Report, HealthFinding Finding)> FindingSchema = new TableSchema<(
        HealthReport Report,
        HealthFinding Finding
    )>("health_findings")
        .Instant("as_of", "The instant the pipeline was inspected as of.", r => r.Report.AsOf)
        .Enum(
            "kind",
            "The warning sign: stale, rotting, past_expected_close, older_than_typical_cycle, close_date_pushed, crowded_stage, late_stage_pile_up, low_coverage or untouched_lead.",
            r => (FindingKind?)r.Finding.Kind
        )
        .Enum("subject", "What it is about: pipeline, stage, deal or lead.", r => (HealthSubject?)r.Finding.Subject)
        .Text("deal_id", "The deal it is about; empty otherwise.", r => r.Finding.Deal?.Value)
        .Text("lead_id", "The lead it is about; empty otherwise.", r => r.Finding.Lead?.Value)
        .Text("owner", "The owner of the deal or lead; empty for stage and pipeline findings.", r => r.Finding.Owner)
        .Text("stage_id", "The stage it is about, or the stage the deal is in.", r => r.Finding.StageId)
        .Exact("measured", "The measured value, exact, in unit.", r => r.Finding.Measured)
        .Exact("threshold", "The threshold from the policy (or the required coverage), in unit.", r => r.Finding.Threshold)
        .Enum("unit", "days, count, share or ratio.", r => (HealthUnit?)r.Finding.Unit)
        .Text("message", "The finding in plain words, with its numbers.", r => r.Finding.Message);

    private static readonly TableSchema<HealthReport> SummarySchema = new TableSchema<HealthReport>("health_summary")
        .Instant("as_of", "The instant the pipeline was inspected as of.", r => r.AsOf)
        .Whole("open_deals", "Deals open at as_of (the deals checked).", r => r.OpenDeals)
        .Whole("won_deals", "Deals won by as_of.", r => r.WonDeals)
        .Whole("lost_deals", "Deals lost by as_of.", r => r.LostDeals)
        .Whole("findings", "Findings of every kind.", r => r.Findings.Count)
        .Whole("deals_at_risk", "Open deals with at least one finding.", r => r.Deals.Count)
        .Real(
            "typical_won_cycle_days",
            "The typical won cycle the age check used, in days; empty when the check was skipped.",
            r => r.TypicalWonCycle?.TotalDays
        )
        .Enum("typical_cycle_source", "Where that cycle came from.", r => (TypicalCycleSource?)r.TypicalCycleSource)
        .Whole("shortlist_size", "The shortlist size from the policy.", r => r.ShortlistSize)
        .Text("currency", "The ISO 4217 code of the report's amounts; empty when it has none.", r => r.Currency?.Code)
        .Text(
            "skipped_checks",
            "The checks that did not run, each with its reason, separated by \" | \"; empty when all ran.",
            r => r.SkippedChecks.Count == 0 ? null : string.Join(" | ", r.SkippedChecks)
        )
        .Whole("stopped_deals", "Deals stopped at as_of (not checked: a stopped deal is neither stale nor overdue).", r => r.StoppedDeals);

    private static readonly TableSchema<(ReviewShortlist List, int Rank, DealHealth Deal)> ShortlistSchema = new TableSchema<(
        ReviewShortlist List,
        int Rank,
        DealHealth Deal
    )>("review_shortlist")
        .Text("scope_owner", "The owner whose deals were considered; empty for the whole pipeline.", r => r.List.Owner)
        .Whole("rank", "1 = review first.", r => r.Rank)
        .Text("deal_id", "The deal.", r => r.Deal.Deal.Value)
        .Text("deal_name", "Its name.", r => r.Deal.Name)
        .Text("owner", "Its owner.", r => r.Deal.Owner)
        .Text("stage_id", "The open stage it is in.", r => r.Deal.StageId)
        .Money("amount", "Its amount in the report's currency.", r => r.Deal.Amount)
        .Exact("probability", "Its effective win probability.", r => r.Deal.Probability)
        .Money("weighted_amount", "amount x probability, rounded to the minor unit: the amount at risk.", r => r.Deal.WeightedAmount)
        .Text(
            "finding_kinds",
            "Its findings' kinds, separated by \";\".",
            r => string.Join(";", r.Deal.Findings.Select(f => TableSchema<object>.Snake(f.Kind)))
        )
        .Text("reasons", "Its findings in plain words, separated by \" | \".", r => string.Join(" | ", r.Deal.Reasons))
        .Whole("at_risk_deals", "Deals in scope with at least one finding.", r => r.List.AtRiskDeals)
        .Money("weighted_at_risk", "The weighted amount at risk of all of them.", r => r.List.WeightedAtRisk);

    private static readonly TableSchema<CoverageResult> CoverageSchema = new TableSchema<CoverageResult>("pipeline_coverage")
        .Period("the period", c => c.Period)
        .Money("target", "The period's target.", c => c.Target)
        .Money("won_so_far", "Won in the period by as_of.", c => c.WonSoFar)
        .Money("remaining_target", "target - won_so_far (negative when exceeded).", c => c.RemainingTarget)
        .Whole("open_deals", "Open deals expected to close in the period.", c => c.OpenDeals)
        .Money("open_pipeline", "Their amount, unweighted.", c => c.OpenPipeline)
        .Exact("win_rate", "The win rate the goal assumed.", c => c.WinRate)
        .Exact("required_coverage", "1 / win_rate.", c => c.RequiredCoverage)
        .Exact("coverage", "open_pipeline / remaining_target, exact; empty when nothing remains.", c => c.Coverage)
        .Boolean("is_enough", "Whether open_pipeline x win_rate covers remaining_target.", c => c.IsEnough);

    /// <summary>The health findings as the table <c>health_findings</c>, in the report's order.</summary>
    /// <param name="report">The health report.</param>
    /// <returns>The table, one row per finding.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static ReportTable ToTable(this HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return FindingSchema.Build(report.Findings.Select(f => (report, f)));
    }

    /// <summary>The health report's counts as the one-row table <c>health_summary</c>.</summary>
    /// <param name="report">The health report.</param>
    /// <returns>The table, one row.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static ReportTable ToSummaryTable(this HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return SummarySchema.Build([report]);
    }

    /// <summary>A review shortlist as the table <c>review_shortlist</c>, best-ranked first.</summary>
    /// <param name="shortlist">The shortlist (<see cref="HealthReport.Shortlist"/>, or one per owner).</param>
    /// <returns>The table, one row per deal.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="shortlist"/> is null.</exception>
    public static ReportTable ToTable(this ReviewShortlist shortlist)
    {
        ArgumentNullException.ThrowIfNull(shortlist);
        return ShortlistSchema.Build(shortlist.Deals.Select((d, i) => (shortlist, i + 1, d)));
    }

    /// <summary>Coverage figures as the one-row table <c>pipeline_coverage</c>.</summary>
    /// <param name="coverage">The coverage (<see cref="HealthReport.Coverage"/>).</param>
    /// <returns>The table, one row.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="coverage"/> is null.</exception>
    public static ReportTable ToTable(this CoverageResult coverage)
    {
        ArgumentNullException.ThrowIfNull(coverage);
        return CoverageSchema.Build([coverage]);
    }
}
