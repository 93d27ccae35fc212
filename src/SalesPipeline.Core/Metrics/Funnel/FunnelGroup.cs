using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq;
using System.Text;
using SalesPipeline.Utility;

namespace SalesPipeline.Metrics;

/// <summary>The funnel of one group of deals: all of them, or those of one key of a <see cref="Metrics.Breakdown"/> (one rep, one team, ...).</summary>
/// <remarks>Two groups are equal when their keys and all their stage lines are. Immutable; thread-safe.</remarks>
public sealed record FunnelGroup
{
    internal FunnelGroup(Breakdown? breakdown, string key, int deals, IReadOnlyList<FunnelStage> stages, FunnelStage? bottleneck)
    {
        Breakdown = breakdown;
        Key = key;
        Deals = deals;
        Stages = stages;
        Bottleneck = bottleneck;
    }

    /// <summary>The breakdown, or null for the group of all deals.</summary>
    public Breakdown? Breakdown { get; }

    /// <summary>The group's key (see <see cref="BreakdownKeys"/>), or "(all)" for all deals.</summary>
    public string Key { get; }

    /// <summary>
    /// How many deals the group has. Every deal opened here reaches the first open stage, so for them this is its Reached;
    /// an imported deal reaches only the stages it was observed in (none, when imported as won or lost without history).
    /// </summary>
    public int Deals { get; }

    /// <summary>One line per open stage, in pipeline order.</summary>
    public IReadOnlyList<FunnelStage> Stages { get; }

    /// <summary>
    /// The stage that loses the largest share of the deals that reached it (highest <see cref="FunnelStage.LossRate"/>,
    /// compared exactly as fractions); on a tie the earliest such stage; null when no deal of the group is lost.
    /// </summary>
    public FunnelStage? Bottleneck { get; }

    /// <summary>The line of one open stage.</summary>
    /// <param name="stageId">The open stage's id, for example "proposal".</param>
    /// <returns>The line.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stageId"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">The funnel has no such stage; the message lists the stage ids it has.</exception>
    public FunnelStage this[string stageId]
    {
        get
        {
            Preconditions.CheckNotNull(stageId);
            return Lookup.Find(Stages, s => s.Stage.Id == stageId, "funnel", stageId, s => s.Stage.Id);
        }
    }

    /// <summary>Finds the line of one open stage, without throwing.</summary>
    /// <param name="stageId">The open stage's id.</param>
    /// <param name="stage">The line, or null.</param>
    /// <returns>True when the funnel has the stage.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stageId"/> is null.</exception>
    public bool TryGet(string stageId, [NotNullWhen(true)] out FunnelStage? stage)
    {
        Preconditions.CheckNotNull(stageId);
        return Lookup.TryFind(Stages, s => s.Stage.Id == stageId, out stage);
    }

    /// <summary>Whether both groups have the same key and equal lines.</summary>
    /// <param name="other">The other group.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(FunnelGroup? other) =>
        other is not null
        && Breakdown == other.Breakdown
        && Key == other.Key
        && Deals == other.Deals
        && Stages.SequenceEqual(other.Stages)
        && Bottleneck == other.Bottleneck;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Breakdown, Key, Deals);

    /// <summary>A table with one row per stage.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{(Breakdown is { } b ? $"{b} {Key}" : "All deals")}: {Deals} deals\n");
        sb.Append(
            CultureInfo.InvariantCulture,
            $"{"Stage", -16} {"Reached", 8} {"On", 6} {"Back", 6} {"Lost", 6} {"Won", 6} {"In", 6} {"Next", 7} {"Loss", 7} {"Value", 7}\n"
        );
        foreach (var s in Stages)
        {
            sb.Append(
                CultureInfo.InvariantCulture,
                $"{s.Stage.Name, -16} {s.Reached, 8} {s.MovedOn, 6} {s.MovedBack, 6} {s.Lost, 6} {s.Won, 6} {s.StillIn, 6} {FunnelStage.Percent(s.ConversionToNext), 7} {FunnelStage.Percent(s.LossRate), 7} {FunnelStage.Percent(s.ReachedValueShare), 7}\n"
            );
        }
        sb.Append(CultureInfo.InvariantCulture, $"Bottleneck: {Bottleneck?.Stage.Name ?? "none"}\n");
        return sb.ToString();
    }
}
