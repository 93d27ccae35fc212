using System.Globalization;
using SalesPipeline.Calendars;

namespace SalesPipeline.Forecasting;

/// <summary>
/// One line of a stage-weighted forecast: for a period (and possibly one owner or team), the open deals expected to close
/// in it with their amount and weighted amount, and the deals won in it.
/// </summary>
/// <param name="Label">What the line is: a period's label, "Overdue", "Outside the periods" or "Total", with the owner or team.</param>
/// <param name="Period">The period, or null for the overdue, outside and total lines.</param>
/// <param name="Owner">The owner the line is for, or null for every owner.</param>
/// <param name="TeamId">The team (with its whole subtree) the line is for, or null.</param>
/// <param name="OpenDeals">How many open deals are expected to close in the period.</param>
/// <param name="OpenAmount">Their amount, unweighted.</param>
/// <param name="Weighted">Their amount weighted by each deal's effective win probability, summed exactly and rounded once.</param>
/// <param name="WonDeals">How many deals were won in the period.</param>
/// <param name="Won">Their amount.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record WeightedLine(
    string Label,
    FiscalPeriod? Period,
    string? Owner,
    string? TeamId,
    int OpenDeals,
    Money OpenAmount,
    Money Weighted,
    int WonDeals,
    Money Won
)
{
    /// <summary>The expected revenue of the line: won plus weighted open.</summary>
    public Money Expected => Won + Weighted;

    /// <summary>"label | open n amount | weighted | won n amount | expected".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{Label} | open {OpenDeals} {OpenAmount} | weighted {Weighted} | won {WonDeals} {Won} | expected {Expected}"
        );
}
