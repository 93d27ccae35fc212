// What a team consuming the SalesPipeline packages from NuGet does first: register them in a container, import a CRM
// export, forecast, keep deals in a store, and follow a contract's payments. Every figure printed is worked out by hand
// in the comment beside it; eng/consumer-check.sh compares the whole output with expected.txt.
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SalesPipeline;
using SalesPipeline.Calendars;
using SalesPipeline.Collections;
using SalesPipeline.Csv;
using SalesPipeline.Deals;
using SalesPipeline.DependencyInjection;
using SalesPipeline.Forecasting;
using SalesPipeline.Pipelines;
using SalesPipeline.Storage;
using SalesPipeline.Storage.Sqlite;

// The runtime it runs on, to standard error (so expected.txt holds the same for both target frameworks):
// eng/consumer-check.sh prints it and checks that the net8.0 build really ran on .NET 8.
Console.Error.WriteLine($"runtime: {Environment.Version}");

var folder = Directory.CreateTempSubdirectory("salespipeline-consumer-");
try
{
    await RunAsync(folder.FullName);
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    folder.Delete(recursive: true);
}

static async Task RunAsync(string folder)
{
    // 1. Dependency injection: the application's clock wins over the system clock (TryAdd); the store is SQLite.
    var services = new ServiceCollection();
    services.AddSingleton<IClock>(new FixedClock(Instant.FromUtc(2026, 4, 15, 9, 0)));
    services.AddSalesPipeline(options =>
    {
        options.ReportingCurrency = Currency.USD;
        options.UseEventStore(
            (_, pipelines, ct) => SqliteEventStore.OpenAsync(Path.Combine(folder, "deals.db"), pipelines, cancellationToken: ct)
        );
    });
    await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    var pipeline = provider.GetRequiredService<PipelineDefinition>();
    var clock = provider.GetRequiredService<IClock>();
    Console.WriteLine($"pipeline: {pipeline.Name}, open stages {string.Join(" ", pipeline.OpenStages.Select(s => s.Id))}");
    Console.WriteLine($"clock: {clock.GetCurrentInstant()}");
    Console.WriteLine($"reporting currency: {provider.GetRequiredService<ExchangeRates>().ReportingCurrency.Code}");

    // 2. A CSV import in the canonical format (docs/csv.md), taken at 2026-04-14T18:00Z, with no history file.
    var dealsCsv = Path.Combine(folder, "deals.csv");
    await File.WriteAllTextAsync(
        dealsCsv,
        """
        deal_id,name,owner,amount,currency,stage,status,created_at,expected_close,closed_at
        D1,Acme platform,alice,40000,USD,proposal,open,2026-02-02T10:00:00Z,2026-04-30,
        D2,Globex renewal,bob,25000,USD,negotiation,open,2026-01-12T09:00:00Z,2026-05-15,
        D3,Initech pilot,alice,9000,USD,prospecting,open,2026-04-01T08:00:00Z,2026-06-30,
        D4,Umbrella support,bob,12000,USD,won,won,2026-03-03T12:00:00Z,2026-04-10,2026-04-10T12:00:00Z
        """
    );
    var import = DealCsv.ReadFiles(pipeline, dealsCsv, null, Instant.FromUtc(2026, 4, 14, 18, 0));
    Console.WriteLine($"import: {import}");
    var deals = import.GetDealsOrThrow();

    // 3. The stage-weighted forecast for the second quarter by month, as of the clock's date (2026-04-15).
    //    April: D1 40,000 x 50% = 20,000.00 weighted, plus D4 won 12,000.00: expected 32,000.00.
    //    May:   D2 25,000 x 80% = 20,000.00.   June: D3 9,000 x 10% = 900.00.   Total: 52,900.00.
    var months = FiscalCalendar.Calendar.Months(2026).Skip(3).Take(3).ToList();
    var today = clock.GetCurrentInstant().InUtc().Date;
    var forecast = Forecast.StageWeighted(deals, pipeline, months, provider.GetRequiredService<ForecastOptions>() with { AsOf = today });
    foreach (var month in months)
    {
        Console.WriteLine($"forecast {month.Label}: expected {forecast[month].Expected}");
    }
    Console.WriteLine($"forecast total: expected {forecast.Total.Expected}");

    // 4. Stored deals, through the store the container registered. An imported deal without history is one event
    //    (DealImported), so each stream is at version 1; winning D2 appends one more (version 2).
    var store = provider.GetRequiredService<IEventStore>();
    foreach (var deal in deals)
    {
        var saved = await store.SaveDealAsync(deal, expectedVersion: 0, Guid.NewGuid());
        Console.WriteLine($"saved {deal.Id}: version {saved.Version}");
    }
    var loaded = await store.LoadDealAsync(new DealId("D2")) ?? throw new InvalidOperationException("D2 was not stored.");
    var won = pipeline.Win(loaded.Deal, clock.GetCurrentInstant(), "bob");
    var after = await store.SaveDealAsync(won, loaded.Version, Guid.NewGuid());
    var reloaded = await store.LoadDealAsync(new DealId("D2")) ?? throw new InvalidOperationException("D2 was not stored.");
    Console.WriteLine(
        $"D2 loaded at version {loaded.Version} in {loaded.Deal.StageId}, won and saved at version {after.Version}, reloaded: {reloaded.Deal.Status} {reloaded.Deal.Amount}, same as saved: {reloaded.Deal.Equals(won)}"
    );
    var open = await store.ListDealsAsync(new DealQuery { Status = DealStatus.Open });
    Console.WriteLine($"open deals in the store: {string.Join(" ", open.Select(d => d.Id))}");

    // 5. A collection schedule for D4 (USD 12,000.00 signed 2026-04-10): 25% at signing, the balance in three monthly
    //    instalments from a month later. 12,000 x 25% = 3,000.00 due 04-10; 9,000 / 3 = 3,000.00 due 05-10, 06-10, 07-10.
    //    A payment of 5,000.00 on 04-12 pays #1 (3,000.00) and 2,000.00 of #2. As of 2026-05-20: billed #1 + #2 =
    //    6,000.00, collected 5,000.00, outstanding and overdue 1,000.00 (#2, 10 days past 05-10).
    var terms = PaymentTerms.Create(
        TermsLine.Percentage(25m, DueRule.DaysAfterStart(0)),
        TermsLine.Balance(DueRule.MonthsAfterStart(1), instalments: 3)
    );
    var contract = new ContractInfo("C-D4", "Umbrella", "bob", new DealId("D4"));
    var schedule = CollectionSchedule.Create(Money.Of(12_000m, Currency.USD), new LocalDate(2026, 4, 10), terms, contract);
    Console.WriteLine(
        "schedule: "
            + string.Join(
                " | ",
                schedule.Instalments.Select(i => string.Create(CultureInfo.InvariantCulture, $"{i.Amount} due {i.DueOn:uuuu-MM-dd}"))
            )
    );
    schedule = schedule.Record(new Payment("WIRE-1", new LocalDate(2026, 4, 12), Money.Of(5_000m, Currency.USD)));
    await store.SaveCollectionScheduleAsync(schedule, expectedVersion: 0, Guid.NewGuid());
    var stored = await store.LoadCollectionScheduleAsync("C-D4") ?? throw new InvalidOperationException("C-D4 was not stored.");
    var status = stored.Schedule.StatusAsOf(new LocalDate(2026, 5, 20));
    Console.WriteLine(
        $"collections as of 2026-05-20: billed {status.Billed}, collected {status.Collected}, outstanding {status.Outstanding}, overdue {status.Overdue}"
    );
    Console.WriteLine($"instalment 2: {status.Instalments[1].DaysOverdue} days overdue");
}

// NodaTime's IClock, as an application registers a clock of its own (a fixed one here, so the output is the same on
// every run).
internal sealed class FixedClock(Instant now) : IClock
{
    public Instant GetCurrentInstant() => now;
}
