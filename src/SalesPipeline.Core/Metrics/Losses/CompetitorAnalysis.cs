using System;
using System.Collections.Generic;
using SalesPipeline.Deals;

namespace SalesPipeline.Metrics;

/// <summary>
/// Competitor analysis: for each competitor, the deals against it, our win rate against it (count and value, with a
/// confidence interval by <see cref="WinRateOptions.IntervalMethod"/>) and the value lost to it. See <see cref="CompetitorAccumulator"/> for which deals count.
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class CompetitorAnalysis
{
    /// <summary>Analyses the deals by the competitors they faced.</summary>
    /// <param name="deals">The deals.</param>
    /// <param name="options">Options; <see cref="WinRateOptions.Default"/> when null.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="deals"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">The options are inconsistent.</exception>
    /// <exception cref="MissingExchangeRateException">A deal's currency cannot be converted to the reporting currency.</exception>
    public static CompetitorReport Of(IEnumerable<Deal> deals, WinRateOptions? options = null)
    {
        return new CompetitorAccumulator(options).AddAll(deals).Result();
    }
}
