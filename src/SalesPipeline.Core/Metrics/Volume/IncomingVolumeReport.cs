using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace SalesPipeline.Metrics;

/// <summary>Incoming volume: new leads and new deals per period, in total and per breakdown key.</summary>
/// <remarks>Two reports are equal when all their lines are. Immutable; thread-safe.</remarks>
public sealed record IncomingVolumeReport
{
    internal IncomingVolumeReport(
        Breakdown breakdown,
        IReadOnlyList<VolumeLine> periods,
        IReadOnlyList<VolumeLine> byKey,
        VolumeLine outside,
        VolumeLine total
    )
    {
        Breakdown = breakdown;
        Periods = periods;
        ByKey = byKey;
        OutsidePeriods = outside;
        Total = total;
    }

    /// <summary>The breakdown of <see cref="ByKey"/>.</summary>
    public Breakdown Breakdown { get; }

    /// <summary>One line per period, in the order the periods were given.</summary>
    public IReadOnlyList<VolumeLine> Periods { get; }

    /// <summary>One line per period and key with at least one new lead or deal: periods in order, keys in ordinal order.</summary>
    public IReadOnlyList<VolumeLine> ByKey { get; }

    /// <summary>Leads and deals created on a day in none of the periods (so nothing is dropped).</summary>
    public VolumeLine OutsidePeriods { get; }

    /// <summary>The sum of the period lines (not of the outside line).</summary>
    public VolumeLine Total { get; }

    /// <summary>Whether every line of both reports is equal.</summary>
    /// <param name="other">The other report.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(IncomingVolumeReport? other) =>
        other is not null
        && Breakdown == other.Breakdown
        && Periods.SequenceEqual(other.Periods)
        && ByKey.SequenceEqual(other.ByKey)
        && OutsidePeriods == other.OutsidePeriods
        && Total == other.Total;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Breakdown, Total, Periods.Count);

    /// <summary>A table: per period its total, then its keys; then the outside and total lines.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{"Period / " + Breakdown, -32} {"Leads", 7} {"Deals", 7}\n");
        foreach (var line in Periods)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{line.Label, -32} {line.NewLeads, 7} {line.NewDeals, 7}\n");
            foreach (var keyed in ByKey.Where(k => ReferenceEquals(k.Period, line.Period)))
            {
                sb.Append(CultureInfo.InvariantCulture, $"{"  " + keyed.Key, -32} {keyed.NewLeads, 7} {keyed.NewDeals, 7}\n");
            }
        }
        sb.Append(CultureInfo.InvariantCulture, $"{OutsidePeriods.Label, -32} {OutsidePeriods.NewLeads, 7} {OutsidePeriods.NewDeals, 7}\n");
        sb.Append(CultureInfo.InvariantCulture, $"{Total.Label, -32} {Total.NewLeads, 7} {Total.NewDeals, 7}\n");
        return sb.ToString();
    }
}
