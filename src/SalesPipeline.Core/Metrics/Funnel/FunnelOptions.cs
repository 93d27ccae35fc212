using System.Collections.Generic;
using SalesPipeline.Organization;
using SalesPipeline.Statistics;
using SalesPipeline.Utility;

namespace SalesPipeline.Metrics;

/// <summary>Options of <see cref="Funnel.Of(IEnumerable{Deals.Deal}, IEnumerable{Leads.Lead}, Pipelines.PipelineDefinition, FunnelOptions?)"/>.</summary>
/// <remarks>
/// Equal by content: the breakdown lists element by element (a copy is kept, so changing the list given later changes
/// nothing), the organisation and rates by their own content equality. Immutable; thread-safe.
/// </remarks>
public sealed record FunnelOptions
{
    /// <summary>The defaults: no deal breakdowns, lead conversion by source and by product, the pipeline's second open
    /// stage as "qualified", 95% Wilson intervals, no exchange rates.</summary>
    public static FunnelOptions Default { get; } = new();

    /// <summary>The breakdowns of the deal funnel (for example <see cref="Breakdown.Owner"/> and
    /// <see cref="Breakdown.Team"/>); each gives one <see cref="FunnelGroup"/> per key. Empty by default.</summary>
    public IReadOnlyList<Breakdown> Breakdowns
    {
        get;
        init => field = ValueList<Breakdown>.Copy(value)!;
    } = ValueList<Breakdown>.Copy([])!;

    /// <summary>The breakdowns of the lead conversion lines; <see cref="Breakdown.Source"/> and
    /// <see cref="Breakdown.Product"/> by default.</summary>
    public IReadOnlyList<Breakdown> LeadBreakdowns
    {
        get;
        init => field = ValueList<Breakdown>.Copy(value)!;
    } = ValueList<Breakdown>.Copy([Breakdown.Source, Breakdown.Product])!;

    /// <summary>The sales organisation; required for a <see cref="Breakdown.Team"/> breakdown.</summary>
    public SalesOrg? Organization { get; init; }

    /// <summary>The open stage a deal must reach for its lead to count as qualified; null (the default) means the
    /// pipeline's second open stage (its only one when it has one).</summary>
    public string? QualifiedStageId { get; init; }

    /// <summary>The confidence level of the intervals of the lead conversion rates; strictly between 0 and 1 (checked when
    /// the funnel is computed), 0.95 by default.</summary>
    public double Confidence { get; init; } = 0.95;

    /// <summary>The method of the intervals of the lead conversion rates: <see cref="BinomialIntervalMethod.Wilson"/> by
    /// default, or <see cref="BinomialIntervalMethod.Jeffreys"/> or <see cref="BinomialIntervalMethod.ClopperPearson"/> (see
    /// <see cref="BinomialInterval"/>). Checked when the funnel is computed.</summary>
    public BinomialIntervalMethod IntervalMethod { get; init; } = BinomialIntervalMethod.Wilson;

    /// <summary>Rates into the reporting currency, for deals in several currencies; without rates every deal must be in
    /// one currency, the reporting currency (several currencies: <see cref="MissingExchangeRateException"/> naming them).</summary>
    public ExchangeRates? Rates { get; init; }
}
