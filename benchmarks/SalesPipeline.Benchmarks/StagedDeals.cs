using System;
using System.Collections.Generic;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Benchmarks;

// The deals of the history benchmarks (compare, calibration, back-test, the stint metrics): PipelineDefinition.Default,
// each deal moving on stage by stage (chances 0.55, 0.6, 0.65, 0.6, an hour to four weeks apart), 80% decided, and with
// `overrides` one in three with a model override an hour after creation. One set-up, so that their figures are of the
// same kind of data.
internal static class StagedDeals
{
    internal static readonly PipelineDefinition Pipeline = PipelineDefinition.Default;

    private static readonly double[] Advance = [0.55, 0.6, 0.65, 0.6];

    // `count` deals created from `createdFrom` (2025-01-01 when null) over `createdMinutes`, expected to close over
    // `closeDays` from `closeFrom`.
    internal static Deal[] Generate(
        int count,
        int createdMinutes,
        LocalDate closeFrom,
        int closeDays,
        bool overrides = true,
        Instant? createdFrom = null
    )
    {
        var generator = new DealGenerator(
            new DealGeneratorOptions
            {
                Count = count,
                Pipeline = Pipeline,
                CreatedFrom = createdFrom ?? Instant.FromUtc(2025, 1, 1, 0, 0),
                CreatedSteps = createdMinutes,
                CloseFrom = closeFrom,
                CloseDays = closeDays,
            }
        );
        var events = new List<DealEvent>(7);
        return generator.Generate((deal, i) => WithHistory(deal, overrides && i % 3 == 0, generator.Random, events));
    }

    private static Deal WithHistory(Deal opened, bool overridden, Random random, List<DealEvent> events)
    {
        var stages = Pipeline.OpenStages;
        events.Clear();
        events.AddRange(opened.History);
        var at = opened.CreatedAt;
        if (overridden)
        {
            at = at.Plus(Duration.FromHours(1));
            events.Add(new ProbabilityOverridden(opened.Id, at, "model", random.Next(1, 100) / 100m, ValueSource.Model));
        }
        var stage = 0;
        while (stage < 3 && random.NextDouble() < Advance[stage])
        {
            at = at.Plus(Duration.FromSeconds(random.Next(3_600, 28 * 86_400)));
            events.Add(new StageMoved(opened.Id, at, "rep", stages[stage].Id, stages[stage + 1].Id, MoveDirection.Forward, 0));
            stage++;
        }
        if (random.NextDouble() < 0.8)
        {
            at = at.Plus(Duration.FromSeconds(random.Next(3_600, 28 * 86_400)));
            events.Add(
                stage == 3 && random.NextDouble() < Advance[3]
                    ? new DealWon(opened.Id, at, "rep", Pipeline.WonStage.Id)
                    : new DealLost(opened.Id, at, "rep", Pipeline.LostStage.Id, LossReason.Price, null)
            );
        }
        return Deal.FromEvents(events);
    }
}
