using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Pipelines;
using SalesPipeline.Statistics;
using static SalesPipeline.Tests.Forecasting.Calibration.CalibrationFixtures;

namespace SalesPipeline.Tests.Forecasting.Calibration;

public sealed partial class StageCalibrationTests
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
    public void FromHistory_EightDeals_RatesWithinSamplingNoise_FallBackToThePooledRate()
    {
        // Stages A 3/8, B 3/6, C 2/3: N = 17, pooled p = 8/17, p(1 - p) = 72/289.
        // Moments: S = 8 (3/8 - 8/17)^2 + 6 (1/2 - 8/17)^2 + 3 (2/3 - 8/17)^2 = 1343/6936; S / (p(1-p)) = 1343/1728 < G - 1 = 2,
        // so rho < 0. Likelihood: Tarone's sum (k - n p)^2 / (p(1-p)) = (169 + 9 + 100)/289 / (72/289) = 278/72 < N = 17.
        // Either way the rates differ no more than sampling explains: the fallback Beta(10 * 8/17, 10 * 9/17).
        foreach (var method in new[] { BetaBinomialMethod.MaximumLikelihood, BetaBinomialMethod.MethodOfMoments })
        {
            var prior = StageCalibration.FromHistory(EightDeals(), Pipeline, new CalibrationOptions { PriorMethod = method }).Prior!;

            Assert.Equal(method, prior.Method);
            Assert.Equal(BetaPriorFallback.NoOverdispersion, prior.Fallback);
            Assert.Equal(80.0 / 17.0, prior.Alpha, 10);
            Assert.Equal(90.0 / 17.0, prior.Beta, 10);
            Assert.Equal(3, prior.Groups);
            Assert.Equal((8L, 17L), (prior.Successes, prior.Trials));
        }
    }

    [Fact]
    public void FromHistory_EightDeals_SmoothsAndSuggestsAsWorkedOutByHand()
    {
        // Under Beta(80/17, 90/17):
        // A: (3 + 80/17) / (8 + 10) = 131/306 = 0.4281 -> 0.43
        // B: (3 + 80/17) / (6 + 10) = 131/272 = 0.4816 -> 0.48
        // C: (2 + 80/17) / (3 + 10) = 114/221 = 0.5158 -> 0.52
        var stages = StageCalibration.FromHistory(EightDeals(), Pipeline).Stages;

        Assert.Equal(131.0 / 306.0, stages[0].SmoothedRate!.Value, 10);
        Assert.Equal(131.0 / 272.0, stages[1].SmoothedRate!.Value, 10);
        Assert.Equal(114.0 / 221.0, stages[2].SmoothedRate!.Value, 10);
        Assert.Equal([0.43m, 0.48m, 0.52m], stages.Select(s => s.SuggestedProbability!.Value));
    }

    [Theory]
    [InlineData(1, "0.4", "0.5", "0.5")]
    [InlineData(3, "0.428", "0.482", "0.516")]
    [InlineData(0, "0", "0", "1")]
    public void FromHistory_Decimals_RoundsTheSuggestion(int decimals, string a, string b, string c)
    {
        // 131/306 = 0.42810, 131/272 = 0.48162, 114/221 = 0.51584.
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

        Assert.Equal(BetaPriorFallback.OneGroup, calibration.Prior!.Fallback);
        Assert.Equal(4.0, calibration.Prior.Alpha, 12);
        Assert.Equal(6.0, calibration.Prior.Beta, 12);
        Assert.Equal(0.4, calibration.Stages[0].SmoothedRate!.Value, 12);
        Assert.Null(calibration.Stages[1].ObservedRate);
        Assert.Null(calibration.Stages[1].Interval);
        Assert.Equal(0.4, calibration.Stages[1].SmoothedRate!.Value, 12);
        Assert.Equal(0.40m, calibration.Stages[2].SuggestedProbability);
    }

    [Fact]
    public void FromHistory_EqualRates_ShowNoOverdispersionAndFallBackWithTheGivenStrength()
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

        Assert.Equal(BetaPriorFallback.NoOverdispersion, calibration.Prior!.Fallback);
        Assert.Equal(2.0, calibration.Prior.Alpha, 12);
        Assert.Equal(2.0, calibration.Prior.Beta, 12);
    }

    [Fact]
    public void FromHistory_TwoTinyStages_MomentsFitWhereTheLikelihoodSeesNoOverdispersion()
    {
        // A 1/3 and B 1/1: N = 4, p = 1/2. Moments: S = 3 (1/3 - 1/2)^2 + 1 (1/2)^2 = 1/3, S / (p(1-p)) = 4/3;
        // rho = (4/3 - 1) / (4 - 10/4 - 1) = (1/3) / (1/2) = 2/3, strength 1/2: Beta(1/4, 1/4); A -> 1.25 / 3.5 = 5/14,
        // B -> 1.25 / 1.5 = 5/6. Likelihood: Tarone (0.25 + 0.25) / 0.25 = 2 < N = 4, so the fallback Beta(5, 5):
        // A -> (1 + 5) / (3 + 10) = 6/13, B -> 6/11. With so few deals the two estimators can disagree this much.
        Deal[] deals =
        [
            Script(Pipeline, "1", (1, "b"), (2, "won")),
            Script(Pipeline, "2", (1, "lost")),
            Script(Pipeline, "3", (1, "lost")),
        ];

        var moments = StageCalibration.FromHistory(
            deals,
            Pipeline,
            new CalibrationOptions { PriorMethod = BetaBinomialMethod.MethodOfMoments }
        );
        var likelihood = StageCalibration.FromHistory(deals, Pipeline);

        Assert.True(moments.Prior!.IsFitted);
        Assert.Equal(0.25, moments.Prior.Alpha, 12);
        Assert.Equal(0.25, moments.Prior.Beta, 12);
        Assert.Equal(5.0 / 14.0, moments.Stages[0].SmoothedRate!.Value, 12);
        Assert.Equal(5.0 / 6.0, moments.Stages[1].SmoothedRate!.Value, 12);
        Assert.Equal(BetaPriorFallback.NoOverdispersion, likelihood.Prior!.Fallback);
        Assert.Equal(5.0, likelihood.Prior.Alpha, 12);
        Assert.Equal(6.0 / 13.0, likelihood.Stages[0].SmoothedRate!.Value, 12);
        Assert.Equal(6.0 / 11.0, likelihood.Stages[1].SmoothedRate!.Value, 12);
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
        Assert.Equal(
            "Prior Beta(4.706, 5.294), mean 0.471, strength 10 (pooled-rate fallback: NoOverdispersion; maximum likelihood asked, 3 groups)",
            lines[1]
        );
        Assert.Contains("95% Wilson", lines[2], StringComparison.Ordinal);
        var a = lines.Single(l => l.StartsWith("A ", StringComparison.Ordinal));
        Assert.Contains("0.375", a, StringComparison.Ordinal);
        Assert.Contains("[0.137, 0.694]", a, StringComparison.Ordinal);
        Assert.Contains("0.428", a, StringComparison.Ordinal);
        Assert.Contains("0.43", a, StringComparison.Ordinal);
        Assert.Contains("0.396", a, StringComparison.Ordinal); // chain win 21/53
        Assert.StartsWith("Brier", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void CalibratedStage_ToString_ReadsAsASentence()
    {
        var b = StageCalibration.FromHistory(EightDeals(), Pipeline).Stages[1];

        Assert.Equal("B: 3/6 won = 0.500 [0.188, 0.812], smoothed 0.482, suggested 0.48 (now 0.30)", b.ToString());
    }

    [Theory]
    [InlineData(BinomialIntervalMethod.Jeffreys, "95% Jeffreys")]
    [InlineData(BinomialIntervalMethod.ClopperPearson, "95% Clopper-Pearson")]
    public void FromHistory_IntervalMethod_GivesEachStageThatInterval(BinomialIntervalMethod method, string header)
    {
        var calibration = StageCalibration.FromHistory(EightDeals(), Pipeline, new CalibrationOptions { IntervalMethod = method });

        Assert.Equal(BinomialInterval.Of(3, 8, 0.95, method), calibration.Stages[0].Interval);
        Assert.Equal(BinomialInterval.Of(2, 3, 0.95, method), calibration.Stages[2].Interval);
        Assert.Contains(header, calibration.ToString().Split('\n')[2], StringComparison.Ordinal);
    }
}
