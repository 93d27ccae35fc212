using SalesPipeline.Activities;
using SalesPipeline.Deals;
using SalesPipeline.Metrics;
using static SalesPipeline.Tests.Metrics.MetricDeals;

namespace SalesPipeline.Tests.Metrics;

public class LeaderboardAccumulatorTests
{
    [Fact]
    public void Level_Undefined_IsRejectedWithItsNumber()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new LeaderboardAccumulator((LeaderboardLevel)7));

        Assert.Equal("level", e.ParamName);
        Assert.StartsWith("The level must be Rep or Team; it was 7.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Result_MeasureAndMinimumSample_Checked()
    {
        var accumulator = new LeaderboardAccumulator();
        accumulator.Add(Won("A1", "alice", 1_000m, 3));

        var measure = Assert.Throws<ArgumentOutOfRangeException>(() => accumulator.Result((LeaderboardMeasure)9));
        var zero = Assert.Throws<ArgumentOutOfRangeException>(() => accumulator.Result(LeaderboardMeasure.WinRate, 0));
        // A minimum of 1 is allowed: alice's 1/1 is ranked.
        var one = accumulator.Result(LeaderboardMeasure.WinRate, 1);

        Assert.Equal(("measure", "minimumSample"), (measure.ParamName, zero.ParamName));
        Assert.StartsWith(
            "The measure must be WonAmount, WonCount, Activities or WinRate; it was 9.",
            measure.Message,
            StringComparison.Ordinal
        );
        Assert.StartsWith(
            "The minimum sample must be at least 1 so every ranked rate is defined; it was 0.",
            zero.Message,
            StringComparison.Ordinal
        );
        Assert.Equal(["alice"], one.Ranked.Select(e => e.Key));
    }

    [Fact]
    public void NullsAndMerges_AreRefusedNamingTheParameter()
    {
        var accumulator = new LeaderboardAccumulator();

        Assert.Equal("deal", Assert.Throws<ArgumentNullException>(() => accumulator.Add((Deal)null!)).ParamName);
        Assert.Equal("activity", Assert.Throws<ArgumentNullException>(() => accumulator.Add((Activity)null!)).ParamName);
        Assert.Equal("other", Assert.Throws<ArgumentNullException>(() => accumulator.Merge(null!)).ParamName);
        var deals = Assert.Throws<ArgumentNullException>(() => accumulator.AddRange([Won("A1", "alice", 1m, 3), null!]));
        Assert.StartsWith("Deal 1 is null.", deals.Message, StringComparison.Ordinal);
        var both = Assert.Throws<ArgumentException>(() =>
            accumulator.Merge(new LeaderboardAccumulator(LeaderboardLevel.Team, new WinRateOptions { Organization = Org }))
        );
        Assert.Equal("other", both.ParamName);
        Assert.StartsWith(
            "Only accumulators set up alike can be merged; these two differ in the level and the options. ",
            both.Message,
            StringComparison.Ordinal
        );
    }
}
