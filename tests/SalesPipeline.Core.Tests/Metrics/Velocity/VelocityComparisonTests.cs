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

    private static Money Usd(decimal amount) => Money.Of(amount, Currency.USD);

    [Fact]
    public void Compare_WorkedExample_ShapleyContributionsAddUpToTheChange()
    {
        // Before: N 40, A 25,000, W 10/25 = 0.4, C 50 -> V0 = 8,000. After: N 50, A 20,000, W 10/20 = 0.5, C 40 -> V1 = 12,500.
        // Ratios after/before: N 1.25, A 0.8, W 1.25, 1/C 1.25. Shapley weights 1/4, 1/12, 1/12, 1/4 by the number of
        // other levers already switched (0..3). Open deals: 8,000 x 0.25 x [1/4 + (0.8 + 1.25 + 1.25)/12
        // + (0.8 x 1.25 + 0.8 x 1.25 + 1.25 x 1.25)/12 + 0.8 x 1.25 x 1.25/4] = 2,000 x (0.25 + 0.275 + 0.296875 + 0.3125)
        // = 2,000 x 1.134375 = 2,268.75; win rate and cycle the same (their other levers are also 0.8, 1.25, 1.25).
        // Amount: 8,000 x (-0.2) x [1/4 + 3.75/12 + 4.6875/12 + 1.953125/4] = -1,600 x 1.44140625 = -2,306.25.
        // Sum: 3 x 2,268.75 - 2,306.25 = 4,500.00.
        var before = Velocity(40, 10, 25_000m, 50, 15);
        var after = Velocity(50, 10, 20_000m, 40, 10);

        var c = SalesVelocity.Compare(before, after);

        Assert.Equal(Usd(8_000m), before.PerDay);
        Assert.Equal(Usd(12_500m), after.PerDay);
        Assert.Equal(Usd(4_500m), c.Change);
        Assert.Equal(Usd(2_268.75m), c.OpenDeals);
        Assert.Equal(Usd(-2_306.25m), c.AverageWonAmount);
        Assert.Equal(Usd(2_268.75m), c.WinRate);
        Assert.Equal(Usd(2_268.75m), c.CycleLength);
        Assert.Null(c.Reason);
        Assert.Equal(
            "Change +4,500.00 USD/day = open deals +2,268.75 + average won -2,306.25 + win rate +2,268.75 + cycle +2,268.75",
            c.ToString()
        );
    }

    [Fact]
    public void Compare_OnlyOneLeverMoves_ItTakesTheWholeChange()
    {
        // Only the cycle: 50 -> 25 days doubles V from 8,000 to 16,000; the cycle's contribution is +8,000.
        var c = SalesVelocity.Compare(Velocity(40, 10, 25_000m, 50, 15), Velocity(40, 10, 25_000m, 25, 15));

        Assert.Equal(Usd(8_000m), c.Change);
        Assert.Equal(Usd(8_000m), c.CycleLength);
        Assert.Equal(Usd(0m), c.OpenDeals);
        Assert.Equal(Usd(0m), c.AverageWonAmount);
        Assert.Equal(Usd(0m), c.WinRate);
    }

    [Fact]
    public void Compare_TwoLeversCancel_EachGetsTheAverageOfItsTwoOrders()
    {
        // N doubles (40 -> 80), A halves (25,000 -> 12,500): V stays 8,000. N first: +8,000 then A -8,000; A first:
        // -4,000 then N +4,000. Open deals (8,000 + 4,000) / 2 = +6,000, amount (-8,000 - 4,000) / 2 = -6,000.
        var c = SalesVelocity.Compare(Velocity(40, 10, 25_000m, 50, 15), Velocity(80, 10, 12_500m, 50, 15));

        Assert.Equal(Usd(0m), c.Change);
        Assert.Equal(Usd(6_000m), c.OpenDeals);
        Assert.Equal(Usd(-6_000m), c.AverageWonAmount);
        Assert.Equal(Usd(0m), c.WinRate);
    }

    [Fact]
    public void Compare_ZeroOpenDeals_IsDefined_TheOpenDealsTakeTheWholeChange()
    {
        // No logarithms, so a lever at 0 is fine: V 8,000 -> 0, all of it from the open deals.
        var c = SalesVelocity.Compare(Velocity(40, 10, 25_000m, 50, 15), Velocity(0, 10, 25_000m, 50, 15));

        Assert.Equal(Usd(-8_000m), c.Change);
        Assert.Equal(Usd(-8_000m), c.OpenDeals);
        Assert.Equal(Usd(0m), c.CycleLength);
        Assert.Null(c.Reason);
    }

    [Fact]
    public void Compare_CentsLeftOver_GoToTheLargestRemainder()
    {
        // Before: N 1, A 1.00, W 1, C 3 days: V0 = 1/3 = 0.333..., shown 0.33. After: N 2, C 1 day: V1 = 2.00.
        // Change shown: 2.00 - 0.33 = 1.67. Shapley of the two levers that move: N first: 2/3 - 1/3 = 1/3, then C:
        // 2 - 2/3 = 4/3; C first: 1 - 1/3 = 2/3, then N: 1. Open deals (1/3 + 1)/2 = 0.666..., cycle (4/3 + 2/3)/2 = 1.
        // Rounded down: 0.66 + 1.00 = 1.66; the missing cent goes to the larger remainder (open deals, 0.00666...).
        var c = SalesVelocity.Compare(Velocity(1, 1, 1m, 3, 0), Velocity(2, 1, 1m, 1, 0));

        Assert.Equal(Usd(1.67m), c.Change);
        Assert.Equal(Usd(0.67m), c.OpenDeals);
        Assert.Equal(Usd(1m), c.CycleLength);
        Assert.Equal(Usd(0m), c.AverageWonAmount);
        Assert.Equal(Usd(0m), c.WinRate);
    }

    [Fact]
    public void RevenueOver_UsesTheUnroundedRate()
    {
        // N 40, A 1,000, W 7 / (7 + 13) = 0.35, C 45: V = 14,000 / 45 = 311.111... per day, shown USD 311.11.
        // 90 days: 14,000 / 45 x 90 = 28,000.00 exactly, where the rounded rate would give 311.11 x 90 = 27,999.90.
        var v = Velocity(40, 7, 1_000m, 45, 13);

        Assert.Equal(Usd(311.11m), v.PerDay);
        Assert.Equal(Usd(28_000m), v.RevenueOver(90));
        Assert.Equal(Usd(311.11m), v.RevenueOver(1));
        Assert.Equal(Usd(2_177.78m), v.RevenueOver(7)); // 2,177.777...
        Assert.Equal(Usd(0m), v.RevenueOver(0));
    }

    [Fact]
    public void RevenueOver_UndefinedVelocity_IsNull() => Assert.Null(Velocity(40, 0, 25_000m, 50, 15).RevenueOver(30));

    [Fact]
    public void RevenueOver_NegativeDays_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Velocity(40, 10, 25_000m, 50, 15).RevenueOver(-1));

        Assert.Equal("days", e.ParamName);
        Assert.Contains("it was -1", e.Message, StringComparison.Ordinal);
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
    public void Compare_UndefinedAfter_NamesTheAfterSide_AndTheTextSaysSo()
    {
        var before = Velocity(40, 10, 25_000m, 50, 15);
        // No deal decided after: no win rate, no velocity.
        var after = Velocity(40, 0, 25_000m, 50, 0);

        var c = SalesVelocity.Compare(before, after);

        Assert.NotNull(after.Reason);
        Assert.Equal($"Velocity is undefined after: {after.Reason}", c.Reason);
        Assert.Equal($"Velocity change undefined: Velocity is undefined after: {after.Reason}", c.ToString());
    }

    [Fact]
    public void Text_ZeroShares_ArePlus()
    {
        // Only the cycle moves, 50 -> 25 days: 40 x 25,000 x 0.4 / 50 = 8,000 -> / 25 = 16,000 a day; the cycle takes
        // the whole +8,000 and the other levers +0.00.
        var c = SalesVelocity.Compare(Velocity(40, 10, 25_000m, 50, 15), Velocity(40, 10, 25_000m, 25, 15));

        Assert.Equal("Change +8,000.00 USD/day = open deals +0.00 + average won +0.00 + win rate +0.00 + cycle +8,000.00", c.ToString());
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

    // The exact inputs from public properties: A as the exact won amount over the won count (AverageWonAmount is rounded).
    private static double[] Inputs(SalesVelocity v) =>
        [v.OpenDeals, (double)(v.WonAmount.Amount / v.WonDeals), (double)v.WinRate!.Value, (double)v.AverageCycleDays!.Value];

    // Second method: the Shapley value by brute force over the 24 orders of the levers, in double.
    private static double[] ShapleyByOrders(double[] before, double[] after)
    {
        var result = new double[4];
        var orders = Permutations([0, 1, 2, 3]).ToList();
        foreach (var order in orders)
        {
            var current = (double[])before.Clone();
            foreach (var lever in order)
            {
                var from = current[0] * current[1] * current[2] / current[3];
                current[lever] = after[lever];
                result[lever] += (current[0] * current[1] * current[2] / current[3]) - from;
            }
        }
        return [.. result.Select(x => x / orders.Count)];
    }

    private static IEnumerable<int[]> Permutations(int[] items) =>
        items.Length <= 1
            ? [items]
            : items.SelectMany(x => Permutations([.. items.Where(y => y != x)]).Select(rest => new[] { x }.Concat(rest).ToArray()));

    [Fact]
    public void Compare_ContributionsAddUpToTheChangeExactly_AndAreWithinOneCentOfTheShapleyValue_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                SalesVelocityTests.DealSpecs,
                SalesVelocityTests.DealSpecs,
                (first, second) =>
                {
                    var options = new VelocityOptions { Rates = ExchangeRates.In(Currency.USD) };
                    var before = SalesVelocity.Of(first.Select(SalesVelocityTests.Build).ToArray(), Jan, options);
                    var after = SalesVelocity.Of(second.Select(SalesVelocityTests.Build).ToArray(), Q1, options);
                    var c = SalesVelocity.Compare(before, after);
                    if (c.Change is null)
                    {
                        // Undefined only when a velocity is.
                        return (before.PerDay is null || after.PerDay is null) && c.OpenDeals is null && c.Reason is not null;
                    }
                    var levers = new[] { c.OpenDeals!, c.AverageWonAmount!, c.WinRate!, c.CycleLength! };
                    var shapley = ShapleyByOrders(Inputs(before), Inputs(after));
                    var scale = Math.Max((double)before.PerDay!.Amount, (double)after.PerDay!.Amount);
                    return c.Change == after.PerDay - before.PerDay
                        && levers.Aggregate((x, y) => x + y) == c.Change
                        && levers.All(m => m.Amount == decimal.Round(m.Amount, 2))
                        && levers.Zip(shapley).All(p => Math.Abs((double)p.First.Amount - p.Second) <= 0.01 + (1e-9 * Math.Max(scale, 1)));
                }
            )
        );

    [Fact]
    public void RevenueOver_IsTheUnroundedRateTimesDays_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                SalesVelocityTests.DealSpecs,
                Arb.From(Gen.Choose(0, 3_650)),
                (specs, days) =>
                {
                    var v = SalesVelocity.Of(
                        specs.Select(SalesVelocityTests.Build).ToArray(),
                        Q1,
                        new VelocityOptions { Rates = ExchangeRates.In(Currency.USD) }
                    );
                    if (v.PerDay is null)
                    {
                        return v.RevenueOver(days) is null;
                    }
                    // Second method: V from the public exact inputs, N x (won amount / won) x W / C, times days.
                    var exact = v.OpenDeals * (v.WonAmount.Amount / v.WonDeals) * v.WinRate!.Value / v.AverageCycleDays!.Value * days;
                    var revenue = v.RevenueOver(days)!;
                    return revenue.Amount == decimal.Round(revenue.Amount, 2)
                        && Math.Abs(revenue.Amount - exact) <= 0.005m + (Math.Abs(exact) * 1e-20m)
                        && v.RevenueOver(1) == v.PerDay;
                }
            )
        );
}
