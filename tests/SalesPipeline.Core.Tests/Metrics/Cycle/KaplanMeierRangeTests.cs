using SalesPipeline.Metrics;

namespace SalesPipeline.Tests.Metrics;

// Kaplan-Meier counts are longs: an accumulator holds at most long.MaxValue (9,223,372,036,854,775,807) observations.
public class KaplanMeierRangeTests
{
    [Fact]
    public void Add_CountsWhoseSumPassesLong_AreRefusedNamingTheLimit()
    {
        // long.MaxValue events and 1 censored at one time: a raw OverflowException before.
        var km = new KaplanMeierAccumulator();

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => km.Add(1, long.MaxValue, 1));

        Assert.Equal("censored", e.ParamName);
        Assert.Contains("9,223,372,036,854,775,808", e.Message, StringComparison.Ordinal);
        Assert.Contains("beyond the limit of 9,223,372,036,854,775,807", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, km.Count);
    }

    [Fact]
    public void Add_BeyondTheTotalLimit_LeavesTheAccumulatorAsItWas()
    {
        var km = new KaplanMeierAccumulator();
        km.Add(1, long.MaxValue - 1, 0);

        Assert.Throws<ArgumentOutOfRangeException>(() => km.Add(2, 1, 1));

        Assert.Equal(long.MaxValue - 1, km.Count);
        Assert.Single(km.Result().Points);
    }

    [Fact]
    public void Add_ExactlyLongMaxValueObservations_GivesTheCurve()
    {
        // N = long.MaxValue at risk at t = 1 with N - 1 events: S(1) = 1 / N; the last one is censored at t = 2.
        var km = new KaplanMeierAccumulator();
        km.Add(1, long.MaxValue - 1, 0);
        km.Add(2, 0, 1);

        var curve = km.Result();

        Assert.Equal(long.MaxValue, km.Count);
        Assert.Equal(long.MaxValue, curve.Points[0].AtRisk);
        Assert.Equal(1.0 / long.MaxValue, curve.Points[0].Survival, 1e-30);
        Assert.Equal(1, curve.Points[1].AtRisk);
    }

    [Fact]
    public void Merge_BeyondTheLimit_IsRefusedAndChangesNothing()
    {
        var left = new KaplanMeierAccumulator();
        var right = new KaplanMeierAccumulator();
        left.Add(1, long.MaxValue, 0);
        right.Add(2, 1, 0);
        right.Add(3, 0, 1);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => left.Merge(right));

        Assert.Equal("other", e.ParamName);
        Assert.Equal(long.MaxValue, left.Count);
        Assert.Single(left.Result().Points);
    }
}
