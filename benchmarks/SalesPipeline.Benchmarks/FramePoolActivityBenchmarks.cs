using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using NodaTime;
using SalesPipeline.Activities;
using SalesPipeline.Deals;
using SalesPipeline.Metrics;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Benchmarks;

// Issue 14: the pool report and the activity-to-progress ratio over 1,000,000 deals of 1,000 reps, from the list's
// frame (cached in the set-up, as the entry points cache it) beside the deal-by-deal code they ran before (the same
// call on a lazy sequence, which gets no frame). Deals are created over 120 days; a third move forward a stage some
// hours later, 15% are won, one in ten is handed to a pool (of 50 teams or the company's) afterwards. 500,000
// meetings about random deals, some before and some after their deal's move. The pools are read after every event.
[MemoryDiagnoser]
[MedianColumn]
public class FramePoolActivityBenchmarks
{
    private static readonly int DealCount = BenchScale.Deals;
    private static readonly Instant AsOf = Instant.FromUtc(2026, 6, 1, 0, 0);

    private static readonly PipelineDefinition Pipeline = PipelineDefinition
        .CreateBuilder("Bench")
        .Stage("Working", 0.3m, ForecastCategory.Pipeline)
        .Stage("Proposal", 0.6m, ForecastCategory.BestCase)
        .Won("Won")
        .Lost("Lost")
        .Build();

    private Deal[] deals = [];
    private Activity[] activities = [];

    [GlobalSetup]
    public void Setup()
    {
        var generator = new DealGenerator(
            new DealGeneratorOptions
            {
                Count = DealCount,
                Pipeline = Pipeline,
                CreatedFrom = Instant.FromUtc(2026, 1, 1, 0, 0),
                CreatedStep = Duration.FromMinutes(1),
                CreatedSteps = 120 * 24 * 60,
            }
        );
        var random = generator.Random;
        deals = generator.Generate((deal, _) => Shape(deal, random));
        var meetings = new List<Activity>(DealCount / 2);
        for (var i = 0; i < DealCount / 2; i++)
        {
            var deal = deals[random.Next(DealCount)];
            meetings.Add(
                Activity.ForDeal(
                    ActivityKind.Meeting,
                    deal.CreatedAt + Duration.FromHours(random.Next(0, 24 * 20)),
                    deal.Owner ?? "pool",
                    deal.Id
                )
            );
        }
        activities = [.. meetings];
        // The list's frame and the derived columns the two reports read, cached as the entry points cache them.
        PoolAnalysis.Of(deals, [], AsOf);
        ActivityProgress.Of(deals, activities);
    }

    private static Deal Shape(Deal deal, System.Random random)
    {
        var owner = deal.Owner!;
        var at = deal.CreatedAt + Duration.FromHours(random.Next(1, 24 * 10));
        if (random.Next(3) == 0)
        {
            deal = Pipeline.ApplyOrThrow(deal, DealCommand.Move("proposal", at, owner));
        }
        var fate = random.Next(20);
        if (fate < 3)
        {
            return Pipeline.Win(deal, at + Duration.FromHours(1), owner);
        }
        if (fate < 5)
        {
            var team = random.Next(51);
            return Pipeline.ApplyOrThrow(
                deal,
                DealCommand.AssignToPool(team == 50 ? null : $"team-{team}", at + Duration.FromHours(1), owner)
            );
        }
        return deal;
    }

    [Benchmark]
    public int Pools() => PoolAnalysis.Of(deals, [], AsOf).Pools.Count;

    [Benchmark]
    public int PoolsDealByDeal() => PoolAnalysis.Of(Lazy(deals), [], AsOf).Pools.Count;

    [Benchmark]
    public int Progress() => ActivityProgress.Of(deals, activities).Total.Progressed;

    [Benchmark]
    public int ProgressDealByDeal() => ActivityProgress.Of(Lazy(deals), activities).Total.Progressed;

    private static IEnumerable<Deal> Lazy(Deal[] deals)
    {
        foreach (var deal in deals)
        {
            yield return deal;
        }
    }
}
