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

    // The identities are codes of what BreakdownKeys.Of reads: a deal with an owner is grouped by its owner key (the
    // owner itself, a rep named "(unassigned)" included), a pooled one by its pool's team (or none).
    internal static FrameGroups Of(DealFrame frame, Breakdown breakdown) =>
        breakdown switch
        {
            Breakdown.Owner => frame.OwnerGroups,
            Breakdown.Team => frame.GroupsBy(
                TeamKey,
                static (f, r) => f.Fields.IsPooled(r) ? (DealFrame.NoCode, f.Fields.Team.Codes[r]) : (f.OwnerKey[r], 0)
            ),
            Breakdown.Source => frame.GroupsBy(SourceKey, static (f, r) => f.Fields.Source.Codes[r]),
            Breakdown.Product => frame.GroupsBy(ProductKey, static (f, r) => f.Fields.Product.Codes[r]),
            Breakdown.Customer => frame.GroupsBy(CustomerKey, static (f, r) => f.Fields.AccountAt(r)),
            _ => throw new ArgumentOutOfRangeException(nameof(breakdown), breakdown, "Not a breakdown."),
        };

    // The groups of deals that faced the same set of competitors.
    internal static FrameGroups Competitors(DealFrame frame) => frame.GroupsBy(CompetitorKey, static (f, r) => f.Fields.Competitors.Set[r]);

    // The competitor grouping's rule (WinRateAccumulator.Add): every competitor faced, or "(none)".
    internal static IReadOnlyList<string> CompetitorKeysOf(Deal deal) =>
        deal.Competitors is { Count: > 0 } faced ? faced : [BreakdownKeys.None];
}
