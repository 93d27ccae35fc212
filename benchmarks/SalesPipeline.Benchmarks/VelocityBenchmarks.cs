using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Metrics;
using SalesPipeline.Pipelines;
using SalesPipeline.Targets;

namespace SalesPipeline.Benchmarks;

// Sales velocity over 1,000,000 deals of 1,000 owners (a third open, a third won, a third lost, closed across 2026),
// for Q2 2026: the total, and by owner. The sales cycle (Kaplan-Meier) over the same deals.
[MemoryDiagnoser]
[MedianColumn]
public class VelocityBenchmarks
{
    private static readonly int DealCount = BenchScale.Deals;

    private static readonly PipelineDefinition Pipeline = DecidedDeals.Pipeline;

    private static readonly FiscalPeriod Window = FiscalCalendar.Calendar.Quarters(2026)[1];
    private static readonly Instant AsOf = Instant.FromUtc(2027, 1, 1, 0, 0);

    private Deal[] deals = [];

    [GlobalSetup]
    public void Setup()
    {
        deals = DecidedDeals.Generate(DealCount);
    }

    [Benchmark]
    public SalesVelocity Velocity() => SalesVelocity.Of(deals, Window);

    [Benchmark]
    public IReadOnlyList<SalesVelocity> VelocityByOwner() => SalesVelocity.By(deals, Window, Breakdown.Owner);

    [Benchmark]
    public SalesCycle CycleKaplanMeier() => SalesCycle.Of(deals, AsOf);
}
