using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.InteropServices;
using SalesPipeline.Deals;

namespace SalesPipeline.Metrics;

public sealed partial class WinRateAccumulator
{
    // Dense cells (groups x parts, about 112 bytes each) beyond this many would cost more memory than the dictionary the
    // deal path fills: then one part, or the deal path.
    private const long MaxFrameCells = 1_000_000;

    // What the entry points run: the frame kernel over a list of deals when it can prove the result, else Add on every
    // deal (which also reports a null list or element, by position, as before).
    internal WinRateAccumulator AddAll(IEnumerable<Deal> deals)
    {
        if (DealFrames.For(deals) is not { } frame)
        {
            FrameAddRange.AddEach(this, deals);
        }
        else if (!TryAdd(frame))
        {
            FrameAddRange.AddEach(this, frame.DealList);
        }
        return this;
    }

    // The exact state (every cell, its sums with their scales, and the reporting currency), for the tests that hold
    // the kernel to Add.
    internal string StateText() =>
        string.Join(
            "\n",
            groups
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"{g.Key}: {Text(g.Value)}")
                .Concat(periodCells.Select((c, i) => $"#{i}: {Text(c)}"))
                .Append($"total: {Text(total)} in {value.Currency?.Code ?? "-"}")
        );

    private static string Text(WinRateCell c) =>
        string.Create(CultureInfo.InvariantCulture, $"{c.Won} {c.Lost} {c.Open} {c.WonValue} {c.LostValue} {c.OpenValue}");

    // Adds every deal of the frame, as Add(deal) for each would, and returns true; or returns false and changes nothing
    // when the integer kernel cannot prove the result identical (then the caller adds the frame's deals one by one):
    // a counted amount the rates cannot convert, or (without rates) in a currency the reporting-currency rule would
    // refuse, amounts whose sums
    // could round, a date InWindow would refuse, an accumulator that already holds deals. parts > 0 sets the split
    // (tests use it to run the merge of parts on small frames); 0 splits as FramePartitions.Parts decides. currency, when
    // given, is the frame code every counted amount must have (an accumulator built on this one fixes it first).
    internal bool TryAdd(DealFrame frame, int parts = 0, int? currency = null)
    {
        if (total.Won + total.Lost + total.Open > 0)
        {
            return false;
        }
        // With rates every counted amount is read from the frame's converted column (the currency rule is the rates').
        var amounts = frame.AmountsIn(options.Rates);
        if (!amounts.Exactness.AmountsSum)
        {
            return false;
        }
        var groupsOfRows = grouping switch
        {
            Grouping.Breakdown => FrameGroupings.Of(frame, breakdown),
            Grouping.Competitor => FrameGroupings.Competitors(frame),
            _ => null,
        };
        var width = groupsOfRows?.Count ?? (grouping == Grouping.Period ? periods.Length : 1);
        parts = FramePartitions.Parts(frame.Count, parts);
        if ((long)width * parts > MaxFrameCells)
        {
            parts = 1;
            if (width > MaxFrameCells)
            {
                return false;
            }
        }
        var plan = new FramePlan(frame, amounts, groupsOfRows, currency ?? FrameCurrency.Wanted(options, frame));
        var results = FramePartitions.Run(
            frame.Count,
            parts,
            (_, first, last) =>
            {
                var cells = new FrameCell[width];
                var valid = Accumulate(plan, first, last, cells, out var seen);
                return (Cells: cells, Valid: valid, Seen: seen);
            }
        );
        if (
            Array.Exists(results, r => !r.Valid)
            || FrameCurrency.Agree(plan.Currency, Array.ConvertAll(results, r => r.Seen)) is not { } agreed
        )
        {
            return false;
        }
        var merged = results[0].Cells;
        for (var part = 1; part < parts; part++)
        {
            for (var i = 0; i < width; i++)
            {
                merged[i].Add(results[part].Cells[i]);
            }
        }
        return Apply(frame, plan.Scale, groupsOfRows, merged, agreed);
    }

    // Folds the dense cells into the accumulator's state; false, with nothing changed, when a group's keys cannot be read.
    private bool Apply(DealFrame frame, byte scale, FrameGroups? groupsOfRows, FrameCell[] merged, int currency)
    {
        var sum = default(FrameCell);
        foreach (var cell in merged)
        {
            sum.Add(cell);
        }
        if (sum.Count == 0)
        {
            return true;
        }
        Dictionary<string, FrameCell>? keyed = null;
        if (groupsOfRows is not null)
        {
            keyed = new Dictionary<string, FrameCell>(StringComparer.Ordinal);
            for (var g = 0; g < merged.Length; g++)
            {
                if (merged[g].Count == 0)
                {
                    continue;
                }
                var deal = frame.DealAt(groupsOfRows.Representative[g]);
                IReadOnlyList<string> keys;
                try
                {
                    keys =
                        grouping == Grouping.Competitor
                            ? FrameGroupings.CompetitorKeysOf(deal)
                            : BreakdownKeys.Of(deal, breakdown, options.Organization);
                }
#pragma warning disable CA1031 // the deal code throws the same for this deal; it runs instead and reports it in order
                catch (Exception)
#pragma warning restore CA1031
                {
                    return false;
                }
                foreach (var key in keys)
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(keyed, key, out _).Add(merged[g]);
                }
            }
        }
        if (options.Rates is null)
        {
            value.Saw(frame.Currencies[currency]); // with rates the rates fixed the currency already
        }
        total = sum.ToCell(scale);
        if (keyed is not null)
        {
            foreach (var (key, cell) in keyed)
            {
                groups[key] = cell.ToCell(scale);
            }
        }
        else if (grouping == Grouping.Period)
        {
            for (var i = 0; i < merged.Length; i++)
            {
                periodCells[i] = merged[i].ToCell(scale);
            }
        }
        return true;
    }
}
