using System.Globalization;
using Npgsql;
using SalesPipeline.Storage.PostgreSql;

namespace SalesPipeline.Storage.Tests;

/// <summary>
/// The contract on PostgreSQL: a new schema for every test in the server SALESPIPELINE_POSTGRES names (.ci/run starts
/// one with eng/postgres.sh), dropped afterwards.
/// </summary>
public sealed class PostgreSqlEventStoreTests : EventStoreContract
{
    private readonly string schema = $"t_{Guid.NewGuid():N}";

    private static string ConnectionString => PostgreSqlServer.RequireConnectionString();

    protected override async Task<EventStore> OpenAsync() =>
        await PostgreSqlEventStore.OpenAsync(ConnectionString, TestDeals.Pipelines, schema);

    protected override string Table(string name) => $"\"{schema}\".{name}";

    protected override string AppendIdLiteral(Guid id) => $"'{id:D}'::uuid";

    protected override string[] WriterArguments => ["postgres", ConnectionString, schema];

    protected override async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    protected override async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (PostgreSqlServer.ConnectionString is not null)
        {
            await ExecuteAsync($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE");
        }
    }

    [StoreFact]
    public async Task A_schema_name_outside_the_rule_is_refused()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            PostgreSqlEventStore.OpenAsync(ConnectionString, TestDeals.Pipelines, "Sales; DROP")
        );
        Assert.Equal("schema", error.ParamName);
        Assert.Contains("\"Sales; DROP\"", error.Message, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task Positions_follow_commit_order_when_a_transaction_that_started_first_commits_last()
    {
        // A competing transaction takes the counter's lock the way an append does and holds it: an append started
        // meanwhile waits, and gets the next position only after the competitor has committed its own.
        await using var competitor = new NpgsqlConnection(ConnectionString);
        await competitor.OpenAsync();
        await using var transaction = await competitor.BeginTransactionAsync();
        await using (
            var take = new NpgsqlCommand(
                $"UPDATE \"{schema}\".positions SET last_position = last_position + 1 RETURNING last_position",
                competitor,
                transaction
            )
        )
        {
            Assert.Equal(1L, await take.ExecuteScalarAsync());
        }
        var append = Store.SaveDealAsync(TestDeals.Open("D-1"), 0, Guid.NewGuid());
        await Task.Delay(300);
        Assert.False(append.IsCompleted);
        await transaction.CommitAsync();

        // Position 1 went to the competitor, which committed first; the append that began earlier got 2.
        Assert.Equal(2, (await append).FirstPosition);
    }
}
