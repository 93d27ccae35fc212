// Appends multi-event batches in a loop until it is killed: a new deal with five events, then five more events on the
// deal before it (so both new and existing streams are in flight). Prints "committed N" after each commit.
using System;
using NodaTime;
using SalesPipeline;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;
using SalesPipeline.Storage;
using SalesPipeline.Storage.PostgreSql;
using SalesPipeline.Storage.Sqlite;

EventStore store = args[0] switch
{
    "sqlite" => await SqliteEventStore.OpenAsync(args[1], [PipelineDefinition.Default], durability: SqliteDurability.ProcessCrash),
    "postgres" => await PostgreSqlEventStore.OpenAsync(args[1], [PipelineDefinition.Default], args[2]),
    _ => throw new ArgumentException(
        $"Unknown backend \"{args[0]}\": sqlite <file> | postgres <connection string> <schema>.",
        nameof(args)
    ),
};
var pipeline = PipelineDefinition.Default;
var start = Instant.FromUtc(2026, 3, 2, 9, 0);
Deal? previous = null;
for (var i = 0; ; i++)
{
    var deal = Deal.Open(
        pipeline,
        new DealId($"K-{i:000000}"),
        $"Kill {i}",
        "alice",
        Money.Of(1_000m, Currency.USD),
        new LocalDate(2026, 6, 30),
        start
    );
    deal = Grow(deal, 4);
    var created = await store.SaveDealAsync(deal, 0, Guid.NewGuid());
    Console.WriteLine($"committed {created.AppendId} {created.Stream} {created.Version}");
    if (previous is not null)
    {
        var grown = Grow(previous, 5);
        var more = await store.SaveDealAsync(grown, previous.History.Count, Guid.NewGuid());
        Console.WriteLine($"committed {more.AppendId} {more.Stream} {more.Version}");
    }
    previous = deal;
}

Deal Grow(Deal deal, int count)
{
    for (var n = 0; n < count; n++)
    {
        var at = deal.LastEventAt + Duration.FromMinutes(1);
        deal = pipeline.ApplyOrThrow(
            deal,
            DealCommand.ChangeAmountTo(Money.Of(1_000m + (100m * n) + deal.History.Count, Currency.USD), at, "alice")
        );
    }
    return deal;
}
