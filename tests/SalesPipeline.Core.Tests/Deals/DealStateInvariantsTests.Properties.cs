using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Tests.Deals;

// Issue 13 invariants over random pipelines and command sequences that stop, resume, pool, comment and set customers
// (DealScenarios generates them alongside the older commands).
public sealed class DealStateInvariantsTests
{
    // Every version a walk produces is a state the definition allows.
    [Fact]
    public void EveryVersion_IsAStateTheDefinitionAllows_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                DealScenarios.Scenarios,
                scenario =>
                {
                    var (pipeline, final, steps) = DealScenarios.Walk(scenario);
                    foreach (var deal in steps.Select(s => s.Result.Deal).Append(final))
                    {
                        var stopped = deal.Status == DealStatus.Stopped;
                        Assert.Equal(stopped, deal.StopReason is not null);
                        Assert.Equal(stopped, deal.StoppedAt is not null);
                        Assert.Equal(deal.Owner is null, deal.InPoolSince is not null);
                        Assert.Equal(deal.Owner is null, deal.IsInPool);
                        Assert.False(deal.IsClosed && deal.IsInPool, $"{deal}: a decided deal has an owner");
                        Assert.Equal(deal.IsClosed, deal.ClosedAt is not null);
                        Assert.False(deal.IsOpen && deal.IsClosed);
                        if (stopped)
                        {
                            // A stopped deal is in an open stage but in no forecast.
                            Assert.True(pipeline.GetStage(deal.StageId).IsOpen);
                            Assert.Equal(deal.StageId, deal.LastOpenStageId);
                            Assert.Equal(ForecastCategory.Omitted, pipeline.ForecastCategoryOf(deal).Value);
                            Assert.Equal(0m, pipeline.WinProbabilityOf(deal).Value);
                            Assert.True(deal.StoppedAt >= deal.StageEnteredAt);
                        }
                        if (deal.InPoolSince is { } since)
                        {
                            Assert.True(since <= deal.LastEventAt);
                        }
                        Assert.Equal(deal.Events.OfType<CommentAdded>().Count(), deal.Comments.Count);
                    }
                    return true;
                }
            )
        );

    // History is never lost: every version is rebuilt from its events by both overloads, and AsOf any event's instant is
    // the fold of the events up to it.
    [Fact]
    public void FromEvents_BothOverloads_RebuildEveryVersion_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                DealScenarios.Scenarios,
                scenario =>
                {
                    var (pipeline, final, steps) = DealScenarios.Walk(scenario);
                    return steps
                        .Select(s => s.Result.Deal)
                        .Append(final)
                        .All(deal =>
                        {
                            var plain = Deal.FromEvents(deal.Events);
                            var checkedByPipeline = Deal.FromEvents(pipeline, deal.Events);
                            var state = PipelineDefinitionTransitionsTests.Project(deal);
                            return plain.Equals(deal)
                                && checkedByPipeline.Equals(deal)
                                && PipelineDefinitionTransitionsTests.Project(checkedByPipeline).SameState(state)
                                && deal.Events.Select(e => e.Cause).SequenceEqual(checkedByPipeline.Events.Select(e => e.Cause));
                        });
                }
            )
        );

    // A rejected command leaves the deal as it was (the same instance), whatever the new commands are mixed in.
    [Fact]
    public void Rejected_LeavesTheDealUnchanged_AndAcceptedCopiesTheCause_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                DealScenarios.Scenarios,
                scenario =>
                    DealScenarios
                        .Walk(scenario)
                        .Steps.All(s =>
                            s.Result.IsAccepted
                                ? s.Result.Event!.Cause == s.Command.Cause
                                : ReferenceEquals(s.Before, s.Result.Deal) && s.Before.Events.SequenceEqual(s.EventsBefore)
                        )
            )
        );

    // A stopped deal refuses everything but resume, lose, reassign, pool, customer and comment, with DealStopped.
    [Fact]
    public void StoppedDeal_RefusesOtherCommandsWithDealStopped_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                DealScenarios.Scenarios,
                scenario =>
                    DealScenarios
                        .Walk(scenario)
                        .Steps.Where(s =>
                            s.Before.Status == DealStatus.Stopped
                            && s.Command
                                is not (
                                    ResumeDeal
                                    or LoseDeal
                                    or ReassignOwner
                                    or AssignToPool
                                    or ChangeCustomer
                                    or AddComment
                                    or ReopenDeal
                                )
                        )
                        .All(s => !s.Result.IsAccepted && s.Result.Rejections.Any(r => r.Code == RejectionCode.DealStopped))
            )
        );
}
