#:project ../../src/SalesPipeline.Storage.Sqlite/SalesPipeline.Storage.Sqlite.csproj
// docs/storing-deals.md as a program: a dozen deals stored in a SQLite file in one batch, changed through the store with the retry
// loop, listed through the current-state table, read back and forecast; then every record in commit order.
// Run from the repository root: dotnet run docs/examples/storage.cs
using NodaTime;
using SalesPipeline;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Pipelines;
using SalesPipeline.Storage;
using SalesPipeline.Storage.Sqlite;

var pipeline = PipelineDefinition.Default;
var path = Path.Combine(Path.GetTempPath(), $"storage-example-{Guid.NewGuid():N}.db");
await using (var store = await SqliteEventStore.OpenAsync(path, [pipeline]))
{
    // A dozen deals: name, owner, amount (USD), expected close, and the stage they have reached.
    (string Name, string Owner, decimal Amount, LocalDate Close, string Stage)[] rows =
    [
        ("Acme expansion", "alice", 120_000m, new LocalDate(2026, 1, 20), "negotiation"),
        ("Globex renewal", "alice", 45_000m, new LocalDate(2026, 2, 12), "proposal"),
        ("Initech pilot", "bob", 15_000m, new LocalDate(2026, 1, 30), "qualified"),
        ("Umbrella platform", "bob", 250_000m, new LocalDate(2026, 3, 31), "negotiation"),
        ("Hooli add-on", "erin", 8_000m, new LocalDate(2026, 2, 10), "prospecting"),
        ("Stark support", "bob", 24_000m, new LocalDate(2026, 1, 15), "proposal"),
        ("Wayne security", "erin", 60_000m, new LocalDate(2026, 3, 5), "qualified"),
        ("Cyberdyne analytics", "alice", 90_000m, new LocalDate(2026, 2, 27), "proposal"),
        ("Soylent logistics", "carol", 30_000m, new LocalDate(2026, 1, 9), "negotiation"),
        ("Tyrell research", "carol", 75_000m, new LocalDate(2026, 3, 18), "prospecting"),
        ("Oscorp lab", "erin", 12_000m, new LocalDate(2026, 2, 3), "qualified"),
        ("Massive Dynamic", "carol", 150_000m, new LocalDate(2026, 3, 25), "proposal"),
    ];
    var created = Instant.FromUtc(2025, 12, 1, 9, 0);
    var batch = new List<DealAppend>();
    for (var i = 0; i < rows.Length; i++)
    {
        var (name, owner, amount, close, stage) = rows[i];
        var deal = Deal.Open(pipeline, new DealId($"D-{i + 1:00}"), name, owner, Money.Of(amount, Currency.USD), close, created);
        var at = created;
        foreach (var criterion in new[] { "use-case", "technical-fit", "budget" })
        {
            deal = pipeline.Answer(deal, criterion, at += Duration.FromHours(1), owner);
        }
        if (stage != "prospecting")
        {
            deal = pipeline.Move(deal, stage, at += Duration.FromHours(1), owner);
        }
        batch.Add(new DealAppend(deal, ExpectedVersion: 0, Guid.NewGuid()));
    }
    // An initial load: one transaction for the dozen, all of them or none.
    var saved = await store.SaveDealsAsync(batch);
    Console.WriteLine($"Saved {saved.Count} deals, positions 1 to {saved[^1].LastPosition}.");

    // A change through the store: load, apply, save at the loaded version; on a conflict, load again and decide again.
    var won = await ChangeAsync(store, new DealId("D-09"), _ => DealCommand.Win(Instant.FromUtc(2026, 1, 8, 10, 0), "carol"));
    Console.WriteLine($"Won: {won.Deal} (version {won.Version})");

    var open = await store.ListDealsAsync(DealQuery.All with { Status = DealStatus.Open });
    Console.WriteLine($"Open deals in the store: {open.Count}, alice's: {(await store.ListDealsAsync(DealQuery.ForOwner("alice"))).Count}");

    // Every deal, for analytics: a list held as columns (LoadDealsAsync streams them with their versions, for changes).
    var deals = await store.LoadDealListAsync(DealQuery.All);
    var months = FiscalCalendar.Calendar.Months(2026).Take(3).ToList();
    Console.WriteLine("Stage-weighted forecast of the stored deals, Q1 2026 by month:");
    Console.WriteLine(Forecast.StageWeighted(deals, pipeline, months));

    var count = 0;
    long last = 0;
    await foreach (var recorded in store.ReadAllAsync(afterPosition: 0, batchSize: 20))
    {
        count++;
        last = recorded.Position;
    }
    Console.WriteLine($"Every record in commit order: {count} events, positions 1 to {last}.");
}
File.Delete(path);

// The retry loop of docs/storing-deals.md.
static async Task<StoredDeal> ChangeAsync(IEventStore store, DealId id, Func<Deal, DealCommand> decide)
{
    while (true)
    {
        var stored = await store.LoadDealAsync(id) ?? throw new InvalidOperationException($"No deal {id}.");
        var changed = PipelineDefinition.Default.ApplyOrThrow(stored.Deal, decide(stored.Deal));
        try
        {
            var result = await store.SaveDealAsync(changed, stored.Version, Guid.NewGuid());
            return new StoredDeal(changed, result.Version);
        }
        catch (StreamVersionConflictException)
        {
            // Someone else changed the deal since it was loaded: nothing was written; decide again on the fresh state.
        }
    }
}
