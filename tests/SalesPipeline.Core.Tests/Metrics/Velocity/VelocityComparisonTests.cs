using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Metrics;
using SalesPipeline.Targets;

namespace SalesPipeline.Tests.Metrics;

using static CycleDeals;

public class VelocityComparisonTests
{
    private static readonly FiscalPeriod Q1 = new("2026 Q1", new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 3, 31)));

    // A window's deals with the given inputs: `open` open deals; `won` deals worth `amount` each, won after `days`;
    // `lost` lost deals.
    private static SalesVelocity Velocity(int open, int won, decimal amount, double days, int lost, Currency? currency = null)
    {
        var deals = new List<Deal>();
        for (var i = 0; i < open; i++)
        {
            deals.Add(Open(Day(1), currency: currency));
        }
        for (var i = 0; i < won; i++)
        {
            deals.Add(Pipeline.Win(Open(Day(2), amount, currency: currency), Day(2 + days), "alice"));
        }
        for (var i = 0; i < lost; i++)
        {
            deals.Add(Pipeline.Lose(Open(Day(2), currency: currency), LossReason.Price, Day(3), "alice"));
        }
        return SalesVelocity.Of(deals, Q1);
    }

    [Fact]
    public void Compare_WorkedExample_ContributionsAddUpToTheChange()
    {
        // Before: N 40, A 25,000, W 10/25 = 0.4, C 50 -> V0 = 8,000. After: N 50, A 20,000, W 10/20 = 0.5, C 40 -> V1 = 12,500.
        // ln(V1/V0) = ln 1.5625 = 2 ln 1.25; every log ratio is +-ln 1.25, so each contribution is +-4,500 / 2 = +-2,250.
        var before = Velocity(40, 10, 25_000m, 50, 15);
        var after = Velocity(50, 10, 20_000m, 40, 10);

        var c = SalesVelocity.Compare(before, after);

        Assert.Equal(8_000m, before.PerDay!.Amount);
        Assert.Equal(12_500m, after.PerDay!.Amount);
        Assert.Equal(4_500m, c.Change);
        Assert.Equal(2_250, c.OpenDeals!.Value, 6);
        Assert.Equal(-2_250, c.AverageWonAmount!.Value, 6);
        Assert.Equal(2_250, c.WinRate!.Value, 6);
        Assert.Equal(2_250, c.CycleLength!.Value, 6);
        Assert.Null(c.Reason);
        Assert.Contains("+4,500.00 USD/day", c.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_OnlyOneLeverMoves_ItTakesTheWholeChange()
    {
        // Only the cycle: 50 -> 25 days doubles V from 8,000 to 16,000; the cycle's contribution is +8,000.
        var c = SalesVelocity.Compare(Velocity(40, 10, 25_000m, 50, 15), Velocity(40, 10, 25_000m, 25, 15));

        Assert.Equal(8_000m, c.Change);
        Assert.Equal(8_000, c.CycleLength!.Value, 9);
        Assert.Equal(0, c.OpenDeals!.Value);
        Assert.Equal(0, c.AverageWonAmount!.Value);
        Assert.Equal(0, c.WinRate!.Value);
    }

    [Fact]
    public void Compare_EqualVelocities_UsesTheLimitAndTheLeversCancel()
    {
        // N doubles (40 -> 80) and A halves (25,000 -> 12,500): V stays 8,000; L = V0, so the contributions are
        // 8,000 x ln 2 = +5,545.18 and -5,545.18.
        var c = SalesVelocity.Compare(Velocity(40, 10, 25_000m, 50, 15), Velocity(80, 10, 12_500m, 50, 15));

        Assert.Equal(0m, c.Change);
        Assert.Equal(8_000 * Math.Log(2), c.OpenDeals!.Value, 9);
        Assert.Equal(-8_000 * Math.Log(2), c.AverageWonAmount!.Value, 9);
    }

    [Fact]
    public void Compare_ZeroOpenDeals_IsUndefinedWithReason()
    {
        var c = SalesVelocity.Compare(Velocity(40, 10, 25_000m, 50, 15), Velocity(0, 10, 25_000m, 50, 15));

        Assert.Equal(-8_000m, c.Change);
        Assert.Null(c.OpenDeals);
        Assert.Contains("no open deals after", c.Reason, StringComparison.Ordinal);
        Assert.Contains("undefined", c.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_UndefinedVelocity_IsUndefinedWithReason()
    {
        var c = SalesVelocity.Compare(Velocity(40, 0, 25_000m, 50, 15), Velocity(40, 10, 25_000m, 50, 15));

        Assert.Null(c.Change);
        Assert.Null(c.CycleLength);
        Assert.Contains("undefined before", c.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_BadInput_Throws()
    {
        var usd = Velocity(1, 1, 1m, 1, 0);
        var eur = Velocity(1, 1, 1m, 1, 0, Currency.EUR);

        Assert.Equal("before", Assert.Throws<ArgumentNullException>(() => SalesVelocity.Compare(null!, usd)).ParamName);
        Assert.Equal("after", Assert.Throws<ArgumentNullException>(() => SalesVelocity.Compare(usd, null!)).ParamName);
        var mismatch = Assert.Throws<ArgumentException>(() => SalesVelocity.Compare(usd, eur));
        Assert.Equal("after", mismatch.ParamName);
        Assert.Contains("EUR", mismatch.Message, StringComparison.Ordinal);
    }

    private static readonly FiscalPeriod Jan = FiscalPeriod.Of(new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 1, 31)));

    [Fact]
    public void Compare_ContributionsAddUp_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                SalesVelocityTests.DealSpecs,
                SalesVelocityTests.DealSpecs,
                (first, second) =>
                {
                    var before = SalesVelocity.Of(
                        first.Select(SalesVelocityTests.Build).ToArray(),
                        Jan,
                        new VelocityOptions { Rates = ExchangeRates.In(Currency.USD) }
                    );
                    var after = SalesVelocity.Of(
                        second.Select(SalesVelocityTests.Build).ToArray(),
                        Q1,
                        new VelocityOptions { Rates = ExchangeRates.In(Currency.USD) }
                    );
                    var c = SalesVelocity.Compare(before, after);
                    if (c.OpenDeals is null)
                    {
                        // Undefined only for the documented reasons.
                        return before.PerDay is null || after.PerDay is null || before.OpenDeals == 0 || after.OpenDeals == 0;
                    }
                    var sum = c.OpenDeals.Value + c.AverageWonAmount!.Value + c.WinRate!.Value + c.CycleLength!.Value;
                    var scale = Math.Max(Math.Abs((double)before.PerDay!.Amount), Math.Abs((double)after.PerDay!.Amount));
                    return Math.Abs(sum - (double)c.Change!.Value) <= 1e-9 * Math.Max(scale, 1);
                }
            )
        );
}
