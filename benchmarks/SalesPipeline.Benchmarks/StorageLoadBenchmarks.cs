using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Pipelines;
using SalesPipeline.Storage;
using SalesPipeline.Storage.PostgreSql;
using SalesPipeline.Storage.Sqlite;

namespace SalesPipeline.Benchmarks;

// Every deal of a store read back (LoadDealsAsync: one query, events folded per deal) into Deals, into a list held as
// columns (LoadDealListAsync) and into a ForecastSnapshot. Each deal has 3 events (created, amount changed, moved). The goal (issue 10) is 1,000,000 deals
// (3,000,000 events) in 5 s or less: set SALESPIPELINE_BENCH_LOAD_DEALS=1000000 for that run (its setup saves the
// deals in batches of 5,000 through SaveDealsAsync); the default of 2,000 keeps CI's dry run short.
[MemoryDiagnoser]
[MedianColumn]
public class StorageLoadBenchmarks
{
    private static readonly PipelineDefinition Pipeline = PipelineDefinition.Default;
    private static readonly Instant Start = Instant.FromUtc(2026, 1, 5, 9, 0);

    // Deals per SaveDealsAsync call while setting up: an initial load in batches.
    private const int SetupBatch = 5_000;

    private EventStore? store;
    private string? file;
    private string? schema;

    // Durability does not change reads: SQLite once, with the faster setup.
    public static IEnumerable<string> Backends() => StorageAppendBenchmarks.Backends().Where(b => b != "sqlite-powerloss");

    [ParamsSource(nameof(Backends))]
    public string Backend { get; set; } = "sqlite-processcrash";

    public static int DealCount =>
        int.TryParse(Environment.GetEnvironmentVariable("SALESPIPELINE_BENCH_LOAD_DEALS"), out var n) && n > 0 ? n : 2_000;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => StorageAppendBenchmarks.CleanupAsync(store, file, schema).GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        (store, file, schema) = await StorageAppendBenchmarks.OpenAsync(Backend);
        var batch = new List<DealAppend>(SetupBatch);
        for (var i = 0; i < DealCount; i++)
        {
            var deal = Deal.Open(
                Pipeline,
                new DealId($"L-{i:0000000}"),
                "Load",
                $"rep-{i % 50}",
                Money.Of(10_000m + (i % 1_000), Currency.USD),
                new LocalDate(2026, 1 + (i % 12), 1 + (i % 28)),
                Start
            );
            deal = Pipeline.ApplyOrThrow(
                deal,
                DealCommand.ChangeAmountTo(Money.Of(20_000m + (i % 1_000), Currency.USD), Start + Duration.FromHours(1), "alice")
            );
            deal = Pipeline.Move(deal, "qualified", Start + Duration.FromHours(2), "alice");
            batch.Add(new DealAppend(deal, 0, Guid.NewGuid()));
            if (batch.Count == SetupBatch)
            {
                await store.SaveDealsAsync(batch);
                batch.Clear();
            }
        }
        if (batch.Count > 0)
        {
            await store.SaveDealsAsync(batch);
        }
    }

    [Benchmark(Description = "every deal, into Deals")]
    public async Task<int> LoadDeals()
    {
        var count = 0;
        await foreach (var stored in store!.LoadDealsAsync(DealQuery.All))
        {
            count += stored.Deal.History.Count;
        }
        return count;
    }

    // Streamed into a DealListBuilder: the list kept holds the deals' columns, not the deals.
    [Benchmark(Description = "every deal, into a list held as columns")]
    public Task<IReadOnlyList<Deal>> LoadDealList() => store!.LoadDealListAsync(DealQuery.All);

    // Streamed into a ForecastSnapshotBuilder: each deal is let go once its columns are taken.
    [Benchmark(Description = "every deal, into a ForecastSnapshot")]
    public async Task<ForecastSnapshot> LoadSnapshot()
    {
        var builder = new ForecastSnapshotBuilder(Pipeline, Currency.USD);
        await foreach (var stored in store!.LoadDealsAsync(DealQuery.All))
        {
            builder.Add(stored.Deal);
        }
        return builder.Build();
    }
}
