using NodaTime;
using SalesPipeline.Metrics;

namespace SalesPipeline.Tests.Metrics;

using static CycleDeals;

public class SalesCycleEqualityTests
{
    private static readonly Instant AsOf = Day(100); // 2026-04-11T00:00:00Z

    [Fact]
    public void Equality_EveryFigureCounts()
    {
        var none = SalesCycle.Of([], AsOf);
        SalesCycle[] others =
        [
            SalesCycle.Of([], AsOf.PlusTicks(1)), // only the as-of instant differs
            SalesCycle.Of([], AsOf, new SalesCycleOptions { Confidence = 0.9 }), // only the options
            SalesCycle.Of([Open(Day(101))], AsOf), // one deal not yet created
            SalesCycle.Of([Won(Day(1), Day(11))], AsOf), // a 10-day win
        ];

        Assert.Equal(none, SalesCycle.Of([], AsOf));
        Assert.Equal(none.GetHashCode(), SalesCycle.Of([], AsOf).GetHashCode());
        Assert.False(none.Equals(null));
        Assert.All(others, c => Assert.NotEqual(none, c));
        // Same curve (one event at 10 days), other restriction of the mean: 10 days vs 5.
        var whole = SalesCycle.Of([Won(Day(1), Day(11))], AsOf);
        var restricted = SalesCycle.Of([Won(Day(1), Day(11))], AsOf, new SalesCycleOptions { TauDays = 5 });
        Assert.Equal(whole.Curve, restricted.Curve);
        Assert.NotEqual(whole, restricted);
    }

    [Fact]
    public void Text_NamesTheOutcome()
    {
        var close = SalesCycle.Of([], AsOf).ToString();
        var win = SalesCycle.Of([], AsOf, new SalesCycleOptions { Outcome = SalesCycleOutcome.Won }).ToString();

        Assert.StartsWith(
            "Sales cycle as of 2026-04-11T00:00:00Z (time to close, days): 0 deals, 0 closed, 0 censored\n",
            close,
            StringComparison.Ordinal
        );
        Assert.StartsWith(
            "Sales cycle as of 2026-04-11T00:00:00Z (time to win, days): 0 deals, 0 closed, 0 censored\n",
            win,
            StringComparison.Ordinal
        );
    }
}
