using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using NodaTime;
using SalesPipeline.Activities;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Health;
using SalesPipeline.Pipelines;
using SalesPipeline.Targets;

namespace SalesPipeline.Benchmarks;

// PipelineHealth.Inspect over 1,000,000 deals of 1,000 owners (80% open, 15% won, 5% lost), with 500,000 activities,
// a Q2 coverage goal, and about half of the open deals at risk. No goal in design.md; measured for the record.
[MemoryDiagnoser]
[MedianColumn]
public class HealthBenchmarks
{
    private static readonly int DealCount = BenchScale.Deals;
    private static readonly PipelineDefinition Pipeline = PipelineDefinition.Default;
    private static readonly Instant AsOf = Instant.FromUtc(2026, 4, 1, 9, 0);

    private Deal[] deals = [];
    private HealthInputs inputs = HealthInputs.None;

    [GlobalSetup]
    public void Setup()
    {
        // Created 1 to 2,879 hours before AsOf, in whole hours.
        var generator = new DealGenerator(
            new DealGeneratorOptions
            {
                Count = DealCount,
                Pipeline = Pipeline,
                CreatedFrom = AsOf - Duration.FromHours(1),
                CreatedStep = -Duration.FromHours(1),
                CreatedSteps = 24 * 120 - 1,
                CloseFrom = new LocalDate(2026, 2, 1),
                CloseDays = 180,
            }
        );
        var random = generator.Random;
        var activities = new List<Activity>(DealCount / 2);
        deals = generator.Generate((deal, i) => Shape(deal, i, random, activities));
        inputs = new HealthInputs
        {
            Activities = ActivityIndex.Create(activities),
            Coverage = new CoverageGoal(FiscalCalendar.Calendar.Quarter(2026, 2), Money.Of(50_000_000m, Currency.USD), 0.25m),
        };
    }

    // Pushed close dates for a third, model probabilities for three quarters, 15% won and 5% lost; a call logged in the
    // last 30 days for every other deal.
    private static Deal Shape(Deal deal, int i, Random random, List<Activity> activities)
    {
        var owner = deal.Owner!;
        var at = deal.CreatedAt + Duration.FromHours(1);
        if (random.Next(3) == 0)
        {
            deal = Pipeline.ApplyOrThrow(deal, DealCommand.ChangeExpectedCloseTo(deal.ExpectedClose.PlusDays(20), at, owner));
            deal = Pipeline.ApplyOrThrow(deal, DealCommand.ChangeExpectedCloseTo(deal.ExpectedClose.PlusDays(15), at, owner));
        }
        if (random.Next(4) != 0)
        {
            deal = Pipeline.ApplyOrThrow(
                deal,
                DealCommand.OverrideProbabilityTo(random.Next(1, 100) / 100m, at, "model", ValueSource.Model)
            );
        }
        var fate = random.Next(20);
        if (fate < 3)
        {
            foreach (var criterion in Pipeline.ExitCriteria)
            {
                deal = Pipeline.Answer(deal, criterion.Id, at, owner);
            }
            deal = Pipeline.Win(deal, at + Duration.FromDays(random.Next(10, 60)), owner);
        }
        else if (fate == 3)
        {
            deal = Pipeline.Lose(deal, LossReason.Timing, at, owner);
        }
        if (i % 2 == 0)
        {
            activities.Add(Activity.ForDeal(ActivityKind.Call, AsOf - Duration.FromHours(random.Next(1, 24 * 30)), owner, deal.Id));
        }
        return deal;
    }

    [Benchmark]
    public HealthReport Inspect() => PipelineHealth.Inspect(deals, Pipeline, AsOf, HealthPolicy.Default, inputs);

    // The public accumulator's AddRange over the list (on the frame, cached with the array by the warm-up) against the
    // same deals read as a sequence (deal by deal); the checks in Result are the same for both and not timed.
    [Benchmark]
    public int AddRangeList()
    {
        var accumulator = new PipelineHealthAccumulator(Pipeline, AsOf, HealthPolicy.Default, inputs);
        accumulator.AddRange(deals);
        return accumulator.Count;
    }

    [Benchmark]
    public int AddRangeSequence()
    {
        var accumulator = new PipelineHealthAccumulator(Pipeline, AsOf, HealthPolicy.Default, inputs);
        accumulator.AddRange(deals.Select(d => d));
        return accumulator.Count;
    }
}
