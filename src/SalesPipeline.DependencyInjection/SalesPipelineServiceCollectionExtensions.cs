using System;
using System.Linq;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using SalesPipeline;
using SalesPipeline.DependencyInjection;
using SalesPipeline.Forecasting;
using SalesPipeline.Health;
using SalesPipeline.Metrics;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;
using SalesPipeline.Storage;
using SalesPipeline.Utility;

// In the container's own namespace, as Microsoft's guidance for libraries asks: `services.AddSalesPipeline` is found
// wherever `services.AddSingleton` is, with no extra using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers SalesPipeline in an <see cref="IServiceCollection"/>: <see cref="AddSalesPipeline"/>.</summary>
/// <remarks>Thread-safety: call it while the collection is being built, on one thread (as every registration).</remarks>
public static class SalesPipelineServiceCollectionExtensions
{
    /// <summary>
    /// Registers the pipelines, the sales organisation, the health policy, the win-rate and forecast options, the
    /// exchange rates, the event store and a NodaTime <see cref="IClock"/>, each as a singleton and only if the application has not
    /// registered that service itself (<c>TryAdd</c>: the application's registrations win, before or after this call).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; null registers the defaults (<see cref="PipelineDefinition.Default"/>,
    /// <see cref="HealthPolicy.Default"/>, <see cref="WinRateOptions.Default"/>, the system clock, no store).</param>
    /// <returns><paramref name="services"/>, to chain calls.</returns>
    /// <remarks>
    /// <para>Registered (docs/dependency-injection.md): <see cref="PipelineCatalog"/>; <see cref="PipelineDefinition"/>
    /// (the catalog's default); <see cref="HealthPolicy"/>; <see cref="WinRateOptions"/> and <see cref="ForecastOptions"/>
    /// (with the registered <see cref="SalesOrg"/> and <see cref="ExchangeRates"/>; the forecast's as-of date and time
    /// zone are its defaults: register your own ForecastOptions to change them); <see cref="IClock"/> (<see cref="SystemClock.Instance"/>);
    /// <see cref="SalesOrg"/> and <see cref="ExchangeRates"/> only when configured (they are optional in every report, so
    /// an unconfigured one resolves to null through <c>GetService</c>); with
    /// <see cref="SalesPipelineOptions.UseEventStore"/>, <see cref="DeferredEventStore"/> and <see cref="IEventStore"/> (the
    /// same instance, opened on first use, disposed with the container); without it, resolving <see cref="IEventStore"/>
    /// throws an <see cref="InvalidOperationException"/> that says how to configure one.</para>
    /// <para>The options are checked before anything is registered: when this throws, the collection is unchanged.</para>
    /// <para>Services the application registered itself are checked against the options when they are used, since they
    /// exist only in the container: resolving <see cref="WinRateOptions"/> or <see cref="ForecastOptions"/> throws an
    /// <see cref="InvalidOperationException"/> when the container's <see cref="ExchangeRates"/> convert into another
    /// currency than <see cref="SalesPipelineOptions.ReportingCurrency"/>; resolving <see cref="HealthPolicy"/> throws one
    /// when the policy names a stage the injected <see cref="PipelineDefinition"/> lacks; and the event store is opened
    /// with the catalog's pipelines plus the injected <see cref="PipelineDefinition"/> (refused when it has the name of a
    /// different catalog pipeline).</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null, or an option was set to null.</exception>
    /// <exception cref="ArgumentException">An option is invalid; its parameter name is the option's name
    /// (<see cref="SalesPipelineOptions.DefaultPipeline"/> not among the pipelines added, or several pipelines without it;
    /// <see cref="SalesPipelineOptions.ReportingCurrency"/> not the currency of
    /// <see cref="SalesPipelineOptions.ExchangeRates"/>; a stage of <see cref="SalesPipelineOptions.HealthPolicy"/> that
    /// is not an open stage of every registered pipeline, since the policy applies to the deals of each; and each
    /// setter's own rule).</exception>
    /// <exception cref="InvalidOperationException"><c>AddSalesPipeline</c> was called on this collection already (a
    /// second call's options would otherwise be ignored by <c>TryAdd</c>: configure everything in one call).</exception>
    /// <example><code>
    /// services.AddSalesPipeline(options =&gt;
    /// {
    ///     options.AddPipeline(PipelineDefinition.Default);
    ///     options.ReportingCurrency = Currency.USD;
    ///     options.UseEventStore((sp, pipelines, ct) =&gt; SqliteEventStore.OpenAsync("deals.db", pipelines, cancellationToken: ct));
    /// });
    /// </code></example>
    public static IServiceCollection AddSalesPipeline(this IServiceCollection services, Action<SalesPipelineOptions>? configure = null)
    {
        Preconditions.CheckNotNull(services);
        if (services.Any(d => d.ServiceType == typeof(Registered)))
        {
            throw new InvalidOperationException(
                "AddSalesPipeline was called on this service collection already; configure everything in one call (a second call's options would be ignored)."
            );
        }
        var options = new SalesPipelineOptions();
        configure?.Invoke(options);
        var catalog = CatalogOf(options);
        var rates = RatesOf(options);
        var policy = options.HealthPolicy;
        foreach (var pipeline in catalog.Pipelines)
        {
            CheckHealthPolicy(policy, pipeline);
        }
        var currency = options.ReportingCurrency;
        var winRates = options.WinRates;
        var opener = options.StoreOpener;

        services.AddSingleton(new Registered());
        services.TryAddSingleton(catalog);
        services.TryAddSingleton(sp => sp.GetRequiredService<PipelineCatalog>().Default);
        // A factory, so a PipelineDefinition the application registered itself is checked against the policy too
        // (the catalog's pipelines were checked above).
        services.TryAddSingleton(sp =>
        {
            var injected = sp.GetRequiredService<PipelineDefinition>();
            if (!sp.GetRequiredService<PipelineCatalog>().Pipelines.Contains(injected))
            {
                CheckInjectedPipeline(policy, injected);
            }
            return policy;
        });
        if (options.Organization is { } organization)
        {
            services.TryAddSingleton(organization);
        }
        if (rates is not null)
        {
            services.TryAddSingleton(rates);
        }
        // From the container, so an organisation or rates the application registered itself flow in too.
        services.TryAddSingleton(sp => winRates with { Organization = sp.GetService<SalesOrg>(), Rates = RatesFrom(sp, currency) });
        services.TryAddSingleton(sp =>
            ForecastOptions.Default with
            {
                Organization = sp.GetService<SalesOrg>(),
                Rates = RatesFrom(sp, currency),
            }
        );
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        if (opener is not null)
        {
            services.TryAddSingleton(sp => new DeferredEventStore(sp, opener));
            services.TryAddSingleton<IEventStore>(sp => sp.GetRequiredService<DeferredEventStore>());
        }
        else
        {
            services.TryAddSingleton<IEventStore>(_ =>
                throw new InvalidOperationException(
                    "No event store is configured: call options.UseEventStore(...) in AddSalesPipeline (for example with "
                        + "SqliteEventStore.OpenAsync from SalesPipeline.Storage.Sqlite), or register an IEventStore yourself."
                )
            );
        }
        return services;
    }

    private static PipelineCatalog CatalogOf(SalesPipelineOptions options)
    {
        const string name = nameof(SalesPipelineOptions.DefaultPipeline);
        var pipelines = options.Pipelines.Count == 0 ? [PipelineDefinition.Default] : options.Pipelines.ToArray();
        if (options.DefaultPipeline is { } wanted)
        {
            var found = Array.Find(pipelines, p => string.Equals(p.Name, wanted, StringComparison.Ordinal));
            Preconditions.CheckArgument(
                found is not null,
                name,
                $"DefaultPipeline is \"{wanted}\", but no pipeline of that name was added; the pipelines are {PipelineCatalog.NameList(pipelines)} (names are case-sensitive)."
            );
            return new PipelineCatalog(pipelines, found);
        }
        Preconditions.CheckArgument(
            pipelines.Length == 1,
            name,
            $"Several pipelines were added ({PipelineCatalog.NameList(pipelines)}) and DefaultPipeline is not set; set it to the name of the one injected as PipelineDefinition."
        );
        return new PipelineCatalog(pipelines, pipelines[0]);
    }

    private static ExchangeRates? RatesOf(SalesPipelineOptions options)
    {
        if (options.ExchangeRates is { } rates)
        {
            Preconditions.CheckArgument(
                options.ReportingCurrency is null || options.ReportingCurrency == rates.ReportingCurrency,
                nameof(SalesPipelineOptions.ReportingCurrency),
                $"ReportingCurrency is {options.ReportingCurrency?.Code}, but the ExchangeRates convert into {rates.ReportingCurrency.Code}; they must agree (or leave ReportingCurrency null)."
            );
            return rates;
        }
        return options.ReportingCurrency is { } currency ? ExchangeRates.In(currency) : null;
    }

    // The rates in the container, which may be the application's own: they must convert into the configured currency.
    private static ExchangeRates? RatesFrom(IServiceProvider services, Currency? currency)
    {
        var rates = services.GetService<ExchangeRates>();
        if (currency is { } wanted && rates is not null && rates.ReportingCurrency != wanted)
        {
            throw new InvalidOperationException(
                $"SalesPipelineOptions.ReportingCurrency is {wanted.Code}, but the ExchangeRates registered in the container convert into "
                    + $"{rates.ReportingCurrency.Code}; they must agree (register rates into {wanted.Code}, or leave ReportingCurrency null)."
            );
        }
        return rates;
    }

    // Core's own rule (every stage the policy names is an open stage of the pipeline), applied by the accumulator
    // PipelineHealth.Inspect builds for the pipeline it inspects: building one here applies the same check, with the same
    // wording, at start-up rather than on the first inspection. Against every registered pipeline, since any deal may
    // belong to any of them.
    private static void CheckHealthPolicy(HealthPolicy policy, PipelineDefinition pipeline)
    {
        var problem = PolicyProblem(policy, pipeline);
        Preconditions.CheckArgument(
            problem is null,
            nameof(SalesPipelineOptions.HealthPolicy),
            $"HealthPolicy must fit every registered pipeline (it applies to the deals of each): {problem}"
        );
    }

    private static void CheckInjectedPipeline(HealthPolicy policy, PipelineDefinition pipeline)
    {
        if (PolicyProblem(policy, pipeline) is { } problem)
        {
            throw new InvalidOperationException(
                $"The PipelineDefinition registered in the container does not fit SalesPipelineOptions.HealthPolicy: {problem}"
            );
        }
    }

    // Core's message, without the " (Parameter 'policy')" that ArgumentException.Message appends (the exception thrown
    // here names its own parameter, or none).
    private static string? PolicyProblem(HealthPolicy policy, PipelineDefinition pipeline)
    {
        try
        {
            _ = new PipelineHealthAccumulator(pipeline, NodaConstants.UnixEpoch, policy);
            return null;
        }
        catch (ArgumentException ex) when (ex.ParamName == "policy")
        {
            var suffix = $" (Parameter '{ex.ParamName}')";
            return ex.Message.EndsWith(suffix, StringComparison.Ordinal) ? ex.Message[..^suffix.Length] : ex.Message;
        }
    }

    // Marks a collection AddSalesPipeline has registered into.
    private sealed class Registered;
}
