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
        var rates = ExchangeRates.In(Currency.EUR).With(Currency.USD, 0.93m);
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
    public void A_registration_after_the_call_wins_too_as_the_last_one_always_does()
    {
        var fixedClock = new FixedClock(Instant.FromUtc(2027, 1, 1, 0, 0));
        using var provider = Fixtures.Build(new ServiceCollection().AddSalesPipeline().AddSingleton<IClock>(fixedClock));

        Assert.Same(fixedClock, provider.GetRequiredService<IClock>());
    }
}
