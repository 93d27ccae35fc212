using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Metrics;

namespace SalesPipeline.Tests.Metrics;

using static CycleDeals;

// Velocity beyond what a Money holds (10^18 minor units: USD 10,000,000,000,000,000.00) is undefined with a reason,
// like velocity beyond decimal; it is never an exception.
public class SalesVelocityRangeTests
{
    private static readonly FiscalPeriod Q1 = new("2026 Q1", new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 3, 31)));

    [Fact]
    public void Of_PerDayBeyondTheRangeOfMoney_IsNullWithAReason()
    {
        // One open deal, one deal of USD 10^16 won 0.001 days (86.4 s) after creation, none lost: N 1, A 10^16, W 1,
        // C 0.001 days, so V = 10^16 / 0.001 = USD 10^19 a day: a decimal, but beyond USD 10^16.
        var deals = new[] { Open(Day(1)), Pipeline.Win(Open(Day(2), 1e16m), Day(2.001), "alice") };

        var v = SalesVelocity.Of(deals, Q1);

        Assert.Null(v.PerDay);
        Assert.Null(v.RevenueOver(30));
        Assert.Contains("exceeds the range of Money in USD, USD 10,000,000,000,000,000.00", v.Reason, StringComparison.Ordinal);
        Assert.Equal(Money.Of(1e16m, Currency.USD), v.WonAmount);
    }

    [Fact]
    public void RevenueOver_BeyondTheRangeOfMoney_ThrowsNamingTheLimit()
    {
        // V = 1 x USD 10^15 x 1 / 1 day = USD 10^15 a day; over 11 days USD 1.1 x 10^16, beyond USD 10^16.
        var deals = new[] { Open(Day(1)), Pipeline.Win(Open(Day(2), 1e15m), Day(3), "alice") };
        var v = SalesVelocity.Of(deals, Q1);

        Assert.Equal(Money.Of(1e15m, Currency.USD), v.PerDay);
        Assert.Equal(Money.Of(1e16m, Currency.USD), v.RevenueOver(10));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => v.RevenueOver(11));
        Assert.Contains("USD 11,000,000,000,000,000.00 is outside the range of Money in USD", e.Message, StringComparison.Ordinal);
    }
}
