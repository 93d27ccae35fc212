using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;
using static SalesPipeline.Tests.Deals.DealFixtures;

namespace SalesPipeline.Tests.Deals;

// Invariants of Apply over random pipelines and random command sequences (DealScenarios).
public sealed partial class PipelineDefinitionTransitionsTests
{
    [Fact]
    public void Apply_StageIsAlwaysOneOfThePipelinesAndStatusAgreesWithItsKind_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                DealScenarios.Scenarios,
                scenario =>
                {
                    var (_, final, steps) = DealScenarios.Walk(scenario);
                    var spec = scenario.Spec;
                    return steps
                        .Select(s => s.Result.Deal)
                        .Append(final)
                        .All(deal =>
                            deal.StageId switch
                            {
                                PipelineSpec.WonId => deal.Status == DealStatus.Won,
                                PipelineSpec.LostId => deal.Status == DealStatus.Lost,
                                var id => spec.IndexOf(id) >= 0
                                    && deal.Status is DealStatus.Open or DealStatus.Stopped
                                    && deal.LastOpenStageId == id,
                            }
                        );
                }
            )
        );

    [Fact]
    public void Apply_NeverWinsWithRequiredCriteriaUnmet_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                DealScenarios.Scenarios,
                scenario =>
                {
                    var spec = scenario.Spec;
                    var (_, _, steps) = DealScenarios.Walk(scenario);
                    foreach (var step in steps.Where(s => s.Before.IsOpen && s.Result.Deal.Status == DealStatus.Won))
                    {
                        if (step.Command is not WinDeal)
                        {
                            return false;
                        }
                        if (!spec.RequireExitCriteriaToWin)
                        {
                            continue;
                        }
                        var from = spec.IndexOf(step.Before.StageId);
                        var required = spec.Required(from, spec.Stages.Length).Select(x => x.CriterionId);
                        if (!required.All(c => step.Before.AnsweredCriteria.Contains(c)))
                        {
                            return false;
                        }
                    }
                    return true;
                }
            )
        );

    [Fact]
    public void Apply_Rejected_ReturnsTheIdenticalDeal_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                DealScenarios.Scenarios,
                scenario =>
                    DealScenarios
                        .Walk(scenario)
                        .Steps.Where(s => !s.Result.IsAccepted)
                        .All(s =>
                            ReferenceEquals(s.Before, s.Result.Deal)
                            && s.Result.Event is null
                            && s.Result.Rejections.Count > 0
                            && s.Result.Deal.Events.Count == s.EventsBefore.Length
                        )
            )
        );

    [Fact]
    public void Apply_Accepted_AppendsExactlyOneEventAndKeepsThePreviousOnes_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                DealScenarios.Scenarios,
                scenario =>
                    DealScenarios
                        .Walk(scenario)
                        .Steps.Where(s => s.Result.IsAccepted)
                        .All(s =>
                        {
                            var after = s.Result.Deal.Events;
                            return after.Count == s.EventsBefore.Length + 1
                                && s.EventsBefore.Select((e, i) => ReferenceEquals(e, after[i])).All(same => same)
                                && ReferenceEquals(after[^1], s.Result.Event)
                                && s.Result.Event!.At == s.Command.At
                                && s.Result.Event.By == s.Command.By
                                && s.Before.Events.SequenceEqual(s.EventsBefore);
                        })
            )
        );

    // Every version ever made keeps exactly the events it had, even when commands are applied to older versions
    // (which share their event storage with newer ones).
    [Fact]
    public void Apply_ToOlderVersions_NeverChangesAnyVersionsHistory_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                DealScenarios.BranchingScenarios,
                scenario =>
                {
                    var pipeline = scenario.Spec.Build();
                    var versions = new List<(Deal Deal, DealEvent[] Events)>();
                    var deal = Deal.Open(pipeline, new DealId("G-1"), "Generated", "alice", Amount, Close, T0);
                    versions.Add((deal, deal.Events.ToArray()));
                    for (var i = 0; i < scenario.Commands.Length; i++)
                    {
                        var baseDeal = scenario.Branches[i] >= 0 ? versions[scenario.Branches[i] % versions.Count].Deal : deal;
                        var result = pipeline.Apply(baseDeal, scenario.Commands[i]);
                        if (result.IsAccepted)
                        {
                            var expected = baseDeal.Events.Append(result.Event!).ToArray();
                            if (!result.Deal.Events.SequenceEqual(expected))
                            {
                                return false;
                            }
                            versions.Add((result.Deal, expected));
                        }
                        deal = result.Deal;
                    }
                    return versions.All(v => v.Deal.Events.Count == v.Events.Length && v.Deal.Events.SequenceEqual(v.Events));
                }
            )
        );

    // Apply agrees with an independent model of the documented rules: the same rejections (code, stage, criterion),
    // and when accepted the same resulting state.
    [Fact]
    public void Apply_AgreesWithAModelOfTheDocumentedRules_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                DealScenarios.Scenarios,
                scenario =>
                {
                    var spec = scenario.Spec;
                    var pipeline = spec.Build();
                    var deal = Deal.Open(pipeline, new DealId("G-1"), "Generated", "alice", Amount, Close, T0);
                    var model = DealModel.Fresh(spec);
                    foreach (var command in scenario.Commands)
                    {
                        var result = pipeline.Apply(deal, command);
                        var (expected, next) = model.Decide(spec, command);
                        var actualKeys = Keys(result.Rejections);
                        var expectedKeys = Keys(expected.Select(k => new Rejection(k.Code, "", k.StageId, k.CriterionId)));
                        Assert.True(
                            actualKeys.SequenceEqual(expectedKeys),
                            $"{command}: expected {DealScenarios.Describe(expectedKeys)}, got {DealScenarios.Describe(actualKeys)}"
                        );
                        if (next is not null)
                        {
                            deal = result.Deal;
                            model = next;
                            var actual = Project(deal);
                            var empty = actual.Answered.Clear();
                            Assert.True(
                                (actual with { Answered = empty }) == (model with { Answered = empty })
                                    && actual.Answered.SequenceEqual(model.Answered),
                                $"{command}: expected {model} [{string.Join(",", model.Answered)}], got {actual} [{string.Join(",", actual.Answered)}]"
                            );
                        }
                    }
                    return true;
                }
            )
        );

    internal static DealModel Project(Deal deal) =>
        new(
            deal.StageId,
            deal.Status,
            deal.LastOpenStageId,
            System.Collections.Immutable.ImmutableSortedSet.CreateRange(StringComparer.Ordinal, deal.AnsweredCriteria),
            deal.Amount,
            deal.ExpectedClose,
            deal.ProbabilityOverride,
            deal.ProbabilityOverrideSource,
            deal.CategoryOverride,
            deal.Owner,
            deal.LastEventAt,
            deal.LossReason,
            deal.Competitor,
            deal.ClosedAt,
            deal.StageEnteredAt,
            DealModel.Join(deal.Competitors),
            deal.Team,
            deal.InPoolSince,
            deal.StopReason,
            deal.StoppedAt,
            deal.Customer,
            deal.Comments.Count
        );

    [Fact]
    public void PermittedMoves_AgreeWithApply_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                DealScenarios.Scenarios,
                scenario =>
                {
                    var (pipeline, deal, _) = DealScenarios.Walk(scenario);
                    var at = deal.LastEventAt;
                    var expectedTargets = deal.Status switch
                    {
                        DealStatus.Open => pipeline.Stages.Where(s => s.Id != deal.StageId),
                        DealStatus.Stopped => pipeline.Stages.Where(s => s.Kind != StageKind.Won),
                        _ => pipeline.OpenStages,
                    };
                    var moves = pipeline.PermittedMoves(deal);
                    return moves.Select(m => m.Target).SequenceEqual(expectedTargets)
                        && moves.All(m =>
                        {
                            DealCommand command =
                                deal.Status == DealStatus.Stopped && m.Target.IsOpen ? DealCommand.Resume(at, "x", m.Target.Id)
                                : deal.IsClosed ? DealCommand.Reopen(at, "x", m.Target.Id)
                                : m.Target.Kind == StageKind.Won ? DealCommand.Win(at, "x")
                                : m.Target.Kind == StageKind.Lost ? DealCommand.Lose(LossReason.Other, at, "x")
                                : DealCommand.Move(m.Target.Id, at, "x");
                            var result = pipeline.Apply(deal, command);
                            return result.IsAccepted == m.IsPermitted && Keys(result.Rejections).SequenceEqual(Keys(m.Missing));
                        });
                }
            )
        );
}
