using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SalesPipeline.Metrics;

namespace SalesPipeline.Reporting;

// Time in stage, cycle, velocity, volume, response and activity tables.
public static partial class MetricsTables
{
    private static readonly TableSchema<SalesCycle> CycleSchema = new TableSchema<SalesCycle>("sales_cycle")
        .Instant("as_of", "The instant the deals were read at.", c => c.AsOf)
        .Whole("deals", "Deals that existed at as_of (the curve's observations).", c => c.Deals)
        .Whole("closed", "Deals that ended their cycle.", c => c.Closed)
        .Whole("censored", "Deals still open at as_of (and lost ones when only wins end a cycle).", c => c.Censored)
        .Whole("not_yet_created", "Deals given that were created after as_of (in no other figure).", c => c.NotYetCreated)
        .Whole("won_deals", "Deals won at as_of.", c => c.WonDeals)
        .Real("median_days", "The Kaplan-Meier median cycle in days; empty when fewer than half have closed.", c => c.MedianDays)
        .Real("median_lower_days", "The lower end of the median's confidence interval, in days.", c => c.MedianLowerDays)
        .Real(
            "median_upper_days",
            "The upper end of the median's confidence interval, in days; empty when unbounded.",
            c => c.MedianUpperDays
        )
        .Real(
            "restricted_mean_days",
            "The restricted mean cycle in days (the area under the curve up to tau_days).",
            c => c.RestrictedMeanDays
        )
        .Real("tau_days", "The restriction of the restricted mean, in days.", c => c.TauDays)
        .Real(
            "naive_mean_won_days",
            "The plain mean creation-to-win time of the won deals (ignores open and lost ones).",
            c => c.NaiveMeanWonDays
        )
        .Real("confidence", "The confidence level of the median's interval.", c => c.Curve.Confidence);

    private static readonly TableSchema<(KaplanMeierCurve Curve, SurvivalPoint Point)> CurveSchema = new TableSchema<(
        KaplanMeierCurve Curve,
        SurvivalPoint Point
    )>("survival_curve")
        .Real("time_days", "An observed time (an event or a censoring), in days for a sales cycle.", r => r.Point.Time)
        .Whole("at_risk", "Observations not ended before that time (n).", r => r.Point.AtRisk)
        .Whole("events", "Observations that ended with the event at that time (d).", r => r.Point.Events)
        .Whole("censored", "Observations censored at that time.", r => r.Point.Censored)
        .Real("survival", "S(t): the share of observations still going after that time.", r => r.Point.Survival)
        .Real("standard_error", "Greenwood's standard error of S(t); empty where undefined.", r => r.Point.StandardError)
        .Real("lower", "The lower end of the pointwise confidence interval of S(t).", r => r.Point.Lower)
        .Real("upper", "The upper end of the pointwise confidence interval of S(t).", r => r.Point.Upper)
        .Real("confidence", "The confidence level of those intervals.", r => r.Curve.Confidence)
        .Enum("interval", "The transform of the intervals (plain, log or log_log).", r => (SurvivalInterval?)r.Curve.Interval);

    private static readonly TableSchema<SalesVelocity> VelocitySchema = new TableSchema<SalesVelocity>("sales_velocity")
        .Breakdown(v => (v.Breakdown, v.Group))
        .Period("the window", v => v.Window)
        .Whole("open_deals", "N: deals open at the end of the window.", v => v.OpenDeals)
        .Whole("won_deals", "Deals won in the window.", v => v.WonDeals)
        .Whole("lost_deals", "Deals lost in the window.", v => v.LostDeals)
        .Money("won_amount", "The amount of the deals won in the window, exact.", v => v.WonAmount)
        .Money("average_won_amount", "A: the average won amount; empty when nothing was won.", v => v.AverageWonAmount)
        .Exact("win_rate", "W: won / (won + lost) in the window; empty when none closed.", v => v.WinRate)
        .Exact("average_cycle_days", "C: the mean creation-to-win time of the won deals, in days.", v => v.AverageCycleDays)
        .Money("per_day", "V = N x A x W / C: revenue per day; empty when undefined.", v => v.PerDay)
        .Text("reason", "Why per_day is empty; empty when it is defined.", v => v.Reason);

    private static readonly TableSchema<VelocityComparison> ComparisonSchema = new TableSchema<VelocityComparison>("velocity_comparison")
        .Date("before_start", "The first day of the earlier window.", c => c.Before.Window.Start)
        .Date("before_end", "The last day of the earlier window.", c => c.Before.Window.End)
        .Date("after_start", "The first day of the later window.", c => c.After.Window.Start)
        .Date("after_end", "The last day of the later window.", c => c.After.Window.End)
        .Money("before_per_day", "The earlier velocity per day.", c => c.Before.PerDay)
        .Money("after_per_day", "The later velocity per day.", c => c.After.PerDay)
        .Money("change", "after_per_day - before_per_day.", c => c.Change)
        .Money("open_deals_effect", "The open deals' contribution to change.", c => c.OpenDeals)
        .Money("average_won_amount_effect", "The average won amount's contribution to change.", c => c.AverageWonAmount)
        .Money("win_rate_effect", "The win rate's contribution to change.", c => c.WinRate)
        .Money(
            "cycle_length_effect",
            "The cycle length's contribution to change (negative when the cycle grew longer).",
            c => c.CycleLength
        )
        .Text("reason", "Why the contributions are empty; empty when they are defined.", c => c.Reason);

    private static readonly TableSchema<(string Scope, Breakdown By, VolumeLine Line)> VolumeSchema = new TableSchema<(
        string Scope,
        Breakdown By,
        VolumeLine Line
    )>("incoming_volume")
        .Text("scope", "What the row is: period, outside_periods, total, or key (a period and a breakdown key).", r => r.Scope)
        .Text("label", "The line's label as the report prints it.", r => r.Line.Label)
        .Period("the line's period", r => r.Line.Period, "the outside and total rows")
        .Breakdown(r => (r.Line.Key is null ? null : r.By, r.Line.Key))
        .Whole("new_leads", "Leads created in the line.", r => r.Line.NewLeads)
        .Whole("new_deals", "Deals created in the line (from a lead or not).", r => r.Line.NewDeals);

    private static readonly TableSchema<LeadResponseTime> ResponseSchema = new TableSchema<LeadResponseTime>("lead_response")
        .Breakdown(r => (r.Breakdown, r.Group))
        .Instant("as_of", "The instant the leads were read at.", r => r.AsOf)
        .Whole("leads", "Leads that existed at as_of: touched + overdue + waiting.", r => r.Leads)
        .Whole("touched", "Leads touched by as_of.", r => r.Touched)
        .Whole("answered_late", "Touched leads whose first touch came after the limit.", r => r.AnsweredLate)
        .Whole("overdue", "Untouched leads that have waited longer than the limit.", r => r.Overdue.Count)
        .Whole("waiting", "Untouched leads still within the limit.", r => r.Waiting)
        .Whole("not_yet_created", "Leads given that were created after as_of.", r => r.NotYetCreated)
        .Real("mean_hours", "The mean response time of the touched leads, in hours.", r => r.MeanHours)
        .Real("median_hours", "The median response time, in hours.", r => r.MedianHours);

    private static readonly TableSchema<(LeadResponseTime Report, UntouchedLead Lead)> UntouchedSchema = new TableSchema<(
        LeadResponseTime Report,
        UntouchedLead Lead
    )>("untouched_leads")
        .Breakdown(r => (r.Report.Breakdown, r.Report.Group))
        .Text("lead_id", "The lead.", r => r.Lead.Lead.Value)
        .Text("lead_owner", "Its owner.", r => r.Lead.Owner)
        .Instant("created_at", "When it was created.", r => r.Lead.CreatedAt)
        .Real("waiting_hours", "How long it has waited untouched at as_of, in hours.", r => r.Lead.WaitingHours);

    private static readonly TableSchema<(string Scope, ActivityCountLine? Line, string? Outcome, int Count)> ActivitySchema =
        new TableSchema<(string Scope, ActivityCountLine? Line, string? Outcome, int Count)>("activities")
            .Text(
                "scope",
                "What the row is: line (a rep, period and kind), outcome (its count with one outcome) or outside_periods.",
                r => r.Scope
            )
            .Period("the line's period", r => r.Line?.Period, "the outside_periods row")
            .Text("rep", "The rep.", r => r.Line?.Rep)
            .Enum("kind", "call, email, meeting, demo or other.", r => r.Line?.Kind)
            .Text("outcome", "The outcome's code on an outcome row; empty otherwise.", r => r.Outcome)
            .Whole("count", "Activities.", r => r.Count);

    private static readonly TableSchema<(string Scope, string? Key, ProgressRatio Ratio, int? Unmatched)> ProgressSchema = new TableSchema<(
        string Scope,
        string? Key,
        ProgressRatio Ratio,
        int? Unmatched
    )>("activity_progress")
        .Text("scope", "What the row is: total, rep or kind.", r => r.Scope)
        .Text("key", "The rep id or the kind (call, email, ...); empty on the total row.", r => r.Key)
        .Whole("activities", "Activities judged.", r => r.Ratio.Activities)
        .Whole("progressed", "Those after which the deal moved forward (or was won) in time.", r => r.Ratio.Progressed)
        .Whole("pending", "Activities not judged yet.", r => r.Ratio.Pending)
        .Exact("rate", "progressed / activities; empty when none was judged.", r => r.Ratio.Rate)
        .Interval("rate", "rate (Wilson)", r => r.Ratio.Interval)
        .Whole("unmatched_activities", "On the total row: activities about a deal not given, so not judged.", r => r.Unmatched);

    /// <summary>Time in stage as the table <c>time_in_stage</c>: per open stage, the latest stay and the cumulative time,
    /// each with its count, mean, median, extremes and the percentiles asked for (<c>p25_days</c>, <c>p90_days</c>,
    /// <c>p97_5_days</c>...).</summary>
    /// <param name="report">The time-in-stage report.</param>
    /// <returns>The table, two rows per stage (measure <c>latest</c> then <c>cumulative</c>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static ReportTable ToTable(this TimeInStageReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var schema = new TableSchema<(StageTime Stage, string Measure, DurationSummary? Summary)>("time_in_stage")
            .Stage("the open stage", r => r.Stage.Stage)
            .Text("measure", "latest (each deal's last stay in the stage) or cumulative (all its stays added).", r => r.Measure)
            .Instant("as_of", "The instant the histories were read up to.", _ => report.AsOf)
            .Enum("time_unit", "calendar_days or business_days: the unit of the _days columns.", _ => (TimeUnit?)report.Unit)
            .Boolean("includes_open_stints", "Whether stays still open at as_of count (measured up to it).", _ => report.IncludesOpenStints)
            .Whole("report_deals", "Deals added to the report, including those created after as_of.", _ => report.Deals)
            .Whole("not_yet_created", "Of those, the ones created after as_of.", _ => report.NotYetCreated)
            .Whole("count", "Deals with a sample; empty when the stage was never timed.", r => r.Summary?.Count)
            .Whole("open_count", "Samples that include a stay still open at as_of.", r => r.Summary?.OpenCount)
            .Real("mean_days", "The mean.", r => r.Summary?.MeanDays)
            .Real("median_days", "The median.", r => r.Summary?.MedianDays)
            .Real("min_days", "The smallest sample.", r => r.Summary?.MinDays)
            .Real("max_days", "The largest sample.", r => r.Summary?.MaxDays);
        var probabilities =
            report
                .Stages.SelectMany(s => new[] { s.Latest, s.Cumulative })
                .FirstOrDefault(s => s is not null)
                ?.Percentiles.Select(p => p.Probability)
                .ToArray()
            ?? [];
        for (var i = 0; i < probabilities.Length; i++)
        {
            var index = i;
            schema.Real(
                PercentileName(probabilities[i]),
                string.Create(CultureInfo.InvariantCulture, $"The {probabilities[i]} quantile (definition 7)."),
                r => r.Summary?.Percentiles[index].Days
            );
        }
        return schema.Build(report.Stages.SelectMany(s => new[] { (s, "latest", s.Latest), (s, "cumulative", s.Cumulative) }));
    }

    /// <summary>The sales cycle's figures as the one-row table <c>sales_cycle</c>; its curve is
    /// <c>cycle.Curve.ToTable()</c>.</summary>
    /// <param name="cycle">The sales cycle.</param>
    /// <returns>The table, one row.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cycle"/> is null.</exception>
    public static ReportTable ToTable(this SalesCycle cycle)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        return CycleSchema.Build([cycle]);
    }

    /// <summary>A Kaplan-Meier curve as the table <c>survival_curve</c>: one row per observed time.</summary>
    /// <param name="curve">The curve.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="curve"/> is null.</exception>
    public static ReportTable ToTable(this KaplanMeierCurve curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        return CurveSchema.Build(curve.Points.Select(p => (curve, p)));
    }

    /// <summary>Sales velocities (one, or one per breakdown key from <see cref="SalesVelocity.By"/>) as the table
    /// <c>sales_velocity</c>.</summary>
    /// <param name="velocities">The velocities.</param>
    /// <returns>The table, one row per velocity, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="velocities"/> or one of them is null.</exception>
    public static ReportTable ToTable(this IEnumerable<SalesVelocity> velocities)
    {
        ArgumentNullException.ThrowIfNull(velocities);
        return VelocitySchema.Build(Utility.Preconditions.CheckNoNullElement(velocities, "Velocity"));
    }

    /// <summary>A sales velocity as the one-row table <c>sales_velocity</c>.</summary>
    /// <param name="velocity">The velocity.</param>
    /// <returns>The table, one row.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="velocity"/> is null.</exception>
    public static ReportTable ToTable(this SalesVelocity velocity)
    {
        ArgumentNullException.ThrowIfNull(velocity);
        return VelocitySchema.Build([velocity]);
    }

    /// <summary>A comparison of two velocities as the one-row table <c>velocity_comparison</c>.</summary>
    /// <param name="comparison">The comparison.</param>
    /// <returns>The table, one row.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="comparison"/> is null.</exception>
    public static ReportTable ToTable(this VelocityComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return ComparisonSchema.Build([comparison]);
    }

    /// <summary>Incoming volume as the table <c>incoming_volume</c>: the period lines, outside the periods, the total, then
    /// the lines per period and key.</summary>
    /// <param name="report">The incoming volume.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static ReportTable ToTable(this IncomingVolumeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return VolumeSchema.Build(
            report
                .Periods.Select(l => ("period", report.Breakdown, l))
                .Append(("outside_periods", report.Breakdown, report.OutsidePeriods))
                .Append(("total", report.Breakdown, report.Total))
                .Concat(report.ByKey.Select(l => ("key", report.Breakdown, l)))
        );
    }

    /// <summary>Lead response times (one, or one per group from
    /// <see cref="LeadResponseAccumulator.ResultByGroup"/>) as the table <c>lead_response</c>.</summary>
    /// <param name="responses">The response times.</param>
    /// <returns>The table, one row per response time, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="responses"/> or one of them is null.</exception>
    public static ReportTable ToTable(this IEnumerable<LeadResponseTime> responses)
    {
        ArgumentNullException.ThrowIfNull(responses);
        return ResponseSchema.Build(Utility.Preconditions.CheckNoNullElement(responses, "Response time"));
    }

    /// <summary>A lead response time as the one-row table <c>lead_response</c>.</summary>
    /// <param name="response">The response time.</param>
    /// <returns>The table, one row.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="response"/> is null.</exception>
    public static ReportTable ToTable(this LeadResponseTime response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return ResponseSchema.Build([response]);
    }

    /// <summary>The overdue untouched leads as the table <c>untouched_leads</c>, longest wait first.</summary>
    /// <param name="response">The response time.</param>
    /// <returns>The table, one row per overdue lead.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="response"/> is null.</exception>
    public static ReportTable ToUntouchedTable(this LeadResponseTime response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return UntouchedSchema.Build(response.Overdue.Select(l => (response, l)));
    }

    /// <summary>Activity counts as the table <c>activities</c>: each line (rep, period, kind) followed by its outcomes,
    /// then the activities outside the periods.</summary>
    /// <param name="report">The activity report.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static ReportTable ToTable(this ActivityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = new List<(string, ActivityCountLine?, string?, int)>();
        foreach (var line in report.Lines)
        {
            rows.Add(("line", line, null, line.Count));
            rows.AddRange(line.Outcomes.Select(o => ("outcome", (ActivityCountLine?)line, (string?)o.Outcome, o.Count)));
        }
        rows.Add(("outside_periods", null, null, report.Outside));
        return ActivitySchema.Build(rows);
    }

    /// <summary>Activity progress as the table <c>activity_progress</c>: the total, then per rep, then per kind.</summary>
    /// <param name="report">The activity progress report.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static ReportTable ToTable(this ActivityProgressReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return ProgressSchema.Build(
            report
                .ByRep.Select(p => ("rep", (string?)p.Key, p.Value, (int?)null))
                .Concat(report.ByKind.Select(p => ("kind", (string?)TableSchema<object>.Snake(p.Key), p.Value, (int?)null)))
                .Prepend(("total", null, report.Total, report.UnmatchedActivities))
        );
    }

    // 0.9 -> p90_days, 0.975 -> p97_5_days: through decimal so that 0.975 * 100 is 97.5, not 97.49999999999999.
    internal static string PercentileName(double probability) =>
        "p" + ((decimal)probability * 100m).ToString("0.############", CultureInfo.InvariantCulture).Replace('.', '_') + "_days";
}
