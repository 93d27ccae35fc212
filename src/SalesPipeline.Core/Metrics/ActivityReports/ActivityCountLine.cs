using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SalesPipeline.Activities;
using SalesPipeline.Calendars;

namespace SalesPipeline.Metrics;

/// <summary>One rep's activities of one kind in one period, with how they ended.</summary>
/// <param name="Rep">The rep.</param>
/// <param name="Period">The period.</param>
/// <param name="Kind">The kind of activity.</param>
/// <param name="Count">How many; the sum of <paramref name="Outcomes"/>.</param>
/// <param name="Outcomes">By outcome, in ordinal code order.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record ActivityCountLine(string Rep, FiscalPeriod Period, ActivityKind Kind, int Count, IReadOnlyList<OutcomeCount> Outcomes)
{
    /// <summary>"alice  2026-03  Call  5 (connected 3, no-answer 2)".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{Rep}  {Period.Label}  {Kind}  {Count} ({string.Join(", ", Outcomes.Select(o => $"{o.Outcome} {o.Count}"))})"
        );
}
