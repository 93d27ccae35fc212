using System;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using NodaTime;
using SalesPipeline.Csv;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Benchmarks;

// The lossless history columns (FrameHistory) over BenchScale.Deals deals: building them from deals in memory, and
// rebuilding every deal (DealAt) or every history (EventsOf) from the columns alone. The deals are FrameStintBenchmarks'
// (the side-by-side's shape: about 2.9 events a deal), or, with SALESPIPELINE_BENCH_HISTORY_CSV set to a folder that
// holds gen_pipeline.py's deals.csv and events.csv, those files as DealCsv.ReadFiles imports them. The set-up logs the
// bytes of every column and the managed heap the history holds.
[MemoryDiagnoser]
[MedianColumn]
public class FrameHistoryBenchmarks
{
    private Deal[] deals = [];
    private FrameHistory history = null!;
    private int eventCount;

    [GlobalSetup]
    public void Setup()
    {
        deals = Load();
        eventCount = deals.Sum(d => d.Events.Count);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        history = Build();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine(
            $"// {deals.Length:N0} deals, {history.EventCount:N0} events; heap held by the history {after - before:N0} bytes"
        );
        foreach (var (column, bytes) in history.ColumnBytes())
        {
            Console.WriteLine($"// {column, -18} {bytes, 14:N0}");
        }
        Console.WriteLine($"// {"total", -18} {history.ColumnBytes().Sum(c => c.Bytes), 14:N0}");
    }

    private static Deal[] Load()
    {
        if (Environment.GetEnvironmentVariable("SALESPIPELINE_BENCH_HISTORY_CSV") is { Length: > 0 } folder)
        {
            var result = DealCsv.ReadFiles(
                PipelineDefinition.Default,
                Path.Combine(folder, "deals.csv"),
                Path.Combine(folder, "events.csv"),
                Instant.FromUtc(2027, 1, 1, 0, 0)
            );
            return result.IsComplete ? [.. result.Deals] : throw new InvalidOperationException(result.ToString());
        }
        return StagedDeals.Generate(
            BenchScale.Deals,
            700 * 24 * 60,
            new LocalDate(2025, 6, 30),
            100,
            overrides: false,
            createdFrom: Instant.FromUtc(2024, 1, 1, 0, 0)
        );
    }

    [Benchmark]
    public object BuildHistory() => Build();

    private FrameHistory Build()
    {
        var builder = new FrameHistoryBuilder(deals.Length, eventCount);
        foreach (var deal in deals)
        {
            builder.Append(deal);
        }
        return builder.Build();
    }

    [Benchmark]
    public int DealAtEveryRow()
    {
        var events = 0;
        for (var r = 0; r < history.Count; r++)
        {
            events += history.DealAt(r).Events.Count;
        }
        return events;
    }

    [Benchmark]
    public int EventsOfEveryRow()
    {
        var events = 0;
        for (var r = 0; r < history.Count; r++)
        {
            events += history.EventsOf(r).Length;
        }
        return events;
    }
}
