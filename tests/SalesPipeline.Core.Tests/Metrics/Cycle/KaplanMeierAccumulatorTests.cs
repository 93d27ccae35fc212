using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Metrics;

namespace SalesPipeline.Tests.Metrics;

public class KaplanMeierAccumulatorTests
{
    // Freireich et al. (1963) 6-MP group as given by Gehan (1965) and Kleinbaum & Klein, "Survival Analysis", ch. 2:
    // remission times in weeks, false = censored.
    internal static readonly (double Time, bool Event)[] SixMp =
    [
        (6, true),
        (6, true),
        (6, true),
        (6, false),
        (7, true),
        (9, false),
        (10, true),
        (10, false),
        (11, false),
        (13, true),
        (16, true),
        (17, false),
        (19, false),
        (20, false),
        (22, true),
        (23, true),
        (25, false),
        (32, false),
        (32, false),
        (34, false),
        (35, false),
    ];

    private static KaplanMeierCurve SixMpCurve(SurvivalInterval interval = SurvivalInterval.LogLog)
    {
        var km = new KaplanMeierAccumulator();
        foreach (var (time, isEvent) in SixMp)
        {
            km.Add(time, isEvent);
        }
        return km.Result(0.95, interval);
    }

    [Fact]
    public void Result_SixMp_MatchesPublishedSurvival()
    {
        var curve = SixMpCurve();

        // Published (Kleinbaum & Klein table 2.2): 0.857 0.807 0.753 0.690 0.627 0.538 0.448. By hand:
        // 18/21, x 16/17, x 14/15, x 11/12, x 10/11, x 6/7, x 5/6 (at risk 21, 17, 15, 12, 11, 7, 6).
        var expected = new Dictionary<double, (long AtRisk, double S)>
        {
            [6] = (21, 18d / 21),
            [7] = (17, 18d / 21 * 16 / 17),
            [10] = (15, 18d / 21 * 16 / 17 * 14 / 15),
            [13] = (12, 18d / 21 * 16 / 17 * 14 / 15 * 11 / 12),
            [16] = (11, 18d / 21 * 16 / 17 * 14 / 15 * 11 / 12 * 10 / 11),
            [22] = (7, 18d / 21 * 16 / 17 * 14 / 15 * 11 / 12 * 10 / 11 * 6 / 7),
            [23] = (6, 18d / 21 * 16 / 17 * 14 / 15 * 11 / 12 * 10 / 11 * 6 / 7 * 5 / 6),
        };
        double[] published = [0.857, 0.807, 0.753, 0.690, 0.627, 0.538, 0.448];
        var eventPoints = curve.Points.Where(p => p.Events > 0).ToList();
        Assert.Equal(expected.Keys, eventPoints.Select(p => p.Time));
        for (var i = 0; i < eventPoints.Count; i++)
        {
            var point = eventPoints[i];
            Assert.Equal(expected[point.Time].AtRisk, point.AtRisk);
            Assert.Equal(expected[point.Time].S, point.Survival, 12);
            Assert.Equal(published[i], point.Survival, 3);
        }
        Assert.Equal(16, curve.Points.Count); // distinct times: 6 7 9 10 11 13 16 17 19 20 22 23 25 32 34 35
        Assert.Equal(9, curve.Events);
        Assert.Equal(12, curve.Censored);
        Assert.Equal(23, curve.Median);
        Assert.Equal(0.448179, curve.SurvivalAt(40), 6);
        Assert.Equal(1, curve.SurvivalAt(5.9));
    }

    [Fact]
    public void Result_SixMpLog_MatchesRSurvfitGreenwoodAndLogInterval()
    {
        // R: survfit(Surv(time, cens) ~ treat, data = MASS::gehan), 6-MP stratum (conf.type "log", the default):
        // std.err 0.0764 0.0869 0.0963 0.1068 0.1141 0.1282 0.1346; lower 0.720 0.653 0.586 0.510 0.439 0.337 0.249;
        // upper 1.000 0.996 0.968 0.935 0.896 0.858 0.807; median 23, 0.95LCL 16, 0.95UCL NA.
        // By hand at 6: Greenwood 3 / (21 x 18) = 0.0079365; se = 0.857143 x sqrt(0.0079365) = 0.07636.
        var curve = SixMpCurve(SurvivalInterval.Log);
        var points = curve.Points.Where(p => p.Events > 0).ToList();

        Assert.Equal([0.0764, 0.0869, 0.0963, 0.1068, 0.1141, 0.1282, 0.1346], points.Select(p => Math.Round(p.StandardError!.Value, 4)));
        Assert.Equal([0.720, 0.653, 0.586, 0.510, 0.439, 0.337, 0.249], points.Select(p => Math.Round(p.Lower!.Value, 3)));
        Assert.Equal([1.000, 0.996, 0.968, 0.935, 0.896, 0.858, 0.807], points.Select(p => Math.Round(p.Upper!.Value, 3)));
        Assert.Equal(23, curve.Median);
        Assert.Equal(16, curve.MedianLower);
        Assert.Null(curve.MedianUpper);
    }

    [Fact]
    public void Result_SixMpLogLog_GivesKalbfleischPrenticeInterval()
    {
        // By hand at 13: V = 3/(21x18) + 1/(17x16) + 1/(15x14) + 1/(12x11) = 0.0239516; S = 0.690196, ln S = -0.370780;
        // theta = 1.959964 x sqrt(V) / 0.370780 = 0.818078; lower = S^exp(theta) = 0.43161, upper = S^exp(-theta) = 0.84907.
        // The lower edge first drops to <= 0.5 at 13 (0.43161; at 10 it is 0.50320), the upper edge never does (0.680 at 23).
        var curve = SixMpCurve(SurvivalInterval.LogLog);
        var at13 = curve.Points.Single(p => p.Time == 13);

        Assert.Equal(0.43161, at13.Lower!.Value, 5);
        Assert.Equal(0.84907, at13.Upper!.Value, 5);
        Assert.Equal(0.50320, curve.Points.Single(p => p.Time == 10).Lower!.Value, 5);
        Assert.Equal(13, curve.MedianLower);
        Assert.Null(curve.MedianUpper);
    }

    [Fact]
    public void Result_SixMpPlain_GivesGreenwoodInterval()
    {
        // At 13: S -+ 1.959964 x 0.106815 = 0.690196 -+ 0.209353 = [0.48084, 0.89955]; at 10: 0.752941 - 0.188842 = 0.56410.
        var curve = SixMpCurve(SurvivalInterval.Plain);
        var at13 = curve.Points.Single(p => p.Time == 13);

        Assert.Equal(0.48084, at13.Lower!.Value, 5);
        Assert.Equal(0.89955, at13.Upper!.Value, 5);
        Assert.Equal(13, curve.MedianLower);
    }

    [Fact]
    public void RestrictedMean_SixMp_IsAreaUnderTheSteps()
    {
        // 6 x 1 + 1 x 0.857143 + 3 x 0.806723 + 3 x 0.752941 + 3 x 0.690196 + 6 x 0.627451 + 1 x 0.537815 + 12 x 0.448179
        // = 23.287395 weeks up to 35; up to 10: 6 + 0.857143 + 3 x 0.806723 = 9.277311.
        var curve = SixMpCurve();

        Assert.Equal(23.287395, curve.RestrictedMean(35), 6);
        Assert.Equal(9.277311, curve.RestrictedMean(10), 6);
        Assert.Equal(0, curve.RestrictedMean(0));
        Assert.Equal(35, curve.LargestTime);
    }

    [Fact]
    public void Result_AllEventsEndTheCurve_StandardErrorUndefinedMedianFromTheCurve()
    {
        // 1, 2, 3, 4 all events: S = 3/4, 2/4, 1/4, 0. The median is 2 (S = 0.5 exactly counts); at 4 n = d = 1, so
        // Greenwood's variance is undefined there.
        var km = new KaplanMeierAccumulator();
        foreach (var t in new double[] { 4, 2, 3, 1 })
        {
            km.Add(t, true);
        }
        var curve = km.Result();

        Assert.Equal([0.75, 0.5, 0.25, 0], curve.Points.Select(p => p.Survival));
        Assert.Equal(2, curve.Median);
        Assert.Null(curve.Points[^1].StandardError);
        Assert.Null(curve.Points[^1].Lower);
        Assert.NotNull(curve.MedianUpper);
    }

    [Fact]
    public void Result_Empty_HasNoMedianAndNoLargestTime()
    {
        var curve = new KaplanMeierAccumulator().Result();

        Assert.Empty(curve.Points);
        Assert.Null(curve.Median);
        Assert.Null(curve.LargestTime);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => curve.RestrictedMean(1));
        Assert.Equal("tau", e.ParamName);
    }

    [Fact]
    public void Add_BadTime_Throws()
    {
        var km = new KaplanMeierAccumulator();

        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => km.Add(-1.5, true));
        Assert.Equal("time", negative.ParamName);
        Assert.Contains("-1.5", negative.Message, StringComparison.Ordinal);
        Assert.Equal("time", Assert.Throws<ArgumentOutOfRangeException>(() => km.Add(double.NaN, true)).ParamName);
        Assert.Equal("events", Assert.Throws<ArgumentOutOfRangeException>(() => km.Add(1, -1, 0)).ParamName);
        Assert.Equal(0, km.Count);
    }

    [Fact]
    public void Result_BadConfidenceOrInterval_Throws()
    {
        var km = new KaplanMeierAccumulator();

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => km.Result(1.0));
        Assert.Equal("confidence", e.ParamName);
        Assert.Contains("1", e.Message, StringComparison.Ordinal);
        Assert.Equal("interval", Assert.Throws<ArgumentOutOfRangeException>(() => km.Result(0.95, (SurvivalInterval)9)).ParamName);
    }

    [Fact]
    public void RestrictedMean_BeyondLargestTime_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SixMpCurve().RestrictedMean(36));

        Assert.Equal("tau", e.ParamName);
        Assert.Contains("36", e.Message, StringComparison.Ordinal);
    }

    private static readonly Arbitrary<(int Time, bool Event)[]> Observations = Gen.ListOf(
            from time in Gen.Choose(0, 30)
            from isEvent in Gen.Elements(true, false)
            select (time, isEvent)
        )
        .Select(list => list.ToArray())
        .ToArbitrary();

    [Fact]
    public void Merge_OfSplit_EqualsWhole_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Observations,
                Arb.From(Gen.Choose(0, 100)),
                (observations, cut) =>
                {
                    var at = observations.Length * cut / 100;
                    var whole = new KaplanMeierAccumulator();
                    var left = new KaplanMeierAccumulator();
                    var right = new KaplanMeierAccumulator();
                    for (var i = 0; i < observations.Length; i++)
                    {
                        whole.Add(observations[i].Time, observations[i].Event);
                        (i < at ? left : right).Add(observations[i].Time, observations[i].Event);
                    }
                    right.Merge(left);
                    return right.Result() == whole.Result() && right.Count == observations.Length;
                }
            )
        );

    [Fact]
    public void Result_WithoutCensoring_EqualsEmpiricalSurvival_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Observations,
                observations =>
                {
                    // Second method: with no censoring S(t) is the share of observations lasting beyond t.
                    var km = new KaplanMeierAccumulator();
                    foreach (var (time, _) in observations)
                    {
                        km.Add(time, true);
                    }
                    var curve = km.Result();
                    return curve.Points.All(p =>
                        Math.Abs(p.Survival - (double)observations.Count(o => o.Time > p.Time) / observations.Length) < 1e-12
                    );
                }
            )
        );

    [Fact]
    public void Result_AtRiskAndCounts_AreConsistent_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Observations,
                observations =>
                {
                    var km = new KaplanMeierAccumulator();
                    foreach (var (time, isEvent) in observations)
                    {
                        km.Add(time, isEvent);
                    }
                    var points = km.Result().Points;
                    return points.All(p => p.AtRisk == observations.Count(o => o.Time >= p.Time))
                        && points.Sum(p => p.Events + p.Censored) == observations.Length
                        && points.Zip(points.Skip(1)).All(pair => pair.Second.Survival <= pair.First.Survival)
                        && points.All(p => p.Lower is null || (p.Lower <= p.Survival + 1e-12 && p.Survival <= p.Upper + 1e-12));
                }
            )
        );
}
