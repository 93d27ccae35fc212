using SalesPipeline.Collections;
using static SalesPipeline.Tests.Collections.CollectionFixtures;

namespace SalesPipeline.Tests.Collections;

// TenThousand(): #1 3,000.00 due 2026-01-31, #2 3,500.00 due 2026-02-28, #3 3,500.00 due 2026-03-31.
public partial class CollectionScheduleTests
{
    private static InstalmentState[] States(CollectionStatus status) => [.. status.Instalments.Select(i => i.State)];

    [Fact]
    public void StatusAsOf_TheFirstDueDate_IsDueThenScheduled()
    {
        var status = TenThousand().StatusAsOf(D("2026-01-31"));

        Assert.Equal([InstalmentState.Due, InstalmentState.Scheduled, InstalmentState.Scheduled], States(status));
        Assert.Equal(Usd(3_000m), status.Billed);
        Assert.Equal(Usd(3_000m), status.Outstanding);
        Assert.Equal(Usd(0m), status.Overdue);
    }

    [Fact]
    public void StatusAsOf_TheDayAfter_IsOverdueOneDay()
    {
        var first = TenThousand().StatusAsOf(D("2026-02-01")).Instalments[0];

        Assert.Equal(InstalmentState.Overdue, first.State);
        Assert.Equal(1, first.DaysOverdue);
    }

    // WIRE-1 4,000 on 2026-02-02: #1 paid, #2 1,000 of 3,500. On 2026-03-05 #2 is 5 days overdue (Feb 28 -> Mar 5) with
    // 2,500 left; billed 6,500 (#1 + #2), outstanding 2,500, overdue 2,500; #3 not yet due; remaining 10,000 - 4,000.
    [Fact]
    public void StatusAsOf_AfterAPartialPayment_WorkedExample()
    {
        var status = TenThousand().Record(Pay("WIRE-1", "2026-02-02", 4_000m)).StatusAsOf(D("2026-03-05"));

        Assert.Equal([InstalmentState.Paid, InstalmentState.Overdue, InstalmentState.Scheduled], States(status));
        Assert.Equal(5, status.Instalments[1].DaysOverdue);
        Assert.Equal(Usd(2_500m), status.Instalments[1].Remaining);
        Assert.Equal(Usd(6_500m), status.Billed);
        Assert.Equal(Usd(4_000m), status.Collected);
        Assert.Equal(Usd(2_500m), status.Outstanding);
        Assert.Equal(Usd(2_500m), status.Overdue);
        Assert.Equal(Usd(6_000m), status.Remaining);
        Assert.Equal(Usd(0m), status.Credit);
    }

    // On 2026-02-10 #2 is not yet due but 1,000 of it is paid ahead.
    [Fact]
    public void StatusAsOf_PaidAheadBeforeTheDueDate_IsPartiallyPaid()
    {
        var status = TenThousand().Record(Pay("WIRE-1", "2026-02-02", 4_000m)).StatusAsOf(D("2026-02-10"));

        Assert.Equal([InstalmentState.Paid, InstalmentState.PartiallyPaid, InstalmentState.Scheduled], States(status));
        Assert.Equal(Usd(3_000m), status.Billed);
        Assert.Equal(Usd(0m), status.Outstanding);
    }

    [Fact]
    public void StatusAsOf_BeforeThePayment_ShowsNothingPaid()
    {
        var status = TenThousand().Record(Pay("WIRE-1", "2026-02-02", 4_000m)).StatusAsOf(D("2026-02-01"));

        Assert.All(status.Instalments, i => Assert.Equal(0m, i.Paid.Amount));
        Assert.Equal(Usd(0m), status.Received);
        Assert.Equal(InstalmentState.Overdue, status.Instalments[0].State);
    }

    [Fact]
    public void StatusAsOf_BeforeARefund_ShowsTheFullPayment()
    {
        var schedule = TenThousand()
            .Record(Pay("WIRE-1", "2026-02-02", 4_000m))
            .Record(new Refund("R", D("2026-02-15"), "WIRE-1", Usd(1_000m)));

        Assert.Equal(Usd(4_000m), schedule.StatusAsOf(D("2026-02-14")).Collected);
        Assert.Equal(Usd(3_000m), schedule.StatusAsOf(D("2026-02-15")).Collected);
    }

    // Agreed on 2026-03-02 to move #2 (due 2026-02-28) to 2026-04-15: on 2026-03-01 it is still 1 day overdue.
    [Fact]
    public void StatusAsOf_BeforeTheRescheduleWasAgreed_KeepsTheOldDueDate()
    {
        var schedule = TenThousand().Record(Pay("P", "2026-01-31", 3_000m)).Reschedule(2, D("2026-04-15"), D("2026-03-02"));

        var before = schedule.StatusAsOf(D("2026-03-01")).Instalments[1];
        var after = schedule.StatusAsOf(D("2026-03-02")).Instalments[1];

        Assert.Equal((InstalmentState.Overdue, 1, D("2026-02-28")), (before.State, before.DaysOverdue, before.DueOn));
        Assert.Equal((InstalmentState.Scheduled, 0, D("2026-04-15")), (after.State, after.DaysOverdue, after.DueOn));
    }

    // Milestone reached 2026-04-20, balance due 30 days later (2026-05-20); before 2026-04-20 it waits and is never overdue.
    [Fact]
    public void StatusAsOf_MilestoneInstalment_WaitsUntilTheMilestone()
    {
        var schedule = Milestone().SetMilestone("go-live", D("2026-04-20"));

        var waiting = schedule.StatusAsOf(D("2026-04-19"));
        var overdue = schedule.StatusAsOf(D("2026-05-21"));

        Assert.Equal(InstalmentState.AwaitingMilestone, waiting.Instalments[1].State);
        Assert.Null(waiting.Instalments[1].DueOn);
        Assert.Equal(Usd(500m), waiting.Billed);
        Assert.Equal((InstalmentState.Overdue, 1), (overdue.Instalments[1].State, overdue.Instalments[1].DaysOverdue));
        Assert.Equal(Usd(1_000m), overdue.Billed);
    }

    [Fact]
    public void StatusAsOf_MilestoneNeverReached_IsNeverOverdue() =>
        Assert.Equal(InstalmentState.AwaitingMilestone, Milestone().StatusAsOf(D("2030-01-01")).Instalments[1].State);

    [Fact]
    public void StatusAsOf_ZeroInstalment_IsPaid()
    {
        var tiny = CollectionSchedule.Create(
            Usd(0.01m),
            D("2026-01-31"),
            PaymentTerms.Create(TermsLine.Balance(DueRule.MonthsAfterStart(1), 2))
        );

        Assert.Equal([InstalmentState.Scheduled, InstalmentState.Paid], States(tiny.StatusAsOf(D("2026-01-31"))));
    }

    [Fact]
    public void StatusAsOf_ToString_PrintsATable()
    {
        var text = TenThousand().Record(Pay("WIRE-1", "2026-02-02", 4_000m)).StatusAsOf(D("2026-03-05")).ToString();

        Assert.Contains("as of 2026-03-05", text, StringComparison.Ordinal);
        Assert.Contains("Overdue 5d", text, StringComparison.Ordinal);
        Assert.Contains(
            "billed USD 6,500.00 | collected USD 4,000.00 | outstanding USD 2,500.00 | overdue USD 2,500.00",
            text,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void StatusAsOf_NumbersTheInstalmentsFromOne() =>
        Assert.Equal([1, 2, 3], TenThousand().StatusAsOf(D("2026-02-15")).Instalments.Select(i => i.Number));

    // Year 0 exists in NodaTime's ISO calendar but not in the supported range (0001-01-01 to 9999-12-31).
    [Fact]
    public void StatusAsOf_UnsupportedDate_IsRefused() =>
        Assert.Equal(
            "date",
            Assert.Throws<ArgumentOutOfRangeException>(() => TenThousand().StatusAsOf(new NodaTime.LocalDate(0, 6, 1))).ParamName
        );
}
