using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Pipelines;
using static SalesPipeline.Tests.Forecasting.Calibration.CalibrationFixtures;

namespace SalesPipeline.Tests.Forecasting.Calibration;

public sealed partial class PipelineChainTests
{
    private static readonly PipelineDefinition Pipeline = Abc();

    // A two-stage chain (C is never entered). Stint lengths in days in brackets.
    //   d1: A [2] -> B [3] -> Won        d2: A [2] -> B [5] -> Won
    //   d3: A [2] -> B [4] -> A [6] -> Lost    d4: A [2] -> B [4] -> Lost
    //   o5: open, still in A since day 0 (censored: no exit)
    // Exits: A -> B 4, A -> Lost 1 (5 in all, 14 days: mean 2.8); B -> Won 2, Lost 1, A 1 (4 in all, 16 days: mean 4).
    private static Deal[] TwoStageDeals() =>
        [
            Script(Pipeline, "d1", (2, "b"), (5, "won")),
            Script(Pipeline, "d2", (2, "b"), (7, "won")),
            Script(Pipeline, "d3", (2, "b"), (6, "a"), (12, "lost")),
            Script(Pipeline, "d4", (2, "b"), (6, "lost")),
            Script(Pipeline, "o5"),
        ];

    private static PipelineChain TwoStageChain() => StageCalibration.FromHistory(TwoStageDeals(), Pipeline).Chain;

    [Fact]
    public void Chain_TwoStages_AbsorptionProbabilitiesSolvedByHand()
    {
        // w_A = 4/5 w_B and w_B = 2/4 + 1/4 w_A, so w_A = 2/5 + w_A/5, w_A = 1/2, w_B = 5/8.
        // l_A = 1/5 + 4/5 l_B and l_B = 1/4 + 1/4 l_A, so l_A = 1/2, l_B = 3/8.
        var chain = TwoStageChain();

        Assert.Equal(0.5, chain.ForStage("a").WinProbability!.Value, 12);
        Assert.Equal(0.625, chain.ForStage("b").WinProbability!.Value, 12);
        Assert.Equal(0.5, chain.ForStage("a").LossProbability!.Value, 12);
        Assert.Equal(0.375, chain.ForStage("b").LossProbability!.Value, 12);
    }

    [Fact]
    public void Chain_TwoStages_FundamentalMatrixSolvedByHand()
    {
        // I - Q = [[1, -4/5], [-1/4, 1]], determinant 1 - 1/5 = 4/5, so N = 5/4 [[1, 4/5], [1/4, 1]]
        // = [[5/4, 1], [5/16, 5/4]].
        var chain = TwoStageChain();

        Assert.Equal(1.25, chain.ExpectedVisits("a", "a")!.Value, 12);
        Assert.Equal(1.0, chain.ExpectedVisits("a", "b")!.Value, 12);
        Assert.Equal(0.3125, chain.ExpectedVisits("b", "a")!.Value, 12);
        Assert.Equal(1.25, chain.ExpectedVisits("b", "b")!.Value, 12);
        Assert.Equal(0.0, chain.ExpectedVisits("a", "c")!.Value);
        Assert.Null(chain.ExpectedVisits("c", "a"));
    }

    [Fact]
    public void Chain_TwoStages_ExpectedDaysToCloseIsNTimesMeanStintDays()
    {
        // t = (2.8, 4): from A 5/4 * 2.8 + 1 * 4 = 7.5 days; from B 5/16 * 2.8 + 5/4 * 4 = 0.875 + 5 = 5.875 days.
        var chain = TwoStageChain();

        Assert.Equal(2.8, chain.ForStage("a").MeanDaysInStage!.Value, 12);
        Assert.Equal(4.0, chain.ForStage("b").MeanDaysInStage!.Value, 12);
        Assert.Equal(7.5, chain.ForStage("a").ExpectedDaysToClose!.Value, 10);
        Assert.Equal(5.875, chain.ForStage("b").ExpectedDaysToClose!.Value, 10);
    }

    [Fact]
    public void Chain_TwoStages_CountsExitsAndTransitionProbabilities()
    {
        var chain = TwoStageChain();

        Assert.Equal(5, chain.ForStage("a").ObservedExits);
        Assert.Equal(4, chain.ForStage("b").ObservedExits);
        Assert.Equal(4, chain.ExitCount("a", "b"));
        Assert.Equal(1, chain.ExitCount("a", "lost"));
        Assert.Equal(0, chain.ExitCount("a", "won"));
        Assert.Equal(0.8, chain.TransitionProbability("a", "b")!.Value, 12);
        Assert.Equal(0.2, chain.TransitionProbability("a", "lost")!.Value, 12);
        Assert.Equal(0.5, chain.TransitionProbability("b", "won")!.Value, 12);
        Assert.Equal(0.25, chain.TransitionProbability("b", "a")!.Value, 12);
        Assert.Equal(0.25, chain.TransitionProbability("b", "lost")!.Value, 12);
    }

    [Fact]
    public void Chain_StageNeverEntered_IsUnobservedWithNullFigures()
    {
        var c = TwoStageChain().ForStage("c");

        Assert.False(c.IsObserved);
        Assert.False(c.IsResolved);
        Assert.Equal(0, c.ObservedExits);
        Assert.Null(c.MeanDaysInStage);
        Assert.Null(c.WinProbability);
        Assert.Null(c.LossProbability);
        Assert.Null(c.ExpectedDaysToClose);
        Assert.Null(TwoStageChain().TransitionProbability("c", "won"));
    }

    [Fact]
    public void Chain_OpenDealsCurrentStint_AddsNoExit()
    {
        // Without o5 (which never left A) the counts are the same.
        var without = StageCalibration.FromHistory(TwoStageDeals().Take(4), Pipeline).Chain;

        Assert.Equal(TwoStageChain().Stages, without.Stages);
    }

    [Fact]
    public void Chain_OpenDealsCompletedStint_CountsAsAnExit()
    {
        // An open deal that moved A -> B on day 1 and sits in B adds one exit A -> B (1 day); B gets nothing.
        var deals = TwoStageDeals().Append(Script(Pipeline, "o6", (1, "b")));

        var chain = StageCalibration.FromHistory(deals, Pipeline).Chain;

        Assert.Equal(5, chain.ExitCount("a", "b"));
        Assert.Equal(4, chain.ForStage("b").ObservedExits);
        Assert.Equal(15.0 / 6.0, chain.ForStage("a").MeanDaysInStage!.Value, 12);
    }

    [Fact]
    public void Chain_MoveIntoAStageNobodyLeft_LeavesTheStagesLeadingThereUnresolved()
    {
        // The only deal to reach C is still open there: C has no exit, so the chain cannot say how deals in B end
        // (1 of B's 5 exits goes to C), nor deals in A (they reach B).
        var deals = TwoStageDeals().Append(Script(Pipeline, "o7", (1, "b"), (2, "c")));

        var chain = StageCalibration.FromHistory(deals, Pipeline).Chain;

        Assert.All(chain.Stages, s => Assert.Null(s.WinProbability));
        Assert.True(chain.ForStage("b").IsObserved);
        Assert.False(chain.ForStage("b").IsResolved);
        Assert.Equal(0.2, chain.TransitionProbability("b", "c")!.Value, 12);
    }

    [Fact]
    public void Chain_StagesThatOnlyEverLeadToEachOther_AreUnresolved()
    {
        // One open deal bounced A -> B -> A: A and B have exits but none ever reached Won or Lost (I - Q is singular).
        var chain = StageCalibration.FromHistory([Script(Pipeline, "o", (1, "b"), (2, "a"))], Pipeline).Chain;

        Assert.True(chain.ForStage("a").IsObserved && chain.ForStage("b").IsObserved);
        Assert.All(chain.Stages, s => Assert.False(s.IsResolved));
    }

    [Fact]
    public void Chain_CycleWithAWayOut_IsResolved()
    {
        // "o" (open) bounced A -> B -> A; "w" jumped A -> C and was won. Exits: A -> B 1, A -> C 1; B -> A 1; C -> Won 1.
        // So w_C = 1, w_B = w_A, w_A = 1/2 w_B + 1/2 w_C: w_A = w_B = 1. Each stint in A returns to A with
        // probability 1/2 * 1, so N_AA = 1 / (1 - 1/2) = 2.
        var pipeline = Abc(allowSkipping: true);
        Deal[] deals = [Script(pipeline, "o", (1, "b"), (2, "a")), Script(pipeline, "w", (1, "c"), (2, "won"))];

        var chain = StageCalibration.FromHistory(deals, pipeline).Chain;

        Assert.All(chain.Stages, s => Assert.Equal(1.0, s.WinProbability!.Value, 12));
        Assert.Equal(2.0, chain.ExpectedVisits("a", "a")!.Value, 12);
        Assert.Equal(2.0, chain.ExpectedVisits("b", "a")!.Value, 12);
    }

    [Theory]
    [InlineData("won", "a", "fromStageId")]
    [InlineData("x", "a", "fromStageId")]
    [InlineData("a", "x", "toStageId")]
    public void TransitionProbability_UnknownOrClosedStage_Throws(string from, string to, string param)
    {
        var ex = Assert.Throws<ArgumentException>(() => TwoStageChain().TransitionProbability(from, to));

        Assert.Equal(param, ex.ParamName);
    }

    [Fact]
    public void ExpectedVisits_ToAClosedStage_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => TwoStageChain().ExpectedVisits("a", "won"));

        Assert.Equal("toStageId", ex.ParamName);
        Assert.Contains("\"won\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ForStage_Null_Throws()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => TwoStageChain().ForStage(null!));

        Assert.Equal("stageId", ex.ParamName);
    }

    [Fact]
    public void ToString_PrintsARowPerStage()
    {
        var lines = TwoStageChain().ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(4, lines.Length);
        Assert.Matches(@"^A\s+5\s+2\.8\s+0\.500\s+0\.500\s+7\.5$", lines[1]);
        Assert.Matches(@"^B\s+4\s+4\.0\s+0\.625\s+0\.375\s+5\.9$", lines[2]);
        Assert.Matches(@"^C\s+0\s+-\s+-\s+-\s+-$", lines[3]);
        Assert.Equal("B: 4 exits, 4.0 days, win 0.625, 5.9 days to close", TwoStageChain().ForStage("b").ToString());
        Assert.Equal("C: 0 exits, unresolved", TwoStageChain().ForStage("c").ToString());
    }
}
