using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Metrics;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Benchmarks;

// 1,000,000 deals of 10 history events each (10,000,000 events): creation, stage moves (forward, some skipping, some
// backward), amount and close-date changes, and for most deals a win or a loss; funnel and time in stage over them.
// Goal (design.md): funnel + time in stage from 10,000,000 history events <= 1 s.
[MemoryDiagnoser]
[MedianColumn]
public class FunnelBenchmarks
{
    private static readonly int DealCount = BenchScale.Deals;
    private const int EventsPerDeal = 10;
    private static readonly PipelineDefinition Pipeline = PipelineDefinition.Default;
    private static readonly Instant AsOf = Instant.FromUtc(2026, 12, 31, 0, 0);

    private Deal[] deals = [];

    [GlobalSetup]
    public void Setup()
    {
        var generator = new DealGenerator(
            new DealGeneratorOptions
            {
                Count = DealCount,
                Pipeline = Pipeline,
                CreatedFrom = Instant.FromUtc(2026, 1, 1, 9, 0),
                CreatedSteps = 60 * 24 * 200,
                CloseFrom = new LocalDate(2026, 9, 30),
                CloseDays = 1,
            }
        );
        var events = new List<DealEvent>(EventsPerDeal);
        deals = generator.Generate((deal, _) => WithHistory(deal, generator.Random, events));
    }

    // The opened deal's creation, then moves, amount and close-date changes up to EventsPerDeal events, most of the
    // time ending in a win or a loss.
    private static Deal WithHistory(Deal opened, Random random, List<DealEvent> events)
    {
        var stages = Pipeline.OpenStages;
        events.Clear();
        events.AddRange(opened.History);
        var id = opened.Id;
        var owner = opened.Owner!;
        var at = opened.CreatedAt;
        var stage = 0;
        // A share of the deals closes with the last event; the rest stay open.
        var closes = random.Next(0, 10) < 6;
        while (events.Count < EventsPerDeal - (closes ? 1 : 0))
        {
            at = at.Plus(Duration.FromHours(random.Next(1, 24 * 20)));
            var roll = random.Next(0, 10);
            if (roll < 4)
            {
                // Mostly forward, one stage or a skip; sometimes back.
                var target = roll == 0 && stage > 0 ? random.Next(0, stage) : Math.Min(stages.Count - 1, stage + 1 + random.Next(0, 2));
                if (target != stage)
                {
                    var direction = target > stage ? MoveDirection.Forward : MoveDirection.Backward;
                    events.Add(
                        new StageMoved(id, at, owner, stages[stage].Id, stages[target].Id, direction, Math.Max(0, target - stage - 1))
                    );
                    stage = target;
                    continue;
                }
            }
            events.Add(
                roll < 7
                    ? new AmountChanged(id, at, owner, Money.Of(random.Next(1_000, 500_000), Currency.USD))
                    : new ExpectedCloseChanged(id, at, owner, new LocalDate(2026, 10, 1).PlusDays(random.Next(0, 90)))
            );
        }
        if (closes)
        {
            at = at.Plus(Duration.FromHours(random.Next(1, 24 * 20)));
            events.Add(
                random.Next(0, 3) == 0
                    ? new DealWon(id, at, owner, Pipeline.WonStage.Id)
                    : new DealLost(id, at, owner, Pipeline.LostStage.Id, LossReason.Price, null)
            );
        }
        return Deal.FromEvents(events);
    }

    [Benchmark]
    public FunnelReport Funnel() => Metrics.Funnel.Of(deals, Pipeline);

    [Benchmark]
    public TimeInStageReport TimeInStage() => Metrics.TimeInStage.Of(deals, Pipeline, AsOf);

    [Benchmark]
    public (FunnelReport, TimeInStageReport) FunnelAndTimeInStage() =>
        (Metrics.Funnel.Of(deals, Pipeline), Metrics.TimeInStage.Of(deals, Pipeline, AsOf));
}
