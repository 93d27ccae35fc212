using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Collections;
using static SalesPipeline.Tests.Collections.CollectionFixtures;
using static SalesPipeline.Tests.Collections.CollectionGen;

namespace SalesPipeline.Tests.Collections;

// Issue 15: due dates exist only under the signed contract. A reschedule or a milestone dated before the signing date,
// a reschedule to a due date before it, or terms with a due date before it, are refused; a payment before signing stays
// a prepayment.
// TenThousand() is signed 2026-01-31: #1 3,000.00 due 2026-01-31, #2 3,500.00 due 2026-02-28, #3 3,500.00 due 2026-03-31.
public partial class CollectionScheduleTests
{
    // Accepted before issue 15: #2 moved to 2020-01-15 showed as overdue 2,237 days on 2026-03-01.
    [Fact]
    public void Reschedule_ToADueDateBeforeSigning_ThrowsAndChangesNothing()
    {
        var paid = TenThousand().Record(Pay("P", "2026-01-31", 3_000m));
        var before = paid.StatusAsOf(D("2026-03-01")).ToString();

        var e = Assert.Throws<ArgumentException>(() => paid.Reschedule(2, D("2020-01-15"), D("2026-02-20")));

        Assert.Equal("newDueOn", e.ParamName);
        Assert.Contains(
            "reschedule #2 to 2020-01-15 on 2026-02-20 moves the instalment to 2020-01-15, before the contract was signed on 2026-01-31; an instalment must fall due on or after the signing date.",
            e.Message,
            StringComparison.Ordinal
        );
        Assert.Single(paid.History);
        Assert.Equal(D("2026-02-28"), paid.Instalments[1].DueOn);
        Assert.Empty(paid.Instalments[1].PreviousDueDates);
        // #2 is 1 day overdue on 2026-03-01 (due 2026-02-28), as before the attempt.
        Assert.Equal(1, paid.StatusAsOf(D("2026-03-01")).Instalments[1].DaysOverdue);
        Assert.Equal(before, paid.StatusAsOf(D("2026-03-01")).ToString());
    }

    [Fact]
    public void Reschedule_AgreedBeforeSigning_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            TenThousand().Record(new Reschedule(2, D("2026-04-15"), D("2026-01-30"), "agreed in the negotiation"))
        );

        Assert.Equal("entry", e.ParamName);
        Assert.Contains("is agreed on 2026-01-30, before the contract was signed on 2026-01-31", e.Message, StringComparison.Ordinal);
        Assert.Contains("a reschedule must be agreed on or after the signing date", e.Message, StringComparison.Ordinal);
    }

    // The boundary is inclusive: agreed on the signing date and moved to it, #3 (3,500) is due on 2026-01-31 with #1,
    // so on that date both are due and billed 3,000 + 3,500 = 6,500.
    [Fact]
    public void Reschedule_OnTheSigningDateToTheSigningDate_IsAccepted()
    {
        var status = TenThousand().Reschedule(3, D("2026-01-31"), D("2026-01-31")).StatusAsOf(D("2026-01-31"));

        Assert.Equal([InstalmentState.Due, InstalmentState.Scheduled, InstalmentState.Due], States(status));
        Assert.Equal(Usd(6_500m), status.Billed);
    }

    // Milestone() is signed 2026-03-01: #1 500.00 due on signing, #2 500.00 due 30 days after go-live.
    [Fact]
    public void SetMilestone_BeforeSigning_ThrowsAndTheInstalmentStillWaits()
    {
        var schedule = Milestone();

        var e = Assert.Throws<ArgumentException>(() => schedule.SetMilestone("go-live", D("2026-02-28")));

        Assert.Equal("reachedOn", e.ParamName);
        Assert.Contains(
            "milestone go-live 2026-02-28 is reached on 2026-02-28, before the contract was signed on 2026-03-01; a milestone of the contract must be reached on or after the signing date.",
            e.Message,
            StringComparison.Ordinal
        );
        Assert.Empty(schedule.History);
        Assert.Equal(InstalmentState.AwaitingMilestone, schedule.StatusAsOf(D("2027-01-01")).Instalments[1].State);
    }

    // The convenience methods name their own parameters; Record names its entry (above).
    [Fact]
    public void Reschedule_AgreedBeforeSigning_NamesOn()
    {
        var e = Assert.Throws<ArgumentException>(() => TenThousand().Reschedule(2, D("2026-04-15"), D("2026-01-30")));

        Assert.Equal("on", e.ParamName);
        Assert.Contains("is agreed on 2026-01-30, before the contract was signed on 2026-01-31", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SetMilestone_NotAMilestoneOfTheTerms_NamesName()
    {
        var e = Assert.Throws<ArgumentException>(() => Milestone().SetMilestone("kick-off", D("2026-03-05")));

        Assert.Equal("name", e.ParamName);
        Assert.Contains("No instalment of this schedule is due on a milestone named \"kick-off\"", e.Message, StringComparison.Ordinal);
    }

    // The terms themselves obey the same rule: a fixed date before the signing, or a day of the start month before the
    // signing day, would make an instalment overdue on the day the contract starts.
    [Fact]
    public void Create_AFixedDueDateBeforeSigning_Throws()
    {
        var terms = PaymentTerms.Create(
            TermsLine.Percentage(50m, DueRule.On(D("2026-01-15"))),
            TermsLine.Balance(DueRule.DaysAfterStart(30))
        );

        var e = Assert.Throws<ArgumentException>(() => CollectionSchedule.Create(Usd(1_000m), D("2026-01-31"), terms));

        Assert.Equal("terms", e.ParamName);
        Assert.Contains(
            "Under the terms, instalment 1 (on 2026-01-15) falls due on 2026-01-15, before the contract was signed on 2026-01-31; an instalment must fall due on or after the signing date.",
            e.Message,
            StringComparison.Ordinal
        );
    }

    // Day 15 of the start month, signed on the 31st: instalment 2 (the first of the monthly balance) would be due
    // 2026-01-15. Day 31 of the start month is the signing day itself and is accepted, then 2026-02-28 (clamped).
    [Fact]
    public void Create_ADayOfTheStartMonthBeforeTheSigningDay_ThrowsAndTheSigningDayIsAccepted()
    {
        static PaymentTerms Terms(int day) =>
            PaymentTerms.Create(TermsLine.Percentage(10m, DueRule.DaysAfterStart(0)), TermsLine.Balance(DueRule.DayOfMonth(day, 0), 2));

        var e = Assert.Throws<ArgumentException>(() => CollectionSchedule.Create(Usd(1_000m), D("2026-01-31"), Terms(15)));
        var accepted = CollectionSchedule.Create(Usd(1_000m), D("2026-01-31"), Terms(31));

        Assert.Equal("terms", e.ParamName);
        Assert.Contains("instalment 2 (day 15, 0 months after start month) falls due on 2026-01-15", e.Message, StringComparison.Ordinal);
        Assert.Equal([D("2026-01-31"), D("2026-01-31"), D("2026-02-28")], DueDates(accepted));
    }

    // Reached on the signing date 2026-03-01: #2 due 30 days later, 2026-03-31.
    [Fact]
    public void SetMilestone_OnTheSigningDate_IsAccepted() =>
        Assert.Equal(D("2026-03-31"), Milestone().SetMilestone("go-live", D("2026-03-01")).Instalments[1].DueOn);

    // Money may come first: 1,000 received 2026-01-10 pays #1 ahead (2,000 left of it on its due date 2026-01-31); a
    // refund of 200 of it on 2026-01-20 and a cost on 2026-01-25 are accepted too, all before signing.
    [Fact]
    public void Record_PaymentRefundAndCostBeforeSigning_AreAccepted()
    {
        var schedule = TenThousand()
            .Record(Pay("PRE-1", "2026-01-10", 1_000m))
            .Record(new Refund("R-1", D("2026-01-20"), "PRE-1", Usd(200m)))
            .Record(new ContractCost("C-1", D("2026-01-25"), Usd(50m), "broker"));

        var status = schedule.StatusAsOf(D("2026-01-31"));

        Assert.Equal((InstalmentState.PartiallyPaid, Usd(800m)), (status.Instalments[0].State, status.Instalments[0].Paid));
        Assert.Equal(Usd(800m), status.Collected);
        Assert.Equal(Usd(2_200m), status.Outstanding);
        Assert.Equal(Usd(50m), status.Costs);
    }

    [Fact]
    public void RecordAll_AnEntryBeforeSigning_RecordsNothing()
    {
        var start = TenThousand().Record(Pay("P0", "2026-02-01", 100m));

        var e = Assert.Throws<ArgumentException>(() =>
            start.RecordAll([Pay("P1", "2026-02-02", 10m), new Reschedule(3, D("2026-01-01"), D("2026-02-03"))])
        );

        Assert.Equal("entries", e.ParamName);
        Assert.Contains(
            "moves the instalment to 2026-01-01, before the contract was signed on 2026-01-31",
            e.Message,
            StringComparison.Ordinal
        );
        Assert.Single(start.History);
        Assert.Equal(D("2026-03-31"), start.Instalments[2].DueOn);
    }

    // Whatever a script tries (its reschedules and milestones are dated up to 30 days before signing), the history holds
    // no reschedule or milestone before the signing date, and every due date an entry set is on or after it.
    [Fact]
    public void Record_AnyScript_NoEntrySetsADueDateBeforeSigning_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Scripts.ToArbitrary(),
                script =>
                {
                    var (schedule, _) = Run(script);
                    var signed = schedule.SignedOn;
                    return schedule.History.All(e => e is not (Reschedule or MilestoneReached) || e.On >= signed)
                        && schedule.History.OfType<Reschedule>().All(r => r.NewDueOn >= signed)
                        && schedule.Instalments.All(i => i.DueOn is not { } d || d == i.PlannedDueOn || d >= signed);
                }
            )
        );
}
