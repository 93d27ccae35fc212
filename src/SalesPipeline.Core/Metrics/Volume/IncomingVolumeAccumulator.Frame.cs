using System;
using System.Collections.Generic;
using System.Linq;
using SalesPipeline.Deals;

namespace SalesPipeline.Metrics;

public sealed partial class IncomingVolumeAccumulator
{
    // Dense cells (slots x groups x parts) beyond this many would cost more memory than the dictionary Add fills.
    private const long MaxFrameCells = 4_000_000;

    // Adds every deal of the frame, as Add(deal) for each would, and returns true; or returns false and changes nothing
    // when a creation date is not a supported date (Add throws for it) or the cells would be too many. Only counts
    // change, so leads or deals added before do not stand in the way. parts > 0 sets the split (for tests).
    internal bool TryAdd(DealFrame frame, int parts = 0)
    {
        var groups = FrameGroupings.Of(frame, options.Breakdown);
        var slots = periods.Length + 1;
        var width = (long)slots * groups.Count;
        parts = FramePartitions.Parts(frame.Count, parts);
        if (width * parts > MaxFrameCells)
        {
            parts = 1;
            if (width > MaxFrameCells)
            {
                return false;
            }
        }
        var counts = FramePartitions.Run(
            frame.Count,
            parts,
            (_, first, last) =>
            {
                var part = new int[width];
                return Count(frame, groups, first, last, part) ? part : null;
            }
        );
        if (Array.IndexOf(counts, null) >= 0)
        {
            return false;
        }
        var merged = counts[0]!;
        for (var part = 1; part < parts; part++)
        {
            for (var i = 0; i < merged.Length; i++)
            {
                merged[i] += counts[part]![i];
            }
        }
        // The keys of each group, read off one deal of it by the rule Add applies to every deal.
        var keys = new IReadOnlyList<string>?[groups.Count];
        for (var s = 0; s < slots; s++)
        {
            for (var g = 0; g < groups.Count; g++)
            {
                var count = merged[s * groups.Count + g];
                if (count == 0)
                {
                    continue;
                }
                deals[s] += count;
                keys[g] ??= BreakdownKeys.Of(frame.DealAt(groups.Representative[g]), options.Breakdown, options.Organization);
                foreach (var key in keys[g]!)
                {
                    var (l, d) = keyed.GetValueOrDefault((s, key));
                    keyed[(s, key)] = (l, d + count);
                }
            }
        }
        return true;
    }

    // False when a creation date is not a supported date.
    private bool Count(DealFrame frame, FrameGroups groups, int from, int to, int[] counts)
    {
        var zone = new ZoneDays(options.Zone);
        var created = frame.CreatedAt;
        var group = groups.Group;
        var width = groups.Count;
        var outside = periods.Length;
        for (var r = from; r < to; r++)
        {
            var day = zone.DayOf(created[r]);
            if (!ZoneDays.IsPlaceable(day))
            {
                return false;
            }
            var slot = index.IndexOfDay(day);
            counts[(slot >= 0 ? slot : outside) * width + group[r]]++;
        }
        return true;
    }

    // The exact state, for the tests that hold the kernel to Add.
    internal string StateText() =>
        string.Join(
            "\n",
            keyed
                .Select(c => $"{c.Key.Slot} {c.Key.Key}: {c.Value.Leads} {c.Value.Deals}")
                .Order(StringComparer.Ordinal)
                .Append(string.Join(" ", leads))
                .Append(string.Join(" ", deals))
        );
}
