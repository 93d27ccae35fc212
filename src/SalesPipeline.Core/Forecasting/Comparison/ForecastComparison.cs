using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SalesPipeline.Forecasting;

/// <summary>The stage-weighted and category views of the same open deals side by side.</summary>
/// <param name="Currency">The reporting currency.</param>
/// <param name="Deals">Every open deal compared, in the order given.</param>
/// <param name="Disagreements">The deals whose probability lies outside their category's band, largest amount first (then largest disagreement, then deal id).</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record ForecastComparison(Currency Currency, IReadOnlyList<DealComparison> Deals, IReadOnlyList<DealComparison> Disagreements)
{
    /// <summary>A table of the disagreements.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{Disagreements.Count} of {Deals.Count} open deals disagree\n");
        foreach (var d in Disagreements)
        {
            sb.Append(d).Append('\n');
        }
        return sb.ToString();
    }
}
