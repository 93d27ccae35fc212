using SalesPipeline.Collections;
using static SalesPipeline.Tests.Collections.CollectionFixtures;

namespace SalesPipeline.Tests.Collections;

// The schedule of TenThousand(): #1 3,000.00 due 2026-01-31, #2 3,500.00 due 2026-02-28, #3 3,500.00 due 2026-03-31.
public partial class CollectionScheduleTests
{
    private static decimal[] PaidOn(CollectionSchedule schedule, string date) =>
        [.. schedule.StatusAsOf(D(date)).Instalments.Select(i => i.Paid.Amount)];

    private const string Later = "2027-01-01";

    // 4,000 pays #1 (3,000) and 1,000 of #2.
    [Fact]
    public void Record_Payment_PaysOldestDueFirst()
    {
        var schedule = TenThousand().Record(Pay("WIRE-1", "2026-02-02", 4_000m));

        Assert.Equal([3_000m, 1_000m, 0m], PaidOn(schedule, Later));
    }

    [Fact]
    public void Record_ReturnsANewSchedule_AndLeavesTheOldOneUnchanged()
    {
        var before = TenThousand();

        var after = before.Record(Pay("WIRE-1", "2026-02-02", 4_000m));

        Assert.NotSame(before, after);
        Assert.Empty(before.History);
        Assert.Equal([0m, 0m, 0m], PaidOn(before, Later));
        Assert.Single(after.History);
    }

    // Directed to #3: 3,500 there first, the other 500 oldest-due-first to #1.
    [Fact]
    public void Record_PaymentToANamedInstalment_PaysItFirstThenOldestDue()
    {
        var schedule = TenThousand().Record(Pay("WIRE-1", "2026-02-02", 4_000m, instalment: 3));

        Assert.Equal([500m, 0m, 3_500m], PaidOn(schedule, Later));
    }

    // 10,500 against 10,000: every instalment paid, 500 kept as credit.
    [Fact]
    public void Record_Overpayment_KeepsTheRestAsCredit()
    {
        var status = TenThousand().Record(Pay("WIRE-1", "2026-02-02", 10_500m)).StatusAsOf(D(Later));

        Assert.All(status.Instalments, i => Assert.Equal(InstalmentState.Paid, i.State));
        Assert.Equal(Usd(500m), status.Credit);
        Assert.Equal(Usd(10_500m), status.Collected);
        Assert.Equal(Usd(10_000m), status.Allocated);
    }

    [Fact]
    public void Record_SamePaymentTwice_ReturnsTheSameSchedule()
    {
        var once = TenThousand().Record(Pay("WIRE-1", "2026-02-02", 4_000m));

        Assert.Same(once, once.Record(Pay("WIRE-1", "2026-02-02", 4_000m)));
        Assert.Same(once, once.RecordAll([Pay("WIRE-1", "2026-02-02", 4_000m)]));
    }

    [Fact]
    public void Record_SameReferenceDifferentPayment_ThrowsAndChangesNothing()
    {
        var once = TenThousand().Record(Pay("WIRE-1", "2026-02-02", 4_000m));

        var e = Assert.Throws<ReferenceConflictException>(() => once.Record(Pay("WIRE-1", "2026-02-02", 4_000.01m)));

        Assert.Equal("WIRE-1", e.Reference);
        Assert.Contains("USD 4,000.01", e.Message, StringComparison.Ordinal);
        Assert.Single(once.History);
        Assert.Equal([3_000m, 1_000m, 0m], PaidOn(once, Later));
    }

    // References are one namespace: a cost cannot reuse a payment's reference.
    [Fact]
    public void Record_CostWithAPaymentsReference_Throws()
    {
        var once = TenThousand().Record(Pay("X-1", "2026-02-02", 4_000m));

        Assert.Throws<ReferenceConflictException>(() => once.Record(new ContractCost("X-1", D("2026-02-02"), Usd(10m), "fee")));
    }

    [Fact]
    public void Record_PaymentInAnotherCurrency_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            TenThousand().Record(new Payment("W", D("2026-02-02"), Money.Of(10m, Currency.EUR)))
        );

        Assert.Equal("entry", e.ParamName);
        Assert.Contains("EUR", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_PaymentToAnInstalmentThatDoesNotExist_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => TenThousand().Record(Pay("W", "2026-02-02", 10m, instalment: 4)));

        Assert.Equal("entry", e.ParamName);
        Assert.Contains("instalments 1 to 3", e.Message, StringComparison.Ordinal);
        Assert.Contains("instalment 4", e.Message, StringComparison.Ordinal);
    }

    // 4,000 paid #1 (3,000) then #2 (1,000); a refund of 1,500 takes back #2's 1,000 first, then 500 of #1.
    [Fact]
    public void Record_Refund_TakesBackTheLastReachedInstalmentFirst()
    {
        var schedule = TenThousand()
            .Record(Pay("WIRE-1", "2026-02-02", 4_000m))
            .Record(new Refund("R-1", D("2026-02-10"), "WIRE-1", Usd(1_500m)));

        var status = schedule.StatusAsOf(D(Later));
        Assert.Equal([2_500m, 0m, 0m], status.Instalments.Select(i => i.Paid.Amount));
        Assert.Equal(Usd(1_500m), status.Refunded);
        Assert.Equal(Usd(2_500m), status.Collected);
    }

    [Fact]
    public void Record_RefundOfCredit_TakesTheCreditFirst()
    {
        var status = TenThousand()
            .Record(Pay("WIRE-1", "2026-02-02", 10_500m))
            .Record(new Refund("R-1", D("2026-02-10"), "WIRE-1", Usd(500m)))
            .StatusAsOf(D(Later));

        Assert.Equal(Usd(0m), status.Credit);
        Assert.Equal(Usd(10_000m), status.Allocated);
    }

    // P1 6,500 pays #1 and #2; P2 4,000 pays #3 (3,500) and leaves 500 credit. Refunding 1,000 of P1 reopens #2 by 1,000;
    // the 500 credit then pays #2: #2 paid 3,000, credit 0. Collected 10,500 - 1,000 = 9,500 = allocated 9,500.
    [Fact]
    public void Record_Refund_ReappliesCreditToTheReopenedInstalment()
    {
        var status = TenThousand()
            .Record(Pay("P1", "2026-02-01", 6_500m))
            .Record(Pay("P2", "2026-02-10", 4_000m))
            .Record(new Refund("R-1", D("2026-02-15"), "P1", Usd(1_000m)))
            .StatusAsOf(D(Later));

        Assert.Equal([3_000m, 3_000m, 3_500m], status.Instalments.Select(i => i.Paid.Amount));
        Assert.Equal(Usd(0m), status.Credit);
        Assert.Equal(Usd(9_500m), status.Collected);
    }

    [Fact]
    public void Record_RefundAboveWhatThePaymentHolds_Throws()
    {
        var paid = TenThousand()
            .Record(Pay("WIRE-1", "2026-02-02", 4_000m))
            .Record(new Refund("R-1", D("2026-02-10"), "WIRE-1", Usd(3_000m)));

        var e = Assert.Throws<ArgumentException>(() => paid.Record(new Refund("R-2", D("2026-02-11"), "WIRE-1", Usd(1_000.01m))));

        Assert.Equal("entry", e.ParamName);
        Assert.Contains("USD 1,000.01", e.Message, StringComparison.Ordinal);
        Assert.Contains("still holds on 2026-02-11: USD 1,000.00", e.Message, StringComparison.Ordinal);
        Assert.Equal(2, paid.History.Count);
    }

    [Fact]
    public void Record_RefundOfAnUnknownPayment_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => TenThousand().Record(new Refund("R-1", D("2026-02-10"), "NOPE", Usd(1m))));

        Assert.Equal("entry", e.ParamName);
        Assert.Contains("\"NOPE\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_RefundDatedBeforeItsPayment_Throws()
    {
        var paid = TenThousand().Record(Pay("WIRE-1", "2026-02-02", 4_000m));

        var e = Assert.Throws<ArgumentException>(() => paid.Record(new Refund("R-1", D("2026-02-01"), "WIRE-1", Usd(1m))));

        Assert.Contains("dated before the payment", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_Reversal_TakesBackEverythingThePaymentStillHolds()
    {
        var status = TenThousand()
            .Record(Pay("CHQ-7", "2026-02-02", 4_000m))
            .Record(new Refund("R-1", D("2026-02-05"), "CHQ-7", Usd(500m)))
            .Record(new Reversal("V-1", D("2026-02-09"), "CHQ-7", "cheque bounced"))
            .StatusAsOf(D(Later));

        Assert.Equal([0m, 0m, 0m], status.Instalments.Select(i => i.Paid.Amount));
        Assert.Equal(Usd(4_000m), status.Refunded);
        Assert.Equal(Usd(3_500m), status.Reversed);
        Assert.Equal(Usd(0m), status.Collected);
    }

    [Fact]
    public void Record_SecondReversal_Throws()
    {
        var reversed = TenThousand().Record(Pay("CHQ-7", "2026-02-02", 4_000m)).Record(new Reversal("V-1", D("2026-02-09"), "CHQ-7"));

        var e = Assert.Throws<ArgumentException>(() => reversed.Record(new Reversal("V-2", D("2026-02-10"), "CHQ-7")));

        Assert.Contains("holds nothing more", e.Message, StringComparison.Ordinal);
    }

    // History keeps every entry, in the order recorded, including the payment a reversal points at.
    [Fact]
    public void Record_RefundsAndReversals_AreNewEntries_NeverDeletions()
    {
        var schedule = TenThousand()
            .Record(Pay("CHQ-7", "2026-02-02", 4_000m))
            .Record(new Refund("R-1", D("2026-02-05"), "CHQ-7", Usd(500m)))
            .Record(new Reversal("V-1", D("2026-02-09"), "CHQ-7"));

        Assert.Collection(
            schedule.History,
            e => Assert.Equal(Pay("CHQ-7", "2026-02-02", 4_000m), e),
            e => Assert.IsType<Refund>(e),
            e => Assert.IsType<Reversal>(e)
        );
    }

    [Fact]
    public void Record_Cost_CountsAgainstTheContractOnly()
    {
        var status = TenThousand()
            .Record(Pay("WIRE-1", "2026-02-02", 4_000m))
            .Record(new ContractCost("C-1", D("2026-02-03"), Usd(400m), "reseller commission"))
            .StatusAsOf(D(Later));

        Assert.Equal(Usd(400m), status.Costs);
        Assert.Equal(Usd(3_600m), status.CollectedLessCosts);
        Assert.Equal(Usd(4_000m), status.Allocated);
    }

    // Recorded late but dated earlier: the replay runs in date order, so as of 2026-02-05 only P-EARLY counts.
    [Fact]
    public void Record_BackdatedPayment_CountsFromItsOwnDate()
    {
        var schedule = TenThousand().Record(Pay("P-LATE", "2026-02-10", 2_000m)).Record(Pay("P-EARLY", "2026-02-01", 1_000m));

        Assert.Equal([1_000m, 0m, 0m], PaidOn(schedule, "2026-02-05"));
        Assert.Equal([3_000m, 0m, 0m], PaidOn(schedule, "2026-02-10"));
    }

    // A backdated refund before a reversal: the reversal takes only what is left on its own date.
    [Fact]
    public void Record_BackdatedRefundBeforeAReversal_ShrinksTheReversal()
    {
        var status = TenThousand()
            .Record(Pay("CHQ-7", "2026-02-02", 4_000m))
            .Record(new Reversal("V-1", D("2026-02-09"), "CHQ-7"))
            .Record(new Refund("R-1", D("2026-02-05"), "CHQ-7", Usd(500m)))
            .StatusAsOf(D(Later));

        Assert.Equal(Usd(4_000m), status.Refunded);
        Assert.Equal(Usd(3_500m), status.Reversed);
    }

    // Moved from 2026-02-28 to 2026-04-15 on 2026-02-20: #3 (2026-03-31) is now due first, so 6,500 pays #1 and #3.
    [Fact]
    public void Reschedule_ChangesTheAllocationOrder_AndKeepsTheOldDate()
    {
        var schedule = TenThousand()
            .Reschedule(2, D("2026-04-15"), D("2026-02-20"), "customer asked")
            .Record(Pay("W", "2026-02-21", 6_500m));

        Assert.Equal([3_000m, 0m, 3_500m], PaidOn(schedule, Later));
        var second = schedule.Instalments[1];
        Assert.Equal(D("2026-04-15"), second.DueOn);
        Assert.Equal(D("2026-02-28"), second.PlannedDueOn);
        Assert.Equal([D("2026-02-28")], second.PreviousDueDates);
        Assert.Equal(new Reschedule(2, D("2026-04-15"), D("2026-02-20"), "customer asked"), schedule.History[0]);
    }

    [Fact]
    public void Reschedule_Twice_KeepsEveryOldDateInOrder()
    {
        var schedule = TenThousand().Reschedule(2, D("2026-04-15"), D("2026-02-20")).Reschedule(2, D("2026-05-15"), D("2026-04-01"));

        Assert.Equal([D("2026-02-28"), D("2026-04-15")], schedule.Instalments[1].PreviousDueDates);
        Assert.Equal(D("2026-05-15"), schedule.Instalments[1].DueOn);
    }

    [Fact]
    public void Reschedule_AnInstalmentThatDoesNotExist_Throws() =>
        Assert.Equal(
            "instalment",
            Assert.Throws<ArgumentException>(() => TenThousand().Reschedule(9, D("2026-04-15"), D("2026-02-20"))).ParamName
        );

    [Fact]
    public void SetMilestone_GivesTheDueDate()
    {
        var schedule = Milestone().SetMilestone("go-live", D("2026-04-20"));

        Assert.Equal(D("2026-05-20"), schedule.Instalments[1].DueOn);
    }

    [Fact]
    public void SetMilestone_SameDateAgain_ChangesNothing()
    {
        var reached = Milestone().SetMilestone("go-live", D("2026-04-20"));

        Assert.Same(reached, reached.SetMilestone("go-live", D("2026-04-20")));
    }

    [Fact]
    public void SetMilestone_AnotherDate_Throws()
    {
        var reached = Milestone().SetMilestone("go-live", D("2026-04-20"));

        var e = Assert.Throws<ArgumentException>(() => reached.SetMilestone("go-live", D("2026-04-25")));

        Assert.Equal("reachedOn", e.ParamName);
        Assert.Contains("already reached on 2026-04-20", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SetMilestone_UnknownName_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Milestone().SetMilestone("delivery", D("2026-04-20")));

        Assert.Contains("\"delivery\"", e.Message, StringComparison.Ordinal);
    }

    // A payment before the milestone pays #1 and then prepays the milestone instalment (which is last in the order).
    [Fact]
    public void Record_PaymentBeforeTheMilestone_PrepaysTheWaitingInstalment()
    {
        var status = Milestone().Record(Pay("W", "2026-03-05", 700m)).StatusAsOf(D("2026-03-10"));

        Assert.Equal([500m, 200m], status.Instalments.Select(i => i.Paid.Amount));
        Assert.Equal(InstalmentState.PartiallyPaid, status.Instalments[1].State);
    }

    [Fact]
    public void RecordAll_GivesTheSameResultAsRecordingOneByOne()
    {
        CollectionEntry[] entries =
        [
            Pay("P1", "2026-02-01", 2_000m),
            new ContractCost("C1", D("2026-02-02"), Usd(50m), "fee"),
            Pay("P2", "2026-03-01", 2_500m, instalment: 3),
            Pay("P1", "2026-02-01", 2_000m),
        ];
        var oneByOne = entries.Aggregate(TenThousand(), (s, e) => s.Record(e));

        var batch = TenThousand().RecordAll(entries);

        Assert.Equal(oneByOne.History, batch.History);
        Assert.Equal(oneByOne.StatusAsOf(D(Later)).ToString(), batch.StatusAsOf(D(Later)).ToString());
        Assert.Equal(3, batch.History.Count);
    }

    [Fact]
    public void RecordAll_OneBadEntry_RecordsNothing()
    {
        var start = TenThousand().Record(Pay("P0", "2026-02-01", 100m));

        Assert.Throws<ReferenceConflictException>(() => start.RecordAll([Pay("P1", "2026-02-02", 10m), Pay("P1", "2026-02-02", 20m)]));
        Assert.Single(start.History);
    }

    [Fact]
    public void RecordAll_RefundOfAPaymentInTheSameBatch_IsAccepted()
    {
        var schedule = TenThousand().RecordAll([Pay("P1", "2026-02-01", 4_000m), new Refund("R1", D("2026-02-02"), "P1", Usd(1_000m))]);

        Assert.Equal([3_000m, 0m, 0m], PaidOn(schedule, Later));
    }

    [Fact]
    public void Record_Null_Throws() =>
        Assert.Equal("entry", Assert.Throws<ArgumentNullException>(() => TenThousand().Record(null!)).ParamName);

    [Fact]
    public void History_CannotBeChangedThroughACast() =>
        Assert.Throws<NotSupportedException>(() =>
            ((IList<CollectionEntry>)TenThousand().Record(Pay("P", "2026-02-01", 1m)).History).Clear()
        );

    private static CollectionSchedule Milestone() =>
        CollectionSchedule.Create(
            Usd(1_000m),
            D("2026-03-01"),
            PaymentTerms.Create(TermsLine.Percentage(50m, DueRule.DaysAfterStart(0)), TermsLine.Balance(DueRule.OnMilestone("go-live", 30)))
        );

    [Fact]
    public void RecordAll_Null_Throws() =>
        Assert.Equal("entries", Assert.Throws<ArgumentNullException>(() => TenThousand().RecordAll(null!)).ParamName);

    // #2 waits for go-live (+30 days). Rescheduled to 2026-04-15 on 03-10, it keeps that date when go-live is reached on
    // 03-20 (which alone would make it due 04-19): an agreed date is not moved by the milestone. It had no date before,
    // so it has no previous due date.
    [Fact]
    public void SetMilestone_AfterARescheduleOfItsInstalment_KeepsTheAgreedDate()
    {
        var schedule = Milestone().Reschedule(2, D("2026-04-15"), D("2026-03-10")).SetMilestone("go-live", D("2026-03-20"));

        Assert.Equal(D("2026-04-15"), schedule.Instalments[1].DueOn);
        Assert.Empty(schedule.Instalments[1].PreviousDueDates);
        Assert.Equal(D("2026-04-15"), schedule.StatusAsOf(D("2026-03-25")).Instalments[1].DueOn);
    }
}
