using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Text;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Metrics;

/// <summary>
/// A funnel report: the funnel of all deals (<see cref="All"/>), one per breakdown key (<see cref="Groups"/>), and lead
/// conversion in total and per lead breakdown key.
/// </summary>
/// <remarks>Two reports are equal when all their lines are. Immutable; thread-safe.</remarks>
public sealed record FunnelReport
{
    internal FunnelReport(
        Currency currency,
        Stage qualifiedStage,
        FunnelGroup all,
        IReadOnlyList<FunnelGroup> groups,
        LeadConversion leads,
        IReadOnlyList<LeadConversion> leadGroups
    )
    {
        Currency = currency;
        QualifiedStage = qualifiedStage;
        All = all;
        Groups = groups;
        Leads = leads;
        LeadGroups = leadGroups;
    }

    /// <summary>The reporting currency of every amount.</summary>
    public Currency Currency { get; }

    /// <summary>The stage a lead's deal must reach for the lead to count as qualified.</summary>
    public Stage QualifiedStage { get; }

    /// <summary>The funnel of every deal.</summary>
    public FunnelGroup All { get; }

    /// <summary>The stage lines of every deal (the same as <c>All.Stages</c>).</summary>
    public IReadOnlyList<FunnelStage> Stages => All.Stages;

    /// <summary>The bottleneck of every deal (the same as <c>All.Bottleneck</c>).</summary>
    public FunnelStage? Bottleneck => All.Bottleneck;

    /// <summary>One funnel per breakdown key: breakdowns in the order of <see cref="FunnelOptions.Breakdowns"/>, keys in ordinal order.</summary>
    public IReadOnlyList<FunnelGroup> Groups { get; }

    /// <summary>Lead conversion of every lead added.</summary>
    public LeadConversion Leads { get; }

    /// <summary>Lead conversion per key: breakdowns in the order of <see cref="FunnelOptions.LeadBreakdowns"/>, keys in ordinal order.</summary>
    public IReadOnlyList<LeadConversion> LeadGroups { get; }

    /// <summary>The stage line of every deal for one open stage (the same as <c>All[stageId]</c>).</summary>
    /// <param name="stageId">The open stage's id, for example "proposal".</param>
    /// <returns>The line.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stageId"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">The funnel has no such stage; the message lists the stage ids it has.</exception>
    /// <example><code>report["proposal"].Reached // deals that ever reached Proposal</code></example>
    public FunnelStage this[string stageId] => All[stageId];

    /// <summary>Finds the stage line of every deal for one open stage, without throwing.</summary>
    /// <param name="stageId">The open stage's id.</param>
    /// <param name="stage">The line, or null.</param>
    /// <returns>True when the funnel has the stage.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stageId"/> is null.</exception>
    public bool TryGet(string stageId, [NotNullWhen(true)] out FunnelStage? stage) => All.TryGet(stageId, out stage);

    /// <summary>The groups of one breakdown.</summary>
    /// <param name="breakdown">The breakdown.</param>
    /// <returns>Its groups, keys in ordinal order (empty when it was not asked for).</returns>
    public IEnumerable<FunnelGroup> By(Breakdown breakdown) => Groups.Where(g => g.Breakdown == breakdown);

    /// <summary>Whether every line of both reports is equal.</summary>
    /// <param name="other">The other report.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(FunnelReport? other) =>
        other is not null
        && Currency == other.Currency
        && QualifiedStage == other.QualifiedStage
        && All == other.All
        && Groups.SequenceEqual(other.Groups)
        && Leads == other.Leads
        && LeadGroups.SequenceEqual(other.LeadGroups);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Currency, All, Groups.Count, Leads);

    /// <summary>The funnel table of all deals, then the lead conversion lines.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder(All.ToString());
        sb.Append(Leads).Append('\n');
        foreach (var line in LeadGroups)
        {
            sb.Append(line).Append('\n');
        }
        return sb.ToString();
    }
}
