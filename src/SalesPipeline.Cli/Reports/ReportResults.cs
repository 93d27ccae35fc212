using System.Collections.Generic;
using SalesPipeline.Collections;
using SalesPipeline.Forecasting;
using SalesPipeline.Metrics;

namespace SalesPipeline.Cli.Reports;

/// <summary>
/// A computed report: its sections (the tables) and the results the HTML page draws its charts from (null when the
/// command does not compute them). Immutable.
/// </summary>
internal sealed record ReportResults(IReadOnlyList<ReportSection> Sections)
{
    /// <summary>The funnel.</summary>
    public FunnelReport? Funnel { get; init; }

    /// <summary>The stage-weighted forecast of the coming periods.</summary>
    public StageWeightedForecast? StageWeighted { get; init; }

    /// <summary>The rep-category forecast of the coming periods.</summary>
    public CategoryForecast? Category { get; init; }

    /// <summary>The revenue distribution of the quarter.</summary>
    public RevenueDistribution? Distribution { get; init; }

    /// <summary>The revenue target whose chance the distribution gives, if any.</summary>
    public Money? Target { get; init; }

    /// <summary>The velocity of the last complete quarter against the one before.</summary>
    public VelocityComparison? Velocity { get; init; }

    /// <summary>The receivables aging.</summary>
    public AgingReport? Aging { get; init; }

    /// <summary>The cash forecast.</summary>
    public CashForecastReport? Cash { get; init; }
}
