using NodaTime;
using SalesPipeline.Organization;
using SalesPipeline.Utility;

namespace SalesPipeline.Metrics;

/// <summary>How <see cref="LeadResponseTime.Of"/> flags slow responses, and the organisation for a breakdown by team.</summary>
/// <remarks>Immutable; thread-safe. <c>new LeadResponseOptions()</c> gives the defaults.</remarks>
public sealed record LeadResponseOptions
{
    /// <summary>How long a lead may wait for its first touch before it is flagged; 24 hours by default (a common
    /// service level for inbound leads). A lead untouched for longer than this at the as-of instant is overdue; a lead
    /// first touched after longer than this was answered late.</summary>
    public Duration UntouchedAfter { get; init; } = Duration.FromHours(24);

    /// <summary>The sales organisation, needed for <see cref="Breakdown.Team"/>.</summary>
    public SalesOrg? Organization { get; init; }

    /// <summary>The defaults: flag after 24 hours, no organisation.</summary>
    public static LeadResponseOptions Default { get; } = new();

    internal void Check(string paramName) =>
        Preconditions.CheckRange(
            UntouchedAfter > Duration.Zero,
            paramName,
            UntouchedAfter,
            $"LeadResponseOptions.UntouchedAfter must be positive; it was {UntouchedAfter}."
        );
}
