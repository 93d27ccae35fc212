using System.Globalization;
using Microsoft.Data.Sqlite;
using SalesPipeline.Pipelines;
using SalesPipeline.Storage.Sqlite;

namespace SalesPipeline.Storage.Tests;

/// <summary>
/// The contract on SQLite: a new file in the temporary directory for every test, opened with
/// <see cref="SqliteDurability.ProcessCrash"/> (commits survive the kill test's SIGKILL, the tests need not wait for the disk).
/// </summary>
public sealed class SqliteEventStoreTests : EventStoreContract
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"salespipeline-store-{Guid.NewGuid():N}.db");

    protected override async Task<EventStore> OpenAsync() =>
        await SqliteEventStore.OpenAsync(path, TestDeals.Pipelines, durability: SqliteDurability.ProcessCrash);

    protected override string Table(string name) => name;

    protected override string AppendIdLiteral(Guid id) => $"'{id:D}'";

    protected override string[] WriterArguments => ["sqlite", path];

    protected override async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    protected override async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Opening_creates_the_file_in_wal_mode_and_a_second_open_reuses_it()
    {
        Assert.True(File.Exists(path));
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM sqlite_master WHERE name = 'events'"));
        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode";
            Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        }
        Assert.Equal(SqliteDurability.ProcessCrash, ((SqliteEventStore)Store).Durability);
        await Store.SaveDealAsync(TestDeals.Open("D-1"), 0, Guid.NewGuid());
        await using var again = await SqliteEventStore.OpenAsync(path, TestDeals.Pipelines, durability: SqliteDurability.ProcessCrash);
        Assert.Equal(1, (await again.LoadDealAsync(new DealId("D-1")))!.Version);
    }

    [Fact]
    public async Task A_missing_directory_or_a_newer_schema_is_refused()
    {
        await Assert.ThrowsAsync<DirectoryNotFoundException>(() =>
            SqliteEventStore.OpenAsync(Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}", "x.db"), TestDeals.Pipelines)
        );
        await ExecuteAsync("UPDATE store_info SET value = '3' WHERE name = 'schema-version'");
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SqliteEventStore.OpenAsync(path, TestDeals.Pipelines));
        Assert.Contains("schema version \"3\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pipelines_a_store_is_opened_with_are_checked_and_kept_by_name()
    {
        var other = Path.Combine(Path.GetTempPath(), $"salespipeline-store-{Guid.NewGuid():N}.db");
        var renamed = PipelineDefinition
            .CreateBuilder("Default")
            .Stage("Only", 0.5m, ForecastCategory.Pipeline)
            .Won("Won")
            .Lost("Lost")
            .Build();

        Assert.Equal(
            "pipelines",
            (await Assert.ThrowsAsync<ArgumentNullException>(() => SqliteEventStore.OpenAsync(other, null!))).ParamName
        );
        Assert.Contains(
            "Pipeline 1 is null",
            (await Assert.ThrowsAsync<ArgumentNullException>(() => SqliteEventStore.OpenAsync(other, [TestDeals.Pipeline, null!]))).Message,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "at least one pipeline",
            (await Assert.ThrowsAsync<ArgumentException>(() => SqliteEventStore.OpenAsync(other, []))).Message,
            StringComparison.Ordinal
        );
        var twice = await Assert.ThrowsAsync<ArgumentException>(() => SqliteEventStore.OpenAsync(other, [TestDeals.Pipeline, renamed]));
        Assert.Contains("Two pipelines are named \"Default\"", twice.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(other));
        Assert.Equal(["Default", "Renewals"], Store.Pipelines.Keys.Order(StringComparer.Ordinal));
        Assert.Same(TestDeals.Renewals, Store.Pipelines["Renewals"]);
    }
}
