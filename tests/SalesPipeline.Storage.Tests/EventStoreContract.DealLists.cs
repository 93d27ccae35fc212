using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Organization;
using SalesPipeline.Tests;

namespace SalesPipeline.Storage.Tests;

// LoadDealListAsync: the deals LoadDealsAsync streams, element for element and in its order, held as columns.
public abstract partial class EventStoreContract
{
    private static readonly SalesOrg ListOrg = SalesOrg
        .CreateBuilder("Acme")
        .Team("emea", "EMEA")
        .Team("uk", "UK", parent: "emea")
        .Rep("alice", "Alice", "emea")
        .Rep("carol", "Carol", "uk")
        .Build();

    // Without conditions, with each kind of condition (pipeline, owner, team, status, close dates), with one no deal matches.
    private static readonly DealQuery[] ListQueries =
    [
        DealQuery.All,
        DealQuery.All with
        {
            Pipeline = "Renewals",
        },
        DealQuery.ForOwner("alice"),
        DealQuery.ForTeam(ListOrg, "emea") with
        {
            Status = DealStatus.Open,
        },
        DealQuery.All with
        {
            Status = DealStatus.Lost,
        },
        DealQuery.All with
        {
            ExpectedClose = new DateInterval(new LocalDate(2026, 6, 10), new LocalDate(2026, 6, 20)),
        },
        DealQuery.All with
        {
            Owners = [],
        },
    ];

    private async Task AssertListsAreTheLoadedDealsAsync(DealQuery query)
    {
        var loaded = (await Store.LoadDealsAsync(query).CollectAsync()).Select(s => s.Deal).ToArray();
        var list = await Store.LoadDealListAsync(query);
        Assert.Equal(loaded.Length, list.Count);
        Assert.Equal(loaded, list);
        Assert.Equal(loaded.Select(d => d.Events), list.Select(d => d.Events));
    }

    [StoreFact]
    public async Task A_deal_list_of_an_empty_store_is_empty()
    {
        foreach (var query in ListQueries)
        {
            Assert.Empty(await Store.LoadDealListAsync(query));
        }
    }

    [StoreFact]
    public async Task A_deal_list_holds_the_loaded_deals_in_order_for_queries_with_and_without_conditions()
    {
        var deals = await SaveSixDealsAsync();
        // Worked out from the six deals' table (SaveSixDealsAsync), not from the store.
        Assert.Equal(deals, await Store.LoadDealListAsync(DealQuery.All));
        Assert.Equal([deals[0], deals[3], deals[5]], await Store.LoadDealListAsync(DealQuery.ForOwner("alice")));
        Assert.Equal(
            [deals[0], deals[5]],
            await Store.LoadDealListAsync(DealQuery.ForTeam(ListOrg, "emea") with { Status = DealStatus.Open })
        );
        foreach (var query in ListQueries)
        {
            await AssertListsAreTheLoadedDealsAsync(query);
        }
    }

    // Every kind of event (the CSV tests' generator: pools, customers, stops, comments, causes), in one store that
    // grows case by case: the list is always what LoadDealsAsync gives.
    [StoreFact]
    public void A_deal_list_of_histories_with_every_kind_of_event_is_the_loaded_deals_Property()
    {
        var n = 0;
        Prop.ForAll(
                Arb.From(DealHistories.Deals),
                generated =>
                {
                    n++;
                    var deals = generated.Select(d => Renamed(d, $"L{n}-")).ToArray();
                    foreach (var deal in deals)
                    {
                        Store.SaveDealAsync(deal, 0, Guid.NewGuid()).GetAwaiter().GetResult();
                    }
                    AssertListsAreTheLoadedDealsAsync(DealQuery.All).GetAwaiter().GetResult();
                    AssertListsAreTheLoadedDealsAsync(DealQuery.All with { Status = DealStatus.Open }).GetAwaiter().GetResult();
                }
            )
            .Check(PropertyAssert.Config.WithMaxTest(25));
    }

    [StoreFact]
    public async Task A_deal_list_refuses_a_null_store_or_query_at_once_and_stops_when_cancelled()
    {
        await SaveSixDealsAsync();
        // Thrown by the call itself, not by the task it would return.
        var store = Assert.Throws<ArgumentNullException>(() =>
        {
            _ = ((IEventStore)null!).LoadDealListAsync(DealQuery.All);
        });
        Assert.Equal("store", store.ParamName);
        var query = Assert.Throws<ArgumentNullException>(() =>
        {
            _ = Store.LoadDealListAsync(null!);
        });
        Assert.Equal("query", query.ParamName);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.LoadDealListAsync(DealQuery.All, cancelled.Token));
    }
}
