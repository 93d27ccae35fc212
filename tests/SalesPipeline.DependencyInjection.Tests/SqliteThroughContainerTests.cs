using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;
using SalesPipeline.Storage;
using SalesPipeline.Storage.Sqlite;

namespace SalesPipeline.DependencyInjection.Tests;

/// <summary>A real backend through the container: SQLite in a temporary file, saved to and loaded back.</summary>
public sealed class SqliteThroughContainerTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"salespipeline-di-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task A_deal_saved_through_the_registered_store_loads_back_with_its_history()
    {
        var pipeline = PipelineDefinition.Default;
        var at = Instant.FromUtc(2026, 3, 2, 9, 0);
        var deal = Deal.Open(
            pipeline,
            new DealId("D-1"),
            "Globex renewal",
            "alice",
            Money.Of(12_500m, Currency.USD),
            new LocalDate(2026, 6, 30),
            at
        );
        deal = pipeline.Move(deal, "qualified", at + Duration.FromDays(3), "alice");

        await using (
            var provider = Fixtures.Build(o =>
                o.UseEventStore((_, pipelines, ct) => SqliteEventStore.OpenAsync(path, pipelines, cancellationToken: ct))
            )
        )
        {
            var store = provider.GetRequiredService<IEventStore>();
            var saved = await store.SaveDealAsync(deal, expectedVersion: 0, Guid.NewGuid());
            // Two events: opened, moved to Qualified.
            Assert.Equal(2, saved.Version);
            var opened = await provider.GetRequiredService<DeferredEventStore>().OpenAsync();
            Assert.Equal(Path.GetFullPath(path), Assert.IsType<SqliteEventStore>(opened).Path);
        }

        // A new container on the same file: the deal was committed, and the first container let go of the file.
        await using (
            var provider = Fixtures.Build(o =>
                o.UseEventStore((_, pipelines, ct) => SqliteEventStore.OpenAsync(path, pipelines, cancellationToken: ct))
            )
        )
        {
            var loaded = await provider.GetRequiredService<IEventStore>().LoadDealAsync(new DealId("D-1"));
            Assert.NotNull(loaded);
            Assert.Equal(2, loaded.Version);
            Assert.Equal(deal, loaded.Deal);
            Assert.Equal("qualified", loaded.Deal.StageId);
            Assert.Equal(Money.Of(12_500m, Currency.USD), loaded.Deal.Amount);
        }
    }

    [Fact]
    public async Task A_deal_of_a_pipeline_the_application_registered_itself_can_be_saved()
    {
        // The catalog has only Enterprise; the application injects SMB as its PipelineDefinition. The store is opened
        // with both, so a deal of the injected pipeline is accepted (a store opened with the catalog's alone refuses it).
        var at = Instant.FromUtc(2026, 3, 2, 9, 0);
        var deal = Deal.Open(
            Fixtures.Smb,
            new DealId("S-1"),
            "Initech seats",
            "alice",
            Money.Of(900m, Currency.USD),
            new LocalDate(2026, 4, 30),
            at
        );
        var services = new ServiceCollection()
            .AddSingleton(Fixtures.Smb)
            .AddSalesPipeline(o =>
                o.AddPipeline(Fixtures.Enterprise)
                    .UseEventStore((_, pipelines, ct) => SqliteEventStore.OpenAsync(path, pipelines, cancellationToken: ct))
            );
        await using var provider = Fixtures.Build(services);

        var saved = await provider.GetRequiredService<IEventStore>().SaveDealAsync(deal, expectedVersion: 0, Guid.NewGuid());

        Assert.Equal(1, saved.Version);
        Assert.Equal(deal, (await provider.GetRequiredService<IEventStore>().LoadDealAsync(new DealId("S-1")))?.Deal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
