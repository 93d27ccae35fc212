using System.Collections.Generic;
using System.Globalization;
using SalesPipeline.Calendars;

namespace SalesPipeline.Forecasting;

/// <summary>One node of the forecast hierarchy in one period: its gross (unadjusted) and adjusted category amounts.</summary>
/// <param name="Period">The period.</param>
/// <param name="Kind">Company, team, person or unassigned.</param>
/// <param name="Id">The team or person id (the company name for the company line, "(unassigned)" for unassigned).</param>
/// <param name="ParentId">The id of the node it rolls up into, or null for the company.</param>
/// <param name="Gross">The roll-up of the deals, never changed by adjustments.</param>
/// <param name="Adjusted">The roll-up with managers' adjustments in force.</param>
/// <param name="Adjustments">The adjustments of this node's own figures (in force or superseded), oldest first.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record CategoryLine(
    FiscalPeriod Period,
    CategoryNodeKind Kind,
    string Id,
    string? ParentId,
    CategoryAmounts Gross,
    CategoryAmounts Adjusted,
    IReadOnlyList<CategoryAdjustment> Adjustments
)
{
    /// <summary>"period kind id: gross ... | adjusted ...".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Period.Label} {Kind} {Id}: {Gross}");
}
