using NodaTime;
using SalesPipeline.Activities;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Leads;
using SalesPipeline.Metrics;
using SalesPipeline.Reporting;
using SalesPipeline.Tests.Metrics;
using static SalesPipeline.Tests.Metrics.MetricDeals;
using static SalesPipeline.Tests.Reporting.TableAssert;

namespace SalesPipeline.Tests.Reporting;

public sealed class MetricsTablesTests
{
    private static readonly FiscalPeriod January = FiscalCalendar.Calendar.Month(2026, 1);
    private static readonly FiscalPeriod February = FiscalCalendar.Calendar.Month(2026, 2);
    private static readonly Instant AsOf = Day(60, 0);

    // Four deals on the metrics pipeline (Prospecting, Qualified, Proposal):
    // A1 alice, won from Prospecting on day 10 for 1,000; A2 alice, moved to Qualified and lost there on day 20 for 500
    // (price, to Globex, which it named); B1 bob, open in Proposal, 2,000, facing Globex; B2 bob, created day 5, won from
    // Prospecting on day 35 for 3,000, facing Initech.
    internal static Deal[] Deals() =>
        [
            Won("A1", "alice", 1_000m, closedDay: 10, source: "web"),
            Lost("A2", "alice", 500m, closedDay: 20, reason: LossReason.Price, lostTo: "Globex", competitors: ["Globex"], stage: 1),
            Open("B1", "bob", 2_000m, competitors: ["Globex"], stage: 2),
            Won("B2", "bob", 3_000m, closedDay: 35, createdDay: 5, competitors: ["Initech"]),
        ];

    [Fact]
    public void Funnel_OneRowPerGroupAndStage_WorkedByHand()
    {
        var report = Funnel.Of(Deals(), Pipeline, new FunnelOptions { Breakdowns = [Breakdown.Owner] });

        var table = report.ToTable();

        WellFormed(table);
        var rows = report.Groups.Prepend(report.All).SelectMany(g => g.Stages.Select(s => (g, s))).ToList();
        Assert.Equal(9, table.RowCount); // (all, alice, bob) x 3 stages
        Equal(table, "owner", rows.Select(r => r.g.Breakdown is null ? null : r.g.Key));
        Equal(table, "team", rows.Select(_ => (string?)null));
        Equal(table, "group_deals", rows.Select(r => r.g.Deals));
        Equal(table, "stage_id", rows.Select(r => r.s.Stage.Id));
        Equal(table, "stage_name", rows.Select(r => r.s.Stage.Name));
        Equal(table, "reached", rows.Select(r => r.s.Reached));
        Equal(table, "moved_on", rows.Select(r => r.s.MovedOn));
        Equal(table, "moved_back", rows.Select(r => r.s.MovedBack));
        Equal(table, "lost", rows.Select(r => r.s.Lost));
        Equal(table, "won", rows.Select(r => r.s.Won));
        Equal(table, "still_in", rows.Select(r => r.s.StillIn));
        Money(table, "reached_amount", rows.Select(r => (Money?)r.s.ReachedAmount));
        Money(table, "lost_amount", rows.Select(r => (Money?)r.s.LostAmount));
        Money(table, "won_amount", rows.Select(r => (Money?)r.s.WonAmount));
        Money(table, "still_in_amount", rows.Select(r => (Money?)r.s.StillInAmount));
        Equal(table, "conversion_to_next", rows.Select(r => r.s.ConversionToNext));
        Equal(table, "loss_rate", rows.Select(r => r.s.LossRate));
        Equal(table, "reached_value_share", rows.Select(r => r.s.ReachedValueShare));
        Equal(table, "open_value_share", rows.Select(r => r.s.OpenValueShare));
        // By hand, every deal: all 4 reach Prospecting, 2 are won from it; A2 and B1 reach Qualified, A2 is lost there
        // (loss rate 1/2: the bottleneck); only B1 reaches Proposal and is still in it with 2,000.
        Head(table, "reached", new long[] { 4, 2, 1 });
        Head(table, "won", new long[] { 2, 0, 0 });
        Head(table, "lost", new long[] { 0, 1, 0 });
        Head(table, "loss_rate", new double?[] { 0.0, 0.5, 0.0 });
        Head(table, "is_bottleneck", new[] { false, true, false });
        Assert.Equal(2_000m, Cell(table, 2, "still_in_amount"));
    }

    [Fact]
    public void LeadConversion_EveryLeadThenEachSource()
    {
        Lead[] leads =
        [
            Lead.Create(new LeadId("L1"), "L1", LeadSource.Web, "alice", Day(0, 0)),
            Lead.Create(new LeadId("L2"), "L2", LeadSource.Referral, "bob", Day(1, 0)),
        ];
        var report = Funnel.Of(Deals(), leads, Pipeline, new FunnelOptions { LeadBreakdowns = [Breakdown.Source] });

        var table = report.ToLeadConversionTable();

        WellFormed(table);
        var lines = report.LeadGroups.Prepend(report.Leads).ToList();
        Equal(table, "source", lines.Select(l => l.Breakdown is null ? null : l.Key));
        Equal(table, "leads", lines.Select(l => l.Leads));
        Equal(table, "converted", lines.Select(l => l.Converted));
        Equal(table, "qualified", lines.Select(l => l.Qualified));
        Equal(table, "to_deal_rate", lines.Select(l => l.ToDeal?.Estimate));
        Equal(table, "to_deal_rate_lower", lines.Select(l => l.ToDeal?.Lower));
        Equal(table, "to_qualified_rate_upper", lines.Select(l => l.ToQualified?.Upper));
        // Two leads, none converted: 2 leads, rate 0; then one per source.
        Assert.Equal((2L, 0.0), ((long)Cell(table, 0, "leads")!, (double)Cell(table, 0, "to_deal_rate")!));
        Assert.Equal(3, table.RowCount);
    }

    [Fact]
    public void WinRates_ByOwner_KeyColumnNamedAfterTheBreakdown()
    {
        var rates = WinRate.By(Deals(), Breakdown.Owner);

        var table = rates.ToTable("owner");

        WellFormed(table);
        var results = rates.Lines.Select(l => l.Rate).Append(rates.Total).ToList();
        Equal(table, "scope", new[] { "line", "line", "total" });
        Equal(table, "owner", new[] { "alice", "bob", null });
        Equal(table, "won", results.Select(r => r.Won));
        Equal(table, "lost", results.Select(r => r.Lost));
        Equal(table, "open", results.Select(r => r.Open));
        Equal(table, "decided", results.Select(r => r.Decided));
        Equal(table, "trials", results.Select(r => r.Trials));
        Equal(table, "count_rate", results.Select(r => r.CountRate));
        Equal(table, "count_rate_lower", results.Select(r => r.CountInterval?.Lower));
        Equal(table, "count_rate_upper", results.Select(r => r.CountInterval?.Upper));
        Money(table, "won_value", results.Select(r => r.WonValue));
        Money(table, "lost_value", results.Select(r => r.LostValue));
        Equal(table, "value_rate", results.Select(r => r.ValueRate));
        // By hand: alice 1 won of 2 decided (0.5), value 1,000 / 1,500; bob 1 of 1; total 2 of 3.
        Assert.Equal((0.5m, 1m, 2m / 3m), (Cell(table, 0, "count_rate"), Cell(table, 1, "count_rate"), Cell(table, 2, "count_rate")));
        Assert.Equal(1_000m / 1_500m, Cell(table, 0, "value_rate"));
        Assert.Equal("key", rates.ToTable().Columns[1].Name);
    }

    [Theory]
    [InlineData("Owner")]
    [InlineData("won")]
    [InlineData("scope")]
    [InlineData("")]
    public void WinRates_BadKeyName_IsRejectedByName(string keyName)
    {
        var rates = WinRate.By(Deals(), Breakdown.Owner);
        var e = Assert.Throws<ArgumentException>(() => rates.ToTable(keyName));
        Assert.Equal("keyName", e.ParamName);
        Assert.Contains($"\"{keyName}\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Leaderboard_RankedThenUnranked()
    {
        var accumulator = new LeaderboardAccumulator();
        accumulator.AddRange(Deals());
        var board = accumulator.Result(LeaderboardMeasure.WonAmount);

        var table = board.ToTable();

        WellFormed(table);
        var entries = board.Ranked.Concat(board.Unranked).ToList();
        Equal(table, "level", entries.Select(_ => "rep"));
        Equal(table, "measure", entries.Select(_ => "won_amount"));
        Equal(table, "rank", entries.Select(e => (long?)e.Rank));
        Equal(table, "key", entries.Select(e => e.Key));
        Equal(table, "won_count", entries.Select(e => e.WonCount));
        Money(table, "won_amount", entries.Select(e => e.WonAmount));
        Equal(table, "won", entries.Select(e => e.WinRate.Won));
        // By hand: bob won 3,000, alice 1,000.
        Equal(table, "key", new[] { "bob", "alice" });
        Equal(table, "won_amount", new decimal?[] { 3_000m, 1_000m });
    }

    [Fact]
    public void Losses_TotalReasonsThenStages()
    {
        var report = LossAnalysis.Of(Deals());

        var table = report.ToTable();

        WellFormed(table);
        // One loss: A2, price, from Qualified, 500: total, reason, reason x stage, stage; then the stops' total (none).
        Equal(table, "scope", new[] { "total", "reason", "reason_stage", "stage", "total" });
        Equal(table, "outcome", new[] { "lost", "lost", "lost", "lost", "stopped" });
        Equal(table, "reason", new[] { null, "price", "price", null, null });
        Equal(table, "stage_id", new[] { null, null, "qualified", "qualified", null });
        Equal(table, "count", new long[] { 1, 1, 1, 1, 0 });
        Equal(table, "value", new decimal?[] { 500m, 500m, 500m, 500m, 0m });
        Equal(table, "count_share", new decimal?[] { 1m, 1m, 1m, 1m, null });
        Assert.Equal(report.Reasons[0].Figures.ValueShare, Cell(table, 1, "value_share"));
    }

    [Fact]
    public void Competitors_LinesThenBaselineAndTotal()
    {
        var report = CompetitorAnalysis.Of(Deals());

        var table = report.ToTable();

        WellFormed(table);
        var rates = report.Lines.Select(l => l.Rate).Append(report.WithoutCompetitor).Append(report.Total).ToList();
        Equal(table, "competitor", report.Lines.Select(l => l.Competitor).Append(null).Append(null));
        Equal(table, "deals", report.Lines.Select(l => (long?)l.Deals).Append(null).Append(null));
        Equal(table, "lost_to", report.Lines.Select(l => (long?)l.LostTo).Append(null).Append(null));
        Money(table, "lost_to_value", report.Lines.Select(l => l.LostToValue).Append(null).Append(null));
        Equal(table, "open_deals", report.Lines.Select(l => (long?)l.OpenDeals).Append(null).Append(null));
        Equal(table, "rate_won", rates.Select(r => r.Won));
        Equal(table, "rate_count_rate", rates.Select(r => r.CountRate));
        // By hand: Globex faced A2 (lost to it) and B1 (open): 2 deals, 1 lost to it, 500.
        Assert.Equal(
            ("Globex", 2L, 1L, 500m),
            (Cell(table, 0, "competitor"), Cell(table, 0, "deals"), Cell(table, 0, "lost_to"), Cell(table, 0, "lost_to_value"))
        );
    }

    [Fact]
    public void TimeInStage_TwoMeasuresPerStage_WithThePercentilesAsked()
    {
        var report = TimeInStage.Of(Deals(), Pipeline, AsOf);

        var table = report.ToTable();

        WellFormed(table);
        var rows = report.Stages.SelectMany(s => new[] { (s, "latest", s.Latest), (s, "cumulative", s.Cumulative) }).ToList();
        Equal(table, "stage_id", rows.Select(r => r.s.Stage.Id));
        Equal(table, "measure", rows.Select(r => r.Item2));
        Equal(table, "count", rows.Select(r => (long?)r.Item3?.Count));
        Equal(table, "open_count", rows.Select(r => (long?)r.Item3?.OpenCount));
        Equal(table, "mean_days", rows.Select(r => r.Item3?.MeanDays));
        Equal(table, "median_days", rows.Select(r => r.Item3?.MedianDays));
        Equal(table, "min_days", rows.Select(r => r.Item3?.MinDays));
        Equal(table, "max_days", rows.Select(r => r.Item3?.MaxDays));
        // The default percentiles 0.25, 0.75 and 0.9 name their columns.
        Assert.Equal(["p25_days", "p75_days", "p90_days"], table.Columns.Skip(table.Columns.Count - 3).Select(c => c.Name));
        Equal(table, "p90_days", rows.Select(r => r.Item3?.Percentiles[2].Days));
        Equal(table, "as_of", rows.Select(_ => AsOf));
        Equal(table, "time_unit", rows.Select(_ => "calendar_days"));
        // By hand, Prospecting's latest stays: A2 left it after 1 hour (1/24 day); B2 sat in it from day 5 00:00 to its
        // win on day 35 12:00: 30.5 days.
        Assert.Equal(1.0 / 24, (double)Cell(table, 0, "min_days")!, 12);
        Assert.Equal(30.5, (double)Cell(table, 0, "max_days")!, 12);
    }

    [Theory]
    [InlineData(0.9, "p90_days")]
    [InlineData(0.975, "p97_5_days")]
    [InlineData(0.5, "p50_days")]
    [InlineData(0.001, "p0_1_days")]
    public void PercentileName_KeepsEveryDigit(double p, string name) => Assert.Equal(name, MetricsTables.PercentileName(p));

    [Fact]
    public void Cycle_SummaryAndCurve()
    {
        var cycle = SalesCycle.Of(Deals(), AsOf);

        var summary = cycle.ToTable();
        var curve = cycle.Curve.ToTable();

        WellFormed(summary);
        Assert.Equal(
            (cycle.Deals, cycle.Closed, cycle.Censored, cycle.WonDeals, cycle.MedianDays, cycle.RestrictedMeanDays, cycle.NaiveMeanWonDays),
            (
                (long)Cell(summary, 0, "deals")!,
                (long)Cell(summary, 0, "closed")!,
                (long)Cell(summary, 0, "censored")!,
                (long)Cell(summary, 0, "won_deals")!,
                (double?)Cell(summary, 0, "median_days"),
                (double?)Cell(summary, 0, "restricted_mean_days"),
                (double?)Cell(summary, 0, "naive_mean_won_days")
            )
        );
        // By hand: 4 deals, 3 closed (A1, A2, B2), B1 censored; won A1 in 10.5 days and B2 in 30.5: naive mean 20.5.
        Assert.Equal(
            (4L, 3L, 1L, 20.5),
            (Cell(summary, 0, "deals"), Cell(summary, 0, "closed"), Cell(summary, 0, "censored"), Cell(summary, 0, "naive_mean_won_days"))
        );
        WellFormed(curve);
        var points = cycle.Curve.Points;
        Equal(curve, "time_days", points.Select(p => p.Time));
        Equal(curve, "at_risk", points.Select(p => p.AtRisk));
        Equal(curve, "events", points.Select(p => p.Events));
        Equal(curve, "censored", points.Select(p => p.Censored));
        Equal(curve, "survival", points.Select(p => p.Survival));
        Equal(curve, "standard_error", points.Select(p => p.StandardError));
        Equal(curve, "lower", points.Select(p => p.Lower));
        Equal(curve, "upper", points.Select(p => p.Upper));
        // S after the first event (A1 at 10.5 days, 4 at risk) is 3/4.
        Assert.Equal(0.75, (double)Cell(curve, 0, "survival")!, 12);
    }

    [Fact]
    public void Velocity_ByOwner_AndTheComparison()
    {
        var window = new FiscalPeriod("D0-D40", new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 2, 9)));
        var velocities = SalesVelocity.By(Deals(), window, Breakdown.Owner);
        var before = SalesVelocity.Of(Deals(), January);
        var after = SalesVelocity.Of(Deals(), February);
        var comparison = SalesVelocity.Compare(before, after);

        var table = velocities.ToTable();
        var one = comparison.ToTable();

        WellFormed(table);
        Equal(table, "owner", velocities.Select(v => v.Group));
        Equal(table, "period_start", velocities.Select(v => (LocalDate?)v.Window.Start));
        Equal(table, "open_deals", velocities.Select(v => v.OpenDeals));
        Equal(table, "won_deals", velocities.Select(v => v.WonDeals));
        Equal(table, "lost_deals", velocities.Select(v => v.LostDeals));
        Money(table, "won_amount", velocities.Select(v => (Money?)v.WonAmount));
        Money(table, "average_won_amount", velocities.Select(v => v.AverageWonAmount));
        Equal(table, "win_rate", velocities.Select(v => v.WinRate));
        Equal(table, "average_cycle_days", velocities.Select(v => v.AverageCycleDays));
        Money(table, "per_day", velocities.Select(v => v.PerDay));
        Equal(table, "reason", velocities.Select(v => v.Reason));
        // By hand, bob: B1 open (N 1), B2 won 3,000 in 30.5 days (A 3,000, W 1, C 30.5): V = 3,000 / 30.5 = 98.36.
        Assert.Equal(98.36m, Cell(table, 1, "per_day"));
        WellFormed(one);
        Money(one, "before_per_day", [before.PerDay]);
        Money(one, "after_per_day", [after.PerDay]);
        Money(one, "change", [comparison.Change]);
        Money(one, "open_deals_effect", [comparison.OpenDeals]);
        Money(one, "average_won_amount_effect", [comparison.AverageWonAmount]);
        Money(one, "win_rate_effect", [comparison.WinRate]);
        Money(one, "cycle_length_effect", [comparison.CycleLength]);
        Equal(one, "reason", [comparison.Reason]);
        Equal(one, "after_start", [February.Start]);
    }

    [Fact]
    public void IncomingVolume_PeriodsOutsideTotalThenKeys()
    {
        Lead[] leads = [Lead.Create(new LeadId("L1"), "L1", LeadSource.Web, "alice", Day(3, 0))];
        var report = IncomingVolume.Of(leads, Deals(), [January], new IncomingVolumeOptions { Breakdown = Breakdown.Owner });

        var table = report.ToTable();

        WellFormed(table);
        var lines = report.Periods.Append(report.OutsidePeriods).Append(report.Total).Concat(report.ByKey).ToList();
        Equal(
            table,
            "scope",
            report.Periods.Select(_ => "period").Append("outside_periods").Append("total").Concat(report.ByKey.Select(_ => "key"))
        );
        Equal(table, "label", lines.Select(l => l.Label));
        Equal(table, "owner", lines.Select(l => l.Key));
        Equal(table, "new_leads", lines.Select(l => l.NewLeads));
        Equal(table, "new_deals", lines.Select(l => l.NewDeals));
        // By hand: all four deals and the lead were created in January.
        Assert.Equal((1L, 4L), (Cell(table, 0, "new_leads"), Cell(table, 0, "new_deals")));
    }

    [Fact]
    public void LeadResponse_RowsAndTheOverdueLeads()
    {
        Lead[] leads =
        [
            Lead.Create(new LeadId("L1"), "L1", LeadSource.Web, "alice", Day(0, 0)),
            Lead.Create(new LeadId("L2"), "L2", LeadSource.Web, "bob", Day(0, 0)),
        ];
        var activities = ActivityIndex.Create([Activity.ForLead(ActivityKind.Call, Day(0, 2), "alice", new LeadId("L1"))]);
        var response = LeadResponseTime.Of(
            leads,
            activities,
            Day(1, 0),
            new LeadResponseOptions { UntouchedAfter = Duration.FromHours(4) }
        );

        var table = response.ToTable();
        var overdue = response.ToUntouchedTable();

        WellFormed(table);
        // By hand: L1 touched after 2 hours; L2 untouched for 24 hours, past the 4-hour limit.
        Assert.Equal(
            (2L, 1L, 0L, 1L, 0L, 2.0, 2.0),
            (
                Cell(table, 0, "leads"),
                Cell(table, 0, "touched"),
                Cell(table, 0, "answered_late"),
                Cell(table, 0, "overdue"),
                Cell(table, 0, "waiting"),
                Cell(table, 0, "mean_hours"),
                Cell(table, 0, "median_hours")
            )
        );
        Equal(overdue, "lead_id", new[] { "L2" });
        Equal(overdue, "lead_owner", new[] { "bob" });
        Equal(overdue, "waiting_hours", new[] { 24.0 });
        Equal(overdue, "created_at", new[] { Day(0, 0) });
    }

    [Fact]
    public void Activities_LinesWithOutcomes_ThenOutside()
    {
        var accumulator = new ActivityReportAccumulator([January]);
        accumulator.AddRange([
            Activity.ForDeal(ActivityKind.Call, Day(1), "alice", new DealId("A1"), ActivityOutcome.Connected),
            Activity.ForDeal(ActivityKind.Call, Day(2), "alice", new DealId("A1"), ActivityOutcome.NoAnswer),
            Activity.ForDeal(ActivityKind.Call, Day(3), "alice", new DealId("A1"), ActivityOutcome.NoAnswer),
            Activity.ForDeal(ActivityKind.Email, Day(40), "bob", new DealId("B1")),
        ]);
        var report = accumulator.Result();

        var table = report.ToTable();

        WellFormed(table);
        // By hand: alice's January calls: 3, 1 connected, 2 no-answer; bob's email is in February, outside the periods.
        Equal(table, "scope", new[] { "line", "outcome", "outcome", "outside_periods" });
        Equal(table, "rep", new[] { "alice", "alice", "alice", null });
        Equal(table, "kind", new[] { "call", "call", "call", null });
        Equal(table, "outcome", new[] { null, "connected", "no-answer", null });
        Equal(table, "count", new long[] { 3, 1, 2, 1 });
        Equal(table, "period_label", new[] { January.Label, January.Label, January.Label, null });
    }

    [Fact]
    public void ActivityProgress_TotalRepsKinds()
    {
        Activity[] activities =
        [
            Activity.ForDeal(ActivityKind.Meeting, Day(0, 0), "alice", new DealId("A2")), // A2 moves to Qualified an hour later
            Activity.ForDeal(ActivityKind.Demo, Day(15), "alice", new DealId("A2")),
            Activity.ForDeal(ActivityKind.Demo, Day(1), "bob", new DealId("nobody")),
        ];
        var report = ActivityProgress.Of(Deals(), activities);

        var table = report.ToTable();

        WellFormed(table);
        var ratios = report.ByRep.Select(p => p.Value).Concat(report.ByKind.Select(p => p.Value)).Prepend(report.Total).ToList();
        Equal(table, "scope", report.ByRep.Select(_ => "rep").Concat(report.ByKind.Select(_ => "kind")).Prepend("total"));
        Equal(
            table,
            "key",
            report.ByRep.Select(p => p.Key).Concat(report.ByKind.Select(p => p.Key.ToString().ToLowerInvariant())).Prepend(null)
        );
        Equal(table, "activities", ratios.Select(r => r.Activities));
        Equal(table, "progressed", ratios.Select(r => r.Progressed));
        Equal(table, "pending", ratios.Select(r => r.Pending));
        Equal(table, "rate", ratios.Select(r => r.Rate));
        Equal(table, "rate_lower", ratios.Select(r => r.Interval?.Lower));
        Equal(table, "unmatched_activities", ratios.Select((_, i) => i == 0 ? (long?)report.UnmatchedActivities : null));
        // The activity about a deal not given is counted, not judged.
        Assert.Equal(1L, Cell(table, 0, "unmatched_activities"));
    }
}
