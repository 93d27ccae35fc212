using SalesPipeline.Deals;
using SalesPipeline.Pipelines;
using static SalesPipeline.Tests.Deals.DealFixtures;

namespace SalesPipeline.Tests.Deals;

// The pipeline's rules as a user meets them in rejections: which stages a jump skips, which stages exist, what is
// already so; each with its exact sentence.
public sealed class TransitionRuleMessagesTests
{
    private const string DefaultStages = "prospecting, qualified, proposal, negotiation, won, lost";

    /// <summary>A Multi deal in Discovery with Discovery's criteria (need, contact) answered at H(1) and H(2).</summary>
    private static Deal DiscoveryAnswered(PipelineDefinition pipeline) =>
        Run(pipeline, NewDeal(pipeline), DealCommand.Answer("need", H(1), "alice"), DealCommand.Answer("contact", H(2), "alice"));

    [Fact]
    public void Move_ToTheNextStage_SkipsNothing_EvenWithItsOwnCriteriaUnmet()
    {
        var pipeline = Multi();

        var result = pipeline.Apply(DiscoveryAnswered(pipeline), DealCommand.Move("demo", H(3), "alice"));

        Assert.Equal(new StageMoved(new DealId("D-1"), H(3), "alice", "discovery", "demo", MoveDirection.Forward, 0), result.Event);
    }

    [Fact]
    public void Move_SkippingExactlyOneStageWithUnmetCriteria_IsRejectedNamingThatStage()
    {
        var pipeline = Multi();

        var result = pipeline.Apply(DiscoveryAnswered(pipeline), DealCommand.Move("proposal", H(3), "alice"));

        Assert.Equal(
            [(RejectionCode.SkippingNotAllowed, "proposal", null), (RejectionCode.UnmetExitCriterion, "demo", "demo-done")],
            result.Rejections.Select(r => (r.Code, r.StageId, r.CriterionId))
        );
        Assert.Equal(
            "Pipeline \"Multi\" does not allow skipping stages: going from \"Discovery\" to \"Proposal\" skips \"Demo\", whose exit criteria are not all met; answer them or move one stage at a time.",
            result.Rejections[0].Message
        );
    }

    [Fact]
    public void Move_SkippingTwoStages_ListsBothInOrder()
    {
        var pipeline = Multi();

        var result = pipeline.Apply(DiscoveryAnswered(pipeline), DealCommand.Move("negotiation", H(3), "alice"));

        // Demo (demo-done) and Proposal (pricing, legal) are skipped; the skipping rejection comes first.
        Assert.Equal(
            [
                (RejectionCode.SkippingNotAllowed, "negotiation", null),
                (RejectionCode.UnmetExitCriterion, "demo", "demo-done"),
                (RejectionCode.UnmetExitCriterion, "proposal", "pricing"),
                (RejectionCode.UnmetExitCriterion, "proposal", "legal"),
            ],
            result.Rejections.Select(r => (r.Code, r.StageId, r.CriterionId))
        );
        Assert.Equal(
            "Pipeline \"Multi\" does not allow skipping stages: going from \"Discovery\" to \"Negotiation\" skips \"Demo\", \"Proposal\", whose exit criteria are not all met; answer them or move one stage at a time.",
            result.Rejections[0].Message
        );
    }

    // From the second stage (Demo, index 1) to the fourth (Negotiation, 3): only Proposal (2) lies between, so the
    // message names it alone; the stages before Demo and the target itself are not "skipped".
    [Fact]
    public void Move_SkippingFromALaterStage_NamesOnlyTheStagesInBetween()
    {
        var pipeline = Multi();
        var inDemo = Run(
            pipeline,
            DiscoveryAnswered(pipeline),
            DealCommand.Move("demo", H(3), "alice"),
            DealCommand.Answer("demo-done", H(4), "alice")
        );

        var result = pipeline.Apply(inDemo, DealCommand.Move("negotiation", H(5), "alice"));

        Assert.Equal(
            [
                (RejectionCode.SkippingNotAllowed, "negotiation", null),
                (RejectionCode.UnmetExitCriterion, "proposal", "pricing"),
                (RejectionCode.UnmetExitCriterion, "proposal", "legal"),
            ],
            result.Rejections.Select(r => (r.Code, r.StageId, r.CriterionId))
        );
        Assert.Equal(
            "Pipeline \"Multi\" does not allow skipping stages: going from \"Demo\" to \"Negotiation\" skips \"Proposal\", whose exit criteria are not all met; answer them or move one stage at a time.",
            result.Rejections[0].Message
        );
    }

    [Fact]
    public void Move_SkippingOneStageWhoseCriteriaAreMet_IsAcceptedCountingOneSkip()
    {
        var pipeline = Multi();
        var deal = Run(pipeline, DiscoveryAnswered(pipeline), DealCommand.Answer("demo-done", H(3), "alice"));

        var result = pipeline.Apply(deal, DealCommand.Move("proposal", H(4), "alice"));

        Assert.Equal(new StageMoved(deal.Id, H(4), "alice", "discovery", "proposal", MoveDirection.Forward, 1), result.Event);
    }

    [Fact]
    public void Move_ToAStageThePipelineLacks_ListsItsStages()
    {
        var result = Default.Apply(NewDeal(), DealCommand.Move("closing", H(1), "alice"));

        Assert.Equal(
            new Rejection(
                RejectionCode.UnknownStage,
                $"Pipeline \"Default\" has no stage \"closing\"; its stages are {DefaultStages}.",
                "closing"
            ),
            Assert.Single(result.Rejections)
        );
    }

    [Fact]
    public void Reopen_NamingTheUnknownStageExplicitly_IsAnUnknownStageOfThePipeline()
    {
        // An imported won deal without history: its last open stage is Unknown.Stage. Naming "(unknown)" is asking
        // for a stage by id, not for "where it was", so the answer is that the pipeline has no such stage.
        var deal = Default.Import(
            ImportTests.Record("SF-6", "won") with
            {
                Status = DealStatus.Won,
                ClosedAt = H(500),
            },
            ImportTests.AsOfImport
        );

        var result = Default.Apply(deal, DealCommand.Reopen(ImportTests.AsOfImport, "manager", Unknown.Stage));

        Assert.Equal(
            new Rejection(
                RejectionCode.UnknownStage,
                $"Pipeline \"Default\" has no stage \"(unknown)\"; its stages are {DefaultStages}.",
                Unknown.Stage
            ),
            Assert.Single(result.Rejections)
        );
    }

    [Fact]
    public void Apply_ToADealInAStageThePipelineLacks_IsRejectedNamingTheDealsPipeline()
    {
        // The unchecked fold takes a stage id the pipeline does not have; the pipeline then refuses every command.
        var deal = Deal.FromEvents([(DealCreated)NewDeal().Events[0] with { StageId = "nowhere" }]);

        var result = Default.Apply(deal, DealCommand.Reassign("bob", H(1), "alice"));

        Assert.Equal(
            new Rejection(
                RejectionCode.DealNotInPipeline,
                "Deal D-1 is in stage \"nowhere\", which pipeline \"Default\" does not have; apply its commands with the pipeline it was opened in (\"Default\").",
                "nowhere"
            ),
            Assert.Single(result.Rejections)
        );
        var ex = Assert.Throws<ArgumentException>(() => Default.PermittedMoves(deal));
        AssertArgumentMessage(ex, "deal", "Deal D-1 is in stage \"nowhere\", which pipeline \"Default\" does not have.");
    }

    [Fact]
    public void PermittedMoves_NullDeal_ThrowsArgumentNullNamingDeal() =>
        AssertArgumentMessage(Assert.Throws<ArgumentNullException>(() => Default.PermittedMoves(null!)), "deal", null);

    [Fact]
    public void OverridingTheProbabilityToItsValue_IsNothingToChange()
    {
        var deal = Run(Default, NewDeal(), DealCommand.OverrideProbabilityTo(1m, H(1), "alice"));

        var result = Default.Apply(deal, DealCommand.OverrideProbabilityTo(1m, H(2), "alice"));

        Assert.Equal(
            new Rejection(RejectionCode.NothingToChange, "Deal D-1 already has probability override 1 (Manual)."),
            Assert.Single(result.Rejections)
        );
    }

    [Fact]
    public void OverridingTheCategoryToItsValue_IsNothingToChange()
    {
        var deal = Run(Default, NewDeal(), DealCommand.OverrideCategoryTo(ForecastCategory.Commit, H(1), "alice"));

        var result = Default.Apply(deal, DealCommand.OverrideCategoryTo(ForecastCategory.Commit, H(2), "alice"));

        Assert.Equal(
            new Rejection(RejectionCode.NothingToChange, "Deal D-1 already has category override Commit."),
            Assert.Single(result.Rejections)
        );
    }
}
