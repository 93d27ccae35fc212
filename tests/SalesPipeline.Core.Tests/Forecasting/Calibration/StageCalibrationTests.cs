using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Pipelines;
using static SalesPipeline.Tests.Forecasting.Calibration.CalibrationFixtures;

namespace SalesPipeline.Tests.Forecasting.Calibration;

public sealed class StageCalibrationTests
{
    private static readonly PipelineDefinition Pipeline = Abc();

    // Eight closed deals and one open one, counted by hand:
    //   A: all 8 closed deals were created there; won: D1, D2, D4 -> 3/8
    //   B: D1, D2, D3, D4, D5, D8 reached it (D8 went back to A afterwards); won: D1, D2, D4 -> 3/6
    //   C: D1, D2, D3 -> won D1, D2 -> 2/3
    //   O1 is open: ignored by the rates.
    private static Deal[] EightDeals() =>
        [
            Script(Pipeline, "D1", (1, "b"), (2, "c"), (3, "won")),
            Script(Pipeline, "D2", (1, "b"), (2, "c"), (4, "won")),
            Script(Pipeline, "D3", (1, "b"), (2, "c"), (5, "lost")),
            Script(Pipeline, "D4", (1, "b"), (3, "won")),
            Script(Pipeline, "D5", (1, "b"), (3, "lost")),
            Script(Pipeline, "D6", (2, "lost")),
            Script(Pipeline, "D7", (2, "lost")),
            Script(Pipeline, "D8", (1, "b"), (2, "a"), (3, "lost")),
            Script(Pipeline, "O1", (1, "b")),
        ];

    [Fact]
    public void FromHistory_EightDeals_CountsReachedAndWonPerStage()
    {
        var calibration = StageCalibration.FromHistory(EightDeals(), Pipeline);

        Assert.Equal([8, 6, 3], calibration.Stages.Select(s => s.Reached));
        Assert.Equal([3, 3, 2], calibration.Stages.Select(s => s.Won));
        Assert.Equal([5, 3, 1], calibration.Stages.Select(s => s.Lost));
        Assert.Equal(0.375, calibration.Stages[0].ObservedRate!.Value, 12);
        Assert.Equal(0.5, calibration.Stages[1].ObservedRate!.Value, 12);
        Assert.Equal(2.0 / 3.0, calibration.Stages[2].ObservedRate!.Value, 12);
        Assert.Equal([0.10m, 0.30m, 0.60m], calibration.Stages.Select(s => s.CurrentProbability));
        Assert.Equal(["a", "b", "c"], calibration.Stages.Select(s => s.StageId));
    }

    [Fact]
    public void FromHistory_EightDeals_CountsDealsAndIgnoresTheOpenOne()
    {
        var calibration = StageCalibration.FromHistory(EightDeals(), Pipeline);

        Assert.Equal(8, calibration.ClosedDeals);
        Assert.Equal(3, calibration.WonDeals);
        Assert.Equal(5, calibration.LostDeals);
        Assert.Equal(1, calibration.OpenDealsIgnored);
        Assert.Equal(0.375, calibration.OverallWinRate!.Value, 12);
        Assert.Equal("ABC", calibration.PipelineName);
    }

    [Fact]
    public void FromHistory_EightDeals_FitsThePriorByMomentsAsWorkedOutByHand()
    {
        // Rates 3/8, 1/2, 2/3 = 27/72, 36/72, 48/72: mean m = 37/72; deviations -10/72, -1/72, 11/72; sample variance
        // v = (100 + 1 + 121) / 5184 / 2 = 111/5184; m(1-m) = 1295/5184; alpha + beta = 1295/111 - 1 = 32/3;
        // alpha = 37/72 * 32/3 = 148/27, beta = 35/72 * 32/3 = 140/27.
        var prior = StageCalibration.FromHistory(EightDeals(), Pipeline).Prior!;

        Assert.True(prior.FittedByMoments);
        Assert.Equal(148.0 / 27.0, prior.Alpha, 10);
        Assert.Equal(140.0 / 27.0, prior.Beta, 10);
        Assert.Equal(37.0 / 72.0, prior.Mean, 10);
        Assert.Equal(32.0 / 3.0, prior.Strength, 10);
    }

    [Fact]
    public void FromHistory_EightDeals_SmoothsAndSuggestsAsWorkedOutByHand()
    {
        // A: (3 + 148/27) / (8 + 32/3) = (229/27) / (56/3) = 229/504 = 0.4544 -> 0.45
        // B: (3 + 148/27) / (6 + 32/3) = (229/27) / (50/3) = 229/450 = 0.5089 -> 0.51
        // C: (2 + 148/27) / (3 + 32/3) = (202/27) / (41/3) = 202/369 = 0.5474 -> 0.55
        var stages = StageCalibration.FromHistory(EightDeals(), Pipeline).Stages;

        Assert.Equal(229.0 / 504.0, stages[0].SmoothedRate!.Value, 10);
        Assert.Equal(229.0 / 450.0, stages[1].SmoothedRate!.Value, 10);
        Assert.Equal(202.0 / 369.0, stages[2].SmoothedRate!.Value, 10);
        Assert.Equal([0.45m, 0.51m, 0.55m], stages.Select(s => s.SuggestedProbability!.Value));
    }

    [Theory]
    [InlineData(1, "0.5", "0.5", "0.5")]
    [InlineData(3, "0.454", "0.509", "0.547")]
    [InlineData(0, "0", "1", "1")]
    public void FromHistory_Decimals_RoundsTheSuggestion(int decimals, string a, string b, string c)
    {
        // 229/504 = 0.45437, 229/450 = 0.50889, 202/369 = 0.54743.
        var options = new CalibrationOptions { Decimals = decimals };

        var stages = StageCalibration.FromHistory(EightDeals(), Pipeline, options).Stages;

        Assert.Equal([decimal.Parse(a), decimal.Parse(b), decimal.Parse(c)], stages.Select(s => s.SuggestedProbability!.Value));
    }

    [Fact]
    public void FromHistory_EightDeals_GivesEachStageItsWilsonInterval()
    {
        // A: 3 of 8 at 95%, z = 1.959964, z^2 = 3.841459: z^2/n = 0.480182, centre = (0.375 + 0.240091) / 1.480182
        // = 0.415551, half = 1.959964 / 1.480182 * sqrt(0.375 * 0.625 / 8 + 3.841459 / 256) = 1.324136 * 0.210482
        // = 0.278707; so [0.136844, 0.694258].
        var a = StageCalibration.FromHistory(EightDeals(), Pipeline).Stages[0].Interval!;

        Assert.Equal(0.136844, a.Lower, 5);
        Assert.Equal(0.694258, a.Upper, 5);
        Assert.Equal(0.95, a.Confidence);
    }

    [Fact]
    public void FromHistory_EightDeals_ChainSolvesTheFirstStepEquations()
    {
        // Exits (the open deal O1 adds its completed stint in A): A -> B 7, A -> Lost 3; B -> C 3, B -> Won 1,
        // B -> Lost 1, B -> A 1; C -> Won 2, C -> Lost 1. So w_C = 2/3, w_B = 3/6 * 2/3 + 1/6 + 1/6 w_A = 1/2 + w_A/6,
        // w_A = 7/10 w_B, giving w_A (1 - 7/60) = 7/20, w_A = 21/53 and w_B = 30/53.
        var chain = StageCalibration.FromHistory(EightDeals(), Pipeline).Chain;

        Assert.Equal(21.0 / 53.0, chain.ForStage("a").WinProbability!.Value, 10);
        Assert.Equal(30.0 / 53.0, chain.ForStage("b").WinProbability!.Value, 10);
        Assert.Equal(2.0 / 3.0, chain.ForStage("c").WinProbability!.Value, 10);
        Assert.Equal([10L, 6L, 3L], chain.Stages.Select(s => s.ObservedExits));
    }

    [Fact]
    public void FromHistory_ReopenedDeal_ReachesTheStageItWasReopenedIntoAndCountsItsFinalStatus()
    {
        // X: lost from A, reopened into B, won there: reached A and B, won.
        // Y: A -> B, lost, reopened into A, lost again: reached A and B once each, lost.
        Deal[] deals =
        [
            Script(Pipeline, "X", (1, "lost"), (2, "b"), (3, "won")),
            Script(Pipeline, "Y", (1, "b"), (2, "lost"), (3, "a"), (4, "lost")),
        ];

        var calibration = StageCalibration.FromHistory(deals, Pipeline);

        Assert.Equal([2, 2, 0], calibration.Stages.Select(s => s.Reached));
        Assert.Equal([1, 1, 0], calibration.Stages.Select(s => s.Won));
        Assert.Equal(2, calibration.ClosedDeals);
    }

    [Fact]
    public void FromHistory_OnlyOneStageWithData_FallsBackToThePooledRateAndPriorStrength()
    {
        // Every deal closes in A: 2 won of 5. One stage with data, so the prior is the pooled rate 2/5 with strength 10:
        // Beta(4, 6). A smooths to (2 + 4) / (5 + 10) = 0.4; B and C (no deals) get the prior mean 0.4.
        Deal[] deals =
        [
            Script(Pipeline, "1", (1, "won")),
            Script(Pipeline, "2", (1, "won")),
            Script(Pipeline, "3", (1, "lost")),
            Script(Pipeline, "4", (1, "lost")),
            Script(Pipeline, "5", (1, "lost")),
        ];

        var calibration = StageCalibration.FromHistory(deals, Pipeline);

        Assert.False(calibration.Prior!.FittedByMoments);
        Assert.Equal(4.0, calibration.Prior.Alpha, 12);
        Assert.Equal(6.0, calibration.Prior.Beta, 12);
        Assert.Equal(0.4, calibration.Stages[0].SmoothedRate!.Value, 12);
        Assert.Null(calibration.Stages[1].ObservedRate);
        Assert.Null(calibration.Stages[1].Interval);
        Assert.Equal(0.4, calibration.Stages[1].SmoothedRate!.Value, 12);
        Assert.Equal(0.40m, calibration.Stages[2].SuggestedProbability);
    }

    [Fact]
    public void FromHistory_EqualRates_HaveZeroVarianceAndFallBackWithTheGivenStrength()
    {
        // A 2/4 and B 1/2: variance 0. Pooled (2 + 1) / (4 + 2) = 0.5 with strength 4: Beta(2, 2).
        Deal[] deals =
        [
            Script(Pipeline, "1", (1, "b"), (2, "won")),
            Script(Pipeline, "2", (1, "b"), (2, "lost")),
            Script(Pipeline, "3", (1, "won")),
            Script(Pipeline, "4", (1, "lost")),
        ];

        var calibration = StageCalibration.FromHistory(deals, Pipeline, new CalibrationOptions { PriorStrength = 4 });

        Assert.False(calibration.Prior!.FittedByMoments);
        Assert.Equal(2.0, calibration.Prior.Alpha, 12);
        Assert.Equal(2.0, calibration.Prior.Beta, 12);
    }

    [Fact]
    public void FromHistory_VarianceAtLeastMeanTimesOneMinusMean_FallsBack()
    {
        // A 1/3 and B 1/1: m = 2/3, v = ((1/3)^2 + (1/3)^2) / 1 = 2/9 = m(1-m), so no Beta has these moments.
        // Pooled (1 + 1) / (3 + 1) = 1/2, strength 10: Beta(5, 5); A -> (1 + 5) / (3 + 10) = 6/13, B -> 6/11.
        Deal[] deals =
        [
            Script(Pipeline, "1", (1, "b"), (2, "won")),
            Script(Pipeline, "2", (1, "lost")),
            Script(Pipeline, "3", (1, "lost")),
        ];

        var calibration = StageCalibration.FromHistory(deals, Pipeline);

        Assert.False(calibration.Prior!.FittedByMoments);
        Assert.Equal(5.0, calibration.Prior.Alpha, 12);
        Assert.Equal(6.0 / 13.0, calibration.Stages[0].SmoothedRate!.Value, 12);
        Assert.Equal(6.0 / 11.0, calibration.Stages[1].SmoothedRate!.Value, 12);
    }

    [Fact]
    public void FromHistory_NoClosedDeals_HasNoRatesNoPriorAndNoForecasts()
    {
        Deal[] deals = [Script(Pipeline, "O1", (1, "b")), Script(Pipeline, "O2")];

        var calibration = StageCalibration.FromHistory(deals, Pipeline);

        Assert.Equal(0, calibration.ClosedDeals);
        Assert.Equal(2, calibration.OpenDealsIgnored);
        Assert.Null(calibration.OverallWinRate);
        Assert.Null(calibration.Prior);
        Assert.All(calibration.Stages, s => Assert.True(s.Reached == 0 && s.SmoothedRate is null && s.SuggestedProbability is null));
        Assert.Equal(0, calibration.Reliability.All.Count);
        Assert.Null(calibration.Reliability.All.Brier);
    }

    [Fact]
    public void FromHistory_NoDeals_IsEmptyButValid()
    {
        var calibration = StageCalibration.FromHistory([], Pipeline);

        Assert.Equal(3, calibration.Stages.Count);
        Assert.All(calibration.Chain.Stages, s => Assert.False(s.IsObserved));
        Assert.Contains("0 closed deals", calibration.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FromHistory_Confidence_WidensTheInterval()
    {
        var at90 = StageCalibration.FromHistory(EightDeals(), Pipeline, new CalibrationOptions { Confidence = 0.90 }).Stages[0].Interval!;
        var at99 = StageCalibration.FromHistory(EightDeals(), Pipeline, new CalibrationOptions { Confidence = 0.99 }).Stages[0].Interval!;

        Assert.True(at99.Lower < at90.Lower && at90.Upper < at99.Upper);
        Assert.Equal(0.90, at90.Confidence);
    }

    [Fact]
    public void FromHistory_NullDeals_Throws()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => StageCalibration.FromHistory(null!, Pipeline));

        Assert.Equal("deals", ex.ParamName);
    }

    [Fact]
    public void FromHistory_NullPipeline_Throws()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => StageCalibration.FromHistory([], null!));

        Assert.Equal("pipeline", ex.ParamName);
    }

    [Fact]
    public void FromHistory_NullDealInTheList_ThrowsNamingItsPosition()
    {
        Deal[] deals = [Script(Pipeline, "D1"), null!];

        var ex = Assert.Throws<ArgumentNullException>(() => StageCalibration.FromHistory(deals, Pipeline));

        Assert.Equal("deals", ex.ParamName);
        Assert.Contains("Deal 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromHistory_DealFromAnotherPipeline_ThrowsNamingTheDeal()
    {
        var other = Abc(name: "Other");
        Deal[] deals = [Script(Pipeline, "D1", (1, "won")), Script(other, "X-9", (1, "won"))];

        var ex = Assert.Throws<ArgumentException>(() => StageCalibration.FromHistory(deals, Pipeline));

        Assert.Equal("deals", ex.ParamName);
        Assert.Contains("X-9", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Other", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromHistory_HistoryWithAStageThePipelineLacks_ThrowsNamingTheDeal()
    {
        // Same pipeline name, different stages: the deal's history names stage "c", which this pipeline lacks.
        var twoStages = PipelineDefinition
            .CreateBuilder("ABC")
            .Stage("A", 0.1m, id: "a")
            .Stage("B", 0.3m, id: "b")
            .Won("Won")
            .Lost("Lost")
            .Build();
        var deal = Script(Pipeline, "Z-3", (1, "b"), (2, "c"), (3, "won"));

        var ex = Assert.Throws<ArgumentException>(() => StageCalibration.FromHistory([deal], twoStages));

        Assert.Equal("deals", ex.ParamName);
        Assert.Contains("Z-3", ex.Message, StringComparison.Ordinal);
        Assert.Contains("\"c\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ForStage_ReturnsTheStageEntry()
    {
        var calibration = StageCalibration.FromHistory(EightDeals(), Pipeline);

        Assert.Equal(6, calibration.ForStage("b").Reached);
    }

    [Theory]
    [InlineData("won")]
    [InlineData("nope")]
    public void ForStage_NotAnOpenStage_Throws(string id)
    {
        var calibration = StageCalibration.FromHistory(EightDeals(), Pipeline);

        var ex = Assert.Throws<ArgumentException>(() => calibration.ForStage(id));

        Assert.Equal("stageId", ex.ParamName);
        Assert.Contains(id, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_PrintsOneRowPerStageWithTheFigures()
    {
        var text = StageCalibration.FromHistory(EightDeals(), Pipeline).ToString();
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.StartsWith(
            "Stage calibration of \"ABC\": 8 closed deals, 3 won (overall 0.375), 1 open ignored",
            text,
            StringComparison.Ordinal
        );
        Assert.Contains("method of moments", lines[1], StringComparison.Ordinal);
        Assert.Contains("95% Wilson", lines[2], StringComparison.Ordinal);
        var a = lines.Single(l => l.StartsWith("A ", StringComparison.Ordinal));
        Assert.Contains("0.375", a, StringComparison.Ordinal);
        Assert.Contains("[0.137, 0.694]", a, StringComparison.Ordinal);
        Assert.Contains("0.454", a, StringComparison.Ordinal);
        Assert.Contains("0.45", a, StringComparison.Ordinal);
        Assert.Contains("0.396", a, StringComparison.Ordinal); // chain win 21/53
        Assert.StartsWith("Brier", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void CalibratedStage_ToString_ReadsAsASentence()
    {
        var b = StageCalibration.FromHistory(EightDeals(), Pipeline).Stages[1];

        Assert.Equal("B: 3/6 won = 0.500 [0.188, 0.812], smoothed 0.509, suggested 0.51 (now 0.30)", b.ToString());
    }
}
