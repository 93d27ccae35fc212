using NodaTime;
using SalesPipeline.Deals;

namespace SalesPipeline.Storage.Tests;

public abstract partial class EventStoreContract
{
    // A new deal and up to two more events: a move to Qualified, then a new amount.
    private static Deal Moved(string id, int changes)
    {
        var deal = TestDeals.Open(id);
        if (changes >= 1)
        {
            deal = TestDeals.Pipeline.Move(deal, "qualified", TestDeals.Start + Duration.FromHours(1), "alice");
        }
        if (changes >= 2)
        {
            deal = TestDeals.Pipeline.ApplyOrThrow(
                deal,
                DealCommand.ChangeAmountTo(Money.Of(12_000m, Currency.USD), TestDeals.Start + Duration.FromHours(2), "alice")
            );
        }
        return deal;
    }

    [StoreFact]
    public async Task A_batch_of_deals_commits_together_each_with_its_own_contiguous_positions()
    {
        Deal[] deals = [Moved("D-1", 1), Moved("D-2", 0), Moved("D-3", 2)];
        var ids = deals.Select(_ => Guid.NewGuid()).ToArray();

        var results = await Store.SaveDealsAsync(deals.Select((d, i) => new DealAppend(d, 0, ids[i])).ToList());

        // 2 + 1 + 3 events, positions in the order given: 1-2, 3, 4-6.
        Assert.Equal(
            [
                new AppendResult(StreamId.ForDeal(new DealId("D-1")), ids[0], 0, 2, 1, 2),
                new AppendResult(StreamId.ForDeal(new DealId("D-2")), ids[1], 0, 1, 3, 3),
                new AppendResult(StreamId.ForDeal(new DealId("D-3")), ids[2], 0, 3, 4, 6),
            ],
            results
        );
        foreach (var deal in deals)
        {
            Assert.Equal(deal, (await Store.LoadDealAsync(deal.Id))!.Deal);
        }
        Assert.Equal(deals.Select(d => DealSummary.Of(d, d.History.Count)), await Store.ListDealsAsync(DealQuery.All));
    }

    [StoreFact]
    public async Task A_batch_continues_stored_streams_and_starts_new_ones()
    {
        await Store.SaveDealAsync(Moved("D-1", 0), 0, Guid.NewGuid());

        var results = await Store.SaveDealsAsync([
            new DealAppend(Moved("D-1", 2), 1, Guid.NewGuid()),
            new DealAppend(Moved("D-2", 0), 0, Guid.NewGuid()),
        ]);

        // D-1 gets versions 2-3 at positions 2-3, D-2 version 1 at position 4.
        Assert.Equal(
            [(1L, 3L, 2L, 3L), (0L, 1L, 4L, 4L)],
            results.Select(r => (r.ExpectedVersion, r.Version, r.FirstPosition, r.LastPosition))
        );
        Assert.Equal(Moved("D-1", 2), (await Store.LoadDealAsync(new DealId("D-1")))!.Deal);
    }

    [StoreFact]
    public async Task A_batch_with_one_stale_stream_writes_nothing_and_names_that_stream()
    {
        await Store.SaveDealAsync(Moved("D-2", 0), 0, Guid.NewGuid());

        var error = await Assert.ThrowsAsync<StreamVersionConflictException>(() =>
            Store.SaveDealsAsync([
                new DealAppend(Moved("D-1", 1), 0, Guid.NewGuid()),
                new DealAppend(Moved("D-2", 1), 0, Guid.NewGuid()),
                new DealAppend(Moved("D-3", 1), 0, Guid.NewGuid()),
            ])
        );

        Assert.Equal((StreamId.ForDeal(new DealId("D-2")), 0L, 1L), (error.Stream, error.ExpectedVersion, error.ActualVersion));
        Assert.Equal(1, await CountEventsAsync());
        Assert.Null(await Store.LoadDealAsync(new DealId("D-1")));
        Assert.Equal(1, await Store.GetVersionAsync(StreamId.ForDeal(new DealId("D-2"))));
    }

    [StoreFact]
    public async Task A_retried_batch_writes_nothing_and_returns_what_the_first_try_wrote()
    {
        List<DealAppend> batch = [new(Moved("D-1", 1), 0, Guid.NewGuid()), new(Moved("D-2", 2), 0, Guid.NewGuid())];
        var first = await Store.SaveDealsAsync(batch);

        var again = await Store.SaveDealsAsync(batch);

        Assert.Equal(first, again);
        Assert.Equal(5, await CountEventsAsync());
    }

    [StoreFact]
    public async Task A_batch_that_holds_an_append_committed_alone_before_writes_only_the_others()
    {
        var alone = new DealAppend(Moved("D-1", 1), 0, Guid.NewGuid());
        var committed = await Store.SaveDealAsync(alone.Deal, 0, alone.AppendId);

        var results = await Store.SaveDealsAsync([alone, new DealAppend(Moved("D-2", 0), 0, Guid.NewGuid())]);

        Assert.Equal(committed, results[0]);
        Assert.Equal((3L, 3L), (results[1].FirstPosition, results[1].LastPosition));
        Assert.Equal(3, await CountEventsAsync());
    }

    [StoreFact]
    public async Task A_batch_whose_append_id_was_committed_with_other_content_writes_nothing()
    {
        var id = Guid.NewGuid();
        await Store.SaveDealAsync(Moved("D-1", 0), 0, id);

        var error = await Assert.ThrowsAsync<AppendIdConflictException>(() =>
            Store.SaveDealsAsync([new DealAppend(Moved("D-2", 0), 0, Guid.NewGuid()), new DealAppend(Moved("D-3", 0), 0, id)])
        );

        Assert.Equal(id, error.AppendId);
        Assert.Equal(1, await CountEventsAsync());
    }

    [StoreFact]
    public async Task A_bad_batch_is_refused_naming_the_append_and_writes_nothing()
    {
        var id = Guid.NewGuid();
        var d1 = new DealAppend(Moved("D-1", 1), 0, Guid.NewGuid());

        Assert.Equal("appends", (await Assert.ThrowsAsync<ArgumentNullException>(() => Store.SaveDealsAsync(null!))).ParamName);
        var empty = await Assert.ThrowsAsync<ArgumentException>(() => Store.SaveDealsAsync([]));
        Assert.Contains("empty", empty.Message, StringComparison.Ordinal);
        var nullDeal = await Assert.ThrowsAsync<ArgumentNullException>(() => Store.SaveDealsAsync([d1, new DealAppend(null!, 0, id)]));
        Assert.Contains("append 1", nullDeal.Message, StringComparison.Ordinal);
        var twice = await Assert.ThrowsAsync<ArgumentException>(() => Store.SaveDealsAsync([d1, d1 with { AppendId = id }]));
        Assert.Contains("Append 1: deal D-1 is appended to twice", twice.Message, StringComparison.Ordinal);
        var sameId = await Assert.ThrowsAsync<ArgumentException>(() =>
            Store.SaveDealsAsync([d1 with { AppendId = id }, new DealAppend(Moved("D-2", 0), 0, id)])
        );
        Assert.Contains($"Append 1 (deal D-2): append id {id} is used twice", sameId.Message, StringComparison.Ordinal);
        var version = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            Store.SaveDealsAsync([d1, d1 with { ExpectedVersion = 2 }])
        );
        Assert.Equal(("appends", (object)2L), (version.ParamName, version.ActualValue));
        Assert.Contains("Append 1 (deal D-1)", version.Message, StringComparison.Ordinal);
        var emptyId = await Assert.ThrowsAsync<ArgumentException>(() => Store.SaveDealsAsync([d1 with { AppendId = Guid.Empty }]));
        Assert.Contains("Guid.Empty", emptyId.Message, StringComparison.Ordinal);
        Assert.Equal(0, await CountEventsAsync());
    }

    [StoreFact]
    public async Task A_batch_larger_than_one_statement_keeps_every_event_in_order()
    {
        // 1,201 deals of 3 events: 3,603 event rows, more than one statement on both engines (SQLite 16 rows, PostgreSQL 500).
        var deals = Enumerable.Range(0, 1_201).Select(i => Moved($"B-{i:0000}", 2)).ToArray();

        var results = await Store.SaveDealsAsync(deals.Select(d => new DealAppend(d, 0, Guid.NewGuid())).ToList());

        Assert.Equal(Enumerable.Range(0, 1_201).Select(i => (3L * i) + 1), results.Select(r => r.FirstPosition));
        var loaded = await Store.LoadDealsAsync(DealQuery.All).CollectAsync();
        Assert.Equal(deals, loaded.Select(s => s.Deal));
        Assert.Equal(Enumerable.Range(1, 3_603).Select(p => (long)p), (await Store.ReadAllAsync().CollectAsync()).Select(e => e.Position));
    }

    [StoreFact]
    public async Task A_conflict_after_a_claimed_stream_rolls_that_claim_back()
    {
        await Store.SaveDealsAsync([
            new DealAppend(Moved("D-1", 0), 0, Guid.NewGuid()),
            new DealAppend(Moved("D-2", 0), 0, Guid.NewGuid()),
        ]);

        // D-1 continues at version 1 (its claim succeeds first, in key order); D-2 claims to be new, which it is not.
        var error = await Assert.ThrowsAsync<StreamVersionConflictException>(() =>
            Store.SaveDealsAsync([new DealAppend(Moved("D-2", 1), 0, Guid.NewGuid()), new DealAppend(Moved("D-1", 2), 1, Guid.NewGuid())])
        );

        Assert.Equal(StreamId.ForDeal(new DealId("D-2")), error.Stream);
        Assert.Equal(1, await Store.GetVersionAsync(StreamId.ForDeal(new DealId("D-1"))));
        Assert.Equal(2, await CountEventsAsync());
    }

    [StoreFact]
    public async Task A_batch_whose_deal_does_not_continue_its_stored_stream_writes_nothing()
    {
        await Store.SaveDealAsync(Moved("D-1", 1), 0, Guid.NewGuid());
        // Another D-1: moved to Qualified an hour later, so its record at version 2 is not the stored one.
        var other = TestDeals.Pipeline.Move(TestDeals.Open("D-1"), "qualified", TestDeals.Start + Duration.FromHours(2), "alice");
        var changed = TestDeals.Pipeline.ApplyOrThrow(
            other,
            DealCommand.ChangeAmountTo(Money.Of(5m, Currency.USD), TestDeals.Start + Duration.FromHours(3), "alice")
        );

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            Store.SaveDealsAsync([new DealAppend(Moved("D-2", 0), 0, Guid.NewGuid()), new DealAppend(changed, 2, Guid.NewGuid())])
        );

        Assert.Equal("appends", error.ParamName);
        Assert.Contains("deal/D-1", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, await CountEventsAsync());
        Assert.Null(await Store.LoadDealAsync(new DealId("D-2")));
    }

    [StoreFact]
    public async Task Two_batches_over_the_same_deals_in_opposite_orders_never_deadlock_one_commits_and_one_conflicts()
    {
        for (var round = 0; round < 15; round++)
        {
            string x = $"X-{round:00}",
                y = $"Y-{round:00}",
                n = $"N-{round:00}",
                m = $"M-{round:00}";
            await Store.SaveDealsAsync([new DealAppend(Moved(x, 0), 0, Guid.NewGuid()), new DealAppend(Moved(y, 0), 0, Guid.NewGuid())]);
            // Both continue X and Y and start N and M, in opposite orders.
            List<DealAppend> forward =
            [
                new(Moved(x, 1), 1, Guid.NewGuid()),
                new(Moved(y, 1), 1, Guid.NewGuid()),
                new(Moved(n, 0), 0, Guid.NewGuid()),
                new(Moved(m, 0), 0, Guid.NewGuid()),
            ];
            List<DealAppend> backward = [.. Enumerable.Reverse(forward).Select(a => a with { AppendId = Guid.NewGuid() })];

            var tries = await Task.WhenAll(
                Task.Run(async () => await Capture(() => Store.SaveDealsAsync(forward))),
                Task.Run(async () => await Capture(() => Store.SaveDealsAsync(backward)))
            );

            Assert.Single(tries, t => t is null);
            Assert.IsType<StreamVersionConflictException>(Assert.Single(tries, t => t is not null));
            Assert.Equal(2, await Store.GetVersionAsync(StreamId.ForDeal(new DealId(x))));
        }

        static async Task<Exception?> Capture(Func<Task> save)
        {
            try
            {
                await save();
                return null;
            }
            catch (Exception e)
            {
                return e;
            }
        }
    }
}
