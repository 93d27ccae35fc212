using System;
using System.Collections.Generic;
using SalesPipeline.Deals;

namespace SalesPipeline.Metrics;

// The frame groups behind a breakdown or the competitor grouping, for every metric that groups deals the way
// BreakdownKeys does. A group holds deals whose keys are the same by construction: the same owner key; for Team the
// same owner, or for a pooled deal the same pool team (the two fields BreakdownKeys.Of reads); the same source code,
// product or account id; the same competitors. KeysOf then applies the deal-based rule to one deal of the group.
internal static class FrameGroupings
{
    private static readonly object TeamKey = new();
    private static readonly object SourceKey = new();
    private static readonly object ProductKey = new();
    private static readonly object CustomerKey = new();
    private static readonly object CompetitorKey = new();

    internal static FrameGroups Of(DealFrame frame, Breakdown breakdown) =>
        breakdown switch
        {
            Breakdown.Owner => frame.OwnerGroups,
            Breakdown.Team => frame.GroupsBy(TeamKey, static d => (d.Owner, d.Owner is null ? d.Team : null)),
            Breakdown.Source => frame.GroupsBy(SourceKey, static d => (d.Source?.Code, (string?)null)),
            Breakdown.Product => frame.GroupsBy(ProductKey, static d => (d.Product, (string?)null)),
            Breakdown.Customer => frame.GroupsBy(CustomerKey, static d => (d.Customer?.AccountId, (string?)null)),
            _ => throw new ArgumentOutOfRangeException(nameof(breakdown), breakdown, "Not a breakdown."),
        };

    internal static FrameGroups Competitors(DealFrame frame) =>
        frame.GroupsBy(CompetitorKey, static d => d.Competitors, CompetitorSets.Instance);

    // The competitor grouping's rule (WinRateAccumulator.Add): every competitor faced, or "(none)".
    internal static IReadOnlyList<string> CompetitorKeysOf(Deal deal) =>
        deal.Competitors is { Count: > 0 } faced ? faced : [BreakdownKeys.None];

    // Competitor lists compared element by element, ordinally (Deal.Competitors is sorted without repeats).
    private sealed class CompetitorSets : IEqualityComparer<IReadOnlyList<string>>
    {
        internal static readonly CompetitorSets Instance = new();

        public bool Equals(IReadOnlyList<string>? x, IReadOnlyList<string>? y)
        {
            if (x is null || y is null || x.Count != y.Count)
            {
                return x is null && y is null;
            }
            for (var i = 0; i < x.Count; i++)
            {
                if (!string.Equals(x[i], y[i], StringComparison.Ordinal))
                {
                    return false;
                }
            }
            return true;
        }

        public int GetHashCode(IReadOnlyList<string> obj)
        {
            var hash = new HashCode();
            hash.Add(obj.Count);
            foreach (var item in obj)
            {
                hash.Add(item, StringComparer.Ordinal);
            }
            return hash.ToHashCode();
        }
    }
}
