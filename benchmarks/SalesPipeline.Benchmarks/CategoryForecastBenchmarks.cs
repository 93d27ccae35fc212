using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;
using SalesPipeline.Targets;

namespace SalesPipeline.Benchmarks;

// 1,000,000 deals of 1,000 reps in 50 teams (5 regions of 10 teams), rolled up by category for the four quarters.
// Goal (design.md): <= 20 ms.
[MemoryDiagnoser]
[MedianColumn]
public class CategoryForecastBenchmarks
{
    private static readonly int DealCount = BenchScale.Deals;
    private static readonly PipelineDefinition Pipeline = PipelineDefinition.Default;
    private static readonly IReadOnlyList<FiscalPeriod> Quarters = FiscalCalendar.Calendar.Quarters(2026);
    private static readonly ForecastCategory[] Categories =
    [
        ForecastCategory.Omitted,
        ForecastCategory.Pipeline,
        ForecastCategory.BestCase,
        ForecastCategory.Commit,
    ];

    private ForecastSnapshot snapshot = null!;
    private SalesOrg org = null!;

    [GlobalSetup]
    public void Setup()
    {
        var builder = SalesOrg.CreateBuilder("Acme");
        for (var region = 0; region < 5; region++)
        {
            builder.Team($"region-{region}", $"Region {region}", lead: $"rep-{region * 200}");
            for (var team = 0; team < 10; team++)
            {
                var teamId = $"team-{region}-{team}";
                builder.Team(teamId, $"Team {region}.{team}", parent: $"region-{region}", lead: $"rep-{region * 200 + team * 20}");
                for (var rep = 0; rep < 20; rep++)
                {
                    builder.Rep($"rep-{region * 200 + team * 20 + rep}", "Rep", teamId);
                }
            }
        }
        org = builder.Build();
        var generator = new DealGenerator(new DealGeneratorOptions { Count = DealCount, Pipeline = Pipeline });
        var deals = generator.Generate(
            (deal, _) =>
                Pipeline.ApplyOrThrow(deal, DealCommand.OverrideCategoryTo(Categories[generator.Random.Next(0, 4)], deal.CreatedAt, "rep"))
        );
        snapshot = ForecastSnapshot.Create(deals, Pipeline);
    }

    [Benchmark]
    public CategoryForecast RollUpFromSnapshot() => Forecast.ByCategory(snapshot, Quarters, org);
}
