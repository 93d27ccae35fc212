namespace SalesPipeline.Pipelines;

/// <summary>
/// The category a rep commits a deal to in the rep-category forecast, ordered from least to most certain:
/// <see cref="Omitted"/> &lt; <see cref="Pipeline"/> &lt; <see cref="BestCase"/> &lt; <see cref="Commit"/> &lt; <see cref="Closed"/>.
/// </summary>
/// <remarks>
/// Cumulative roll-ups follow the order: Commit includes Closed; Best case includes Commit and Closed; open pipeline is
/// Pipeline + Best case + Commit of open deals; Omitted never counts. The numeric values follow the order, so
/// categories compare with <c>&lt;</c> and <c>&gt;</c>.
/// </remarks>
public enum ForecastCategory
{
    /// <summary>Excluded from the forecast (for example lost deals, or deals the rep does not want counted).</summary>
    Omitted = 0,

    /// <summary>Open and possible, but not yet likely.</summary>
    Pipeline = 1,

    /// <summary>Could close in the period if things go well.</summary>
    BestCase = 2,

    /// <summary>The rep is confident it will close in the period.</summary>
    Commit = 3,

    /// <summary>Won.</summary>
    Closed = 4,
}
