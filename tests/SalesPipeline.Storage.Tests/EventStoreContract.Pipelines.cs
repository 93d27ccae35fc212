using System.Text.Json;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Json;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Storage.Tests;

public abstract partial class EventStoreContract
{
    private static string Json(DealEvent e) => JsonSerializer.Serialize(e, SalesPipelineJson.Options);

    [StoreFact]
    public async Task A_deal_of_a_pipeline_the_store_does_not_know_is_refused_before_anything_is_written()
    {
        var archive = PipelineDefinition
            .CreateBuilder("Archive")
            .Stage("Kept", 0.5m, ForecastCategory.Pipeline)
            .Won("Won")
            .Lost("Lost")
            .Build();
        var deal = Deal.Open(
            archive,
            new DealId("A-1"),
            "Old",
            "alice",
            Money.Of(1m, Currency.USD),
            new LocalDate(2026, 6, 1),
            TestDeals.Start
        );

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Store.SaveDealAsync(deal, 0, Guid.NewGuid()));
        var inBatch = await Assert.ThrowsAsync<ArgumentException>(() =>
            Store.SaveDealsAsync([new DealAppend(Moved("D-1", 0), 0, Guid.NewGuid()), new DealAppend(deal, 0, Guid.NewGuid())])
        );

        Assert.Equal("deal", error.ParamName);
        Assert.Contains(
            "pipeline \"Archive\", which this store was not opened with (it knows \"Default\", \"Renewals\")",
            error.Message,
            StringComparison.Ordinal
        );
        Assert.StartsWith("Append 1: Deal A-1", inBatch.Message, StringComparison.Ordinal);
        Assert.Equal(0, await CountEventsAsync());
    }

    [StoreFact]
    public async Task A_deal_whose_history_its_pipeline_could_not_make_is_refused_before_anything_is_written()
    {
        // Built without the pipeline: a win into the Proposal stage, which is open.
        var open = TestDeals.Open("D-1");
        var forged = Deal.FromEvents([.. open.History, new DealWon(open.Id, TestDeals.Start + Duration.FromHours(1), "alice", "proposal")]);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Store.SaveDealAsync(forged, 0, Guid.NewGuid()));

        Assert.Equal("deal", error.ParamName);
        Assert.Contains("Deal D-1's history does not fit pipeline \"Default\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("Event 1 (DealWon", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await CountEventsAsync());
    }

    [StoreFact]
    public async Task A_stored_history_its_pipeline_could_not_make_is_reported_not_loaded()
    {
        // Written behind the store's back: a move to a stage the pipeline lacks, labelled as the pipeline would not.
        var open = TestDeals.Open("D-1");
        await InsertForeignRowAsync(
            "StageMoved",
            Json(
                new StageMoved(
                    open.Id,
                    TestDeals.Start + Duration.FromHours(1),
                    "alice",
                    "prospecting",
                    "teleported",
                    MoveDirection.Forward,
                    0
                )
            )
        );

        var error = await Assert.ThrowsAsync<StoredEventException>(() => Store.LoadDealAsync(open.Id));
        var listed = await Assert.ThrowsAsync<StoredEventException>(async () => await Store.LoadDealsAsync(DealQuery.All).CollectAsync());

        AssertNamesTheRow(error);
        Assert.Contains("Event 1 (StageMoved", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not fit pipeline \"Default\"", error.Message, StringComparison.Ordinal);
        Assert.Equal(error.Message, listed.Message);
    }

    [StoreFact]
    public async Task A_stored_deal_of_a_pipeline_the_store_was_not_opened_with_is_reported_not_loaded()
    {
        var open = TestDeals.Open("D-1");
        await Store.SaveDealAsync(open, 0, Guid.NewGuid());
        var created = (DealCreated)open.History[0];
        await ExecuteAsync($"UPDATE {Table("events")} SET data = '{Json(created with { Pipeline = "Archive" })}' WHERE version = 1");

        var error = await Assert.ThrowsAsync<StoredEventException>(() => Store.LoadDealAsync(open.Id));

        Assert.Equal((StreamId.ForDeal(open.Id), 1L), (error.Stream, error.Version));
        Assert.Contains("pipeline \"Archive\", which this store was not opened with", error.Message, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task Loading_many_deals_yields_them_in_order_and_stops_at_the_first_bad_one_after_yielding_those_before_it()
    {
        // 1,000 deals, folded in parallel chunks; deal 700's second event is damaged behind the store's back.
        var deals = Enumerable.Range(0, 1_000).Select(i => Moved($"M-{i:0000}", 1)).ToArray();
        await Store.SaveDealsAsync(deals.Select(d => new DealAppend(d, 0, Guid.NewGuid())).ToList());
        await ExecuteAsync($"UPDATE {Table("events")} SET data = '{{}}' WHERE stream_key = 'M-0700' AND version = 2");

        var seen = new List<Deal>();
        var error = await Assert.ThrowsAsync<StoredEventException>(async () =>
        {
            await foreach (var stored in Store.LoadDealsAsync(DealQuery.All))
            {
                seen.Add(stored.Deal);
            }
        });

        Assert.Equal(deals.Take(700), seen);
        Assert.Equal((StreamId.ForDeal(new DealId("M-0700")), 2L), (error.Stream, error.Version));
    }
}
