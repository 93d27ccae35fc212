using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Pipelines;
using static SalesPipeline.Tests.Deals.DealFixtures;

namespace SalesPipeline.Tests.Deals;

// Probability and category overrides, the effective values, and PermittedMoves.
public sealed partial class PipelineDefinitionTransitionsTests
{
    [Theory]
    [InlineData("prospecting", "0.10", ForecastCategory.Pipeline)]
    [InlineData("qualified", "0.20", ForecastCategory.Pipeline)]
    [InlineData("proposal", "0.50", ForecastCategory.BestCase)]
    [InlineData("negotiation", "0.80", ForecastCategory.Commit)]
    public void EffectiveValues_WithoutOverride_AreTheStageDefaults(string stageId, string probability, ForecastCategory category)
    {
        var deal = NewDeal();
        if (stageId != "prospecting")
        {
            deal = Run(Default, QualifiedAnswered(), DealCommand.Move("negotiation", H(5), "a"));
            if (stageId != "negotiation")
            {
                deal = Default.Move(deal, stageId, H(6), "a"); // backward: needs nothing
            }
        }

        Assert.Equal(
            new EffectiveValue<decimal>(
                decimal.Parse(probability, System.Globalization.CultureInfo.InvariantCulture),
                ValueSource.StageDefault
            ),
            Default.WinProbabilityOf(deal)
        );
        Assert.Equal(new EffectiveValue<ForecastCategory>(category, ValueSource.StageDefault), Default.ForecastCategoryOf(deal));
        Assert.Null(deal.ProbabilityOverride);
        Assert.Null(deal.CategoryOverride);
    }

    [Fact]
    public void ProbabilityOverride_SurvivesStageMovesUntilCleared()
    {
        var deal = Run(
            Default,
            NewDeal(),
            DealCommand.OverrideProbabilityTo(0.35m, H(1), "alice"),
            DealCommand.Move("qualified", H(2), "alice"),
            DealCommand.Answer("use-case", H(2), "alice"),
            DealCommand.Answer("technical-fit", H(2), "alice"),
            DealCommand.Answer("budget", H(2), "alice"),
            DealCommand.Move("proposal", H(3), "alice")
        );
        Assert.Equal(new EffectiveValue<decimal>(0.35m, ValueSource.Manual), Default.WinProbabilityOf(deal));
        Assert.Equal((0.35m, ValueSource.Manual), (deal.ProbabilityOverride, deal.ProbabilityOverrideSource));

        var cleared = Run(Default, deal, DealCommand.ClearProbability(H(4), "alice"));

        Assert.Equal(new EffectiveValue<decimal>(0.50m, ValueSource.StageDefault), Default.WinProbabilityOf(cleared));
        Assert.Null(cleared.ProbabilityOverrideSource);
        Assert.Equal(new ProbabilityOverrideCleared(new DealId("D-1"), H(4), "alice"), cleared.Events[^1]);
    }

    [Fact]
    public void ProbabilityOverride_FromModel_ReportsModelAsSource()
    {
        var deal = Run(Default, NewDeal(), DealCommand.OverrideProbabilityTo(0.42m, H(1), "scorer", ValueSource.Model));

        Assert.Equal(new EffectiveValue<decimal>(0.42m, ValueSource.Model), Default.WinProbabilityOf(deal));
        Assert.Equal(new ProbabilityOverridden(new DealId("D-1"), H(1), "scorer", 0.42m, ValueSource.Model), deal.Events[^1]);
    }

    [Fact]
    public void CategoryOverride_SurvivesStageMovesUntilCleared()
    {
        var deal = Run(
            Default,
            NewDeal(),
            DealCommand.OverrideCategoryTo(ForecastCategory.Commit, H(1), "alice"),
            DealCommand.Move("qualified", H(2), "alice")
        );
        Assert.Equal(new EffectiveValue<ForecastCategory>(ForecastCategory.Commit, ValueSource.Manual), Default.ForecastCategoryOf(deal));

        var cleared = Run(Default, deal, DealCommand.ClearCategory(H(3), "alice"));

        Assert.Equal(
            new EffectiveValue<ForecastCategory>(ForecastCategory.Pipeline, ValueSource.StageDefault),
            Default.ForecastCategoryOf(cleared)
        );
        Assert.Null(cleared.CategoryOverride);
    }

    private static Deal WithOverrides() =>
        Run(
            Default,
            QualifiedAnswered(),
            DealCommand.OverrideProbabilityTo(0.05m, H(5), "alice"),
            DealCommand.OverrideCategoryTo(ForecastCategory.BestCase, H(5), "alice")
        );

    [Fact]
    public void EffectiveValues_OfWonDeal_AreOneAndClosedWhateverTheOverride()
    {
        var deal = Default.Win(WithOverrides(), H(6), "alice");

        Assert.Equal(new EffectiveValue<decimal>(1m, ValueSource.StageDefault), Default.WinProbabilityOf(deal));
        Assert.Equal(
            new EffectiveValue<ForecastCategory>(ForecastCategory.Closed, ValueSource.StageDefault),
            Default.ForecastCategoryOf(deal)
        );
    }

    [Fact]
    public void EffectiveValues_OfLostDeal_AreZeroAndOmittedWhateverTheOverride()
    {
        var deal = Default.Lose(WithOverrides(), LossReason.Timing, H(6), "alice");

        Assert.Equal(new EffectiveValue<decimal>(0m, ValueSource.StageDefault), Default.WinProbabilityOf(deal));
        Assert.Equal(
            new EffectiveValue<ForecastCategory>(ForecastCategory.Omitted, ValueSource.StageDefault),
            Default.ForecastCategoryOf(deal)
        );
    }

    [Fact]
    public void EffectiveValues_OfReopenedDeal_GetTheOverridesBack()
    {
        var deal = Default.Reopen(Default.Lose(WithOverrides(), LossReason.Timing, H(6), "alice"), H(7), "manager", "proposal");

        Assert.Equal(new EffectiveValue<decimal>(0.05m, ValueSource.Manual), Default.WinProbabilityOf(deal));
        Assert.Equal(new EffectiveValue<ForecastCategory>(ForecastCategory.BestCase, ValueSource.Manual), Default.ForecastCategoryOf(deal));
    }

    [Fact]
    public void EffectiveValues_OfDealFromAnotherPipeline_Throw()
    {
        var deal = NewDeal(Multi());

        var ex = Assert.Throws<ArgumentException>(() => Default.WinProbabilityOf(deal));
        Assert.Equal("deal", ex.ParamName);
        Assert.Contains("\"discovery\"", ex.Message, StringComparison.Ordinal);
        Assert.Equal("deal", Assert.Throws<ArgumentException>(() => Default.ForecastCategoryOf(deal)).ParamName);
        Assert.Equal("deal", Assert.Throws<ArgumentException>(() => Default.PermittedMoves(deal)).ParamName);
    }

    [Fact]
    public void PermittedMoves_FreshDefaultDeal_PermitsNextStageAndLostAndSaysWhatTheOthersMiss()
    {
        var moves = Default.PermittedMoves(NewDeal());

        Assert.Equal(["qualified", "proposal", "negotiation", "won", "lost"], moves.Select(m => m.Target.Id));
        Assert.Equal([true, false, false, false, true], moves.Select(m => m.IsPermitted));
        Assert.Empty(moves[0].Missing);
        Assert.Empty(moves[4].Missing);
        foreach (var (move, target) in moves.Skip(1).Take(3).Zip(new[] { "proposal", "negotiation", "won" }))
        {
            Assert.Equal(
                [
                    (RejectionCode.UnmetExitCriterion, "qualified", "budget"),
                    (RejectionCode.UnmetExitCriterion, "qualified", "technical-fit"),
                    (RejectionCode.UnmetExitCriterion, "qualified", "use-case"),
                    (RejectionCode.SkippingNotAllowed, target, null),
                ],
                Keys(move.Missing)
            );
        }
        Assert.Equal("-> Qualified: permitted", moves[0].ToString());
    }

    [Fact]
    public void PermittedMoves_InQualifiedWithOneAnswer_ListsTheTwoMissingForNextStageAndWin()
    {
        var deal = Run(Default, InQualified(), DealCommand.Answer("use-case", H(2), "a"));

        var moves = Default.PermittedMoves(deal);

        Assert.Equal(["prospecting", "proposal", "negotiation", "won", "lost"], moves.Select(m => m.Target.Id));
        Assert.Equal([true, false, false, false, true], moves.Select(m => m.IsPermitted));
        Assert.Equal(
            [(RejectionCode.UnmetExitCriterion, "qualified", "budget"), (RejectionCode.UnmetExitCriterion, "qualified", "technical-fit")],
            Keys(moves[1].Missing)
        );
        // Negotiation skips Proposal, which has no criteria, so nothing about skipping is missing.
        Assert.Equal(Keys(moves[1].Missing), Keys(moves[2].Missing));
        Assert.Equal(Keys(moves[1].Missing), Keys(moves[3].Missing));
    }

    [Fact]
    public void PermittedMoves_WonDeal_OffersReopeningIntoEveryOpenStage()
    {
        var moves = Default.PermittedMoves(Won());

        Assert.Equal(["prospecting", "qualified", "proposal", "negotiation"], moves.Select(m => m.Target.Id));
        Assert.All(moves, m => Assert.True(m.IsPermitted));
        Assert.All(moves, m => Assert.Empty(m.Missing));
    }

    [Fact]
    public void PermittedMoves_LostDealInPipelineForbiddingReopen_PermitsNothing()
    {
        var pipeline = Multi(allowReopen: false);
        var deal = pipeline.Lose(NewDeal(pipeline), LossReason.Budget, H(1), "alice");

        var moves = pipeline.PermittedMoves(deal);

        Assert.Equal(["discovery", "demo", "proposal", "negotiation"], moves.Select(m => m.Target.Id));
        Assert.All(moves, m => Assert.False(m.IsPermitted));
        // Back into the stage it was lost from needs nothing but the policy; further along also needs the criteria.
        Assert.Equal([RejectionCode.ReopenNotAllowed], moves[0].Missing.Select(r => r.Code));
        Assert.All(moves, m => Assert.Contains(RejectionCode.ReopenNotAllowed, m.Missing.Select(r => r.Code)));
        Assert.Contains(moves[1].Missing, r => r.Code == RejectionCode.UnmetExitCriterion && r.CriterionId == "need");
    }

    [Fact]
    public void PermittedMoves_AgreeWithApplyAtTheSameInstant()
    {
        var pipeline = Multi();
        var deal = Run(pipeline, NewDeal(pipeline), DealCommand.Answer("need", H(1), "a"), DealCommand.Answer("contact", H(1), "a"));

        foreach (var move in pipeline.PermittedMoves(deal))
        {
            DealCommand command = move.Target.Kind switch
            {
                StageKind.Won => DealCommand.Win(H(1), "a"),
                StageKind.Lost => DealCommand.Lose(LossReason.Other, H(1), "a"),
                _ => DealCommand.Move(move.Target.Id, H(1), "a"),
            };
            var result = pipeline.Apply(deal, command);
            Assert.Equal(result.IsAccepted, move.IsPermitted);
            Assert.Equal(Keys(result.Rejections), Keys(move.Missing));
        }
    }
}
