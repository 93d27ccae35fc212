using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Metrics;

namespace SalesPipeline.Tests.Metrics;

public class TimeInStageReportTests
{
    private static readonly SalesPipeline.Pipelines.PipelineDefinition Pipeline = History.Pipeline;
    private static readonly Instant AsOf = History.H(240); // 10 days after T0
    private static readonly TimeInStageOptions NoPercentiles = new() { Percentiles = [] };

    // Deals created in Proposal at T0, each leaving for Negotiation after the given number of days.
    private static Deal[] Stays(params double[] days) =>
        days.Select((d, i) => (Deal)History.Open($"D{i}", 0, stage: "proposal").Move("negotiation", d * 24)).ToArray();

    private static DurationSummary Proposal(params double[] days) =>
        TimeInStage.Of(Stays(days), Pipeline, AsOf, NoPercentiles)["proposal"].Cumulative!;

    [Fact]
    public void Indexer_FindsTheStage_OrListsTheStagesItHas()
    {
        var report = TimeInStage.Of(Stays(1), Pipeline, AsOf);

        var missing = Assert.Throws<KeyNotFoundException>(() => report["won"]);

        Assert.Equal("proposal", report["proposal"].Stage.Id);
        // Only open stages have lines: the won stage is not one.
        Assert.Equal(
            "The time-in-stage report has no row \"won\"; it has \"prospecting\", \"qualified\", \"proposal\", \"negotiation\".",
            missing.Message
        );
        Assert.Equal("stageId", Assert.Throws<ArgumentNullException>(() => report[null!]).ParamName);
    }

    [Fact]
    public void TryGet_FindsTheStage_OrSaysNo()
    {
        var report = TimeInStage.Of(Stays(1), Pipeline, AsOf);

        Assert.True(report.TryGet("negotiation", out var negotiation));
        Assert.False(report.TryGet("Negotiation", out var none)); // ids are exact
        Assert.Equal("negotiation", negotiation.Stage.Id);
        Assert.Null(none);
        Assert.Equal("stageId", Assert.Throws<ArgumentNullException>(() => report.TryGet(null!, out _)).ParamName);
    }

    [Fact]
    public void Equality_EveryFigureCounts()
    {
        var report = TimeInStage.Of([], Pipeline, AsOf);
        var later = TimeInStage.Of([], Pipeline, AsOf.PlusTicks(1)); // only AsOf differs
        var business = TimeInStage.Of(
            [],
            Pipeline,
            AsOf,
            new TimeInStageOptions { BusinessDays = BusinessCalendar.Create(DateTimeZone.Utc, []) }
        );
        var finished = TimeInStage.Of([], Pipeline, AsOf, new TimeInStageOptions { IncludeOpenStints = false });
        // A deal created after AsOf: one deal, not yet created, no stints.
        var future = TimeInStage.Of([History.Open("F", 300)], Pipeline, AsOf);
        // One deal each, one and two days in Proposal: only the stages differ.
        var oneDay = TimeInStage.Of(Stays(1), Pipeline, AsOf);
        var twoDays = TimeInStage.Of(Stays(2), Pipeline, AsOf);

        Assert.Equal(report, TimeInStage.Of([], Pipeline, AsOf));
        Assert.Equal(report.GetHashCode(), TimeInStage.Of([], Pipeline, AsOf).GetHashCode());
        Assert.Equal((1, 1), (future.Deals, future.NotYetCreated));
        Assert.Equal(TimeUnit.BusinessDays, business.Unit);
        Assert.All(new[] { later, business, finished, future, oneDay }, r => Assert.NotEqual(report, r));
        Assert.NotEqual(oneDay, twoDays);
        Assert.False(report.Equals(null));
    }

    [Fact]
    public void DurationSummary_Equality_EveryFigureCounts()
    {
        // {1, 3} and {2, 3}: same count, open count and max; means 2 and 2.5 differ.
        Assert.NotEqual(Proposal(1, 3), Proposal(2, 3));
        // {1, 5} and {2, 4}: same count, mean 3 and median 3; min 1 and 2, max 5 and 4 differ.
        Assert.NotEqual(Proposal(1, 5), Proposal(2, 4));
        // {1, 3} and {1, 2, 3}: the counts differ; same max.
        Assert.NotEqual(Proposal(1, 3), Proposal(1, 2, 3));
        // {1, 2, 3, 4, 5} and {1, 2, 3, 3.5, 5.5}: count 5, mean 15 / 5 = 3, median 3 and min 1 alike; max 5 and 5.5.
        Assert.NotEqual(Proposal(1, 2, 3, 4, 5), Proposal(1, 2, 3, 3.5, 5.5));
        Assert.Equal(Proposal(3, 1), Proposal(1, 3));
        Assert.Equal(Proposal(3, 1).GetHashCode(), Proposal(1, 3).GetHashCode());
        // Same samples, other percentiles asked for.
        var p90 = TimeInStage.Of(Stays(1, 3), Pipeline, AsOf, new TimeInStageOptions { Percentiles = [0.9] })["proposal"].Cumulative;
        Assert.NotEqual(Proposal(1, 3), p90);
    }

    [Fact]
    public void DurationSummary_Percentile_NullWhenNotAskedFor()
    {
        var summary = TimeInStage.Of(Stays(1, 3), Pipeline, AsOf)["proposal"].Cumulative!;

        // Defaults 0.25, 0.75, 0.9; type 7 over {1, 3}: h = p, so P90 = 1 + 0.9 x 2 = 2.8.
        Assert.Equal(2.8, summary.Percentile(0.9)!.Value, 12);
        Assert.Null(summary.Percentile(0.5));
    }

    [Fact]
    public void StageTime_Text_DashesForAStageWithoutStints()
    {
        var report = TimeInStage.Of(Stays(1), Pipeline, AsOf);

        // Nobody was in Prospecting; the one deal spent 1 day in Proposal (closed stint).
        Assert.Equal("Prospecting | latest - | cumulative -", report["prospecting"].ToString());
        Assert.Equal(
            "Proposal | latest n 1 (open 0) | mean 1.00 | median 1.00 | min 1.00 | max 1.00 | P25 1.00 P75 1.00 P90 1.00"
                + " | cumulative n 1 (open 0) | mean 1.00 | median 1.00 | min 1.00 | max 1.00 | P25 1.00 P75 1.00 P90 1.00",
            report["proposal"].ToString()
        );
    }

    [Fact]
    public void Options_New_IncludesOpenStintsByDefault()
    {
        var options = new TimeInStageOptions();
        // Still in Proposal at AsOf after 10 days: counted only with open stints.
        var report = TimeInStage.Of([History.Open("D1", 0, stage: "proposal")], Pipeline, AsOf, options);

        Assert.True(options.IncludeOpenStints);
        Assert.Equal((1, 1), (report["proposal"].Cumulative!.Count, report["proposal"].Cumulative!.OpenCount));
        Assert.Equal(10.0, report["proposal"].Cumulative!.MeanDays, 12);
    }

    [Fact]
    public void Accumulator_NullPercentiles_SaysHowToAskForNone()
    {
        var e = Assert.Throws<ArgumentNullException>(() =>
            new TimeInStageAccumulator(Pipeline, AsOf, new TimeInStageOptions { Percentiles = null! })
        );

        Assert.Equal("options", e.ParamName);
        Assert.StartsWith("TimeInStageOptions.Percentiles must not be null; use [] for none.", e.Message, StringComparison.Ordinal);
    }
}
