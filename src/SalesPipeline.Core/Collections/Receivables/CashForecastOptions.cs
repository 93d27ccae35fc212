using System.Collections.Generic;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;
using SalesPipeline.Utility;

namespace SalesPipeline.Collections;

/// <summary>
/// What a <see cref="CashForecast"/> adds to the scheduled collections: won deals not yet scheduled and the weighted open
/// pipeline, each projected through <see cref="DefaultTerms"/> and shown in its own column.
/// </summary>
/// <remarks>Immutable (the lists are read once, when the forecast runs); thread-safe.</remarks>
/// <example><code>
/// new CashForecastOptions { DefaultTerms = terms, WonDeals = wonNotScheduled, OpenDeals = open, Pipeline = PipelineDefinition.Default };
/// </code></example>
public sealed record CashForecastOptions
{
    /// <summary>The terms applied to deals that have no schedule yet; required when <see cref="WonDeals"/> or <see cref="OpenDeals"/> has a deal.</summary>
    public PaymentTerms? DefaultTerms { get; init; }

    /// <summary>Won deals that have no collection schedule yet: projected from their amount, signed on the date they were won.</summary>
    public IEnumerable<Deal> WonDeals { get; init; } = [];

    /// <summary>Open deals: projected from amount x win probability, signed on their expected close date.</summary>
    public IEnumerable<Deal> OpenDeals { get; init; } = [];

    /// <summary>The pipeline that gives the open deals' win probabilities (<see cref="PipelineTransitions.WinProbabilityOf"/>); required with open deals.</summary>
    public PipelineDefinition? Pipeline { get; init; }

    /// <summary>The time zone in which a won deal's close instant becomes its signing date; UTC by default.</summary>
    /// <exception cref="System.ArgumentNullException">The value is null.</exception>
    public DateTimeZone Zone
    {
        get;
        init => field = Preconditions.CheckNotNull(value, nameof(Zone));
    } = DateTimeZone.Utc;
}
