#:project ../../src/SalesPipeline.DependencyInjection/SalesPipeline.DependencyInjection.csproj
#:project ../../src/SalesPipeline.Storage.Sqlite/SalesPipeline.Storage.Sqlite.csproj
#:package Microsoft.Extensions.DependencyInjection
// docs/dependency-injection.md as a program: two pipelines, an organisation, a health policy, win-rate options, exchange
// rates and a SQLite store registered with AddSalesPipeline; a service that gets them by constructor injection stores a
// deal; a refused option and a missing store, with their messages.
// Run from the repository root: dotnet run docs/examples/dependency-injection.cs
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SalesPipeline;
using SalesPipeline.Deals;
using SalesPipeline.DependencyInjection;
using SalesPipeline.Health;
using SalesPipeline.Metrics;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;
using SalesPipeline.Storage;
using SalesPipeline.Storage.Sqlite;

var enterprise = PipelineDefinition
    .CreateBuilder("Enterprise")
    .Stage("Discovery", 0.10m, ForecastCategory.Pipeline)
    .Stage("Proposal", 0.50m, ForecastCategory.BestCase)
    .Stage("Negotiation", 0.80m, ForecastCategory.Commit)
    .Won("Won")
    .Lost("Lost")
    .Build();
var smb = PipelineDefinition.CreateBuilder("SMB").Stage("Trial", 0.30m, ForecastCategory.Pipeline).Won("Won").Lost("Lost").Build();
var salesOrg = SalesOrg.CreateBuilder("Acme").Team("emea", "EMEA").Rep("alice", "Alice", "emea").Build();
var folder = Directory.CreateTempSubdirectory("salespipeline-di-example-");

var services = new ServiceCollection();
services.AddSalesPipeline(options =>
{
    options.AddPipeline(enterprise).AddPipeline(smb);
    options.DefaultPipeline = "Enterprise";
    options.Organization = salesOrg;
    options.HealthPolicy = HealthPolicy.Default with { StaleAfter = Duration.FromDays(10) };
    options.WinRates = new WinRateOptions { Definition = WinRateDefinition.Created };
    options.ExchangeRates = ExchangeRates.In(Currency.USD).With(Currency.EUR, 1.08m);
    options.UseEventStore(
        (services, pipelines, ct) => SqliteEventStore.OpenAsync(Path.Combine(folder.FullName, "deals.db"), pipelines, cancellationToken: ct)
    );
});
services.AddSingleton<DealService>();

await using (var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }))
{
    Console.WriteLine(provider.GetRequiredService<PipelineCatalog>()); // PipelineCatalog: Enterprise (default), SMB
    var winRates = provider.GetRequiredService<WinRateOptions>();
    Console.WriteLine(
        $"win rate: {winRates.Definition}, organisation {winRates.Organization?.Company}, in {winRates.Rates?.ReportingCurrency.Code}"
    );
    Check(
        winRates.Organization == salesOrg && winRates.Rates!.ReportingCurrency == Currency.USD,
        "the win-rate options carry the organisation and rates"
    );

    var store = provider.GetRequiredService<DeferredEventStore>();
    Console.WriteLine(store); // DeferredEventStore (not open)
    var version = await provider.GetRequiredService<DealService>().OpenDealAsync("D-1", 60_000m);
    Console.WriteLine($"D-1 stored at version {version}; {store.ToString().Replace(folder.FullName, "<temp>")}");
    Check(version == 1 && store.IsOpen, "opened on first use, one event stored");
}
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
folder.Delete(recursive: true);

// Refused at registration: the option, the value and the rule.
var refused = false;
try
{
    new ServiceCollection().AddSalesPipeline(o => o.AddPipeline(enterprise).AddPipeline(smb));
}
catch (ArgumentException e) when (e.ParamName == "DefaultPipeline")
{
    Console.WriteLine($"{e.ParamName}: {e.Message}");
    refused = true;
}
Check(refused, "several pipelines need a default");

// No store configured: resolving one says how to configure it.
await using (var provider = new ServiceCollection().AddSalesPipeline().BuildServiceProvider())
{
    var named = false;
    try
    {
        provider.GetRequiredService<IEventStore>();
    }
    catch (InvalidOperationException e) when (e.Message.StartsWith("No event store is configured", StringComparison.Ordinal))
    {
        Console.WriteLine(e.Message);
        named = true;
    }
    Check(named, "the missing store is named");
    Check(provider.GetRequiredService<IClock>() == SystemClock.Instance, "the system clock by default");
}
Console.WriteLine("all checks passed");

static void Check(bool condition, string what)
{
    if (!condition)
    {
        throw new InvalidOperationException("check failed: " + what);
    }
}

// A service of the application: everything it needs comes from the container.
internal sealed class DealService(IEventStore store, PipelineDefinition pipeline, IClock clock)
{
    public async Task<long> OpenDealAsync(string id, decimal amount)
    {
        var now = clock.GetCurrentInstant();
        var deal = Deal.Open(
            pipeline,
            new DealId(id),
            "Globex platform",
            "alice",
            Money.Of(amount, Currency.USD),
            now.InUtc().Date.PlusMonths(3),
            now
        );
        var saved = await store.SaveDealAsync(deal, expectedVersion: 0, Guid.NewGuid());
        return saved.Version;
    }
}
