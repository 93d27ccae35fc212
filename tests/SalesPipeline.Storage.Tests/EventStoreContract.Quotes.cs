using NodaTime;
using SalesPipeline.Organization;
using SalesPipeline.Quotes;

namespace SalesPipeline.Storage.Tests;

// Quote streams: kind "quote", keyed by the quote id, appended like lead streams (expected version, append id) and
// loaded with Quote.FromEvents.
public abstract partial class EventStoreContract
{
    private static readonly SalesOrg QuoteOrg = SalesOrg
        .CreateBuilder("Acme")
        .Team("sales", "Sales", lead: "maria")
        .Rep("maria", "Maria", "sales")
        .Rep("alice", "Alice", "sales")
        .Build();

    private static readonly ApprovalPolicy QuotePolicy = new([ApprovalRule.LineDiscountAbove(10m, Approver.Manager)]);

    private static Money Usd(decimal amount) => Money.Of(amount, Currency.USD);

    // 100 seats at 480.00, 12% off (needs the manager), in Paris's calendar; created on the store's test day.
    private static Quote NewQuote(string id = "Q-17", decimal percentOff = 12m) =>
        Quote.Create(
            id,
            new DealId("D-1"),
            "alice",
            new LocalDate(2026, 3, 31),
            [new QuoteLine("seat", 100m, Usd(480.00m), Usd(480.00m), Usd(380.00m), Discount.Percentage(percentOff))],
            TestDeals.Start,
            "alice",
            zone: DateTimeZoneProviders.Tzdb["Europe/Paris"]
        );

    private static Instant Later(int hours) => TestDeals.Start + Duration.FromHours(hours);

    // Submitted (maria must approve), approved with a comment, sent: four events.
    private static Quote SentQuote(Quote quote) =>
        quote
            .Submit(QuotePolicy, QuoteOrg, Later(1), "alice")
            .Approve(QuoteOrg, Later(2), "maria", "Fine for 100 seats.")
            .Send(Later(3), "alice");

    private static void AssertSameQuote(Quote expected, StoredQuote? loaded, long version)
    {
        Assert.NotNull(loaded);
        Assert.Equal(version, loaded.Version);
        Assert.Equal(expected.Events, loaded.Quote.Events);
        Assert.Equal((expected.Status, expected.Version, expected.Total), (loaded.Quote.Status, loaded.Quote.Version, loaded.Quote.Total));
        Assert.Equal(expected.Zone, loaded.Quote.Zone);
    }

    [StoreFact]
    public async Task A_quote_is_saved_in_steps_and_loads_equal_with_its_version()
    {
        var created = NewQuote();
        var id = Guid.NewGuid();

        var first = await Store.SaveQuoteAsync(created, 0, id);
        var sent = SentQuote(created);
        var second = await Store.SaveQuoteAsync(sent, first.Version, Guid.NewGuid());

        // One event into a new stream of an empty store, then three more: versions 2-4 at positions 2-4.
        Assert.Equal(new AppendResult(StreamId.ForQuote("Q-17"), id, 0, 1, 1, 1), first);
        Assert.Equal((1L, 4L, 2L, 4L), (second.ExpectedVersion, second.Version, second.FirstPosition, second.LastPosition));
        AssertSameQuote(sent, await Store.LoadQuoteAsync("Q-17"), 4);
        Assert.Equal(QuoteStatus.Sent, (await Store.LoadQuoteAsync("Q-17"))!.Quote.Status);
        Assert.Equal(4, await Store.GetVersionAsync(StreamId.ForQuote("Q-17")));
        Assert.Null(await Store.LoadQuoteAsync("Q-404"));
        // Stored as text "quote" (docs/storing-deals.md), one row per event, with its type copied for SQL users.
        Assert.Equal(4, await ScalarAsync($"SELECT COUNT(*) FROM {Table("events")} WHERE stream_kind = 'quote' AND stream_key = 'Q-17'"));
        Assert.Equal(
            1,
            await ScalarAsync($"SELECT COUNT(*) FROM {Table("events")} WHERE stream_kind = 'quote' AND type = 'QuoteApproved'")
        );
    }

    [StoreFact]
    public async Task Quote_appends_follow_the_version_and_append_id_rules_of_every_stream()
    {
        var created = NewQuote();
        var id = Guid.NewGuid();
        var first = await Store.SaveQuoteAsync(created, 0, id);
        var sent = SentQuote(created);

        // The same append again: nothing written, the first result returned.
        Assert.Equal(first, await Store.SaveQuoteAsync(created, 0, id));
        // Stale: the stream is at 1, not 0.
        var stale = await Assert.ThrowsAsync<StreamVersionConflictException>(() => Store.SaveQuoteAsync(sent, 0, Guid.NewGuid()));
        Assert.Equal((StreamId.ForQuote("Q-17"), 0L, 1L), (stale.Stream, stale.ExpectedVersion, stale.ActualVersion));
        // The append id was committed with other content (one event of Q-17), now used for three more.
        var reused = await Assert.ThrowsAsync<AppendIdConflictException>(() => Store.SaveQuoteAsync(sent, 1, id));
        Assert.Equal((id, first), (reused.AppendId, reused.Committed));
        // Another quote Q-17 whose first event differs (11% off): it does not continue the stored stream.
        var foreign = SentQuote(NewQuote(percentOff: 11m));
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Store.SaveQuoteAsync(foreign, 1, Guid.NewGuid()));
        Assert.Equal("quote", error.ParamName);
        Assert.Equal(1, await CountEventsAsync());
        Assert.Equal(
            "expectedVersion",
            (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.SaveQuoteAsync(created, 1, Guid.NewGuid()))).ParamName
        );
        Assert.Equal(
            "quote",
            (await Assert.ThrowsAsync<ArgumentNullException>(() => Store.SaveQuoteAsync(null!, 0, Guid.NewGuid()))).ParamName
        );
        Assert.Equal(
            "appendId",
            (await Assert.ThrowsAsync<ArgumentException>(() => Store.SaveQuoteAsync(created, 0, Guid.Empty))).ParamName
        );
        Assert.Equal("quoteId", (await Assert.ThrowsAsync<ArgumentException>(() => Store.LoadQuoteAsync(" "))).ParamName);
    }

    [StoreFact]
    public async Task Quote_events_are_read_in_commit_order_with_the_other_streams()
    {
        await Store.SaveDealAsync(TestDeals.Open("D-1"), 0, Guid.NewGuid());
        var sent = SentQuote(NewQuote());
        await Store.SaveQuoteAsync(sent, 0, Guid.NewGuid());

        var records = await Store.ReadAllAsync().CollectAsync();

        Assert.Equal(5, records.Count);
        Assert.All(records.Skip(1), r => Assert.Equal(StreamId.ForQuote("Q-17"), r.Stream));
        Assert.Equal(sent.Events, records.Skip(1).Select(r => (QuoteEvent)r.Data));
        Assert.Equal(["QuoteCreated", "QuoteSubmitted", "QuoteApproved", "QuoteSent"], records.Skip(1).Select(r => r.Type));
        Assert.Equal("quote/Q-17", records[1].Stream.ToString());
    }

    // A quote row written behind the store's back, as version 2 of Q-17.
    private async Task InsertForeignQuoteRowAsync(string type, string data)
    {
        await Store.SaveQuoteAsync(NewQuote(), 0, Guid.NewGuid());
        await ExecuteAsync(
            $"""
            UPDATE {Table("positions")} SET last_position = last_position + 1;
            INSERT INTO {Table("events")} (position, stream_kind, stream_key, version, append_id, type, data)
            SELECT last_position, 'quote', 'Q-17', 2, {AppendIdLiteral(Guid.NewGuid())}, '{type}', '{data}' FROM {Table("positions")};
            UPDATE {Table("streams")} SET version = 2 WHERE stream_kind = 'quote' AND stream_key = 'Q-17';
            """
        );
    }

    [StoreFact]
    public async Task A_quote_row_that_does_not_read_or_fold_is_reported_with_its_stream_and_version()
    {
        // Sent before it was approved: every event reads, but the history is not one the commands could make.
        await InsertForeignQuoteRowAsync(
            "QuoteSent",
            """{"type":"QuoteSent","version":1,"quoteId":"Q-17","at":"2026-03-03T09:00:00Z","by":"alice"}"""
        );

        var error = await Assert.ThrowsAsync<StoredEventException>(() => Store.LoadQuoteAsync("Q-17"));

        Assert.Equal((StreamId.ForQuote("Q-17"), 2L), (error.Stream, error.Version));
        Assert.Contains("the events do not form a quote's history", error.Message, StringComparison.Ordinal);
        Assert.IsType<ArgumentException>(error.InnerException);
    }

    [StoreFact]
    public async Task A_quote_row_of_another_quote_or_bad_json_is_reported_never_skipped()
    {
        await InsertForeignQuoteRowAsync(
            "QuoteSent",
            """{"type":"QuoteSent","version":1,"quoteId":"Q-18","at":"2026-03-03T09:00:00Z","by":"alice"}"""
        );
        var other = await Assert.ThrowsAsync<StoredEventException>(() => Store.LoadQuoteAsync("Q-17"));
        Assert.Contains("belongs to quote \"Q-18\"", other.Message, StringComparison.Ordinal);

        await ExecuteAsync(
            $"UPDATE {Table("events")} SET data = '{{\"type\":\"QuoteSent\",\"version\":1,\"quoteId\":\"Q-17\",\"at\":\"yesterday\",\"by\":\"alice\"}}' WHERE stream_kind = 'quote' AND version = 2"
        );
        var bad = await Assert.ThrowsAsync<StoredEventException>(() => Store.LoadQuoteAsync("Q-17"));
        Assert.Equal(2L, bad.Version);
        Assert.Contains("$.at", bad.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<StoredEventException>(async () => await Store.ReadAllAsync().CollectAsync());
    }
}
