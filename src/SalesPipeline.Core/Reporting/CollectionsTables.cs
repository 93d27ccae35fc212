using System;
using System.Collections.Generic;
using System.Linq;
using SalesPipeline.Collections;

namespace SalesPipeline.Reporting;

/// <summary>Collection schedules, receivables aging, cash forecast and collection progress as <see cref="ReportTable"/>s,
/// for the CSV and Parquet writers (columns in docs/export.md).</summary>
/// <remarks>Pure functions of their report; thread-safe.</remarks>
public static class CollectionsTables
{
    private static readonly TableSchema<ContractInfo> ContractSchema = new TableSchema<ContractInfo>("contract")
        .Text("contract_id", "The contract's id; empty when the schedule has none.", c => c.ContractId)
        .Text("customer", "The customer.", c => c.Customer)
        .Text("owner", "The owning rep's id.", c => c.Owner)
        .Text("deal_id", "The deal the contract was won from.", c => c.Deal?.Value);

    private static readonly TableSchema<(CollectionSchedule Schedule, Instalment Instalment)> ScheduleSchema = new TableSchema<(
        CollectionSchedule Schedule,
        Instalment Instalment
    )>("collection_schedule")
        .Include(ContractSchema, r => r.Schedule.Contract)
        .Date("signed_on", "The date the contract was signed.", r => r.Schedule.SignedOn)
        .Money("contract_total", "The contract total.", r => r.Schedule.Total)
        .Whole("instalment", "The instalment's number, from 1.", r => r.Instalment.Number)
        .Money("amount", "What it owes.", r => r.Instalment.Amount)
        .Date(
            "due_on",
            "Its current due date (after reschedules and milestones); empty while it waits for a milestone.",
            r => r.Instalment.DueOn
        )
        .Date(
            "planned_due_on",
            "The due date the terms gave at creation; empty for a milestone instalment.",
            r => r.Instalment.PlannedDueOn
        )
        .Text("milestone", "The milestone it is due on; empty otherwise.", r => r.Instalment.Milestone)
        .Whole("reschedules", "How many times its due date was moved.", r => r.Instalment.PreviousDueDates.Count);

    private static readonly TableSchema<(CollectionStatus Status, InstalmentStatus Instalment)> StatusSchema = new TableSchema<(
        CollectionStatus Status,
        InstalmentStatus Instalment
    )>("collection_status")
        .Include(ContractSchema, r => r.Status.Contract)
        .Date("as_of", "The date the status is taken on.", r => r.Status.AsOf)
        .Whole("instalment", "The instalment's number, from 1.", r => r.Instalment.Number)
        .Money("amount", "What it owes.", r => r.Instalment.Amount)
        .Date("due_on", "Its due date as of as_of; empty while it waits for a milestone.", r => r.Instalment.DueOn)
        .Text("milestone", "The milestone it is due on; empty otherwise.", r => r.Instalment.Milestone)
        .Enum("state", "scheduled, due, overdue, partially_paid, paid or awaiting_milestone.", r => (InstalmentState?)r.Instalment.State)
        .Money("paid", "What payments dated on or before as_of paid on it, less refunds.", r => r.Instalment.Paid)
        .Money("remaining", "amount - paid.", r => r.Instalment.Remaining)
        .Whole("days_overdue", "Days from the due date to as_of when overdue (1 the day after), else 0.", r => r.Instalment.DaysOverdue);

    private static readonly TableSchema<CollectionStatus> StatusSummarySchema = new TableSchema<CollectionStatus>(
        "collection_status_summary"
    )
        .Include(ContractSchema, s => s.Contract)
        .Date("as_of", "The date the status is taken on.", s => s.AsOf)
        .Money("total", "The contract total.", s => s.Total)
        .Money("billed", "The instalments due on or before as_of.", s => s.Billed)
        .Money("received", "The payments received.", s => s.Received)
        .Money("allocated", "What payments paid on instalments, net of refunds.", s => s.Allocated)
        .Money("refunded", "Refunds and reversals together.", s => s.Refunded)
        .Money("reversed", "The reversals' part of refunded.", s => s.Reversed)
        .Money("credit", "Received beyond every instalment: the customer's credit.", s => s.Credit)
        .Money("outstanding", "What the billed instalments still owe.", s => s.Outstanding)
        .Money("overdue", "What the instalments due before as_of still owe.", s => s.Overdue)
        .Money("collected", "The cash kept: received - refunded.", s => s.Collected)
        .Money("remaining", "What all instalments still owe: total - allocated.", s => s.Remaining)
        .Money("costs", "The contract costs.", s => s.Costs)
        .Money("collected_less_costs", "collected - costs.", s => s.CollectedLessCosts);

    private static readonly TableSchema<(AgingReport Report, string Scope, AgingLine Line, int? Bucket)> AgingSchema = new TableSchema<(
        AgingReport Report,
        string Scope,
        AgingLine Line,
        int? Bucket
    )>("receivables_aging")
        .Date("as_of", "The report date.", r => r.Report.AsOf)
        .Text("scope", "What the row's key is: total, customer, rep or team.", r => r.Scope)
        .Text("key", "The customer, rep id, team id, total, or the unassigned key.", r => r.Line.Key)
        .Text(
            "bucket",
            "The bucket's label (current, 1-30, ..., over 90); empty on the row of the line's total.",
            r => r.Bucket is { } b ? r.Report.Buckets.Labels[b] : null
        )
        .Whole(
            "bucket_max_days_overdue",
            "The most days overdue the bucket holds (0 for current); empty for the last bucket and the total.",
            r => MaxDaysOverdue(r.Report.Buckets, r.Bucket)
        )
        .Money(
            "outstanding",
            "The amount outstanding in the bucket (or in all of them).",
            r => r.Bucket is { } b ? r.Line.Buckets[b] : r.Line.Total
        );

    private static readonly TableSchema<(CashForecastReport Report, string Scope, CashForecastLine Line)> CashSchema = new TableSchema<(
        CashForecastReport Report,
        string Scope,
        CashForecastLine Line
    )>("cash_forecast")
        .Date("as_of", "The date the forecast is made on.", r => r.Report.AsOf)
        .Text("scope", "What the row is: overdue, period, outside_periods or undated.", r => r.Scope)
        .Text("label", "The row's label as the report prints it.", r => r.Line.Label)
        .Period("the row's period", r => r.Line.Period, "the other rows")
        .Money("scheduled", "What the schedules' instalments still owe, by their due dates.", r => r.Line.Scheduled)
        .Money("won_not_scheduled", "What won deals without a schedule would owe under the default terms.", r => r.Line.WonNotScheduled)
        .Money(
            "weighted_pipeline",
            "What open deals would owe, weighted by win probability, under the default terms.",
            r => r.Line.WeightedPipeline
        )
        .Money(
            "total",
            "scheduled + won_not_scheduled + weighted_pipeline.",
            r => r.Line.Scheduled + r.Line.WonNotScheduled + r.Line.WeightedPipeline
        );

    private static readonly TableSchema<(CollectionProgressReport Report, string Scope, ProgressLine Line)> ProgressSchema =
        new TableSchema<(CollectionProgressReport Report, string Scope, ProgressLine Line)>("collection_progress")
            .Date("as_of", "The date.", r => r.Report.AsOf)
            .Text("scope", "What the row's key is: total, contract, rep or team.", r => r.Scope)
            .Text("key", "The contract id, rep id, team id, total, or the unassigned key.", r => r.Line.Key)
            .Money("due", "The amounts of the instalments due on or before as_of.", r => r.Line.Due)
            .Money("paid_on_due", "What has been paid on them.", r => r.Line.PaidOnDue)
            .Money("outstanding", "What they still owe.", r => r.Line.Outstanding)
            .Money("collected", "The cash kept: received less refunds and reversals.", r => r.Line.Collected)
            .Exact("rate", "paid_on_due / due, unrounded; empty when nothing is due yet.", r => r.Line.Rate);

    private static readonly TableSchema<(string Level, CollectedCashRank Rank)> RankingSchema = new TableSchema<(
        string Level,
        CollectedCashRank Rank
    )>("collected_cash_ranking")
        .Text("level", "rep or team.", r => r.Level)
        .Whole("rank", "Competition rank by collected cash (1, 2, 2, 4).", r => r.Rank.Rank)
        .Text("key", "The rep or team id.", r => r.Rank.Id)
        .Money("collected", "The cash collected.", r => r.Rank.Collected);

    private static readonly TableSchema<DaysSalesOutstanding> DsoSchema = new TableSchema<DaysSalesOutstanding>("days_sales_outstanding")
        .Period("the period", d => d.Period)
        .Money("receivables", "The receivables at the period's end.", d => d.Receivables)
        .Money("billed", "The instalments falling due in the period.", d => d.Billed)
        .Whole("days", "The days in the period (both ends counted).", d => d.Days)
        .Exact("dso", "receivables / billed x days, unrounded; empty when nothing was billed.", d => d.Value);

    /// <summary>The instalments of collection schedules as the table <c>collection_schedule</c>, one row per instalment,
    /// schedules in the order given.</summary>
    /// <param name="schedules">The schedules.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedules"/> or one of them is null.</exception>
    public static ReportTable ToTable(this IEnumerable<CollectionSchedule> schedules)
    {
        ArgumentNullException.ThrowIfNull(schedules);
        return ScheduleSchema.Build(
            Utility.Preconditions.CheckNoNullElement(schedules, "Schedule").SelectMany(s => s.Instalments.Select(i => (s, i)))
        );
    }

    /// <summary>The instalments of a collection schedule as the table <c>collection_schedule</c>.</summary>
    /// <param name="schedule">The schedule.</param>
    /// <returns>The table, one row per instalment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    public static ReportTable ToTable(this CollectionSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return ToTable([schedule]);
    }

    /// <summary>The status of each instalment as the table <c>collection_status</c>.</summary>
    /// <param name="status">The status (<see cref="CollectionSchedule.StatusAsOf"/>).</param>
    /// <returns>The table, one row per instalment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="status"/> is null.</exception>
    public static ReportTable ToTable(this CollectionStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return StatusSchema.Build(status.Instalments.Select(i => (status, i)));
    }

    /// <summary>The contract's totals on the date as the one-row table <c>collection_status_summary</c>.</summary>
    /// <param name="status">The status (<see cref="CollectionSchedule.StatusAsOf"/>).</param>
    /// <returns>The table, one row.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="status"/> is null.</exception>
    public static ReportTable ToSummaryTable(this CollectionStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return StatusSummarySchema.Build([status]);
    }

    /// <summary>Receivables aging as the table <c>receivables_aging</c>, long form: for the total, each customer, rep and
    /// team, one row per bucket then one row of the line's total (bucket empty).</summary>
    /// <param name="report">The aging report.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static ReportTable ToTable(this AgingReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var lines = new[] { ("total", report.Total) }
            .Concat(report.ByCustomer.Select(l => ("customer", l)))
            .Concat(report.ByRep.Select(l => ("rep", l)))
            .Concat(report.ByTeam.Select(l => ("team", l)));
        return AgingSchema.Build(
            lines.SelectMany(l =>
                Enumerable
                    .Range(0, report.Buckets.Count)
                    .Select(b => (report, l.Item1, l.Item2, (int?)b))
                    .Append((report, l.Item1, l.Item2, null))
            )
        );
    }

    /// <summary>The cash forecast as the table <c>cash_forecast</c>: overdue, the periods, outside the periods, undated.</summary>
    /// <param name="report">The cash forecast.</param>
    /// <returns>The table, one row per line of the report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static ReportTable ToTable(this CashForecastReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return CashSchema.Build(
            report
                .Periods.Select(l => (report, "period", l))
                .Prepend((report, "overdue", report.Overdue))
                .Append((report, "outside_periods", report.OutsidePeriods))
                .Append((report, "undated", report.Undated))
        );
    }

    /// <summary>Collection progress as the table <c>collection_progress</c>: the total, then per contract, rep and team.</summary>
    /// <param name="report">The collection progress.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static ReportTable ToTable(this CollectionProgressReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return ProgressSchema.Build(
            new[] { (report, "total", report.Total) }
                .Concat(report.ByContract.Select(l => (report, "contract", l)))
                .Concat(report.ByRep.Select(l => (report, "rep", l)))
                .Concat(report.ByTeam.Select(l => (report, "team", l)))
        );
    }

    /// <summary>The collected-cash leaderboards as the table <c>collected_cash_ranking</c>: reps, then teams.</summary>
    /// <param name="report">The collection progress.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static ReportTable ToRankingTable(this CollectionProgressReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return RankingSchema.Build(report.RepLeaderboard.Select(r => ("rep", r)).Concat(report.TeamLeaderboard.Select(r => ("team", r))));
    }

    /// <summary>Days sales outstanding as the one-row table <c>days_sales_outstanding</c>.</summary>
    /// <param name="dso">The figure.</param>
    /// <returns>The table, one row.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dso"/> is null.</exception>
    public static ReportTable ToTable(this DaysSalesOutstanding dso)
    {
        ArgumentNullException.ThrowIfNull(dso);
        return DsoSchema.Build([dso]);
    }

    private static long? MaxDaysOverdue(AgingBuckets buckets, int? bucket) =>
        bucket switch
        {
            null => null,
            0 => 0,
            var b when b <= buckets.UpperBounds.Count => buckets.UpperBounds[b.Value - 1],
            _ => null,
        };
}
