using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Parquet;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Benchmarks;

// DealParquet writing a book of deals to a file: one row per deal (18 columns), and one row per event (26 columns, 1.5
// events per deal here: a quarter of the deals moved, a quarter lost). The row groups of 100,000 rows keep memory to one group's
// columns; set SALESPIPELINE_BENCH_PARQUET_DEALS=1000000 for the million-deal run, the default of 2,000 keeps a dry run
// short.
[MemoryDiagnoser]
[MedianColumn]
public class ParquetWriteBenchmarks
{
    private static readonly PipelineDefinition Pipeline = PipelineDefinition.Default;
    private Deal[] deals = [];
    private DirectoryInfo? folder;

    public static int DealCount =>
        int.TryParse(Environment.GetEnvironmentVariable("SALESPIPELINE_BENCH_PARQUET_DEALS"), out var n) && n > 0 ? n : 2_000;

    [GlobalSetup]
    public void Setup()
    {
        folder = Directory.CreateTempSubdirectory("salespipeline-parquet-bench-");
        var generator = new DealGenerator(new DealGeneratorOptions { Count = DealCount, Pipeline = Pipeline });
        deals = generator.Generate(
            (deal, i) =>
                (i % 4) switch
                {
                    1 => Pipeline.Move(deal, "qualified", deal.CreatedAt + Duration.FromDays(3), "rep"),
                    2 => Pipeline.Lose(deal, LossReason.Price, deal.CreatedAt + Duration.FromDays(9), "rep", "Initech"),
                    _ => deal,
                }
        );
    }

    [GlobalCleanup]
    public void Cleanup() => folder?.Delete(recursive: true);

    [Benchmark]
    public async Task<long> WriteDeals()
    {
        await using var file = File.Create(Path.Combine(folder!.FullName, "deals.parquet"));
        await DealParquet.WriteDealsAsync(deals, file);
        return file.Length;
    }

    [Benchmark]
    public async Task<long> WriteEvents()
    {
        await using var file = File.Create(Path.Combine(folder!.FullName, "events.parquet"));
        await DealParquet.WriteEventsAsync(deals.SelectMany(d => d.Events), file);
        return file.Length;
    }
}
