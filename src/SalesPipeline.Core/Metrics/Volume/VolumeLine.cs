using System.Globalization;
using SalesPipeline.Calendars;

namespace SalesPipeline.Metrics;

/// <summary>New leads and new deals of one period (and possibly one key), or of the days outside every period.</summary>
/// <param name="Label">The period's label (with the key), "Outside the periods" or "Total".</param>
/// <param name="Period">The period, or null for the outside and total lines.</param>
/// <param name="Key">The breakdown key (see <see cref="BreakdownKeys"/>), or null for a line of every key.</param>
/// <param name="NewLeads">Leads created in the period.</param>
/// <param name="NewDeals">Deals created in the period (converted from a lead or not).</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record VolumeLine(string Label, FiscalPeriod? Period, string? Key, int NewLeads, int NewDeals)
{
    /// <summary>"2026-01 web | leads 12 | deals 4".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Label} | leads {NewLeads} | deals {NewDeals}");
}
