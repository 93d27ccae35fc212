using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Organization;

namespace SalesPipeline.Storage.Tests;

public abstract partial class EventStoreContract
{
    // Six deals whose attributes are set by hand, so every query's answer below is read off this table:
    //   D-1 alice open  close 06-05 | D-2 bob   open close 06-20 | D-3 carol won  close 06-10
    //   D-4 alice lost  close 06-25 | D-5 dave  open close 06-15 | D-6 alice open close 06-28, pipeline "Renewals"
    private async Task<Deal[]> SaveSixDealsAsync()
    {
        var at = TestDeals.Start + Duration.FromHours(1);
        Deal[] deals =
        [
            TestDeals.Open("D-1", "alice", closeDay: 5),
            TestDeals.Open("D-2", "bob", closeDay: 20),
            TestDeals.Won(TestDeals.Open("D-3", "carol", closeDay: 10), at),
            TestDeals.Pipeline.Lose(TestDeals.Open("D-4", "alice", closeDay: 25), LossReason.Price, at, "alice"),
            TestDeals.Open("D-5", "dave", closeDay: 15),
            Deal.Open(
                TestDeals.Renewals,
                new DealId("D-6"),
                "Deal D-6",
                "alice",
                Money.Of(5_000m, Currency.EUR),
                new LocalDate(2026, 6, 28),
                TestDeals.Start
            ),
        ];
        foreach (var deal in deals)
        {
            await Store.SaveDealAsync(deal, 0, Guid.NewGuid());
        }
        return deals;
    }

    private async Task<string> ListedIdsAsync(DealQuery query) =>
        string.Join(",", (await Store.ListDealsAsync(query)).Select(r => r.Id.Value));

    [StoreFact]
    public async Task Deals_are_listed_by_pipeline_owner_team_status_and_expected_close()
    {
        var deals = await SaveSixDealsAsync();
        var org = SalesOrg
            .CreateBuilder("Acme")
            .Team("emea", "EMEA")
            .Team("uk", "UK", parent: "emea")
            .Team("us", "US")
            .Rep("alice", "Alice", "emea")
            .Rep("carol", "Carol", "uk")
            .Rep("bob", "Bob", "us")
            .Rep("dave", "Dave", "us")
            .Build();

        Assert.Equal("D-1,D-2,D-3,D-4,D-5,D-6", await ListedIdsAsync(DealQuery.All));
        Assert.Equal("D-6", await ListedIdsAsync(DealQuery.All with { Pipeline = "Renewals" }));
        Assert.Equal("D-1,D-4,D-6", await ListedIdsAsync(DealQuery.ForOwner("alice")));
        Assert.Equal("D-1,D-3,D-4,D-6", await ListedIdsAsync(DealQuery.ForTeam(org, "emea")));
        Assert.Equal("D-1,D-4,D-6", await ListedIdsAsync(DealQuery.ForTeam(org, "emea", includeSubteams: false)));
        Assert.Equal("D-3", await ListedIdsAsync(DealQuery.ForTeam(org, "uk")));
        Assert.Equal("D-1,D-6", await ListedIdsAsync(DealQuery.ForTeam(org, "emea") with { Status = DealStatus.Open }));
        Assert.Equal("D-4", await ListedIdsAsync(DealQuery.All with { Status = DealStatus.Lost }));
        // 06-10 to 06-20, both ends inclusive: D-2 (20th), D-3 (10th), D-5 (15th).
        var june = new DateInterval(new LocalDate(2026, 6, 10), new LocalDate(2026, 6, 20));
        Assert.Equal("D-2,D-3,D-5", await ListedIdsAsync(DealQuery.All with { ExpectedClose = june }));
        Assert.Equal("", await ListedIdsAsync(DealQuery.All with { Owners = [] }));
        // The rows are the deals' summaries; the query's own rule agrees with the SQL.
        Assert.Equal(deals.Select(d => DealSummary.Of(d, d.History.Count)), await Store.ListDealsAsync(DealQuery.All));
        Assert.Equal(
            deals
                .Select(d => DealSummary.Of(d, d.History.Count))
                .Where((DealQuery.ForTeam(org, "emea") with { ExpectedClose = june }).Matches),
            await Store.ListDealsAsync(DealQuery.ForTeam(org, "emea") with { ExpectedClose = june })
        );
        var loaded = await Store.LoadDealsAsync(DealQuery.ForOwner("alice")).CollectAsync();
        Assert.Equal([deals[0], deals[3], deals[5]], loaded.Select(s => s.Deal));
    }

    [StoreFact]
    public async Task The_current_state_row_of_every_deal_equals_the_replay_of_its_events()
    {
        var random = new Random(20261204);
        var deals = Enumerable.Range(1, 20).Select(i => TestDeals.Open($"D-{i:00}", closeDay: 1 + (i % 28))).ToArray();
        var versions = new long[deals.Length];
        for (var step = 0; step < 200; step++)
        {
            var k = random.Next(deals.Length);
            var next = deals[k];
            for (var n = random.Next(1, 4); n > 0; n--)
            {
                next = TestDeals.ApplyRandom(next, random);
            }
            versions[k] = (await Store.SaveDealAsync(next, versions[k], Guid.NewGuid())).Version;
            deals[k] = next;
        }

        var rows = await Store.ListDealsAsync(DealQuery.All);
        var replayed = await ReplayAllAsync();

        Assert.Equal(deals.Length, rows.Count);
        foreach (var row in rows)
        {
            var deal = replayed[row.Id.Value];
            Assert.Equal(DealSummary.Of(deal, deal.History.Count), row);
        }
        Assert.Equal(deals.OrderBy(d => d.Id.Value, StringComparer.Ordinal), replayed.Values);
    }

    // Every deal rebuilt from ReadAllAsync alone: a second way to the state, independent of LoadDealAsync and of the rows.
    private async Task<SortedDictionary<string, Deal>> ReplayAllAsync()
    {
        var events = new Dictionary<string, List<DealEvent>>();
        await foreach (var e in Store.ReadAllAsync(batchSize: 97))
        {
            if (e.Data is DealEvent de)
            {
                if (!events.TryGetValue(e.Stream.Key, out var list))
                {
                    events[e.Stream.Key] = list = [];
                }
                Assert.Equal(list.Count + 1, e.Version);
                list.Add(de);
            }
        }
        return new SortedDictionary<string, Deal>(events.ToDictionary(p => p.Key, p => Deal.FromEvents(p.Value)), StringComparer.Ordinal);
    }

    [StoreFact]
    public async Task Read_all_returns_every_record_in_commit_order_with_contiguous_positions_and_resumes_after_a_position()
    {
        var a = TestDeals.ApplyRandom(TestDeals.Open("D-A"), new Random(1));
        var b = TestDeals.Open("D-B");
        var results = new List<AppendResult>
        {
            await Store.SaveDealAsync(a, 0, Guid.NewGuid()),
            await Store.SaveDealAsync(b, 0, Guid.NewGuid()),
        };
        var a2 = TestDeals.ApplyRandom(TestDeals.ApplyRandom(a, new Random(2)), new Random(3));
        results.Add(await Store.SaveDealAsync(a2, 2, Guid.NewGuid()));

        // Commit order: D-A v1-2 (positions 1-2), D-B v1 (3), D-A v3-4 (4-5). Batches of 2 make three round trips.
        var all = await Store.ReadAllAsync(batchSize: 2).CollectAsync();

        Assert.Equal([1L, 2, 3, 4, 5], all.Select(e => e.Position));
        Assert.Equal(["deal/D-A 1", "deal/D-A 2", "deal/D-B 1", "deal/D-A 3", "deal/D-A 4"], all.Select(e => $"{e.Stream} {e.Version}"));
        Assert.Equal(
            [results[0].AppendId, results[0].AppendId, results[1].AppendId, results[2].AppendId, results[2].AppendId],
            all.Select(e => e.AppendId)
        );
        Assert.Equal(a2.History.Concat(b.History).ToHashSet(), all.Select(e => (DealEvent)e.Data).ToHashSet());
        Assert.Equal(all.Select(e => e.Data.GetType().Name), all.Select(e => e.Type));
        var resumed = await Store.ReadAllAsync(afterPosition: 3, batchSize: 1000).CollectAsync();
        Assert.Equal(all.Skip(3), resumed);
        Assert.Empty(await Store.ReadAllAsync(afterPosition: 5).CollectAsync());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await Store.ReadAllAsync(batchSize: 0).CollectAsync());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await Store.ReadAllAsync(afterPosition: -1).CollectAsync());
    }
}
