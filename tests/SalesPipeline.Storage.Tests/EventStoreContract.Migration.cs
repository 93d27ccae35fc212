using NodaTime;
using SalesPipeline.Deals;

namespace SalesPipeline.Storage.Tests;

public abstract partial class EventStoreContract
{
    // The deals table as schema version 1 created it (before issue 13: owner NOT NULL, no team or customer), with its
    // indexes. A store is turned back into that shape after saving deals the way version 1 could.
    private string Version1Deals() =>
        $"""
            CREATE TABLE {Table("deals_v1")} (
                deal_id text PRIMARY KEY,
                version bigint NOT NULL,
                pipeline text NOT NULL,
                name text NOT NULL,
                owner text NOT NULL,
                status text NOT NULL,
                stage_id text NOT NULL,
                amount text NOT NULL,
                currency text NOT NULL,
                expected_close integer NOT NULL
            );
            INSERT INTO {Table("deals_v1")}
                SELECT deal_id, version, pipeline, name, owner, status, stage_id, amount, currency, expected_close FROM {Table("deals")};
            DROP TABLE {Table("deals")};
            ALTER TABLE {Table("deals_v1")} RENAME TO deals;
            CREATE INDEX deals_owner ON {Table("deals")} (owner);
            CREATE INDEX deals_pipeline ON {Table("deals")} (pipeline, status);
            CREATE INDEX deals_expected_close ON {Table("deals")} (expected_close);
            UPDATE {Table("store_info")} SET value = '1' WHERE name = 'schema-version';
            """;

    [StoreFact]
    public async Task A_store_of_schema_version_1_is_upgraded_when_opened_and_keeps_its_deals()
    {
        var at = TestDeals.Start + Duration.FromHours(1);
        Deal[] old = [TestDeals.Open("D-1", "alice"), TestDeals.Won(TestDeals.Open("D-2", "bob"), at)];
        foreach (var deal in old)
        {
            await Store.SaveDealAsync(deal, 0, Guid.NewGuid());
        }
        await store!.DisposeAsync();
        store = null;
        await ExecuteAsync(Version1Deals());
        // The old shape refuses a deal without an owner: what the upgrade is for.
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            ExecuteAsync($"INSERT INTO {Table("deals")} VALUES ('X', 1, 'Default', 'X', NULL, 'open', 'prospecting', '1', 'USD', 20260101)")
        );

        store = await OpenAsync();

        Assert.Equal(1, await ScalarAsync($"SELECT COUNT(*) FROM {Table("store_info")} WHERE name = 'schema-version' AND value = '2'"));
        foreach (var deal in old)
        {
            Assert.Equal(deal, (await Store.LoadDealAsync(deal.Id))!.Deal);
        }
        Assert.Equal(old.Select(d => DealSummary.Of(d, d.History.Count)), await Store.ListDealsAsync(DealQuery.All));
        // Now a pooled, stopped deal with a customer is stored, listed and found by the new columns' indexes.
        var pooled = TestDeals.Pipeline.Stop(
            Deal.OpenInPool(
                TestDeals.Pipeline,
                new DealId("D-3"),
                "Deal D-3",
                "emea",
                Money.Of(3_000m, Currency.USD),
                new LocalDate(2026, 6, 30),
                TestDeals.Start,
                "ops",
                customer: new Customer("ACC-9", "Initech")
            ),
            StopReason.BudgetFrozen,
            at,
            "ops"
        );
        await Store.SaveDealAsync(pooled, 0, Guid.NewGuid());
        Assert.Equal(
            "D-3",
            await ListedIdsAsync(DealQuery.InPool("emea") with { Status = DealStatus.Stopped, CustomerAccountId = "ACC-9" })
        );
        Assert.Equal(2, await ScalarAsync($"SELECT COUNT(*) FROM {Table("deals")} WHERE team IS NULL"));

        // Opening it again finds version 2 and changes nothing.
        await store.DisposeAsync();
        store = await OpenAsync();
        Assert.Equal(3, (await Store.ListDealsAsync(DealQuery.All)).Count);
        Assert.Equal(pooled, (await Store.LoadDealAsync(pooled.Id))!.Deal);
    }
}
