using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using SalesPipeline.Deals;

namespace SalesPipeline.Metrics;

public sealed partial class FunnelAccumulator
{
    // Dense cells (group x stage x slot, about 36 bytes each) that the parts of one call hold together, at most: beyond
    // this many the dictionary the deal path fills, which holds only the groups it meets, is the better choice.
    private const long MaxFrameCells = 4_000_000;

    // Adds every deal of the frame, as Add(deal) for each would, and returns true; or returns false and changes nothing
    // when the integer kernel cannot prove the result identical (then the caller adds the frame's deals one by one): an
    // accumulator that already holds deals, an amount the rates cannot convert, another currency without rates, amounts
    // whose sums could round, a breakdown whose key rule throws for a deal, a deal of another pipeline or one entering a
    // stage the pipeline lacks (Add throws for those). `parts`: how many parts to split the rows into (0: by the frame's size); `maxPatternStages`: the
    // longest pipeline counted by pattern (tests lower it to run the other path).
    internal bool TryAdd(DealFrame frame, int parts = 0, int maxPatternStages = MaxPatternStages)
    {
        if (all.Deals > 0 || !FrameStints.OnePipeline(frame, lookup.Pipeline))
        {
            return false;
        }
        // Without rates every amount must already be in the reporting currency (the deal code throws otherwise); with
        // rates every amount is read from the frame's converted column.
        if (options.Rates is null && (frame.Currencies is not [var only] || only != Currency))
        {
            return false;
        }
        var amounts = frame.AmountsIn(options.Rates);
        if (!amounts.Exactness.AmountsSum)
        {
            return false;
        }
        // Group 0 is every deal; then each breakdown's groups of rows, one after another (see FrameGroupings).
        var rowGroups = Array.ConvertAll(breakdowns, b => FrameGroupings.Of(frame, b));
        var firstGroup = new int[rowGroups.Length];
        var groupCount = 1;
        for (var b = 0; b < rowGroups.Length; b++)
        {
            (firstGroup[b], groupCount) = (groupCount, groupCount + rowGroups[b].Count);
        }
        var width = lookup.Count * FunnelCounts.Width;
        if ((long)groupCount * width > MaxFrameCells)
        {
            return false;
        }
        var stages = FrameStints.Lookup(frame, lookup);
        // Each part has its own cells: fewer parts when the cells are many, so that all parts together stay in bounds.
        parts = (int)Math.Min(FramePartitions.Parts(frame.Count, parts), Math.Max(1, MaxFrameCells / ((long)groupCount * width)));
        var cells = FramePartitions.Run(
            frame.Count,
            parts,
            (_, from, to) => Accumulate(frame, amounts, stages, rowGroups, firstGroup, groupCount, width, from, to, maxPatternStages)
        );
        foreach (var part in cells)
        {
            if (part.Failed)
            {
                return false;
            }
        }
        var total = cells[0];
        for (var part = 1; part < parts; part++)
        {
            total.Add(cells[part]);
        }
        // The keys of each group, by the deal code's rule applied to one deal of it; a rule that throws leaves the deal
        // code to throw it, in order.
        var keyed = new Dictionary<(Breakdown, string), List<int>>();
        for (var b = 0; b < rowGroups.Length; b++)
        {
            for (var g = 0; g < rowGroups[b].Count; g++)
            {
                if (total.Deals[firstGroup[b] + g] == 0)
                {
                    continue;
                }
                IReadOnlyList<string> keys;
                try
                {
                    keys = BreakdownKeys.Of(frame.DealAt(rowGroups[b].Representative[g]), breakdowns[b], options.Organization);
                }
#pragma warning disable CA1031 // the deal code throws the same for this deal; it runs instead and reports it in order
                catch (Exception)
#pragma warning restore CA1031
                {
                    return false;
                }
                foreach (var key in keys)
                {
                    if (!keyed.TryGetValue((breakdowns[b], key), out var of))
                    {
                        keyed[(breakdowns[b], key)] = of = [];
                    }
                    of.Add(firstGroup[b] + g);
                }
            }
        }
        var scale = amounts.Exactness.MaxAmountScale;
        all.Add(total, 0, scale);
        foreach (var (key, of) in keyed)
        {
            var counts = new FunnelCounts(lookup.Count);
            foreach (var g in of)
            {
                counts.Add(total, g, scale);
            }
            groups[key] = counts;
        }
        foreach (var part in cells)
        {
            qualifiedLeads.UnionWith(part.QualifiedLeads);
        }
        return true;
    }

    // Pipelines with at most this many open stages count group 0 by pattern (see Accumulate): 8^5 patterns.
    private const int MaxPatternStages = 5;

    // One part's rows: group 0 is every deal, then the groups of each breakdown. Group 0 is counted per pattern of
    // categories (3 bits a stage) when the pipeline is short, then each pattern is spread over the stages once: a deal
    // costs one count and one sum instead of three per stage it reached. Counts and exact sums add up in any order.
    private FrameCells Accumulate(
        DealFrame frame,
        ReportingAmounts amounts,
        int[] stages,
        FrameGroups[] rowGroups,
        int[] firstGroup,
        int groupCount,
        int width,
        int from,
        int to,
        int maxPatternStages
    )
    {
        var cells = new FrameCells(groupCount, width);
        var buffer = new FrameStint[16];
        // An array, not stackalloc: the runtime compiles a method with stackalloc and a loop fully optimized at once,
        // without a profile, and calls its large callees unoptimized until call counting promotes them. Without it the
        // loop starts unoptimized and is replaced while it runs (on-stack replacement) by a version optimized with the
        // profile of its first rows, with the stint walk, the categories and the cells inlined (AggressiveInlining).
        Span<byte> categories = new byte[lookup.Count];
        var pow10 = Exactness.SignedPow10;
        var common = amounts.Exactness.MaxAmountScale;
        // Every amount at the common scale fits in a long (it is at most the bound): a 64-bit multiplication for it.
        var narrow = amounts.Exactness.AmountBound <= long.MaxValue && common < Exactness.LongPow10.Length;
        var leads = frame.Leads;
        var byPattern = lookup.Count <= maxPatternStages;
        var patternCounts = byPattern ? new int[1 << (3 * lookup.Count)] : [];
        var patternAmounts = byPattern ? new ExactSum[patternCounts.Length] : [];
        for (var r = from; r < to; r++)
        {
            var count = FrameStints.Extract(frame, r, stages, long.MaxValue, ref buffer);
            if (count == FrameStints.Failed)
            {
                cells.Failed = true;
                return cells;
            }
            var scale = amounts.Scale[r];
            if (scale == ReportingAmounts.Unusable)
            {
                cells.Failed = true; // the rates cannot convert it: the deal code throws
                return cells;
            }
            Categorize(buffer.AsSpan(0, count), categories);
            // Most amounts are at the common scale or close to it: no 128-bit multiplication for them.
            var mantissa = amounts.Mantissa[r];
            var amount =
                scale == common ? mantissa
                : narrow ? mantissa * Exactness.LongPow10[common - scale]
                : (Int128)mantissa * pow10[common - scale];
            if (byPattern)
            {
                var pattern = 0;
                for (var s = 0; s < categories.Length; s++)
                {
                    pattern |= categories[s] << (3 * s);
                }
                patternCounts[pattern]++;
                patternAmounts[pattern].Add(amount, scale);
            }
            else
            {
                cells.Add(0, categories, 1, new ExactSum { Mantissa = amount, Scale = scale });
            }
            for (var b = 0; b < rowGroups.Length; b++)
            {
                cells.Add(firstGroup[b] + rowGroups[b].Group[r], categories, 1, new ExactSum { Mantissa = amount, Scale = scale });
            }
            if (categories[qualified] != 0 && leads[r] is { } lead)
            {
                cells.QualifiedLeads.Add(lead);
            }
        }
        for (var pattern = 0; pattern < patternCounts.Length; pattern++)
        {
            if (patternCounts[pattern] > 0)
            {
                for (var s = 0; s < categories.Length; s++)
                {
                    categories[s] = (byte)((pattern >> (3 * s)) & 7);
                }
                cells.Add(0, categories, patternCounts[pattern], patternAmounts[pattern]);
            }
        }
        return cells;
    }

    // FunnelAccumulator.Categorize over frame stints: the category of every stage from the deal's last visit there.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Categorize(ReadOnlySpan<FrameStint> stints, Span<byte> categories)
    {
        // A loop, not Span.Clear: a few stages, cleared for every row, cost less than the call Clear makes.
        for (var s = 0; s < categories.Length; s++)
        {
            categories[s] = 0;
        }
        for (var i = stints.Length - 1; i >= 0; i--)
        {
            var stint = stints[i];
            if (categories[stint.Stage] == 0)
            {
                categories[stint.Stage] = (byte)(
                    stint.Next >= 0
                        ? (stint.Next > stint.Stage ? FunnelCategory.MovedOn : FunnelCategory.MovedBack)
                        : stint.Exit switch
                        {
                            StintExit.Won => FunnelCategory.Won,
                            StintExit.Lost => FunnelCategory.Lost,
                            StintExit.Stopped => FunnelCategory.Stopped,
                            _ => FunnelCategory.StillIn,
                        }
                );
            }
        }
    }

    // FunnelCounts of several groups in flat arrays, with exact integer amounts (at the frame's largest amount scale).
    internal sealed class FrameCells(int groups, int width)
    {
        internal readonly int Width = width;
        internal readonly int[] Deals = new int[groups];
        internal readonly ExactSum[] Totals = new ExactSum[groups];
        internal readonly int[] Counts = new int[groups * width];
        internal readonly ExactSum[] Amounts = new ExactSum[groups * width];
        internal readonly HashSet<LeadId> QualifiedLeads = [];
        internal bool Failed;

        // FunnelCounts.Add, slot for slot, for `deals` deals of these categories and this exact total amount.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal void Add(int group, ReadOnlySpan<byte> categories, int deals, ExactSum amount)
        {
            Deals[group] += deals;
            Totals[group].Add(amount);
            var g = group * Width;
            for (var s = 0; s < categories.Length; s++)
            {
                if (categories[s] != 0)
                {
                    var k = g + s * FunnelCounts.Width;
                    Counts[k] += deals;
                    Counts[k + categories[s]] += deals;
                    Amounts[k].Add(amount);
                    Amounts[k + categories[s]].Add(amount);
                    if (s + 1 < categories.Length && categories[s + 1] != 0)
                    {
                        Counts[k + FunnelCounts.ReachedNext] += deals;
                        Amounts[k + FunnelCounts.ReachedNext].Add(amount);
                    }
                }
            }
        }

        internal void Add(FrameCells other)
        {
            for (var g = 0; g < Deals.Length; g++)
            {
                Deals[g] += other.Deals[g];
                Totals[g].Add(other.Totals[g]);
            }
            for (var k = 0; k < Counts.Length; k++)
            {
                Counts[k] += other.Counts[k];
                Amounts[k].Add(other.Amounts[k]);
            }
        }
    }
}
