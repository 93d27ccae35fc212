using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SalesPipeline.Forecasting;
using SalesPipeline.Health;
using SalesPipeline.Metrics;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;
using SalesPipeline.Statistics;

namespace SalesPipeline.DependencyInjection.Tests;

/// <summary>Every registration of AddSalesPipeline resolves to what was configured, from the real container.</summary>
public sealed class RegistrationTests
{
    [Fact]
    public void Each_configured_piece_resolves_to_the_configured_value()
    {
        var rates = ExchangeRates.In(Currency.USD).With(Currency.EUR, 1.08m);
        var policy = HealthPolicy.Default with
        {
            StaleAfter = Duration.FromDays(10),
            // No stage named: the two pipelines share no open stage, and the policy applies to the deals of each
            // (OptionsValidationTests: one naming "proposal" is refused for SMB).
            ShortlistSize = 7,
        };
        using var provider = Fixtures.Build(o =>
        {
            o.AddPipeline(Fixtures.Enterprise).AddPipeline(Fixtures.Smb);
            o.DefaultPipeline = "Enterprise";
            o.Organization = Fixtures.Organization;
            o.HealthPolicy = policy;
            o.WinRates = new WinRateOptions { Definition = WinRateDefinition.Created, Confidence = 0.9 };
            o.ExchangeRates = rates;
        });

        var catalog = provider.GetRequiredService<PipelineCatalog>();
        Assert.Same(Fixtures.Smb, catalog.Get("SMB"));
        Assert.Same(Fixtures.Enterprise, catalog.Get("Enterprise"));
        Assert.Equal(["Enterprise", "SMB"], catalog.Pipelines.Select(p => p.Name));
        Assert.Same(Fixtures.Enterprise, catalog.Default);
        Assert.Same(Fixtures.Enterprise, provider.GetRequiredService<PipelineDefinition>());
        Assert.Same(Fixtures.Organization, provider.GetRequiredService<SalesOrg>());
        Assert.Same(policy, provider.GetRequiredService<HealthPolicy>());
        Assert.Same(rates, provider.GetRequiredService<ExchangeRates>());

        var winRates = provider.GetRequiredService<WinRateOptions>();
        Assert.Equal(WinRateDefinition.Created, winRates.Definition);
        Assert.Equal(0.9, winRates.Confidence);
        Assert.Equal(BinomialIntervalMethod.Wilson, winRates.IntervalMethod);
        // The organisation and rates are set once and carried into the win-rate options.
        Assert.Same(Fixtures.Organization, winRates.Organization);
        Assert.Same(rates, winRates.Rates);
        Assert.Null(winRates.Currency);
        var forecasts = provider.GetRequiredService<ForecastOptions>();
        Assert.Equal(ForecastOptions.Default with { Organization = Fixtures.Organization, Rates = rates }, forecasts);
        Assert.Equal("PipelineCatalog: Enterprise (default), SMB", catalog.ToString());
    }

    [Fact]
    public void The_catalogs_pipelines_cannot_be_changed_through_a_cast()
    {
        using var provider = Fixtures.Build(o => o.AddPipeline(Fixtures.Enterprise).AddPipeline(Fixtures.Smb).DefaultPipeline = "SMB");
        var catalog = provider.GetRequiredService<PipelineCatalog>();

        Assert.IsNotType<PipelineDefinition[]>(catalog.Pipelines);
        var list = Assert.IsAssignableFrom<IList<PipelineDefinition>>(catalog.Pipelines);
        Assert.True(list.IsReadOnly);
        Assert.Throws<NotSupportedException>(() => list[0] = Fixtures.Smb);
        Assert.Throws<NotSupportedException>(() => list.Add(Fixtures.Smb));
        Assert.Equal([Fixtures.Enterprise, Fixtures.Smb], catalog.Pipelines);
    }

    [Fact]
    public void Without_options_the_defaults_are_registered_and_the_optional_pieces_are_not()
    {
        using var provider = Fixtures.Build(configure: null);

        Assert.Same(PipelineDefinition.Default, provider.GetRequiredService<PipelineDefinition>());
        Assert.Equal([PipelineDefinition.Default], provider.GetRequiredService<PipelineCatalog>().Pipelines);
        Assert.Same(HealthPolicy.Default, provider.GetRequiredService<HealthPolicy>());
        Assert.Equal(WinRateOptions.Default, provider.GetRequiredService<WinRateOptions>());
        Assert.Equal(ForecastOptions.Default, provider.GetRequiredService<ForecastOptions>());
        Assert.Same(SystemClock.Instance, provider.GetRequiredService<IClock>());
        // Optional in every report: not registered, so GetService gives null and constructors may default them.
        Assert.Null(provider.GetService<SalesOrg>());
        Assert.Null(provider.GetService<ExchangeRates>());
    }

    [Fact]
    public void One_pipeline_added_is_the_default_without_naming_it()
    {
        using var provider = Fixtures.Build(o => o.AddPipeline(Fixtures.Smb));

        Assert.Same(Fixtures.Smb, provider.GetRequiredService<PipelineDefinition>());
        Assert.Equal([Fixtures.Smb], provider.GetRequiredService<PipelineCatalog>().Pipelines);
    }

    [Fact]
    public void The_built_in_pipeline_may_be_named_as_default_when_none_is_added()
    {
        using var provider = Fixtures.Build(o => o.DefaultPipeline = "Default");

        Assert.Same(PipelineDefinition.Default, provider.GetRequiredService<PipelineDefinition>());
    }

    [Fact]
    public void A_reporting_currency_alone_registers_a_table_that_knows_only_that_currency()
    {
        using var provider = Fixtures.Build(o => o.ReportingCurrency = Currency.EUR);

        var rates = provider.GetRequiredService<ExchangeRates>();
        Assert.Equal(ExchangeRates.In(Currency.EUR), rates);
        Assert.Equal([Currency.EUR], rates.Currencies);
        // Another currency is an error naming it, never a silent skip (the rule of every report).
        Assert.Throws<MissingExchangeRateException>(() => rates.Convert(Money.Of(1m, Currency.USD)));
        Assert.Same(rates, provider.GetRequiredService<WinRateOptions>().Rates);
    }

    [Fact]
    public void A_reporting_currency_that_agrees_with_the_rates_registers_the_rates()
    {
        var rates = ExchangeRates.In(Currency.GBP).With(Currency.USD, 0.79m);
        using var provider = Fixtures.Build(o =>
        {
            o.ReportingCurrency = Currency.GBP;
            o.ExchangeRates = rates;
        });

        Assert.Same(rates, provider.GetRequiredService<ExchangeRates>());
    }

    [Fact]
    public void The_catalog_finds_by_exact_name_only()
    {
        using var provider = Fixtures.Build(o => o.AddPipeline(Fixtures.Enterprise).AddPipeline(Fixtures.Smb).DefaultPipeline = "SMB");
        var catalog = provider.GetRequiredService<PipelineCatalog>();

        Assert.True(catalog.TryGet("SMB", out var smb));
        Assert.Same(Fixtures.Smb, smb);
        Assert.False(catalog.TryGet("smb", out _));
        Assert.False(catalog.TryGet(null, out _));
        var missing = Assert.Throws<KeyNotFoundException>(() => catalog.Get("smb"));
        Assert.Equal(
            "No pipeline named \"smb\" is registered; the registered pipelines are \"Enterprise\", \"SMB\" (names are case-sensitive).",
            missing.Message
        );
        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => catalog.Get(null!)).ParamName);
    }
}
