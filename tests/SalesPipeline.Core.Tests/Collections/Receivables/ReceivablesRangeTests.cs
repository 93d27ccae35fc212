using SalesPipeline.Calendars;
using SalesPipeline.Collections;
using static SalesPipeline.Tests.Collections.CollectionFixtures;
using static SalesPipeline.Tests.Collections.Receivables.ReceivablesFixtures;

namespace SalesPipeline.Tests.Collections.Receivables;

// Receivables reports at the edge of Money's range: every figure is a Money, so a sum across schedules may be at most
// 10^18 minor units (USD 10,000,000,000,000,000.00); and aging buckets up to int.MaxValue days.
public sealed class ReceivablesRangeTests
{
    private const string UsdLimitText = "at most USD 10,000,000,000,000,000.00 either way";

    // USD 6 x 10^15 due on signing, 2026-01-31, unpaid: two of them owe USD 1.2 x 10^16 together, beyond the limit.
    private static CollectionSchedule Big(string id) =>
        CollectionSchedule.Create(Usd(6e15m), D("2026-01-31"), AllOnSigning(), new ContractInfo(id, "Globex", "alice"));

    [Fact]
    public void AgingBuckets_UpToIntMaxValueDays_LabelAndPlaceEveryDay()
    {
        // The bucket after a bound of int.MaxValue would start at 2^31, one beyond int (a raw OverflowException before).
        var buckets = AgingBuckets.Create(30, int.MaxValue);

        Assert.Equal(["current", "1-30", "31-2147483647", "over 2147483647"], buckets.Labels);
        Assert.Equal(2, buckets.IndexOf(int.MaxValue));
        Assert.Equal(["current", "1-2147483647", "over 2147483647"], AgingBuckets.Create(int.MaxValue).Labels);
    }

    [Fact]
    public void Aging_TotalBeyondTheLimit_IsRefusedNamingTheSumAndTheLimit()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Aging.Of([Big("C-1"), Big("C-2")], AsOf));

        Assert.Equal("schedules", e.ParamName);
        Assert.Contains("The aging's total would reach USD 12,000,000,000,000,000.00", e.Message, StringComparison.Ordinal);
        Assert.Contains(UsdLimitText, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Aging_TotalBeyondLong_IsRefusedNotOverflowed()
    {
        // Ten schedules of USD 10^16 owe 10^19 cents, beyond long (a raw OverflowException before).
        var schedules = Enumerable
            .Range(1, 10)
            .Select(i => CollectionSchedule.Create(Usd(1e16m), D("2026-01-31"), AllOnSigning()))
            .ToArray();

        Assert.Throws<ArgumentOutOfRangeException>(() => Aging.Of(schedules, AsOf));
    }

    [Fact]
    public void AgingAccumulator_RefusedSchedule_LeavesTheAccumulatorAsItWas()
    {
        var accumulator = new AgingAccumulator(Currency.USD, AsOf, organization: Org);
        accumulator.Add(Big("C-1"));
        var before = accumulator.Result();

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => accumulator.Add(Big("C-2")));

        Assert.Equal("schedule", e.ParamName);
        var after = accumulator.Result();
        Assert.Equal(before.Total.Total, after.Total.Total);
        Assert.Equal(Usd(6e15m), after.Total.Total);
        Assert.Equal(before.ByCustomer.Select(l => (l.Key, l.Total)), after.ByCustomer.Select(l => (l.Key, l.Total)));
    }

    [Fact]
    public void AgingAccumulator_MergeBeyondTheLimit_IsRefusedAndChangesNothing()
    {
        var left = new AgingAccumulator(Currency.USD, AsOf);
        var right = new AgingAccumulator(Currency.USD, AsOf);
        left.Add(Big("C-1"));
        right.Add(Big("C-2"));

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => left.Merge(right));

        Assert.Equal("other", e.ParamName);
        Assert.StartsWith("The merged aging's total would reach USD 12,000,000,000,000,000.00", e.Message, StringComparison.Ordinal);
        Assert.Equal(Usd(6e15m), left.Result().Total.Total);
        Assert.Single(left.Result().ByCustomer);
    }

    [Fact]
    public void CollectionProgress_TotalBeyondTheLimit_IsRefused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => CollectionProgress.Of([Big("C-1"), Big("C-2")], AsOf));

        Assert.Equal("schedules", e.ParamName);
        Assert.StartsWith(
            "A line of the collection progress would reach USD 12,000,000,000,000,000.00",
            e.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void DaysSalesOutstanding_SumsBeyondTheLimit_AreRefused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            DaysSalesOutstanding.Of([Big("C-1"), Big("C-2")], FiscalCalendar.Calendar.Quarter(2026, 1))
        );

        Assert.Equal("schedules", e.ParamName);
        // Both unpaid: the receivables pass the limit first (the billed amount would too).
        Assert.StartsWith("The receivables would reach USD 12,000,000,000,000,000.00", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CashForecast_RowBeyondTheLimit_IsRefused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            CashForecast.Of([Big("C-1"), Big("C-2")], AsOf, [FiscalCalendar.Calendar.Quarter(2026, 2)])
        );

        Assert.Equal("schedules", e.ParamName);
        Assert.Contains("A row of the cash forecast would reach USD 12,000,000,000,000,000.00", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Aging_UpToExactlyTheLimit_IsExact()
    {
        // USD 6 x 10^15 + USD 4 x 10^15, both 69 days overdue on 2026-04-10 (Jan 31 -> Apr 10): 61-90, USD 10^16 in all.
        var four = CollectionSchedule.Create(Usd(4e15m), D("2026-01-31"), AllOnSigning(), new ContractInfo("C-2", "Initech", "bob"));

        var report = Aging.Of([Big("C-1"), four], AsOf);

        Assert.Equal(Usd(1e16m), report.Total.Total);
        Assert.Equal(Usd(1e16m), report.Total.Buckets[3]);
    }

    // Both paid in full on signing: nothing is outstanding, but USD 1.2 x 10^16 was billed in Q1, past the limit.
    [Fact]
    public void DaysSalesOutstanding_BilledBeyondTheLimit_IsRefusedNamingTheBilledAmount()
    {
        CollectionSchedule Paid(string id) => Big(id).Record(Pay("P-" + id, "2026-01-31", 6e15m));

        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            DaysSalesOutstanding.Of([Paid("C-1"), Paid("C-2")], FiscalCalendar.Calendar.Quarter(2026, 1))
        );

        Assert.Equal("schedules", e.ParamName);
        Assert.StartsWith("The billed amount would reach USD 12,000,000,000,000,000.00", e.Message, StringComparison.Ordinal);
    }
}
