using SalesPipeline.Collections;
using static SalesPipeline.Tests.Collections.CollectionFixtures;

namespace SalesPipeline.Tests.Collections;

// The batch path RecordAll: it keeps the earlier history, applies payments' credit like Record, replays when an entry
// is not a payment or cost dated after every earlier one, and checks every entry as Record does.
// TenThousand(): #1 3,000.00 due 2026-01-31, #2 3,500.00 due 2026-02-28, #3 3,500.00 due 2026-03-31.
public partial class CollectionScheduleTests
{
    // Fast path (payments and costs dated after every earlier entry). P0 1,000 pays #1; P1 2,500 pays #1's other 2,000
    // and 500 of #2. Received 3,500, costs 50.
    [Fact]
    public void RecordAll_AfterEarlierEntries_KeepsThemFirstInTheHistory()
    {
        var start = TenThousand().Record(Pay("P0", "2026-02-01", 1_000m));
        CollectionEntry[] batch = [Pay("P1", "2026-02-05", 2_500m), new ContractCost("C1", D("2026-02-06"), Usd(50m), "fee")];

        var schedule = start.RecordAll(batch);

        Assert.Equal([start.History[0], batch[0], batch[1]], schedule.History);
        Assert.Equal([3_000m, 500m, 0m], PaidOn(schedule, Later));
        Assert.Equal((Usd(3_500m), Usd(50m)), (schedule.StatusAsOf(D(Later)).Received, schedule.StatusAsOf(D(Later)).Costs));
    }

    // Replay path (the batch holds a refund). P0 1,000 pays #1; R1 takes 200 back (#1 800); P1 2,500 pays #1's other
    // 2,200 and 300 of #2. Received 3,500, refunded 200, collected 3,300.
    [Fact]
    public void RecordAll_WithARefund_ReplaysTheEarlierHistoryToo()
    {
        var start = TenThousand().Record(Pay("P0", "2026-02-01", 1_000m));
        CollectionEntry[] batch = [new Refund("R1", D("2026-02-03"), "P0", Usd(200m)), Pay("P1", "2026-02-05", 2_500m)];

        var schedule = start.RecordAll(batch);

        Assert.Equal([start.History[0], batch[0], batch[1]], schedule.History);
        Assert.Equal([3_000m, 300m, 0m], PaidOn(schedule, Later));
        var status = schedule.StatusAsOf(D(Later));
        Assert.Equal((Usd(3_500m), Usd(200m), Usd(3_300m)), (status.Received, status.Refunded, status.Collected));
    }

    // 6,000 pays #1 (3,000) and 3,000 of #2; 4,500 pays #2's other 500 and #3 (3,500); 500 is left as credit.
    // Collected 10,500 = allocated 10,000 + credit 500.
    [Fact]
    public void RecordAll_Overpayment_KeepsTheRestAsCredit()
    {
        var status = TenThousand().RecordAll([Pay("P1", "2026-02-01", 6_000m), Pay("P2", "2026-03-01", 4_500m)]).StatusAsOf(D(Later));

        Assert.All(status.Instalments, i => Assert.Equal(InstalmentState.Paid, i.State));
        Assert.Equal(Usd(500m), status.Credit);
        Assert.Equal(Usd(10_000m), status.Allocated);
        Assert.Equal(Usd(10_500m), status.Collected);
    }

    // The credit of the batch adds to the credit already held: 10,200 leaves 200; 300 more, all credit: 500.
    [Fact]
    public void RecordAll_OverpaymentOnTopOfCredit_AddsToIt()
    {
        var start = TenThousand().Record(Pay("P0", "2026-02-01", 10_200m));

        var status = start.RecordAll([Pay("P1", "2026-02-10", 300m)]).StatusAsOf(D(Later));

        Assert.Equal(Usd(500m), status.Credit);
        Assert.Equal(Usd(10_500m), status.Received);
        Assert.Equal(status.ToString(), start.Record(Pay("P1", "2026-02-10", 300m)).StatusAsOf(D(Later)).ToString());
    }

    // #2 was moved on 2026-02-20 to 2026-04-15. A payment dated 2026-02-10, before that, meets the old order #1, #2, #3:
    // 6,500 pays #1 and #2. (Dated 2026-02-21 it would pay #1 and #3: Reschedule_ChangesTheAllocationOrder.)
    [Fact]
    public void RecordAll_PaymentDatedBeforeAReschedule_IsAllocatedInTheOrderOfItsDate()
    {
        var start = TenThousand().Reschedule(2, D("2026-04-15"), D("2026-02-20"));

        var schedule = start.RecordAll([Pay("W", "2026-02-10", 6_500m)]);

        Assert.Equal([3_000m, 3_500m, 0m], PaidOn(schedule, Later));
        Assert.Equal(PaidOn(start.Record(Pay("W", "2026-02-10", 6_500m)), Later), PaidOn(schedule, Later));
    }

    // The null's position is counted in the batch as given: P1 twice (the second skipped as already in the batch),
    // then the null, third, at position 2.
    [Fact]
    public void RecordAll_NullAfterASkippedDuplicate_NamesItsPositionInTheBatch()
    {
        var p1 = Pay("P1", "2026-02-01", 1_000m);

        var error = Assert.Throws<ArgumentNullException>(() => TenThousand().RecordAll([p1, p1, null!]));

        Assert.Equal("entries", error.ParamName);
        Assert.StartsWith("Entry 2 of the batch is null.", error.Message, StringComparison.Ordinal);
    }
}
