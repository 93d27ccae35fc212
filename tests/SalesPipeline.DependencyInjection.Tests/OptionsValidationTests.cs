using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SalesPipeline.Health;
using SalesPipeline.Metrics;

namespace SalesPipeline.DependencyInjection.Tests;

/// <summary>Bad options are refused at registration, naming the option, the value and the rule, and register nothing.</summary>
public sealed class OptionsValidationTests
{
    // Runs AddSalesPipeline on a collection holding one registration of the application's; asserts it threw and left the
    // collection as it was.
    private static T Rejected<T>(Action<SalesPipelineOptions> configure)
        where T : Exception
    {
        var services = new ServiceCollection().AddSingleton<IClock>(SystemClock.Instance);
        var error = Assert.Throws<T>(() => services.AddSalesPipeline(configure));
        Assert.Single(services);
        return error;
    }

    [Fact]
    public void A_default_pipeline_that_was_not_added_is_refused()
    {
        var error = Rejected<ArgumentException>(o => o.AddPipeline(Fixtures.Enterprise).DefaultPipeline = "enterprise");

        Assert.Equal("DefaultPipeline", error.ParamName);
        Assert.StartsWith(
            "DefaultPipeline is \"enterprise\", but no pipeline of that name was added; the pipelines are \"Enterprise\" (names are case-sensitive).",
            error.Message
        );
    }

    [Fact]
    public void Several_pipelines_without_a_default_are_refused()
    {
        var error = Rejected<ArgumentException>(o => o.AddPipeline(Fixtures.Enterprise).AddPipeline(Fixtures.Smb));

        Assert.Equal("DefaultPipeline", error.ParamName);
        Assert.StartsWith(
            "Several pipelines were added (\"Enterprise\", \"SMB\") and DefaultPipeline is not set; set it to the name of the one injected as PipelineDefinition.",
            error.Message
        );
    }

    [Fact]
    public void A_second_pipeline_of_the_same_name_is_refused()
    {
        var options = new SalesPipelineOptions().AddPipeline(Fixtures.Smb);
        var twin = Pipelines
            .PipelineDefinition.CreateBuilder("SMB")
            .Stage("Other", 0.5m, Pipelines.ForecastCategory.Pipeline)
            .Won("W")
            .Lost("L")
            .Build();

        var error = Assert.Throws<ArgumentException>(() => options.AddPipeline(twin));

        Assert.Equal("pipeline", error.ParamName);
        Assert.StartsWith("A pipeline named \"SMB\" was added already; pipeline names must be unique (ordinal)", error.Message);
        Assert.Equal([Fixtures.Smb], options.Pipelines);
        Assert.Equal("pipeline", Assert.Throws<ArgumentNullException>(() => options.AddPipeline(null!)).ParamName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_blank_default_pipeline_name_is_refused(string name)
    {
        var options = new SalesPipelineOptions();

        var error = Assert.Throws<ArgumentException>(() => options.DefaultPipeline = name);

        Assert.Equal("DefaultPipeline", error.ParamName);
        Assert.StartsWith($"DefaultPipeline must be a pipeline's name (or null); it was \"{name}\".", error.Message);
        Assert.Null(options.DefaultPipeline);
    }

    [Fact]
    public void A_reporting_currency_other_than_the_rates_is_refused()
    {
        var error = Rejected<ArgumentException>(o =>
        {
            o.ReportingCurrency = Currency.EUR;
            o.ExchangeRates = ExchangeRates.In(Currency.USD).With(Currency.EUR, 1.08m);
        });

        Assert.Equal("ReportingCurrency", error.ParamName);
        Assert.StartsWith(
            "ReportingCurrency is EUR, but the ExchangeRates convert into USD; they must agree (or leave ReportingCurrency null).",
            error.Message
        );
    }

    [Fact]
    public void A_health_policy_naming_a_stage_a_pipeline_lacks_is_refused()
    {
        // "negotiation" is a stage of PipelineDefinition.Default, not of Enterprise (discovery, proposal).
        var policy = HealthPolicy.Default with
        {
            LateStages = ["proposal", "negotiation"],
        };

        var error = Rejected<ArgumentException>(o =>
        {
            o.AddPipeline(Fixtures.Enterprise);
            o.HealthPolicy = policy;
        });

        Assert.Equal("HealthPolicy", error.ParamName);
        Assert.StartsWith(
            "HealthPolicy must fit every registered pipeline (it applies to the deals of each): The policy names stage \"negotiation\", "
                + "but pipeline \"Enterprise\" has no open stage with that id; its open stages are discovery, proposal.",
            error.Message
        );
    }

    [Fact]
    public void A_health_policy_naming_a_closed_stage_is_refused()
    {
        var policy = HealthPolicy.Default with
        {
            RottingAfterByStage = new Dictionary<string, Duration> { ["won"] = Duration.FromDays(5) },
        };

        var error = Rejected<ArgumentException>(o => o.HealthPolicy = policy);

        Assert.Equal("HealthPolicy", error.ParamName);
        Assert.Contains("names stage \"won\", but pipeline \"Default\" has no open stage with that id", error.Message);
    }

    [Fact]
    public void A_health_policy_is_checked_against_every_pipeline_not_only_the_default()
    {
        // "proposal" is an open stage of Enterprise (the default) but not of SMB (trial only): PipelineHealth would
        // throw for every SMB deal, so the registration is refused, naming the pipeline and the stage.
        var policy = HealthPolicy.Default with
        {
            RottingAfterByStage = new Dictionary<string, Duration> { ["proposal"] = Duration.FromDays(21) },
        };
        var services = new ServiceCollection();

        var error = Assert.Throws<ArgumentException>(() =>
            services.AddSalesPipeline(o =>
            {
                o.AddPipeline(Fixtures.Enterprise).AddPipeline(Fixtures.Smb).DefaultPipeline = "Enterprise";
                o.HealthPolicy = policy;
            })
        );

        Assert.Equal("HealthPolicy", error.ParamName);
        Assert.StartsWith(
            "HealthPolicy must fit every registered pipeline (it applies to the deals of each): The policy names stage \"proposal\", "
                + "but pipeline \"SMB\" has no open stage with that id; its open stages are trial.",
            error.Message
        );
        Assert.Empty(services);
    }

    [Fact]
    public void Win_rate_options_with_their_own_organisation_rates_or_currency_are_refused()
    {
        var options = new SalesPipelineOptions();

        var currency = Assert.Throws<ArgumentException>(() => options.WinRates = new WinRateOptions { Currency = Currency.EUR });
        var organization = Assert.Throws<ArgumentException>(() =>
            options.WinRates = new WinRateOptions { Organization = Fixtures.Organization }
        );
        var rates = Assert.Throws<ArgumentException>(() =>
            options.WinRates = new WinRateOptions { Rates = ExchangeRates.In(Currency.EUR) }
        );

        Assert.All([currency, organization, rates], e => Assert.Equal("WinRates", e.ParamName));
        Assert.StartsWith(
            "WinRates.Currency is EUR; leave it null and set SalesPipelineOptions.ReportingCurrency, which the registered WinRateOptions takes.",
            currency.Message
        );
        Assert.StartsWith(
            "WinRates.Organization is \"Acme\"; leave it null and set SalesPipelineOptions.Organization",
            organization.Message
        );
        Assert.StartsWith("WinRates.Rates is set (", rates.Message);
        Assert.Same(WinRateOptions.Default, options.WinRates);
    }

    [Fact]
    public void Win_rate_options_with_an_empty_window_or_no_zone_are_refused()
    {
        var options = new SalesPipelineOptions();

        var window = Assert.Throws<ArgumentException>(() =>
            options.WinRates = new WinRateOptions { Start = new LocalDate(2026, 4, 1), End = new LocalDate(2026, 4, 1) }
        );
        var zone = Assert.Throws<ArgumentException>(() => options.WinRates = new WinRateOptions { Zone = null! });

        Assert.Equal("WinRates", window.ParamName);
        Assert.StartsWith(
            "The window of WinRates, [2026-04-01, 2026-04-01), is empty: Start must be before End (End is exclusive).",
            window.Message
        );
        Assert.Equal("WinRates", zone.ParamName);
        Assert.StartsWith("WinRates.Zone must not be null; use DateTimeZone.Utc for UTC.", zone.Message);
    }

    [Fact]
    public void Null_policy_or_win_rate_options_are_refused()
    {
        var options = new SalesPipelineOptions();

        Assert.Equal("HealthPolicy", Assert.Throws<ArgumentNullException>(() => options.HealthPolicy = null!).ParamName);
        Assert.Equal("WinRates", Assert.Throws<ArgumentNullException>(() => options.WinRates = null!).ParamName);
        Assert.Same(HealthPolicy.Default, options.HealthPolicy);
    }

    [Fact]
    public void A_second_event_store_or_a_null_factory_is_refused()
    {
        var options = new SalesPipelineOptions();
        options.UseEventStore((_, _, _) => Task.FromResult(new RecordingStore()));

        var twice = Assert.Throws<ArgumentException>(() => options.UseEventStore((_, _, _) => Task.FromResult(new RecordingStore())));

        Assert.Equal("open", twice.ParamName);
        Assert.StartsWith("UseEventStore was called already; an application has one event store (call it once).", twice.Message);
        Assert.Equal(
            "open",
            Assert.Throws<ArgumentNullException>(() => new SalesPipelineOptions().UseEventStore<RecordingStore>(null!)).ParamName
        );
    }

    [Fact]
    public void A_second_call_on_the_same_collection_is_refused_instead_of_ignored()
    {
        var services = new ServiceCollection().AddSalesPipeline(o => o.ReportingCurrency = Currency.USD);
        var count = services.Count;

        var error = Assert.Throws<InvalidOperationException>(() => services.AddSalesPipeline(o => o.ReportingCurrency = Currency.EUR));

        Assert.Equal(
            "AddSalesPipeline was called on this service collection already; configure everything in one call (a second call's options would be ignored).",
            error.Message
        );
        Assert.Equal(count, services.Count);
        Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => ((IServiceCollection)null!).AddSalesPipeline()).ParamName);
    }
}
