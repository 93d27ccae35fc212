using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SalesPipeline.Forecasting;
using SalesPipeline.Health;
using SalesPipeline.Metrics;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;
using SalesPipeline.Storage;

namespace SalesPipeline.DependencyInjection.Tests;

/// <summary>AddSalesPipeline registers with TryAdd: what the application registered itself is what it gets.</summary>
public sealed class ApplicationWinsTests
{
    [Fact]
    public void The_clock_is_the_system_clock_unless_the_application_registered_one()
    {
        using (var provider = Fixtures.Build(configure: null))
        {
            Assert.Same(SystemClock.Instance, provider.GetRequiredService<IClock>());
        }
        var fixedClock = new FixedClock(Instant.FromUtc(2026, 12, 5, 9, 30));
        var services = new ServiceCollection().AddSingleton<IClock>(fixedClock).AddSalesPipeline();
        using (var provider = Fixtures.Build(services))
        {
            Assert.Same(fixedClock, provider.GetRequiredService<IClock>());
            Assert.Equal(Instant.FromUtc(2026, 12, 5, 9, 30), provider.GetRequiredService<IClock>().GetCurrentInstant());
            // Only the application's registration: TryAdd added nothing beside it.
            Assert.Single(services, d => d.ServiceType == typeof(IClock));
        }
    }

    [Fact]
    public void Services_the_application_registered_before_win_over_the_options()
    {
        var policy = HealthPolicy.Default with { ShortlistSize = 7 };
        var organization = SalesOrg.CreateBuilder("Globex").Team("west", "West").Build();
        var rates = ExchangeRates.In(Currency.USD).With(Currency.EUR, 1.08m);
        var winRates = new WinRateOptions { Definition = WinRateDefinition.Created };
        var store = new RecordingStore();
        var services = new ServiceCollection()
            .AddSingleton(Fixtures.Smb)
            .AddSingleton(policy)
            .AddSingleton(organization)
            .AddSingleton(rates)
            .AddSingleton<IEventStore>(store)
            .AddSalesPipeline(o =>
            {
                o.AddPipeline(Fixtures.Enterprise);
                o.Organization = Fixtures.Organization;
                o.ReportingCurrency = Currency.USD;
                o.UseEventStore((_, _, _) => Task.FromResult(new RecordingStore()));
            });
        using var provider = Fixtures.Build(services);

        Assert.Same(Fixtures.Smb, provider.GetRequiredService<PipelineDefinition>());
        // The catalog stays what was configured; the store would be opened with both (SqliteThroughContainerTests).
        Assert.Same(Fixtures.Enterprise, provider.GetRequiredService<PipelineCatalog>().Default);
        Assert.Same(policy, provider.GetRequiredService<HealthPolicy>());
        Assert.Same(organization, provider.GetRequiredService<SalesOrg>());
        Assert.Same(rates, provider.GetRequiredService<ExchangeRates>());
        Assert.Same(store, provider.GetRequiredService<IEventStore>());
        // The win-rate options carry the organisation and rates the container gives, the application's here.
        var registered = provider.GetRequiredService<WinRateOptions>();
        Assert.Same(organization, registered.Organization);
        Assert.Same(rates, registered.Rates);
        Assert.Same(organization, provider.GetRequiredService<ForecastOptions>().Organization);

        var forecasts = new ForecastOptions { Zone = DateTimeZoneProviders.Tzdb["Europe/Paris"] };
        using var own = Fixtures.Build(new ServiceCollection().AddSingleton(winRates).AddSingleton(forecasts).AddSalesPipeline());
        Assert.Same(winRates, own.GetRequiredService<WinRateOptions>());
        Assert.Same(forecasts, own.GetRequiredService<ForecastOptions>());
    }

    [Fact]
    public void Rates_the_application_registered_in_another_currency_than_ReportingCurrency_are_named_when_used()
    {
        var rates = ExchangeRates.In(Currency.EUR).With(Currency.USD, 0.93m);
        using var provider = Fixtures.Build(
            new ServiceCollection().AddSingleton(rates).AddSalesPipeline(o => o.ReportingCurrency = Currency.USD)
        );

        // The application's rates are what it gets; the options that carry them into reports refuse the disagreement.
        Assert.Same(rates, provider.GetRequiredService<ExchangeRates>());
        const string expected =
            "SalesPipelineOptions.ReportingCurrency is USD, but the ExchangeRates registered in the container convert into EUR; "
            + "they must agree (register rates into USD, or leave ReportingCurrency null).";
        Assert.Equal(expected, Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<WinRateOptions>()).Message);
        Assert.Equal(expected, Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<ForecastOptions>()).Message);
    }

    [Fact]
    public void A_pipeline_the_application_registered_is_checked_against_the_configured_health_policy()
    {
        // "proposal" is an open stage of Enterprise (the catalog's) but not of SMB, which the application injects.
        var policy = HealthPolicy.Default with
        {
            LateStages = ["proposal"],
        };
        using var provider = Fixtures.Build(
            new ServiceCollection()
                .AddSingleton(Fixtures.Smb)
                .AddSalesPipeline(o =>
                {
                    o.AddPipeline(Fixtures.Enterprise);
                    o.HealthPolicy = policy;
                })
        );

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<HealthPolicy>());

        Assert.Equal(
            "The PipelineDefinition registered in the container does not fit SalesPipelineOptions.HealthPolicy: The policy names stage "
                + "\"proposal\", but pipeline \"SMB\" has no open stage with that id; its open stages are trial.",
            error.Message
        );
    }

    [Fact]
    public async Task The_store_is_opened_with_the_catalogs_pipelines_and_the_one_the_application_injects()
    {
        IReadOnlyList<PipelineDefinition>? given = null;
        var services = new ServiceCollection()
            .AddSingleton(Fixtures.Smb)
            .AddSalesPipeline(o =>
                o.AddPipeline(Fixtures.Enterprise)
                    .UseEventStore(
                        (_, pipelines, _) =>
                        {
                            given = pipelines;
                            return Task.FromResult(new RecordingStore());
                        }
                    )
            );
        await using var provider = Fixtures.Build(services);

        await provider.GetRequiredService<DeferredEventStore>().OpenAsync();

        Assert.Equal([Fixtures.Enterprise, Fixtures.Smb], given);
    }

    [Fact]
    public async Task An_injected_pipeline_with_the_name_of_another_catalog_pipeline_is_refused_when_the_store_opens()
    {
        var impostor = PipelineDefinition
            .CreateBuilder("Enterprise")
            .Stage("Pitch", 0.2m, ForecastCategory.Pipeline)
            .Won("Won")
            .Lost("Lost")
            .Build();
        var services = new ServiceCollection()
            .AddSingleton(impostor)
            .AddSalesPipeline(o => o.AddPipeline(Fixtures.Enterprise).UseEventStore((_, _, _) => Task.FromResult(new RecordingStore())));
        await using var provider = Fixtures.Build(services);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            provider.GetRequiredService<DeferredEventStore>().OpenAsync().AsTask()
        );

        Assert.Equal(
            "The PipelineDefinition registered in the container is named \"Enterprise\", as a different pipeline of the catalog "
                + "(PipelineCatalog: Enterprise (default)); a deal is checked against the pipeline of its name, so the two must be the same definition.",
            error.Message
        );
    }

    [Fact]
    public void A_registration_after_the_call_wins_too_as_the_last_one_always_does()
    {
        var fixedClock = new FixedClock(Instant.FromUtc(2027, 1, 1, 0, 0));
        using var provider = Fixtures.Build(new ServiceCollection().AddSalesPipeline().AddSingleton<IClock>(fixedClock));

        Assert.Same(fixedClock, provider.GetRequiredService<IClock>());
    }
}
