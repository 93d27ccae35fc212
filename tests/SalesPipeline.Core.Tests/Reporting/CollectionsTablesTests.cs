using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Collections;
using SalesPipeline.Reporting;
using static SalesPipeline.Tests.Collections.CollectionFixtures;
using static SalesPipeline.Tests.Collections.Receivables.ReceivablesFixtures;
using static SalesPipeline.Tests.Reporting.TableAssert;

namespace SalesPipeline.Tests.Reporting;

// The book of ReceivablesFixtures: C-1 (Globex, alice, 10,000: 3,000 due 01-31, 3,500 due 02-28 and 03-31; 4,000 paid),
// C-2 (Initech, bob, 1,000 due 04-10), C-3 (Globex, alice, 900 due 2025-12-01, unpaid), C-4 (Umbrella, bob, 2,000: half
// paid on signing, half on go-live); the report date is 2026-04-10.
public sealed class CollectionsTablesTests
{
    [Fact]
    public void Schedules_OneRowPerInstalment()
    {
        var book = Book();

        var table = book.ToTable();

        WellFormed(table);
        var rows = book.SelectMany(s => s.Instalments.Select(i => (s, i))).ToList();
        Equal(table, "contract_id", rows.Select(r => r.s.Contract?.ContractId));
        Equal(table, "customer", rows.Select(r => r.s.Contract?.Customer));
        Equal(table, "owner", rows.Select(r => r.s.Contract?.Owner));
        Equal(table, "signed_on", rows.Select(r => r.s.SignedOn));
        Money(table, "contract_total", rows.Select(r => (Money?)r.s.Total));
        Equal(table, "instalment", rows.Select(r => r.i.Number));
        Money(table, "amount", rows.Select(r => (Money?)r.i.Amount));
        Equal(table, "due_on", rows.Select(r => r.i.DueOn));
        Equal(table, "planned_due_on", rows.Select(r => r.i.PlannedDueOn));
        Equal(table, "milestone", rows.Select(r => r.i.Milestone));
        Equal(table, "reschedules", rows.Select(r => r.i.PreviousDueDates.Count));
        // By hand: C-1 has three instalments, 3,000 + 3,500 + 3,500; C-4's second waits for go-live (no due date).
        Equal(table, "amount", new[] { 3_000m, 3_500m, 3_500m, 1_000m, 900m, 1_000m, 1_000m });
        Assert.Equal((null, "go-live"), (Cell(table, 6, "due_on"), Cell(table, 6, "milestone")));
        Assert.Equal(3, C1().ToTable().RowCount);
    }

    [Fact]
    public void Status_OneRowPerInstalment()
    {
        var status = C1().StatusAsOf(AsOf);

        var table = status.ToTable();

        WellFormed(table);
        var lines = status.Instalments;
        Equal(
            table,
            "state",
            lines.Select(l =>
                l.State switch
                {
                    InstalmentState.PartiallyPaid => "partially_paid",
                    InstalmentState.AwaitingMilestone => "awaiting_milestone",
                    var s => s.ToString().ToLowerInvariant(),
                }
            )
        );
        Money(table, "paid", lines.Select(l => (Money?)l.Paid));
        Money(table, "remaining", lines.Select(l => (Money?)l.Remaining));
        Equal(table, "days_overdue", lines.Select(l => l.DaysOverdue));
        // By hand (the fixture's comment): #1 paid; #2 owes 2,500, 41 days overdue; #3 owes 3,500, 10 days overdue.
        Equal(table, "remaining", new[] { 0m, 2_500m, 3_500m });
        Equal(table, "days_overdue", new[] { 0L, 41L, 10L });
        Equal(table, "state", new[] { "paid", "overdue", "overdue" }); // overdue wins over partly paid
    }

    [Fact]
    public void StatusSummary_TheContractsTotals()
    {
        var status = C1().StatusAsOf(AsOf);

        var table = status.ToSummaryTable();

        WellFormed(table);
        Money(table, "total", [status.Total]);
        Money(table, "billed", [status.Billed]);
        Money(table, "received", [status.Received]);
        Money(table, "allocated", [status.Allocated]);
        Money(table, "refunded", [status.Refunded]);
        Money(table, "reversed", [status.Reversed]);
        Money(table, "credit", [status.Credit]);
        Money(table, "outstanding", [status.Outstanding]);
        Money(table, "overdue", [status.Overdue]);
        Money(table, "collected", [status.Collected]);
        Money(table, "remaining", [status.Remaining]);
        Money(table, "costs", [status.Costs]);
        Money(table, "collected_less_costs", [status.CollectedLessCosts]);
        // By hand: 10,000 billed by April 10, 4,000 received: 6,000 outstanding, all of it overdue.
        Assert.Equal(
            ("C-1", 10_000m, 4_000m, 6_000m, 6_000m),
            (
                Cell(table, 0, "contract_id"),
                Cell(table, 0, "billed"),
                Cell(table, 0, "received"),
                Cell(table, 0, "outstanding"),
                Cell(table, 0, "overdue")
            )
        );
    }

    [Fact]
    public void Aging_LongForm_BucketsThenTheLineTotal()
    {
        var report = Aging.Of(Book(), AsOf, organization: Org);

        var table = report.ToTable();

        WellFormed(table);
        var lines = new[] { ("total", report.Total) }
            .Concat(report.ByCustomer.Select(l => ("customer", l)))
            .Concat(report.ByRep.Select(l => ("rep", l)))
            .Concat(report.ByTeam.Select(l => ("team", l)))
            .ToList();
        Assert.Equal(lines.Count * 6, table.RowCount);
        Equal(table, "scope", lines.SelectMany(l => Enumerable.Repeat(l.Item1, 6)));
        Equal(table, "key", lines.SelectMany(l => Enumerable.Repeat(l.Item2.Key, 6)));
        Equal(table, "outstanding", lines.SelectMany(l => l.Item2.Buckets.Append(l.Item2.Total).Select(m => m.Amount)));
        // By hand, the company: current 1,000 (C-2), 1-30 3,500, 31-60 2,500, 61-90 0, over 90 900; 7,900 in all.
        Head(table, "bucket", new[] { "current", "1-30", "31-60", "61-90", "over 90", null });
        Head(table, "bucket_max_days_overdue", new long?[] { 0, 30, 60, 90, null, null });
        Head(table, "outstanding", new[] { 1_000m, 3_500m, 2_500m, 0m, 900m, 7_900m });
    }

    [Fact]
    public void CashForecast_OverduePeriodsOutsideUndated()
    {
        var april = new FiscalPeriod("Apr", new DateInterval(D("2026-04-01"), D("2026-04-30")));
        var report = CashForecast.Of(Book(), AsOf, [april]);

        var table = report.ToTable();

        WellFormed(table);
        CashForecastLine[] lines = [report.Overdue, .. report.Periods, report.OutsidePeriods, report.Undated];
        Equal(table, "scope", new[] { "overdue", "period", "outside_periods", "undated" });
        Equal(table, "label", lines.Select(l => l.Label));
        Money(table, "scheduled", lines.Select(l => (Money?)l.Scheduled));
        Money(table, "won_not_scheduled", lines.Select(l => (Money?)l.WonNotScheduled));
        Money(table, "weighted_pipeline", lines.Select(l => (Money?)l.WeightedPipeline));
        // By hand: overdue 2,500 + 3,500 (C-1) + 900 (C-3) = 6,900; April holds C-2's 1,000; go-live's 1,000 is undated.
        Equal(table, "scheduled", new[] { 6_900m, 1_000m, 0m, 1_000m });
        Equal(table, "total", new[] { 6_900m, 1_000m, 0m, 1_000m });
    }

    [Fact]
    public void Progress_AndRanking_AndDso()
    {
        var report = CollectionProgress.Of(Book(), AsOf, Org);
        var dso = DaysSalesOutstanding.Of(Book(), FiscalCalendar.Calendar.Quarter(2026, 1));

        var table = report.ToTable();
        var ranking = report.ToRankingTable();
        var one = dso.ToTable();

        WellFormed(table);
        var lines = new[] { report.Total }.Concat(report.ByContract).Concat(report.ByRep).Concat(report.ByTeam).ToList();
        Equal(table, "key", lines.Select(l => l.Key));
        Money(table, "due", lines.Select(l => (Money?)l.Due));
        Money(table, "paid_on_due", lines.Select(l => (Money?)l.PaidOnDue));
        Money(table, "outstanding", lines.Select(l => (Money?)l.Outstanding));
        Money(table, "collected", lines.Select(l => (Money?)l.Collected));
        Equal(table, "rate", lines.Select(l => l.Rate));
        Head(table, "scope", new[] { "total", "contract", "contract", "contract", "contract", "rep" });
        WellFormed(ranking);
        var ranks = report.RepLeaderboard.Select(r => ("rep", r)).Concat(report.TeamLeaderboard.Select(r => ("team", r))).ToList();
        Equal(ranking, "level", ranks.Select(r => r.Item1));
        Equal(ranking, "rank", ranks.Select(r => r.r.Rank));
        Equal(ranking, "key", ranks.Select(r => r.r.Id));
        Money(ranking, "collected", ranks.Select(r => (Money?)r.r.Collected));
        WellFormed(one);
        // By hand (DaysSalesOutstandingTests): 6,900 receivables, 11,000 billed, 90 days: 621,000 / 11,000.
        Assert.Equal(
            (6_900m, 11_000m, 90L, 621_000m / 11_000m),
            (Cell(one, 0, "receivables"), Cell(one, 0, "billed"), Cell(one, 0, "days"), Cell(one, 0, "dso"))
        );
    }
}
