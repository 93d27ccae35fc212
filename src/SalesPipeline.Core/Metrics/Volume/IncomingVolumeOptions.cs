using NodaTime;
using SalesPipeline.Organization;

namespace SalesPipeline.Metrics;

/// <summary>Options of <see cref="IncomingVolume.Of"/>.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record IncomingVolumeOptions
{
    /// <summary>The defaults: by source, dates in UTC.</summary>
    public static IncomingVolumeOptions Default { get; } = new();

    /// <summary>The breakdown of the keyed lines: <see cref="Breakdown.Source"/> by default (a lead's product is its
    /// product of interest).</summary>
    public Breakdown Breakdown { get; init; } = Breakdown.Source;

    /// <summary>The sales organisation; required for a <see cref="Breakdown.Team"/> breakdown.</summary>
    public SalesOrg? Organization { get; init; }

    /// <summary>The zone in which a creation instant becomes a date; UTC by default.</summary>
    public DateTimeZone Zone { get; init; } = DateTimeZone.Utc;
}
