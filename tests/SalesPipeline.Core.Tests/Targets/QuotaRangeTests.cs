using SalesPipeline.Calendars;
using SalesPipeline.Targets;

namespace SalesPipeline.Tests.Targets;

// Quota decomposition at the edge of Money's range (10^18 minor units: USD 10,000,000,000,000,000.00).
public sealed class QuotaRangeTests
{
    private static Quota Annual(decimal amount) =>
        Quota.ForPerson("alice", FiscalCalendar.Calendar.Year(2026), Money.Of(amount, Currency.USD));

    [Fact]
    public void Decompose_TheLimit_AddsUpExactlyAtEveryLevel()
    {
        // 10^18 cents: quarters 2.5 x 10^17 cents each; a quarter in three months is 83,333,333,333,333,333.33...
        // cents, so 83,333,333,333,333,334 / ...333 / ...333 (leftover cent to the first month).
        var plan = Quota.Decompose(Annual(1e16m), FiscalCalendar.Calendar);

        Assert.All(plan.Quarters, q => Assert.Equal(2_500_000_000_000_000m, q.Target.Amount));
        Assert.Equal(
            [833_333_333_333_333.34m, 833_333_333_333_333.33m, 833_333_333_333_333.33m],
            plan.Months.Take(3).Select(m => m.Target.Amount)
        );
        Assert.Equal(1e16m, plan.Weeks.Sum(w => w.Target.Amount));
        Assert.Equal(1e16m, plan.Months.Sum(m => m.Target.Amount));
    }

    [Fact]
    public void Decompose_ATargetWhoseMinorUnitsPassLong_IsRefusedWhenTheTargetIsMade()
    {
        // USD 10^17 is 10^19 cents: it used to pass Money.Of and fail with a raw OverflowException inside Decompose.
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Quota.Decompose(Annual(1e17m), FiscalCalendar.Calendar));

        Assert.Contains("USD 100,000,000,000,000,000.00 is outside the range of Money in USD", e.Message, StringComparison.Ordinal);
    }
}
