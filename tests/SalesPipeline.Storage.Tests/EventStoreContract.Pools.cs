using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Leads;
using SalesPipeline.Tests;

namespace SalesPipeline.Storage.Tests;

// Issue 13 in the store: pooled deals (no owner), their team, the customer, stopped deals, comments and causes.
public abstract partial class EventStoreContract
{
    private static readonly Customer Acme = new("ACC-1", "Acme, Inc.");
    private static readonly Customer Globex = new("ACC-2", "Globex 'EU'");

    // Five deals whose attributes are set by hand, so every query's answer below is read off this table:
    //   P-1 no owner, team emea (pool), customer ACC-1, open   | P-2 no owner, no team (company pool), open
    //   P-3 alice, no team, customer ACC-1, stopped (on-hold)  | P-4 bob (assigned from emea's pool), team emea, ACC-2
    //   P-5 no owner, team us (carol put it in us's pool)
    private async Task<Deal[]> SavePooledDealsAsync()
    {
        var p = TestDeals.Pipeline;
        var at = TestDeals.Start + Duration.FromHours(1);
        Deal Pooled(string id, string? team, Customer? customer = null) =>
            Deal.OpenInPool(
                p,
                new DealId(id),
                "Deal " + id,
                team,
                Money.Of(1_000m, Currency.USD),
                new LocalDate(2026, 6, 15),
                TestDeals.Start,
                "ops",
                customer: customer
            );
        var p4 = p.ApplyOrThrow(Pooled("P-4", "emea"), DealCommand.Reassign("bob", at, "emea-lead"));
        p4 = p.ApplyOrThrow(p4, DealCommand.ChangeCustomer(Globex, at, "bob") with { Cause = "quote Q-17 v2" });
        p4 = p.ApplyOrThrow(p4, DealCommand.Comment("Approved 5% more; send it.", at, "manager", "A-7"));
        Deal[] deals =
        [
            Pooled("P-1", "emea", Acme),
            Pooled("P-2", null),
            p.Stop(
                Deal.Open(
                    p,
                    new DealId("P-3"),
                    "Deal P-3",
                    "alice",
                    Money.Of(2_000m, Currency.USD),
                    new LocalDate(2026, 6, 20),
                    TestDeals.Start,
                    customer: Acme
                ),
                StopReason.OnHold,
                at,
                "alice"
            ),
            p4,
            p.ApplyOrThrow(TestDeals.Open("P-5", "carol"), DealCommand.AssignToPool("us", at, "carol")),
        ];
        foreach (var deal in deals)
        {
            await Store.SaveDealAsync(deal, 0, Guid.NewGuid());
        }
        return deals;
    }

    [StoreFact]
    public async Task Pooled_stopped_and_customer_deals_are_saved_loaded_and_listed()
    {
        var deals = await SavePooledDealsAsync();

        foreach (var deal in deals)
        {
            Assert.Equal(deal, (await Store.LoadDealAsync(deal.Id))!.Deal);
        }
        var rows = await Store.ListDealsAsync(DealQuery.All);
        Assert.Equal(deals.Select(d => DealSummary.Of(d, d.History.Count)), rows);
        // The row of P-4 by hand: assigned to bob from emea's pool (team kept), customer changed to ACC-2.
        Assert.Equal(("bob", "emea", Globex), (rows[3].Owner, rows[3].Team, rows[3].Customer));
        Assert.Equal((null, DealStatus.Stopped), (rows[2].Team, rows[2].Status));
        Assert.Null(rows[1].Owner);
    }

    [StoreFact]
    public async Task Deals_are_listed_by_pool_team_customer_and_stopped_status()
    {
        var deals = await SavePooledDealsAsync();

        Assert.Equal("P-1", await ListedIdsAsync(DealQuery.InPool("emea")));
        Assert.Equal("P-2", await ListedIdsAsync(DealQuery.InPool(null)));
        Assert.Equal("P-5", await ListedIdsAsync(DealQuery.InPool("us")));
        Assert.Equal("P-1,P-2,P-5", await ListedIdsAsync(DealQuery.All with { Unassigned = true }));
        Assert.Equal("P-3,P-4", await ListedIdsAsync(DealQuery.All with { Unassigned = false }));
        Assert.Equal("P-1,P-4", await ListedIdsAsync(DealQuery.All with { Team = "emea" }));
        Assert.Equal("P-2,P-3", await ListedIdsAsync(DealQuery.All with { HasTeam = false }));
        Assert.Equal("P-1,P-3", await ListedIdsAsync(DealQuery.ForCustomer("ACC-1")));
        Assert.Equal("P-1", await ListedIdsAsync(DealQuery.ForCustomer("ACC-1") with { Status = DealStatus.Open }));
        Assert.Equal("P-4", await ListedIdsAsync(DealQuery.ForCustomer("ACC-2")));
        Assert.Equal("", await ListedIdsAsync(DealQuery.ForCustomer("acc-1")));
        Assert.Equal("P-3", await ListedIdsAsync(DealQuery.All with { Status = DealStatus.Stopped }));
        Assert.Equal("P-4", await ListedIdsAsync(DealQuery.ForOwner("bob")));
        // A pooled deal has no owner, so no owner list finds it.
        Assert.Equal("", await ListedIdsAsync(DealQuery.ForOwner("carol")));
        // The query's own rule agrees with the SQL, for every query above.
        DealQuery[] queries =
        [
            DealQuery.InPool("emea"),
            DealQuery.InPool(null),
            DealQuery.All with
            {
                Unassigned = false,
                HasTeam = true,
            },
            DealQuery.ForCustomer("ACC-1") with
            {
                Status = DealStatus.Stopped,
            },
        ];
        foreach (var query in queries)
        {
            Assert.Equal(deals.Select(d => DealSummary.Of(d, d.History.Count)).Where(query.Matches), await Store.ListDealsAsync(query));
        }
        var loaded = await Store.LoadDealsAsync(DealQuery.InPool("emea")).CollectAsync();
        Assert.Equal([deals[0]], loaded.Select(s => s.Deal));
    }

    [StoreFact]
    public async Task A_pooled_lead_is_saved_and_loaded()
    {
        var lead = Lead.CreateInPool(new LeadId("L-1"), "Jane Roe", LeadSource.Web, "emea", TestDeals.Start, "router")
            .AssignToPool(null, TestDeals.Start + Duration.FromHours(1), "emea-lead")
            .Reassign("alice", TestDeals.Start + Duration.FromHours(2), "manager");

        await Store.SaveLeadAsync(lead, 0, Guid.NewGuid());

        var loaded = (await Store.LoadLeadAsync(lead.Id))!;
        Assert.Equal(lead, loaded.Lead);
        Assert.Equal(3, loaded.Version);
    }

    // Every kind of event, from the CSV tests' generator (pooled creations, customers, stops, comments, causes): each
    // saved deal loads equal, with its version, and its listed row is its summary. Ids get the case number in front, so
    // the cases share one store.
    [StoreFact]
    public void Histories_with_every_kind_of_event_are_never_lost_Property()
    {
        var n = 0;
        Prop.ForAll(
                Arb.From(DealHistories.Deals),
                generated =>
                {
                    n++;
                    var deals = generated.Select(d => Renamed(d, $"C{n}-")).ToArray();
                    foreach (var deal in deals)
                    {
                        Store.SaveDealAsync(deal, 0, Guid.NewGuid()).GetAwaiter().GetResult();
                    }
                    foreach (var deal in deals)
                    {
                        var loaded = Store.LoadDealAsync(deal.Id).GetAwaiter().GetResult()!;
                        Assert.Equal(deal.Events, loaded.Deal.Events);
                        Assert.Equal(deal, loaded.Deal);
                        Assert.Equal(deal.History.Count, loaded.Version);
                    }
                    var rows = Store.ListDealsAsync(DealQuery.All).GetAwaiter().GetResult().ToDictionary(r => r.Id);
                    Assert.All(deals, d => Assert.Equal(DealSummary.Of(d, d.History.Count), rows[d.Id]));
                }
            )
            .Check(PropertyAssert.Config.WithMaxTest(25));
    }

    // An imported deal's stage move driven by a quote carries its cause; the pipeline-checked save must keep it.
    [Fact]
    public async Task An_imported_deal_moved_with_a_cause_is_saved()
    {
        var p = TestDeals.Pipeline;
        var at = TestDeals.Start + Duration.FromDays(1);
        var imported = p.Import(
            new DealImport
            {
                Id = new DealId("I-1"),
                Owner = "alice",
                Amount = Money.Of(1_000m, Currency.USD),
                StageId = "qualified",
                Status = DealStatus.Open,
                ExpectedClose = new LocalDate(2026, 6, 30),
                CreatedAt = TestDeals.Start,
            },
            at
        );
        // Backward, so no exit criteria are needed: the check of an observed stage change is the same either way.
        var moved = p.ApplyOrThrow(imported, DealCommand.Move("prospecting", at, "alice") with { Cause = "quote Q-1 v1" });
        Assert.Equal("quote Q-1 v1", moved.Events[^1].Cause);
        await Store.SaveDealAsync(moved, 0, Guid.NewGuid());
        Assert.Equal(moved, (await Store.LoadDealAsync(moved.Id))!.Deal);
    }

    private static Deal Renamed(Deal deal, string prefix) =>
        Deal.FromEvents(deal.Events.Select(e => e with { DealId = new DealId(prefix + e.DealId.Value) }));
}
