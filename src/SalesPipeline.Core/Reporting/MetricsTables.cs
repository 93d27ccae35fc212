using System;
using System.Collections.Generic;
using System.Linq;
using SalesPipeline.Metrics;

namespace SalesPipeline.Reporting;

/// <summary>The funnel, win rates, leaderboards and losses as <see cref="ReportTable"/>s, for the CSV and Parquet writers
/// (columns in docs/export.md).</summary>
/// <remarks>Pure functions of their report; thread-safe.</remarks>
public static partial class MetricsTables
{
    // The columns of a win rate, shared by the win-rate, leaderboard and competitor tables.
    private static readonly TableSchema<WinRateResult> RateSchema = new TableSchema<WinRateResult>("win_rate")
        .Enum(
            "definition",
            "decided (won / (won + lost)) or created (won / deals created, open ones included).",
            r => (WinRateDefinition?)r.Definition
        )
        .Whole("won", "Deals won.", r => r.Won)
        .Whole("lost", "Deals lost.", r => r.Lost)
        .Whole("open", "Deals still open (always 0 under decided).", r => r.Open)
        .Whole("decided", "Won + lost.", r => r.Decided)
        .Whole("trials", "The denominator of count_rate.", r => r.Trials)
        .Exact("count_rate", "Won / trials; empty when there are no trials.", r => r.CountRate)
        .Interval("count_rate", "count_rate", r => r.CountInterval)
        .Money("won_value", "The won amount in the reporting currency; empty when no currency is known.", r => r.WonValue)
        .Money("lost_value", "The lost amount.", r => r.LostValue)
        .Money("open_value", "The open amount (zero under decided).", r => r.OpenValue)
        .Exact("value_rate", "Won value / (won + lost [+ open] value), exact; empty when that is zero.", r => r.ValueRate);

    private static readonly TableSchema<(FunnelGroup Group, FunnelStage Stage)> FunnelSchema = new TableSchema<(
        FunnelGroup Group,
        FunnelStage Stage
    )>("funnel")
        .Breakdown(r => (r.Group.Breakdown, r.Group.Key))
        .Whole("group_deals", "Deals in the row's group (every deal, or the breakdown key's).", r => r.Group.Deals)
        .Whole("stage_index", "The stage's position in the pipeline, from 0.", r => r.Stage.Stage.Index)
        .Stage("the open stage", r => r.Stage.Stage)
        .Whole("reached", "Deals that reached the stage.", r => r.Stage.Reached)
        .Whole("moved_on", "Reached deals whose last stay in it ended with a move forward.", r => r.Stage.MovedOn)
        .Whole("moved_back", "Reached deals whose last stay in it ended with a move back.", r => r.Stage.MovedBack)
        .Whole("lost", "Deals lost from the stage.", r => r.Stage.Lost)
        .Whole("won", "Deals won from the stage.", r => r.Stage.Won)
        .Whole("still_in", "Open deals in the stage now.", r => r.Stage.StillIn)
        .Money("reached_amount", "The amount of the deals that reached it.", r => r.Stage.ReachedAmount)
        .Money("lost_amount", "The amount of the deals lost from it.", r => r.Stage.LostAmount)
        .Money("won_amount", "The amount of the deals won from it.", r => r.Stage.WonAmount)
        .Money("still_in_amount", "The amount of the open deals in it.", r => r.Stage.StillInAmount)
        .Real(
            "conversion_to_next",
            "The share of the deals that reached it that reached the next stage (or won); empty when none reached it.",
            r => r.Stage.ConversionToNext
        )
        .Real("loss_rate", "Lost / reached; empty when none reached it.", r => r.Stage.LossRate)
        .Real(
            "reached_value_share",
            "reached_amount / the amount of every deal of the group; empty when that is zero.",
            r => r.Stage.ReachedValueShare
        )
        .Real(
            "open_value_share",
            "still_in_amount / the amount of every open deal of the group; empty when that is zero.",
            r => r.Stage.OpenValueShare
        )
        .Boolean(
            "is_bottleneck",
            "Whether the stage is the group's bottleneck (the highest loss rate, the earliest on a tie).",
            r => ReferenceEquals(r.Group.Bottleneck, r.Stage)
        )
        .Whole("stopped", "Deals stopped in the stage and still stopped (not open pipeline).", r => r.Stage.Stopped)
        .Money("stopped_amount", "The amount of the deals stopped in it.", r => r.Stage.StoppedAmount);

    private static readonly TableSchema<(FunnelReport Report, LeadConversion Line)> LeadSchema = new TableSchema<(
        FunnelReport Report,
        LeadConversion Line
    )>("lead_conversion")
        .Breakdown(r => (r.Line.Breakdown, r.Line.Key))
        .Whole("leads", "Leads in the group, whatever their status.", r => r.Line.Leads)
        .Whole("converted", "Those converted to a deal.", r => r.Line.Converted)
        .Whole("qualified", "Converted leads whose deal reached the qualified stage.", r => r.Line.Qualified)
        .Text("qualified_stage_id", "The stage a lead's deal must reach to count as qualified.", r => r.Report.QualifiedStage.Id)
        .Real("to_deal_rate", "converted / leads; empty when the group has no leads.", r => r.Line.ToDeal?.Estimate)
        .Interval("to_deal_rate", "to_deal_rate", r => r.Line.ToDeal)
        .Real("to_qualified_rate", "qualified / leads; empty when the group has no leads.", r => r.Line.ToQualified?.Estimate)
        .Interval("to_qualified_rate", "to_qualified_rate", r => r.Line.ToQualified);

    private static readonly TableSchema<(Leaderboard Board, LeaderboardEntry Entry)> LeaderboardSchema = new TableSchema<(
        Leaderboard Board,
        LeaderboardEntry Entry
    )>("leaderboard")
        .Enum("level", "rep or team.", r => (LeaderboardLevel?)r.Board.Level)
        .Enum("measure", "What the ranks are by: won_amount, won_count, activities or win_rate.", r => (LeaderboardMeasure?)r.Board.Measure)
        .Whole("rank", "1 = best; equal entries share a rank (1, 2, 2, 4); empty below the minimum sample.", r => r.Entry.Rank)
        .Text("key", "The rep or team id.", r => r.Entry.Key)
        .Whole("minimum_sample", "The minimum of decided deals to be ranked by win rate.", r => r.Board.MinimumSample)
        .Whole("won_count", "Deals won with their close date in the window.", r => r.Entry.WonCount)
        .Money("won_amount", "Their amount in the reporting currency; empty when no currency is known.", r => r.Entry.WonAmount)
        .Whole("activities", "Activities in the window.", r => r.Entry.Activities)
        .Include(RateSchema, r => r.Entry.WinRate);

    private static readonly TableSchema<(string Scope, string? Reason, string? StageId, LossFigures Figures, string Outcome)> LossSchema =
        new TableSchema<(string Scope, string? Reason, string? StageId, LossFigures Figures, string Outcome)>("losses")
            .Text("scope", "What the row is: total, reason, stage (all reasons) or reason_stage.", r => r.Scope)
            .Text("reason", "The loss (or stop) reason's code; empty on the total and stage rows.", r => r.Reason)
            .Text(
                "stage_id",
                "The open stage the deals were lost from (or stopped in); empty on the total and reason rows.",
                r => r.StageId
            )
            .Whole("count", "Lost (or stopped) deals.", r => r.Figures.Count)
            .Money("value", "Their amount in the reporting currency; empty when no currency is known.", r => r.Figures.Value)
            .Exact("count_share", "count / all lost (or all stopped) deals; empty when there are none.", r => r.Figures.CountShare)
            .Exact("value_share", "value / all lost (or all stopped) value; empty when that is zero.", r => r.Figures.ValueShare)
            .Text("outcome", "Which part of the analysis the row is in: lost or stopped.", r => r.Outcome);

    private static readonly TableSchema<(string Scope, CompetitorLine? Line, WinRateResult Rate)> CompetitorSchema = new TableSchema<(
        string Scope,
        CompetitorLine? Line,
        WinRateResult Rate
    )>("competitors")
        .Text("scope", "What the row is: competitor, without_competitor (deals naming none: the baseline) or total.", r => r.Scope)
        .Text("competitor", "The competitor's name; empty on the other rows.", r => r.Line?.Competitor)
        .Whole("deals", "All deals against it: won + lost + open.", r => r.Line?.Deals)
        .Whole("lost_to", "Deals lost to it.", r => r.Line?.LostTo)
        .Money("lost_to_value", "Their amount in the reporting currency.", r => r.Line?.LostToValue)
        .Whole("open_deals", "Open deals facing it.", r => r.Line?.OpenDeals)
        .Money("open_value", "Their amount in the reporting currency.", r => r.Line?.OpenValue)
        .Include("rate_", "Our win rate on those deals", RateSchema, r => r.Rate);

    /// <summary>The funnel as the table <c>funnel</c>: one row per group and open stage, the group of every deal first,
    /// then each breakdown's keys.</summary>
    /// <param name="report">The funnel.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static ReportTable ToTable(this FunnelReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return FunnelSchema.Build(report.Groups.Prepend(report.All).SelectMany(g => g.Stages.Select(s => (g, s))));
    }

    /// <summary>The funnel's lead conversion as the table <c>lead_conversion</c>: every lead, then each breakdown's keys.</summary>
    /// <param name="report">The funnel.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static ReportTable ToLeadConversionTable(this FunnelReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return LeadSchema.Build(report.LeadGroups.Prepend(report.Leads).Select(l => (report, l)));
    }

    /// <summary>Win rates by key as the table <c>win_rates</c>: one row per key, then the total (key empty).</summary>
    /// <param name="table">The win rates.</param>
    /// <param name="keyName">The name of the key column: what the keys are (<c>owner</c>, <c>team</c>, <c>source</c>,
    /// <c>product</c>, <c>competitor</c>...); <c>key</c> by default.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> or <paramref name="keyName"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="keyName"/> is not snake case, or is the name of another column
    /// (<c>won</c>, <c>count_rate</c>...).</exception>
    public static ReportTable ToTable(this WinRateTable table, string keyName = "key")
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(keyName);
        Utility.Preconditions.CheckArgument(
            ReportColumn.IsSnakeCase(keyName) && keyName != "scope" && RateSchema.Columns.All(c => c.Name != keyName),
            nameof(keyName),
            $"The key column's name \"{keyName}\" must be snake case and not the name of another column of win_rates."
        );
        var schema = new TableSchema<(string? Key, WinRateResult Rate)>("win_rates")
            .Text("scope", "What the row is: line (a key) or total.", r => r.Key is null ? "total" : "line")
            .Text(keyName, "The key of the row; empty on the total row.", r => r.Key)
            .Include(RateSchema, r => r.Rate);
        return schema.Build(table.Lines.Select(l => ((string?)l.Key, l.Rate)).Append((null, table.Total)));
    }

    /// <summary>A leaderboard as the table <c>leaderboard</c>: the ranked entries best first, then the unranked ones.</summary>
    /// <param name="board">The leaderboard.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="board"/> is null.</exception>
    public static ReportTable ToTable(this Leaderboard board)
    {
        ArgumentNullException.ThrowIfNull(board);
        return LeaderboardSchema.Build(board.Ranked.Concat(board.Unranked).Select(e => (board, e)));
    }

    /// <summary>The loss-and-stop analysis as the table <c>losses</c>: for the lost deals (outcome <c>lost</c>) the total,
    /// then each reason followed by its stages, then the stages of all reasons; then the same rows for the stopped deals
    /// (outcome <c>stopped</c>).</summary>
    /// <param name="report">The loss-and-stop analysis.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static ReportTable ToTable(this LossReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = new List<(string, string?, string?, LossFigures, string)>();
        LossRows(rows, "lost", report.Lost, report.Reasons.Select(r => (r.Reason.Code, r.Figures, r.Stages)), report.Stages);
        LossRows(rows, "stopped", report.Stopped, report.StopReasons.Select(r => (r.Reason.Code, r.Figures, r.Stages)), report.StopStages);
        return LossSchema.Build(rows);
    }

    private static void LossRows(
        List<(string, string?, string?, LossFigures, string)> rows,
        string outcome,
        LossFigures total,
        IEnumerable<(string Code, LossFigures Figures, IReadOnlyList<LossStageLine> Stages)> reasons,
        IReadOnlyList<LossStageLine> stages
    )
    {
        rows.Add(("total", null, null, total, outcome));
        foreach (var (code, figures, reasonStages) in reasons)
        {
            rows.Add(("reason", code, null, figures, outcome));
            rows.AddRange(reasonStages.Select(s => ("reason_stage", (string?)code, (string?)s.StageId, s.Figures, outcome)));
        }
        rows.AddRange(stages.Select(s => ("stage", (string?)null, (string?)s.StageId, s.Figures, outcome)));
    }

    /// <summary>The competitor analysis as the table <c>competitors</c>: one row per competitor, then the deals without a
    /// competitor and the total.</summary>
    /// <param name="report">The competitor analysis.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static ReportTable ToTable(this CompetitorReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return CompetitorSchema.Build(
            report
                .Lines.Select(l => ("competitor", (CompetitorLine?)l, l.Rate))
                .Append(("without_competitor", null, report.WithoutCompetitor))
                .Append(("total", null, report.Total))
        );
    }
}
