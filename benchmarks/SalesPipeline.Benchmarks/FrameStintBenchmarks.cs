using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Metrics;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Benchmarks;

// The history metrics over 1,000,000 deals already in memory, shaped as the side-by-side's pandas data
// (shared/bench/gen_pipeline.py): created in prospecting, moving on stage by stage with chances 0.55, 0.6, 0.65, 0.6,
// 80% decided (won from negotiation with chance 0.6, otherwise lost), about 2.9 million events. The frame is built in
// GlobalSetup (DealFrames.For caches it with the array), so the "Frame" benchmarks time the metric alone, as a second
// metric over the same list sees it; the "Deals" ones run today's deal path over the same deals (read as a sequence,
// which gets no frame).
[MemoryDiagnoser]
[MedianColumn]
public class FrameStintBenchmarks
{
    private static readonly int DealCount = BenchScale.Deals;
    private static readonly PipelineDefinition Pipeline = PipelineDefinition.Default;
    private static readonly Instant AsOf = Instant.FromUtc(2025, 12, 1, 0, 0);
    private static readonly TimeInStageOptions Finished = new() { IncludeOpenStints = false };

    private Deal[] deals = [];

    [GlobalSetup]
    public void Setup()
    {
        deals = StagedDeals.Generate(
            DealCount,
            700 * 24 * 60,
            new LocalDate(2025, 6, 30),
            100,
            overrides: false,
            createdFrom: Instant.FromUtc(2024, 1, 1, 0, 0)
        );
        _ = DealFrames.For(deals) ?? throw new InvalidOperationException("No frame for the benchmark's deals.");
        Console.WriteLine($"// {deals.Length:N0} deals, {deals.Sum(d => d.Events.Count):N0} events");
    }

    [Benchmark]
    public FunnelReport FunnelFrame() => Funnel.Of(deals, Pipeline);

    [Benchmark]
    public FunnelReport FunnelDeals() => Funnel.Of(deals.Select(d => d), Pipeline);

    [Benchmark]
    public TimeInStageReport TimeInStageFrame() => TimeInStage.Of(deals, Pipeline, AsOf, Finished);

    [Benchmark]
    public TimeInStageReport TimeInStageDeals() => TimeInStage.Of(deals.Select(d => d), Pipeline, AsOf, Finished);
}

// The sales cycle (Kaplan-Meier) over VelocityBenchmarks' 1,000,000 deals (the same generator and seed: a third open,
// a third won, a third lost, closed across 2026), from the cached frame and, for comparison, by today's deal path.
[MemoryDiagnoser]
[MedianColumn]
public class FrameCycleBenchmarks
{
    private static readonly int DealCount = BenchScale.Deals;

    private static readonly PipelineDefinition Pipeline = DecidedDeals.Pipeline;

    private static readonly Instant AsOf = Instant.FromUtc(2027, 1, 1, 0, 0);

    private Deal[] deals = [];

    [GlobalSetup]
    public void Setup()
    {
        deals = DecidedDeals.Generate(DealCount);
        _ = DealFrames.For(deals) ?? throw new InvalidOperationException("No frame for the benchmark's deals.");
    }

    [Benchmark]
    public SalesCycle CycleFrame() => SalesCycle.Of(deals, AsOf);

    [Benchmark]
    public SalesCycle CycleDeals() => SalesCycle.Of(deals.Select(d => d), AsOf);

    // The kernel alone (durations, sort, runs), without building the curve: what the frame saves, apart from the
    // curve's points, which both paths build alike.
    [Benchmark]
    public bool CycleFrameKernel() => new SalesCycleAccumulator(AsOf).TryAdd(DealFrames.For(deals)!);
}
