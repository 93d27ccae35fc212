using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Benchmarks;

// Compare, the distribution's deal inputs and stage calibration over 1,000,000 deals with histories, shaped like
// FrameStintBenchmarks' (created in prospecting, moving on stage by stage with chances 0.55, 0.6, 0.65, 0.6, 80%
// decided), plus a model override on one deal in three an hour after its creation (so the calibration's reliability
// table has overrides) and expected close dates across Q1 2026. The frame is built in GlobalSetup (DealFrames caches it
// with the array), so the "Frame" benchmarks time the computation alone, as a second metric over the same list sees
// it; the "Deals" ones run today's deal path over the same deals (read as a sequence, which gets no frame).
[MemoryDiagnoser]
[MedianColumn]
public class FrameForecastBenchmarks
{
    private static readonly int DealCount = BenchScale.Deals;
    private static readonly PipelineDefinition Pipeline = StagedDeals.Pipeline;
    private static readonly FiscalPeriod Quarter = FiscalCalendar.Calendar.Quarter(2026, 1);

    private Deal[] deals = [];
    private DealFrame frame = null!;

    [GlobalSetup]
    public void Setup()
    {
        deals = StagedDeals.Generate(DealCount, 300 * 24 * 60, Quarter.Start, 90);
        frame = DealFrames.For(deals) ?? throw new InvalidOperationException("No frame for the benchmark's deals.");
        Console.WriteLine($"// {deals.Length:N0} deals, {deals.Sum(d => d.Events.Count):N0} events, {deals.Count(d => d.IsOpen):N0} open");
    }

    [Benchmark]
    public ForecastComparison CompareFrame() => Forecast.Compare(deals, Pipeline);

    [Benchmark]
    public ForecastComparison CompareDeals() => Forecast.Compare(deals.Select(d => d), Pipeline);

    // The part of Forecast.Distribution that reads the deals (the amounts and probabilities the convolution gets),
    // without the convolution, which is the same on both paths.
    [Benchmark]
    public int DistributionInputsFrame() =>
        Forecast.TryDistributionInputs(frame, Pipeline, new PeriodIndex([Quarter], null), ForecastOptions.Default)!.Value.Amounts.Count;

    [Benchmark]
    public int DistributionInputsDeals() =>
        Forecast
            .DistributionInputsOf(deals, Pipeline, new PeriodIndex([Quarter], null), ForecastOptions.Default, Currency.USD)
            .Amounts.Count;

    // The history walk alone (what the frame replaces), without the stage rates, the chain and the reliability
    // tables, which both paths build alike from the scan.
    [Benchmark]
    public int ScanFrame()
    {
        var scan = new HistoryScan(Pipeline, "deals");
        return scan.TryAdd(frame) ? scan.Forecasts.Count : -1;
    }

    [Benchmark]
    public int ScanDeals()
    {
        var scan = new HistoryScan(Pipeline, "deals");
        Array.ForEach(deals, scan.Add);
        return scan.Forecasts.Count;
    }

    [Benchmark]
    public StageCalibration CalibrationFrame() => StageCalibration.FromHistory(deals, Pipeline);

    [Benchmark]
    public StageCalibration CalibrationDeals() => StageCalibration.FromHistory(deals.Select(d => d), Pipeline);
}
