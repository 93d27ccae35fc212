using System.Collections.Generic;
using System.Globalization;
using System.Text;
using SalesPipeline.Money;

namespace SalesPipeline.Forecasting;

/// <summary>
/// A stage-weighted forecast: per period, the revenue won in it plus the open deals expected to close in it weighted by
/// their effective win probability; overdue open deals and open deals outside the periods on lines of their own, so
/// that no open deal is ever dropped; per owner, and per team when an organization was given.
/// </summary>
/// <param name="Currency">The reporting currency.</param>
/// <param name="Periods">One line per period, in the order the periods were given.</param>
/// <param name="Overdue">Open deals whose expected close date is before the forecast's as-of date.</param>
/// <param name="OutsidePeriods">Open deals expected to close on or after the as-of date but in none of the periods.</param>
/// <param name="Total">The sum of the period lines (not of the overdue and outside lines).</param>
/// <param name="ByOwner">One line per period and owner, periods in order, owners in ordinal order.</param>
/// <param name="ByTeam">One line per period and team (each team with its whole subtree); empty without an organization.</param>
/// <remarks>
/// Each line's weighted amount is the exact sum of amount x probability over its deals, rounded once to the minor unit
/// (half away from zero). So the rounded lines of the owners of a period may differ from the period's line by a few
/// minor units; the period line is the one to trust. Immutable; thread-safe.
/// </remarks>
public sealed record StageWeightedForecast(
    Currency Currency,
    IReadOnlyList<WeightedLine> Periods,
    WeightedLine Overdue,
    WeightedLine OutsidePeriods,
    WeightedLine Total,
    IReadOnlyList<WeightedLine> ByOwner,
    IReadOnlyList<WeightedLine> ByTeam
)
{
    /// <summary>A table: one row per period, then the overdue, outside and total rows.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(
            CultureInfo.InvariantCulture,
            $"{"Period", -28} {"Open", 5} {"Open amount", 20} {"Weighted", 20} {"Won", 4} {"Won amount", 20} {"Expected", 20}\n"
        );
        foreach (var line in Periods)
        {
            Row(sb, line);
        }
        Row(sb, Overdue);
        Row(sb, OutsidePeriods);
        Row(sb, Total);
        return sb.ToString();
    }

    private static void Row(StringBuilder sb, WeightedLine l) =>
        sb.Append(
            CultureInfo.InvariantCulture,
            $"{l.Label, -28} {l.OpenDeals, 5} {l.OpenAmount, 20} {l.Weighted, 20} {l.WonDeals, 4} {l.Won, 20} {l.Expected, 20}\n"
        );
}
