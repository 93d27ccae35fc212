using SalesPipeline.Collections;
using static SalesPipeline.Tests.Collections.CollectionFixtures;

namespace SalesPipeline.Tests.Collections;

// Every entry is checked against the schedule the same way by Record and by RecordAll, and a refused entry leaves the
// schedule as it was. The schedule: TenThousand() with WIRE-1 4,000.00 received 2026-02-02 (#1 paid, #2 1,000.00).
public partial class CollectionScheduleTests
{
    private static CollectionSchedule WithWire1() => TenThousand().Record(Pay("WIRE-1", "2026-02-02", 4_000m));

    private static readonly Dictionary<string, (CollectionEntry Entry, string Message)> BadEntries = new()
    {
        ["payment in EUR"] = (new Payment("P-EUR", D("2026-02-05"), Money.Of(10m, Currency.EUR)), "is in EUR"),
        ["refund in EUR"] = (new Refund("R-EUR", D("2026-02-05"), "WIRE-1", Money.Of(10m, Currency.EUR)), "is in EUR"),
        ["cost in EUR"] = (new ContractCost("C-EUR", D("2026-02-05"), Money.Of(10m, Currency.EUR), "fee"), "is in EUR"),
        ["payment to #4"] = (Pay("P-4", "2026-02-05", 10m, instalment: 4), "names instalment 4"),
        ["refund of an unknown payment"] = (
            new Refund("R-X", D("2026-02-05"), "NOPE", Usd(10m)),
            "\"NOPE\", which the schedule does not hold"
        ),
        ["reversal of an unknown payment"] = (new Reversal("V-X", D("2026-02-05"), "NOPE"), "\"NOPE\", which the schedule does not hold"),
        ["refund before its payment"] = (
            new Refund("R-0", D("2026-02-01"), "WIRE-1", Usd(10m)),
            "is dated before the payment it points at"
        ),
        ["reversal before its payment"] = (new Reversal("V-0", D("2026-02-01"), "WIRE-1"), "is dated before the payment it points at"),
        ["unknown milestone"] = (new MilestoneReached("delivery", D("2026-02-05")), "no instalment of this schedule is due on a milestone"),
        ["reschedule of #4"] = (new Reschedule(4, D("2026-05-01"), D("2026-02-05")), "names instalment 4"),
    };

    public static TheoryData<string> BadEntryNames => [.. BadEntries.Keys];

    [Theory]
    [MemberData(nameof(BadEntryNames))]
    public void Record_BadEntry_ThrowsAndChangesNothing(string name)
    {
        var (entry, message) = BadEntries[name];
        var schedule = WithWire1();
        var before = schedule.StatusAsOf(D(Later)).ToString();

        var e = Assert.Throws<ArgumentException>(() => schedule.Record(entry));

        Assert.Equal("entry", e.ParamName);
        Assert.Contains(message, e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Single(schedule.History);
        Assert.Equal(before, schedule.StatusAsOf(D(Later)).ToString());
    }

    // The same entry after a good one in a batch: the batch is refused as a whole.
    [Theory]
    [MemberData(nameof(BadEntryNames))]
    public void RecordAll_BadEntry_ThrowsAndRecordsNothing(string name)
    {
        var (entry, message) = BadEntries[name];
        var schedule = WithWire1();
        var before = schedule.StatusAsOf(D(Later)).ToString();

        var e = Assert.Throws<ArgumentException>(() => schedule.RecordAll([Pay("GOOD", "2026-02-04", 100m), entry]));

        Assert.Equal("entries", e.ParamName);
        Assert.Contains(message, e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Single(schedule.History);
        Assert.Equal(before, schedule.StatusAsOf(D(Later)).ToString());
    }

    // A refund may take back all a payment holds: 4,000 of 4,000 reopens #1 and #2 (paid 3,000 + 1,000); collected 0.
    // After it the payment holds nothing, so a further cent or a reversal is refused.
    [Fact]
    public void Record_RefundOfTheWholePayment_TakesEverythingBack()
    {
        var refunded = WithWire1().Record(new Refund("R-ALL", D("2026-02-10"), "WIRE-1", Usd(4_000m)));

        var status = refunded.StatusAsOf(D(Later));
        Assert.Equal([0m, 0m, 0m], status.Instalments.Select(i => i.Paid.Amount));
        Assert.Equal((Usd(4_000m), Usd(4_000m), Usd(0m)), (status.Received, status.Refunded, status.Collected));
        var cent = Assert.Throws<ArgumentException>(() => refunded.Record(new Refund("R-MORE", D("2026-02-11"), "WIRE-1", Usd(0.01m))));
        Assert.Contains("still holds on 2026-02-11: USD 0.00", cent.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => refunded.Record(new Reversal("V-1", D("2026-02-11"), "WIRE-1")));
    }

    // A refund or a reversal on the payment's own day is allowed (not before it): on 2026-02-02 the payment and the
    // refund of 1,500 both count (the refund takes #2's 1,000 and 500 of #1), the reversal takes all 4,000 back.
    [Fact]
    public void Record_RefundOrReversalOnThePaymentsOwnDay_IsAccepted()
    {
        var refunded = WithWire1().Record(new Refund("R-1", D("2026-02-02"), "WIRE-1", Usd(1_500m)));
        var reversed = WithWire1().Record(new Reversal("V-1", D("2026-02-02"), "WIRE-1"));

        Assert.Equal([2_500m, 0m, 0m], PaidOn(refunded, "2026-02-02"));
        Assert.Equal(Usd(2_500m), refunded.StatusAsOf(D("2026-02-02")).Collected);
        Assert.Equal(
            (Usd(0m), Usd(4_000m)),
            (reversed.StatusAsOf(D("2026-02-02")).Collected, reversed.StatusAsOf(D("2026-02-02")).Reversed)
        );
    }
}
