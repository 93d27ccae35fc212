using SalesPipeline.Deals;
using SalesPipeline.Pipelines;
using static SalesPipeline.Tests.Deals.DealFixtures;

namespace SalesPipeline.Tests.Deals;

// Deal.FromEvents(pipeline, events): the message of each check against the pipeline names the event, the pipeline and
// what the pipeline has or would have made instead.
public sealed class PipelineHistoryChecksTests
{
    private static readonly DealCreated Created = (DealCreated)NewDeal().Events[0];
    private static readonly DealId Id = Created.DealId;

    private static void AssertRefused(DealEvent[] history, string message)
    {
        Deal.FromEvents(history); // structurally sound: only the pipeline refuses it
        var ex = Assert.Throws<ArgumentException>(() => Deal.FromEvents(Default, history));
        AssertArgumentMessage(ex, "events", message);
    }

    [Fact]
    public void ImportedDealInAStageThePipelineLacks_IsRefusedListingItsStages() =>
        AssertRefused(
            [ImportedInProposal with { StageId = "closing" }],
            "Event 0 (DealImported at 2026-03-02T11:00:00Z) does not fit pipeline \"Default\": pipeline \"Default\" has no stage \"closing\" (its stages: prospecting, qualified, proposal, negotiation, won, lost)."
        );

    [Fact]
    public void EventWhoseCommandThePipelineRejects_IsRefusedWithTheRejection() =>
        AssertRefused(
            [Created, new ExitCriterionAnswered(Id, H(1), "alice", "nope")],
            "Event 1 (ExitCriterionAnswered at 2026-03-02T10:00:00Z) does not fit pipeline \"Default\": the pipeline rejects it: Pipeline \"Default\" has no exit criterion \"nope\"."
        );

    [Fact]
    public void ImportedDealsMoveToAStageThePipelineLacks_IsRefused() =>
        AssertRefused(
            [ImportedInProposal, new StageMoved(ImportedInProposal.DealId, H(3), "alice", "proposal", "closing", MoveDirection.Forward, 0)],
            "Event 1 (StageMoved at 2026-03-02T12:00:00Z) does not fit pipeline \"Default\": pipeline \"Default\" has no stage \"closing\"."
        );

    [Fact]
    public void LossIntoTheWonStage_IsRefusedNamingTheStageThePipelineLosesInto() =>
        AssertRefused(
            [Created, new DealLost(Id, H(1), "alice", "won", LossReason.Price, null)],
            "Event 1 (DealLost at 2026-03-02T10:00:00Z) does not fit pipeline \"Default\": it records a loss into \"won\", but the pipeline makes a loss into \"lost\" of it."
        );
}
