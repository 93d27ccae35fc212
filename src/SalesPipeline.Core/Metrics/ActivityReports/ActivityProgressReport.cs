using System.Collections.Generic;
using System.Text;
using SalesPipeline.Activities;

namespace SalesPipeline.Metrics;

/// <summary>The activity-to-progress ratio overall, per rep and per kind.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record ActivityProgressReport
{
    internal ActivityProgressReport(
        ProgressRatio total,
        IReadOnlyList<KeyValuePair<string, ProgressRatio>> byRep,
        IReadOnlyList<KeyValuePair<ActivityKind, ProgressRatio>> byKind,
        int unmatched
    )
    {
        Total = total;
        ByRep = byRep;
        ByKind = byKind;
        UnmatchedActivities = unmatched;
    }

    /// <summary>Every judged activity.</summary>
    public ProgressRatio Total { get; }

    /// <summary>Per rep (the activity's rep), in ordinal order.</summary>
    public IReadOnlyList<KeyValuePair<string, ProgressRatio>> ByRep { get; }

    /// <summary>Per kind, in kind order.</summary>
    public IReadOnlyList<KeyValuePair<ActivityKind, ProgressRatio>> ByKind { get; }

    /// <summary>
    /// Activities of a judged kind about a deal that was not among the deals given: they cannot be judged, and are
    /// counted here rather than dropped unseen (only <see cref="ActivityProgress.Of"/> sees them).
    /// </summary>
    public int UnmatchedActivities { get; }

    /// <summary>The total, then one line per rep and per kind.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder("total ").Append(Total).Append('\n');
        foreach (var (rep, ratio) in ByRep)
        {
            text.Append(rep).Append(' ').Append(ratio).Append('\n');
        }
        foreach (var (kind, ratio) in ByKind)
        {
            text.Append(kind).Append(' ').Append(ratio).Append('\n');
        }
        return text.Append("unmatched activities: ").Append(UnmatchedActivities).ToString();
    }
}
