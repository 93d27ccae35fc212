using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SalesPipeline.Forecasting;

/// <summary>The outcome of a back-test: per point what each method forecast and what was won, and each method's accuracy.</summary>
/// <param name="Currency">The reporting currency.</param>
/// <param name="Rows">One row per point, in the order given.</param>
/// <param name="Methods">The accuracy of each method over all points.</param>
/// <param name="P10ToP90Coverage">The share of points whose actual revenue fell between P10 and P90; about 0.8 when the distribution is honest.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record BacktestResult(
    Currency Currency,
    IReadOnlyList<BacktestRow> Rows,
    IReadOnlyList<MethodAccuracy> Methods,
    double P10ToP90Coverage
)
{
    /// <summary>The rows, then the accuracy table.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder();
        foreach (var row in Rows)
        {
            sb.Append(row).Append('\n');
        }
        foreach (var method in Methods)
        {
            sb.Append(method).Append('\n');
        }
        sb.Append(CultureInfo.InvariantCulture, $"P10-P90 coverage {P10ToP90Coverage:0.00} over {Rows.Count} points\n");
        return sb.ToString();
    }
}
