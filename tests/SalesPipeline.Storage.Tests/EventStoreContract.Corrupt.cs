using SalesPipeline.Deals;

namespace SalesPipeline.Storage.Tests;

public abstract partial class EventStoreContract
{
    // A row written behind the store's back, as a foreign writer or a damaged file would: version 2 of deal D-1, at the
    // next position.
    private async Task<long> InsertForeignRowAsync(string type, string data)
    {
        await Store.SaveDealAsync(TestDeals.Open("D-1"), 0, Guid.NewGuid());
        await ExecuteAsync(
            $"""
            UPDATE {Table("positions")} SET last_position = last_position + 1;
            INSERT INTO {Table("events")} (position, stream_kind, stream_key, version, append_id, type, data)
            SELECT last_position, 'deal', 'D-1', 2, {AppendIdLiteral(Guid.NewGuid())}, '{type}', '{data}' FROM {Table("positions")};
            UPDATE {Table("streams")} SET version = 2 WHERE stream_key = 'D-1';
            """
        );
        return 2;
    }

    private static void AssertNamesTheRow(StoredEventException error)
    {
        Assert.Equal((StreamId.ForDeal(new DealId("D-1")), 2L, (long?)2), (error.Stream, error.Version, error.Position));
        Assert.Contains("stream deal/D-1 at version 2 (position 2)", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.InnerException);
    }

    [StoreFact]
    public async Task A_row_of_bad_json_is_reported_with_its_stream_version_and_position()
    {
        await InsertForeignRowAsync("AmountChanged", "{\"type\": \"AmountChanged\", \"version\": 1, \"dealId\": ");

        AssertNamesTheRow(await Assert.ThrowsAsync<StoredEventException>(() => Store.LoadDealAsync(new DealId("D-1"))));
        AssertNamesTheRow(await Assert.ThrowsAsync<StoredEventException>(async () => await Store.ReadAllAsync().CollectAsync()));
        AssertNamesTheRow(
            await Assert.ThrowsAsync<StoredEventException>(async () => await Store.LoadDealsAsync(DealQuery.All).CollectAsync())
        );
    }

    [StoreFact]
    public async Task A_row_of_an_unknown_type_is_reported_with_its_stream_version_and_position_never_skipped()
    {
        await InsertForeignRowAsync("DealTeleported", "{\"type\": \"DealTeleported\", \"version\": 1}");

        var error = await Assert.ThrowsAsync<StoredEventException>(() => Store.LoadDealAsync(new DealId("D-1")));

        AssertNamesTheRow(error);
        Assert.Contains("DealTeleported", error.Message, StringComparison.Ordinal);
        // The rows before it still read; the bad one stops the read where it is.
        var seen = new List<long>();
        await Assert.ThrowsAsync<StoredEventException>(async () =>
        {
            await foreach (var e in Store.ReadAllAsync(batchSize: 1))
            {
                seen.Add(e.Position);
            }
        });
        Assert.Equal([1L], seen);
    }
}
