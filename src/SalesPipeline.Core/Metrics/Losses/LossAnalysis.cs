using System;
using System.Collections.Generic;
using SalesPipeline.Deals;

namespace SalesPipeline.Metrics;

/// <summary>
/// Loss-and-stop analysis: for each loss reason, how many deals were lost and how much, their share of the lost count
/// and of the lost value, and the stages they were lost from; the same for the stopped deals by stop reason. See
/// <see cref="LossAccumulator"/> for which deals count.
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class LossAnalysis
{
    /// <summary>Analyses the lost deals closed in the options' window and the stopped deals stopped in it.</summary>
    /// <param name="deals">The deals (open and won ones are ignored).</param>
    /// <param name="options">The window, zone and currency; <see cref="WinRateOptions.Default"/> when null.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="deals"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">The options are inconsistent.</exception>
    /// <exception cref="MissingExchangeRateException">A deal's currency cannot be converted to the reporting currency.</exception>
    public static LossReport Of(IEnumerable<Deal> deals, WinRateOptions? options = null)
    {
        return new LossAccumulator(options).AddAll(deals).Result();
    }
}
