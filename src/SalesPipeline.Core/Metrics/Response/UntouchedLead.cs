using System.Globalization;
using NodaTime;

namespace SalesPipeline.Metrics;

/// <summary>A lead nobody had touched at the as-of instant although it had waited longer than the limit.</summary>
/// <param name="Lead">The lead's id.</param>
/// <param name="Owner">Its owner.</param>
/// <param name="CreatedAt">When it arrived.</param>
/// <param name="WaitingHours">How long it had waited at the as-of instant, in hours.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record UntouchedLead(LeadId Lead, string Owner, Instant CreatedAt, double WaitingHours)
{
    /// <summary>"L-7 alice waiting 30 h".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Lead} {Owner} waiting {WaitingHours:0.#} h");
}
