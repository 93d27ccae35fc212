using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;
using SalesPipeline.Storage;
using SalesPipeline.Storage.PostgreSql;
using SalesPipeline.Storage.Sqlite;

namespace SalesPipeline.Benchmarks;

// Appends per second on each backend: one new deal (1 event) per append, one new deal with 100 events in one append
// (figures per event with OperationsPerInvoke), and 1,000 new deals in one SaveDealsAsync batch (figures per deal). SQLite runs in a temporary file with SqliteDurability.PowerLoss (every
// commit waits for the disk) and ProcessCrash; PostgreSQL runs when SALESPIPELINE_POSTGRES names a server (eng/postgres.sh
// start), in a schema of its own that is dropped afterwards.
[MemoryDiagnoser]
[MedianColumn]
public class StorageAppendBenchmarks
{
    private const int BatchEvents = 100;
    private const int BatchDeals = 1_000;
    private static readonly PipelineDefinition Pipeline = PipelineDefinition.Default;
    private static readonly Instant Start = Instant.FromUtc(2026, 1, 5, 9, 0);

    private EventStore? store;
    private string? file;
    private string? schema;
    private Deal[] batch = [];
    private List<DealAppend> deals = [];
    private int next;

    public static IEnumerable<string> Backends() =>
        Environment.GetEnvironmentVariable("SALESPIPELINE_POSTGRES") is { Length: > 0 }
            ? ["sqlite-powerloss", "sqlite-processcrash", "postgresql"]
            : ["sqlite-powerloss", "sqlite-processcrash"];

    [ParamsSource(nameof(Backends))]
    public string Backend { get; set; } = "sqlite-powerloss";

    // Synchronous wrappers: BenchmarkDotNet 0.14's in-process toolchain does not await an async setup.
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync() => (store, file, schema) = await OpenAsync(Backend);

    private Task CleanupAsync() => CleanupAsync(store, file, schema);

    // A store of the backend: a temporary SQLite file, or a new schema in the PostgreSQL server.
    internal static async Task<(EventStore Store, string? File, string? Schema)> OpenAsync(string backend)
    {
        if (backend == "postgresql")
        {
            var schema = $"bench_{Guid.NewGuid():N}";
            return (
                await PostgreSqlEventStore.OpenAsync(
                    Environment.GetEnvironmentVariable("SALESPIPELINE_POSTGRES")!,
                    [PipelineDefinition.Default],
                    schema
                ),
                null,
                schema
            );
        }
        var file = Path.Combine(Path.GetTempPath(), $"bench-{Guid.NewGuid():N}.db");
        var durability = backend == "sqlite-processcrash" ? SqliteDurability.ProcessCrash : SqliteDurability.PowerLoss;
        return (await SqliteEventStore.OpenAsync(file, [PipelineDefinition.Default], durability: durability), file, null);
    }

    internal static async Task CleanupAsync(EventStore? store, string? file, string? schema)
    {
        if (store is not null)
        {
            await store.DisposeAsync();
        }
        if (file is not null)
        {
            foreach (var f in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(f);
            }
        }
        if (schema is not null)
        {
            await using var dataSource = Npgsql.NpgsqlDataSource.Create(Environment.GetEnvironmentVariable("SALESPIPELINE_POSTGRES")!);
            await using var command = dataSource.CreateCommand($"DROP SCHEMA \"{schema}\" CASCADE");
            await command.ExecuteNonQueryAsync();
        }
    }

    private Deal NewDeal(int events)
    {
        var deal = Deal.Open(
            Pipeline,
            new DealId($"B-{Interlocked.Increment(ref next):0000000}"),
            "Bench",
            "alice",
            Money.Of(10_000m, Currency.USD),
            new LocalDate(2026, 6, 30),
            Start
        );
        for (var i = 1; i < events; i++)
        {
            deal = Pipeline.ApplyOrThrow(
                deal,
                DealCommand.ChangeAmountTo(Money.Of(10_000m + i, Currency.USD), Start + Duration.FromMinutes(i), "alice")
            );
        }
        return deal;
    }

    [IterationSetup(Target = nameof(AppendBatch))]
    public void MakeBatch() => batch = [NewDeal(BatchEvents)];

    [IterationSetup(Target = nameof(SaveDeals))]
    public void MakeDeals() => deals = [.. Enumerable.Range(0, BatchDeals).Select(_ => new DealAppend(NewDeal(3), 0, Guid.NewGuid()))];

    [Benchmark(Description = "one append of 1 event")]
    public async Task<AppendResult> AppendSingle() => await store!.SaveDealAsync(NewDeal(1), 0, Guid.NewGuid());

    [Benchmark(OperationsPerInvoke = BatchEvents, Description = "one append of 100 events, per event")]
    public async Task<AppendResult> AppendBatch() => await store!.SaveDealAsync(batch[0], 0, Guid.NewGuid());

    // An initial load: 1,000 new deals of 3 events (3,000 events) in one SaveDealsAsync, figure per deal.
    [Benchmark(OperationsPerInvoke = BatchDeals, Description = "SaveDealsAsync of 1,000 deals (3 events each), per deal")]
    public async Task<int> SaveDeals() => (await store!.SaveDealsAsync(deals)).Count;
}
