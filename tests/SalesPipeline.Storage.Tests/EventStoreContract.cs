using NodaTime;
using SalesPipeline.Deals;

namespace SalesPipeline.Storage.Tests;

/// <summary>
/// The contract every backend passes, run against the real engines by <see cref="SqliteEventStoreTests"/> and
/// <see cref="PostgreSqlEventStoreTests"/>. Each test gets an empty store of its own (a new file, a new schema).
/// </summary>
public abstract partial class EventStoreContract : IAsyncLifetime
{
    private EventStore? store;

    protected EventStore Store => store ?? throw new InvalidOperationException("The store is opened in InitializeAsync.");

    /// <summary>Opens a store on the test's own empty database (the same one every call).</summary>
    protected abstract Task<EventStore> OpenAsync();

    /// <summary>The table's name as SQL written against this store must say it.</summary>
    protected abstract string Table(string name);

    /// <summary>An append id as a SQL literal of the engine's type.</summary>
    protected abstract string AppendIdLiteral(Guid id);

    protected abstract Task ExecuteAsync(string sql);

    protected abstract Task<long> ScalarAsync(string sql);

    /// <summary>The arguments that make the kill-test writer open this store.</summary>
    protected abstract string[] WriterArguments { get; }

    public async Task InitializeAsync() => store = await OpenAsync();

    public virtual async Task DisposeAsync()
    {
        if (store is not null)
        {
            await store.DisposeAsync();
        }
    }

    private async Task<long> CountEventsAsync() => await ScalarAsync($"SELECT COUNT(*) FROM {Table("events")}");

    [StoreFact]
    public async Task A_new_deal_is_saved_and_loads_equal_with_its_version()
    {
        var deal = TestDeals.Pipeline.Move(TestDeals.Open("D-1"), "qualified", TestDeals.Start + Duration.FromHours(1), "alice");
        var id = Guid.NewGuid();

        var result = await Store.SaveDealAsync(deal, 0, id);

        // Two events (created, moved) into a new stream of an empty store: versions 1-2 at positions 1-2.
        Assert.Equal(new AppendResult(StreamId.ForDeal(deal.Id), id, 0, 2, 1, 2), result);
        var loaded = await Store.LoadDealAsync(deal.Id);
        Assert.NotNull(loaded);
        Assert.Equal(deal, loaded.Deal);
        Assert.Equal(2, loaded.Version);
        Assert.Equal(2, await Store.GetVersionAsync(StreamId.ForDeal(deal.Id)));
        Assert.Null(await Store.LoadDealAsync(new DealId("D-404")));
    }

    [StoreFact]
    public async Task Saving_on_from_a_loaded_version_appends_only_the_new_events()
    {
        var deal = TestDeals.Open("D-1");
        await Store.SaveDealAsync(deal, 0, Guid.NewGuid());
        var loaded = (await Store.LoadDealAsync(deal.Id))!;
        var changed = TestDeals.Pipeline.ApplyOrThrow(
            loaded.Deal,
            DealCommand.ChangeAmountTo(Money.Of(12_500m, Currency.USD), TestDeals.Start + Duration.FromDays(1), "bob")
        );
        changed = TestDeals.Pipeline.Move(changed, "qualified", TestDeals.Start + Duration.FromDays(2), "bob");

        var result = await Store.SaveDealAsync(changed, loaded.Version, Guid.NewGuid());

        Assert.Equal((1L, 3L, 2L, 3L), (result.ExpectedVersion, result.Version, result.FirstPosition, result.LastPosition));
        Assert.Equal(3, await CountEventsAsync());
        Assert.Equal(changed, (await Store.LoadDealAsync(deal.Id))!.Deal);
    }

    [StoreFact]
    public async Task A_stale_expected_version_conflicts_naming_both_versions_and_writes_nothing()
    {
        var deal = TestDeals.Open("D-1");
        await Store.SaveDealAsync(deal, 0, Guid.NewGuid());
        var first = TestDeals.ApplyRandom(deal, new Random(1));
        var second = TestDeals.ApplyRandom(deal, new Random(2));
        await Store.SaveDealAsync(first, 1, Guid.NewGuid());

        var conflict = await Assert.ThrowsAsync<StreamVersionConflictException>(() => Store.SaveDealAsync(second, 1, Guid.NewGuid()));

        Assert.Equal((StreamId.ForDeal(deal.Id), 1L, 2L), (conflict.Stream, conflict.ExpectedVersion, conflict.ActualVersion));
        Assert.Contains("deal/D-1 is at version 2, not at the expected version 1", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(2, await CountEventsAsync());
        Assert.Equal(first, (await Store.LoadDealAsync(deal.Id))!.Deal);
        Assert.Equal(DealSummary.Of(first, 2), Assert.Single(await Store.ListDealsAsync(DealQuery.All)));
    }

    [StoreFact]
    public async Task Creating_a_stream_that_exists_conflicts_with_its_version()
    {
        await Store.SaveDealAsync(TestDeals.Open("D-1"), 0, Guid.NewGuid());

        var conflict = await Assert.ThrowsAsync<StreamVersionConflictException>(() =>
            Store.SaveDealAsync(TestDeals.Open("D-1", owner: "bob"), 0, Guid.NewGuid())
        );

        Assert.Equal((0L, 1L), (conflict.ExpectedVersion, conflict.ActualVersion));
        Assert.Equal("alice", (await Store.LoadDealAsync(new DealId("D-1")))!.Deal.Owner);
    }

    [StoreFact]
    public async Task An_expected_version_ahead_of_the_stream_conflicts()
    {
        var deal = TestDeals.ApplyRandom(TestDeals.ApplyRandom(TestDeals.Open("D-1"), new Random(3)), new Random(4));

        var conflict = await Assert.ThrowsAsync<StreamVersionConflictException>(() => Store.SaveDealAsync(deal, 2, Guid.NewGuid()));

        Assert.Equal((2L, 0L), (conflict.ExpectedVersion, conflict.ActualVersion));
        Assert.Equal(0, await CountEventsAsync());
    }

    [StoreFact]
    public async Task A_retried_append_with_the_same_id_and_content_returns_the_first_result_and_writes_nothing()
    {
        var deal = TestDeals.Open("D-1");
        var id = Guid.NewGuid();
        var first = await Store.SaveDealAsync(deal, 0, id);
        // Another writer appends meanwhile: the retry still answers with what the first try committed.
        var later = TestDeals.ApplyRandom(deal, new Random(5));
        await Store.SaveDealAsync(later, 1, Guid.NewGuid());

        var retried = await Store.SaveDealAsync(deal, 0, id);

        Assert.Equal(first, retried);
        Assert.Equal(2, await CountEventsAsync());
        Assert.Equal(later, (await Store.LoadDealAsync(deal.Id))!.Deal);
    }

    [StoreFact]
    public async Task An_append_id_reused_with_other_content_is_refused_and_writes_nothing()
    {
        var deal = TestDeals.Open("D-1");
        var id = Guid.NewGuid();
        var first = await Store.SaveDealAsync(deal, 0, id);
        var other = TestDeals.ApplyRandom(deal, new Random(6));

        var sameStream = await Assert.ThrowsAsync<AppendIdConflictException>(() => Store.SaveDealAsync(other, 1, id));
        var otherStream = await Assert.ThrowsAsync<AppendIdConflictException>(() => Store.SaveDealAsync(TestDeals.Open("D-2"), 0, id));

        Assert.Equal((id, first), (sameStream.AppendId, sameStream.Committed));
        Assert.Contains(id.ToString(), sameStream.Message, StringComparison.Ordinal);
        Assert.Equal(StreamId.ForDeal(new DealId("D-2")), otherStream.Attempted);
        Assert.Equal(1, await CountEventsAsync());
        Assert.Null(await Store.LoadDealAsync(new DealId("D-2")));
    }

    [StoreFact]
    public async Task A_deal_that_does_not_continue_the_stored_stream_is_refused()
    {
        var stored = TestDeals.ApplyRandom(TestDeals.Open("D-1"), new Random(7));
        await Store.SaveDealAsync(stored, 0, Guid.NewGuid());
        // Same id and length-so-far, but another second event: version 2 differs from what is stored.
        var foreign = TestDeals.Pipeline.ApplyOrThrow(
            TestDeals.Pipeline.Move(TestDeals.Open("D-1"), "qualified", TestDeals.Start + Duration.FromHours(5), "zed"),
            DealCommand.ChangeAmountTo(Money.Of(1m, Currency.USD), TestDeals.Start + Duration.FromHours(6), "zed")
        );

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Store.SaveDealAsync(foreign, 2, Guid.NewGuid()));

        Assert.Equal("deal", error.ParamName);
        Assert.Equal(stored, (await Store.LoadDealAsync(stored.Id))!.Deal);
    }

    [StoreFact]
    public async Task Bad_arguments_are_refused_before_anything_is_written()
    {
        var deal = TestDeals.Open("D-1");

        Assert.Equal("appendId", (await Assert.ThrowsAsync<ArgumentException>(() => Store.SaveDealAsync(deal, 0, Guid.Empty))).ParamName);
        Assert.Equal(
            "expectedVersion",
            (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.SaveDealAsync(deal, 1, Guid.NewGuid()))).ParamName
        );
        Assert.Equal(
            "expectedVersion",
            (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.SaveDealAsync(deal, -1, Guid.NewGuid()))).ParamName
        );
        await Assert.ThrowsAsync<ArgumentNullException>(() => Store.SaveDealAsync(null!, 0, Guid.NewGuid()));
        Assert.Equal("id", (await Assert.ThrowsAsync<ArgumentException>(() => Store.LoadDealAsync(default))).ParamName);
        Assert.Equal(0, await CountEventsAsync());
    }

    [StoreFact]
    public async Task Load_as_of_an_instant_folds_the_events_dated_up_to_it()
    {
        var deal = TestDeals.Open("D-1");
        for (var i = 0; i < 6; i++)
        {
            deal = TestDeals.ApplyRandom(deal, new Random(10 + i));
        }
        await Store.SaveDealAsync(deal, 0, Guid.NewGuid());
        // Events are one minute apart from 09:00: at 09:03:30 the first four (created + three commands) have happened.
        var at = TestDeals.Start + Duration.FromSeconds(210);

        var asOf = await Store.LoadDealAsOfAsync(deal.Id, at);

        Assert.Equal(Deal.FromEvents(deal.History.Take(4)), asOf);
        Assert.Equal(deal.AsOf(at), asOf);
        Assert.Null(await Store.LoadDealAsOfAsync(deal.Id, TestDeals.Start - Duration.FromSeconds(1)));
        Assert.Equal(deal, await Store.LoadDealAsOfAsync(deal.Id, TestDeals.Start + Duration.FromDays(1)));
    }
}
