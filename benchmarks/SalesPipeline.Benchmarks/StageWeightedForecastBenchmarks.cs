using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Pipelines;
using SalesPipeline.Targets;

namespace SalesPipeline.Benchmarks;

// 1,000,000 open deals of 1,000 owners, expected to close across FY2026, forecast by month.
// Goal (design.md): <= 5 ms from a prepared snapshot, 0 B allocated per deal.
[MemoryDiagnoser]
[MedianColumn]
public class StageWeightedForecastBenchmarks
{
    private const int DealCount = 1_000_000;
    private static readonly PipelineDefinition Pipeline = PipelineDefinition.Default;
    private static readonly IReadOnlyList<FiscalPeriod> Months = FiscalCalendar.Calendar.Months(2026);

    private Deal[] deals = [];
    private ForecastSnapshot snapshot = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261124);
        var at = Instant.FromUtc(2025, 12, 1, 9, 0);
        deals = new Deal[DealCount];
        for (var i = 0; i < DealCount; i++)
        {
            var deal = Deal.Open(
                Pipeline,
                new DealId($"D-{i}"),
                "Deal",
                $"rep-{i % 1_000}",
                Money.Of(random.Next(1_000, 500_000), Currency.USD),
                new LocalDate(2026, 1, 1).PlusDays(random.Next(0, 365)),
                at
            );
            // Spread the effective probabilities like a real pipeline: a quarter keep the stage's 10%.
            if (i % 4 != 0)
            {
                deal = Pipeline.ApplyOrThrow(
                    deal,
                    DealCommand.OverrideProbabilityTo(random.Next(1, 100) / 100m, at, "model", ValueSource.Model)
                );
            }
            deals[i] = deal;
        }
        snapshot = ForecastSnapshot.Create(deals, Pipeline);
    }

    [Benchmark]
    public StageWeightedForecast FromSnapshot() => Forecast.StageWeighted(snapshot, Months);

    [Benchmark]
    public StageWeightedForecast FromDeals() => Forecast.StageWeighted(deals, Pipeline, Months);

    [Benchmark]
    public ForecastSnapshot CreateSnapshot() => ForecastSnapshot.Create(deals, Pipeline);
}
