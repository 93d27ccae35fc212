using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Deals;

namespace SalesPipeline.Tests.Deals;

// History invariants over random pipelines and command sequences.
public sealed partial class DealTests
{
    [Fact]
    public void FromEventsAndAsOfLatest_RebuildTheDeal_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                DealScenarios.Scenarios,
                scenario =>
                {
                    var (_, deal, _) = DealScenarios.Walk(scenario);
                    var rebuilt = Deal.FromEvents(deal.Events);
                    // Equality is by history, so also compare every field of the state the fold produces.
                    var expected = PipelineDefinitionTransitionsTests.Project(deal);
                    return rebuilt.Equals(deal)
                        && PipelineDefinitionTransitionsTests.Project(rebuilt).SameState(expected)
                        && PipelineDefinitionTransitionsTests.Project(deal.AsOf(deal.LastEventAt)).SameState(expected);
                }
            )
        );

    [Fact]
    public void AsOf_EachEventsInstant_EqualsTheFoldOfTheEventsUpToThen_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                DealScenarios.Scenarios,
                scenario =>
                {
                    var (_, deal, _) = DealScenarios.Walk(scenario);
                    var events = deal.Events;
                    return events.All(e =>
                    {
                        var past = deal.AsOf(e.At);
                        var expected = Deal.FromEvents(events.Where(x => x.At <= e.At));
                        return past.Equals(expected)
                            && PipelineDefinitionTransitionsTests
                                .Project(past)
                                .SameState(PipelineDefinitionTransitionsTests.Project(expected));
                    });
                }
            )
        );

    [Fact]
    public void AsOf_AnyInstant_EqualsTheDealAfterTheCommandsAcceptedUpToThen_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                DealScenarios.Scenarios,
                FsCheck.Fluent.Gen.Choose(-60, 100 * 60).ToArbitrary(),
                (scenario, minutes) =>
                {
                    var (_, deal, steps) = DealScenarios.Walk(scenario);
                    var instant = DealFixtures.T0.Plus(NodaTime.Duration.FromMinutes(minutes));
                    if (instant < deal.CreatedAt)
                    {
                        return !deal.TryAsOf(instant, out _);
                    }
                    // The latest version whose last event is not after the instant (events are in time order).
                    var expected = steps
                        .Select(s => s.Result.Deal)
                        .Prepend(steps.Count > 0 ? steps[0].Before : deal)
                        .Where(d => d.LastEventAt <= instant)
                        .MaxBy(d => d.Events.Count);
                    return deal.AsOf(instant).Equals(expected);
                }
            )
        );
}
