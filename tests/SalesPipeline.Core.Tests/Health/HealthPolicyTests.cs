using NodaTime;
using SalesPipeline.Health;

namespace SalesPipeline.Tests.Health;

public sealed class HealthPolicyTests
{
    [Fact]
    public void Default_HasTheDocumentedThresholds()
    {
        var p = HealthPolicy.Default;

        Assert.Equal(
            (Duration.FromDays(14), Duration.FromDays(30), 0, (Duration?)null, 1),
            (p.StaleAfter, p.RottingAfter, p.PastExpectedCloseGraceDays, p.TypicalWonCycle, p.CloseDatePushLimit)
        );
        Assert.Equal(
            (0.40m, (int?)null, 0.50m, 0.50m, 10),
            (p.MaxStageShare, p.MaxDealsPerStage, p.LateStageProbability, p.MaxLateStageShare, p.MinOpenDealsForShares)
        );
        Assert.Equal((Duration.FromDays(2), 3, DateTimeZone.Utc), (p.LeadUntouchedAfter, p.ShortlistSize, p.Zone));
        Assert.Empty(p.RottingAfterByStage);
        Assert.Null(p.LateStages);
    }

    public static TheoryData<string, Func<HealthPolicy>, string> BadValues =>
        new()
        {
            { "StaleAfter", () => HealthPolicy.Default with { StaleAfter = Duration.FromDays(-1) }, "-1:00:00:00" },
            { "StaleAfter", () => HealthPolicy.Default with { StaleAfter = Duration.Zero }, "0:00:00:00" },
            { "RottingAfter", () => HealthPolicy.Default with { RottingAfter = Duration.FromHours(-5) }, "-0:05:00:00" },
            { "PastExpectedCloseGraceDays", () => HealthPolicy.Default with { PastExpectedCloseGraceDays = -1 }, "-1" },
            { "TypicalWonCycle", () => HealthPolicy.Default with { TypicalWonCycle = Duration.FromDays(-30) }, "-30:00:00:00" },
            { "CloseDatePushLimit", () => HealthPolicy.Default with { CloseDatePushLimit = -2 }, "-2" },
            { "MaxStageShare", () => HealthPolicy.Default with { MaxStageShare = 1.2m }, "1.2" },
            { "MaxStageShare", () => HealthPolicy.Default with { MaxStageShare = -0.1m }, "-0.1" },
            { "MaxDealsPerStage", () => HealthPolicy.Default with { MaxDealsPerStage = -3 }, "-3" },
            { "LateStageProbability", () => HealthPolicy.Default with { LateStageProbability = 1.01m }, "1.01" },
            { "MaxLateStageShare", () => HealthPolicy.Default with { MaxLateStageShare = 2m }, "2" },
            { "MinOpenDealsForShares", () => HealthPolicy.Default with { MinOpenDealsForShares = 0 }, "0" },
            { "LeadUntouchedAfter", () => HealthPolicy.Default with { LeadUntouchedAfter = Duration.FromMinutes(-1) }, "-0:00:01:00" },
            { "ShortlistSize", () => HealthPolicy.Default with { ShortlistSize = 0 }, "0" },
        };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Init_OutOfRange_ThrowsNamingTheProperty(string property, Func<HealthPolicy> make, string value)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(make);

        Assert.Equal(property, e.ParamName);
        Assert.Contains($"HealthPolicy.{property}", e.Message, StringComparison.Ordinal);
        Assert.Contains($"it was {value}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_BadStageLimits_ThrowNamingTheProperty()
    {
        var negative = Assert.Throws<ArgumentException>(() =>
            HealthPolicy.Default with
            {
                RottingAfterByStage = new Dictionary<string, Duration> { ["proposal"] = Duration.FromDays(-2) },
            }
        );
        var blank = Assert.Throws<ArgumentException>(() =>
            HealthPolicy.Default with
            {
                RottingAfterByStage = new Dictionary<string, Duration> { [" "] = Duration.FromDays(2) },
            }
        );
        var nullMap = Assert.Throws<ArgumentNullException>(() => HealthPolicy.Default with { RottingAfterByStage = null! });

        Assert.Equal(
            ("RottingAfterByStage", "RottingAfterByStage", "RottingAfterByStage"),
            (negative.ParamName, blank.ParamName, nullMap.ParamName)
        );
        Assert.Contains("stage \"proposal\" the limit -2:00:00:00", negative.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_BadLateStages_ThrowNamingTheProperty()
    {
        var repeated = Assert.Throws<ArgumentException>(() => HealthPolicy.Default with { LateStages = ["proposal", "proposal"] });
        var blank = Assert.Throws<ArgumentException>(() => HealthPolicy.Default with { LateStages = ["proposal", ""] });

        Assert.Equal(("LateStages", "LateStages"), (repeated.ParamName, blank.ParamName));
        Assert.Contains("\"proposal\" more than once", repeated.Message, StringComparison.Ordinal);
        Assert.Contains("position 1", blank.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_NullZone_Throws()
    {
        var e = Assert.Throws<ArgumentNullException>(() => HealthPolicy.Default with { Zone = null! });

        Assert.Equal("Zone", e.ParamName);
    }

    [Fact]
    public void Init_CopiesCollections_SoTheCallerCannotChangeThePolicy()
    {
        var limits = new Dictionary<string, Duration> { ["proposal"] = Duration.FromDays(10) };
        var late = new List<string> { "negotiation" };
        var policy = HealthPolicy.Default with { RottingAfterByStage = limits, LateStages = late };

        limits["proposal"] = Duration.FromDays(99);
        late.Add("proposal");

        Assert.Equal(Duration.FromDays(10), policy.RottingAfterByStage["proposal"]);
        Assert.Equal(["negotiation"], policy.LateStages!);
        Assert.False(policy.LateStages is string[]);
    }

    [Fact]
    public void Limits_AtTheEdges_AreAllowed()
    {
        var policy = HealthPolicy.Default with
        {
            MaxStageShare = 0m,
            MaxLateStageShare = 1m,
            LateStageProbability = 1m,
            CloseDatePushLimit = 0,
            MaxDealsPerStage = 0,
        };

        Assert.Equal((0m, 1m, 0), (policy.MaxStageShare, policy.MaxLateStageShare, policy.CloseDatePushLimit));
    }

    [Fact]
    public void Init_StageLimitOfZero_IsRefused()
    {
        // A limit must be above zero: zero would make every deal in the stage rotting at once.
        var e = Assert.Throws<ArgumentException>(() =>
            HealthPolicy.Default with
            {
                RottingAfterByStage = new Dictionary<string, Duration> { ["proposal"] = Duration.Zero },
            }
        );
        var tiny = HealthPolicy.Default with
        {
            RottingAfterByStage = new Dictionary<string, Duration> { ["proposal"] = Duration.FromNanoseconds(1) },
        };

        Assert.Equal("RottingAfterByStage", e.ParamName);
        Assert.StartsWith(
            "HealthPolicy.RottingAfterByStage gives stage \"proposal\" the limit 0:00:00:00; it must be a positive duration.",
            e.Message,
            StringComparison.Ordinal
        );
        Assert.Equal(Duration.FromNanoseconds(1), tiny.RottingAfterByStage["proposal"]);
    }

    [Fact]
    public void Init_BlankStageIdInLimits_QuotesIt()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            HealthPolicy.Default with
            {
                RottingAfterByStage = new Dictionary<string, Duration> { [" "] = Duration.FromDays(2) },
            }
        );

        Assert.StartsWith("HealthPolicy.RottingAfterByStage has an empty stage id \" \".", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_NullLateStage_GivesItsPosition()
    {
        var e = Assert.Throws<ArgumentNullException>(() => HealthPolicy.Default with { LateStages = ["proposal", null!] });

        Assert.Equal("LateStages", e.ParamName);
        Assert.StartsWith("Stage id 1 is null.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_LateStagesBackToNull_ReturnsToTheProbabilityRule()
    {
        var named = HealthPolicy.Default with { LateStages = ["negotiation"] };

        var back = named with { LateStages = null };

        Assert.Null(back.LateStages);
        Assert.Equal(HealthPolicy.Default, back);
    }
}
