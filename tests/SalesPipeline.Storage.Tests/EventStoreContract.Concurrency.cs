using System.Collections.Concurrent;
using SalesPipeline.Deals;

namespace SalesPipeline.Storage.Tests;

public abstract partial class EventStoreContract
{
    private const int Writers = 8;
    private const int CommandsPerWriter = 1_000;
    private const int DealCount = 100;

    [StoreFact]
    public async Task Eight_writers_issuing_a_thousand_commands_each_on_a_hundred_deals_lose_no_update()
    {
        for (var i = 0; i < DealCount; i++)
        {
            await Store.SaveDealAsync(TestDeals.Open($"D-{i:000}"), 0, Guid.NewGuid());
        }
        var committed = new ConcurrentBag<AppendResult>();
        var conflicts = 0;

        // The first command of every writer is on the same deal, saved only once all have loaded it: at least seven of
        // the eight saves race, however the scheduler runs the writers (a quiet machine may otherwise serialize them).
        var loadedFirst = 0;
        var allLoaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Each writer: load a random deal, apply a random accepted command, save at the loaded version; on a conflict,
        // load again and decide again. Every attempt either commits or conflicts; every command ends committed.
        var writers = Enumerable
            .Range(0, Writers)
            .Select(w =>
                Task.Run(async () =>
                {
                    var random = new Random(1_000 + w);
                    for (var c = 0; c < CommandsPerWriter; c++)
                    {
                        var id = new DealId($"D-{(c == 0 ? 0 : random.Next(DealCount)):000}");
                        var first = c == 0;
                        while (true)
                        {
                            var stored = (await Store.LoadDealAsync(id))!;
                            var next = TestDeals.ApplyRandom(stored.Deal, random);
                            if (first)
                            {
                                first = false;
                                if (Interlocked.Increment(ref loadedFirst) == Writers)
                                {
                                    allLoaded.SetResult();
                                }
                                await allLoaded.Task;
                            }
                            try
                            {
                                committed.Add(await Store.SaveDealAsync(next, stored.Version, Guid.NewGuid()));
                                break;
                            }
                            catch (StreamVersionConflictException conflict)
                            {
                                Assert.Equal(stored.Version, conflict.ExpectedVersion);
                                Assert.True(conflict.ActualVersion > stored.Version);
                                Interlocked.Increment(ref conflicts);
                            }
                        }
                    }
                })
            )
            .ToArray();
        await Task.WhenAll(writers);

        // No update lost and none doubled: the committed appends cover versions 2..N of every deal exactly once.
        Assert.Equal(Writers * CommandsPerWriter, committed.Count);
        Assert.All(committed, r => Assert.Equal(1, r.Count));
        foreach (var stream in committed.GroupBy(r => r.Stream))
        {
            Assert.Equal(Enumerable.Range(2, stream.Count()).Select(v => (long)v), stream.Select(r => r.Version).Order());
        }
        Assert.Equal(DealCount + (Writers * CommandsPerWriter), await CountEventsAsync());
        Assert.Equal(
            Enumerable.Range(DealCount + 1, Writers * CommandsPerWriter).Select(p => (long)p),
            committed.Select(r => r.FirstPosition).Order()
        );
        // Each stored deal equals the replay of its events, and its current-state row matches.
        var replayed = await ReplayAllAsync();
        var rows = await Store.ListDealsAsync(DealQuery.All);
        Assert.Equal(DealCount, rows.Count);
        foreach (var row in rows)
        {
            var loaded = (await Store.LoadDealAsync(row.Id))!;
            Assert.Equal(replayed[row.Id.Value], loaded.Deal);
            Assert.Equal(DealSummary.Of(loaded.Deal, loaded.Version), row);
            Assert.Equal(1 + committed.Count(r => r.Stream.Key == row.Id.Value), loaded.Version);
        }
        Assert.True(conflicts > 0, "With eight writers on a hundred deals some saves must have raced; none did, so the test did not test.");
    }
}
