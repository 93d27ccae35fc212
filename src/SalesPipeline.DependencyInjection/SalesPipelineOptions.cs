using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using SalesPipeline.Health;
using SalesPipeline.Metrics;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;
using SalesPipeline.Storage;
using SalesPipeline.Utility;

namespace SalesPipeline.DependencyInjection;

/// <summary>
/// What <c>services.AddSalesPipeline(options =&gt; ...)</c> registers: the pipelines by name, the sales organisation, the
/// health policy, the win-rate options, the reporting currency and exchange rates, and the event store.
/// </summary>
/// <remarks>
/// <para>Each setter checks its own value (an <see cref="ArgumentException"/> whose parameter name is the option's name);
/// what depends on several options (the default pipeline among those added, the currency against the rates, the health
/// policy's stages against the default pipeline) is checked when <c>AddSalesPipeline</c> registers them, before anything
/// is registered. docs/dependency-injection.md lists every service and its lifetime.</para>
/// <para>Not thread-safe: configure it on one thread, inside the <c>AddSalesPipeline</c> callback. What it registers is
/// immutable.</para>
/// </remarks>
/// <example><code>
/// services.AddSalesPipeline(options =>
/// {
///     options.AddPipeline(enterprise);
///     options.Organization = org;
///     options.ExchangeRates = ExchangeRates.In(Currency.USD).With(Currency.EUR, 1.08m);
///     options.WinRates = new WinRateOptions { Definition = WinRateDefinition.Created };
///     options.UseEventStore((services, pipelines, ct) =&gt; SqliteEventStore.OpenAsync("deals.db", pipelines, cancellationToken: ct));
/// });
/// </code></example>
public sealed class SalesPipelineOptions
{
    private readonly List<PipelineDefinition> pipelines = [];

    /// <summary>The pipelines added with <see cref="AddPipeline"/>, in order; empty by default (then the catalog holds <see cref="PipelineDefinition.Default"/>).</summary>
    public IReadOnlyList<PipelineDefinition> Pipelines => pipelines;

    /// <summary>
    /// The name of the default pipeline (the one injected as <see cref="PipelineDefinition"/>); it must be one of
    /// <see cref="Pipelines"/> (or "Default" when none was added). Null by default: then the only pipeline added is the
    /// default, and several pipelines are an error.
    /// </summary>
    /// <exception cref="ArgumentException">The value is empty or whitespace.</exception>
    public string? DefaultPipeline
    {
        get;
        set
        {
            Preconditions.CheckArgument(
                value is null || !string.IsNullOrWhiteSpace(value),
                nameof(DefaultPipeline),
                $"DefaultPipeline must be a pipeline's name (or null); it was \"{value}\"."
            );
            field = value;
        }
    }

    /// <summary>The sales organisation, registered as <see cref="SalesOrg"/> and given to the win-rate options; null by default (nothing is registered).</summary>
    public SalesOrg? Organization { get; set; }

    /// <summary>The health policy, registered as <see cref="Health.HealthPolicy"/>; <see cref="HealthPolicy.Default"/> by default. The stage ids it names must be open stages of the default pipeline.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public HealthPolicy HealthPolicy
    {
        get;
        set =>
            field =
                value
                ?? throw new ArgumentNullException(
                    nameof(HealthPolicy),
                    "HealthPolicy must not be null; HealthPolicy.Default is the default."
                );
    } = HealthPolicy.Default;

    /// <summary>
    /// The win-rate options (definition, confidence, interval method, time zone, optional window), registered as
    /// <see cref="WinRateOptions"/> with <see cref="WinRateOptions.Organization"/> and <see cref="WinRateOptions.Rates"/>
    /// taken from the registered <see cref="SalesOrg"/> and <see cref="SalesPipeline.ExchangeRates"/>. <see cref="WinRateOptions.Default"/>
    /// by default (won / (won + lost), 95% Wilson intervals, UTC). Its own organisation, rates and currency must be
    /// null: they are set once, here, on <see cref="Organization"/>, <see cref="ExchangeRates"/> and <see cref="ReportingCurrency"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    /// <exception cref="ArgumentException">The value has its own organisation, rates or currency, no time zone, or an empty window.</exception>
    public WinRateOptions WinRates
    {
        get;
        set =>
            field = CheckWinRates(
                value
                    ?? throw new ArgumentNullException(
                        nameof(WinRates),
                        "WinRates must not be null; WinRateOptions.Default is the default."
                    )
            );
    } = WinRateOptions.Default;

    /// <summary>
    /// The currency reports are in. Alone, it registers <c>ExchangeRates.In(ReportingCurrency)</c>: a table that knows
    /// only that currency, so an amount in another currency is a <see cref="MissingExchangeRateException"/> naming it
    /// (never a silent skip). With <see cref="ExchangeRates"/> it must be theirs. Null by default.
    /// </summary>
    public Currency? ReportingCurrency { get; set; }

    /// <summary>The exchange rates into the reporting currency, registered as <see cref="SalesPipeline.ExchangeRates"/>; null by default (then reports use the one currency of their amounts, docs/money.md).</summary>
    public ExchangeRates? ExchangeRates { get; set; }

    /// <summary>Adds a pipeline definition, found in the <see cref="PipelineCatalog"/> by its <see cref="PipelineDefinition.Name"/>.</summary>
    /// <param name="pipeline">The definition.</param>
    /// <returns>These options, to chain calls.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pipeline"/> is null.</exception>
    /// <exception cref="ArgumentException">A pipeline of the same name (ordinal) was added already.</exception>
    public SalesPipelineOptions AddPipeline(PipelineDefinition pipeline)
    {
        Preconditions.CheckNotNull(pipeline);
        Preconditions.CheckArgument(
            !pipelines.Exists(p => string.Equals(p.Name, pipeline.Name, StringComparison.Ordinal)),
            nameof(pipeline),
            $"A pipeline named \"{pipeline.Name}\" was added already; pipeline names must be unique (ordinal), as the event store finds a deal's pipeline by name."
        );
        pipelines.Add(pipeline);
        return this;
    }

    /// <summary>
    /// Sets the event store: <paramref name="open"/> opens it on first use (of <see cref="IEventStore"/> or
    /// <see cref="DeferredEventStore.OpenAsync"/>) with the catalog's pipelines, and the container disposes it with
    /// itself. This package references no backend: the application picks one and references its package.
    /// </summary>
    /// <typeparam name="TStore">The store's type, for example <c>SqliteEventStore</c>.</typeparam>
    /// <param name="open">Opens the store: given the root service provider (to read configuration or a registered
    /// <c>NpgsqlDataSource</c>), the registered pipelines and a token that is cancelled when the container is disposed.
    /// Called once; again only after an open that failed.</param>
    /// <returns>These options, to chain calls.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="open"/> is null.</exception>
    /// <exception cref="ArgumentException">An event store was set already.</exception>
    /// <example><code>
    /// options.UseEventStore((services, pipelines, ct) =&gt; SqliteEventStore.OpenAsync("deals.db", pipelines, cancellationToken: ct));
    /// options.UseEventStore((services, pipelines, ct) =&gt; PostgreSqlEventStore.OpenAsync(connectionString, pipelines, cancellationToken: ct));
    /// </code></example>
    public SalesPipelineOptions UseEventStore<TStore>(
        Func<IServiceProvider, IReadOnlyList<PipelineDefinition>, CancellationToken, Task<TStore>> open
    )
        where TStore : class, IEventStore
    {
        Preconditions.CheckNotNull(open);
        Preconditions.CheckArgument(
            StoreOpener is null,
            nameof(open),
            "UseEventStore was called already; an application has one event store (call it once)."
        );
        StoreOpener = async (services, registered, cancellationToken) =>
            await open(services, registered, cancellationToken).ConfigureAwait(false);
        return this;
    }

    internal Func<IServiceProvider, IReadOnlyList<PipelineDefinition>, CancellationToken, Task<IEventStore?>>? StoreOpener
    {
        get;
        private set;
    }

    private static WinRateOptions CheckWinRates(WinRateOptions value)
    {
        const string name = nameof(WinRates);
        Preconditions.CheckArgument(
            value.Organization is null,
            name,
            $"WinRates.Organization is \"{value.Organization?.Company}\"; leave it null and set SalesPipelineOptions.Organization, which the registered WinRateOptions takes."
        );
        Preconditions.CheckArgument(
            value.Rates is null,
            name,
            $"WinRates.Rates is set ({value.Rates}); leave it null and set SalesPipelineOptions.ExchangeRates, which the registered WinRateOptions takes."
        );
        Preconditions.CheckArgument(
            value.Currency is null,
            name,
            $"WinRates.Currency is {value.Currency?.Code}; leave it null and set SalesPipelineOptions.ReportingCurrency, which the registered WinRateOptions takes."
        );
        Preconditions.CheckArgument(value.Zone is not null, name, "WinRates.Zone must not be null; use DateTimeZone.Utc for UTC.");
        if (value.Start is { } start && value.End is { } end)
        {
            Preconditions.CheckArgument(
                start < end,
                name,
                $"The window of WinRates, [{start:uuuu-MM-dd}, {end:uuuu-MM-dd}), is empty: Start must be before End (End is exclusive)."
            );
        }
        return value;
    }
}
