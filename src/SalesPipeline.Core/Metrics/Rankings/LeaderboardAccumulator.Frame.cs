using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.InteropServices;
using SalesPipeline.Deals;

namespace SalesPipeline.Metrics;

public sealed partial class LeaderboardAccumulator
{
    // What Leaderboard.Of runs for the deals: the frame kernel over a list of deals when it can prove the result, else
    // Add on every deal (which also reports a null list or element, by position, as before).
    internal LeaderboardAccumulator AddAll(IEnumerable<Deal> deals)
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

    // Adds every deal of the frame, as Add(deal) for each would, and returns true; or returns false and changes nothing
    // when the integer kernel cannot prove the result identical (see WinRateAccumulator.TryAdd), or when the
    // accumulator already holds deals or activities. parts > 0 sets the split (for tests).
    internal bool TryAdd(DealFrame frame, int parts = 0)
    {
        if (cells.Count > 0)
        {
            return false;
        }
        // With rates every counted amount is read from the frame's converted column (the currency rule is the rates').
        var amounts = frame.AmountsIn(options.Rates);
        if (!amounts.Exactness.AmountsSum)
        {
            return false;
        }
        var breakdown = level == LeaderboardLevel.Rep ? Breakdown.Owner : Breakdown.Team;
        var groups = FrameGroupings.Of(frame, breakdown);
        parts = FramePartitions.Parts(frame.Count, parts);
        // Dense cells of about 128 bytes: past a million, one part (a dictionary of as many owners costs as much).
        if ((long)groups.Count * parts > 1_000_000)
        {
            parts = 1;
        }
        var wanted = FrameCurrency.Wanted(options, frame);
        var results = FramePartitions.Run(
            frame.Count,
            parts,
            (_, first, last) =>
            {
                var sums = new FrameCell[groups.Count];
                var valid = Accumulate(frame, amounts, groups.Group, wanted, first, last, sums, out var seen);
                return (Sums: sums, Valid: valid, Seen: seen);
            }
        );
        if (Array.Exists(results, r => !r.Valid) || FrameCurrency.Agree(wanted, Array.ConvertAll(results, r => r.Seen)) is not { } currency)
        {
            return false;
        }
        var merged = results[0].Sums;
        for (var part = 1; part < parts; part++)
        {
            for (var g = 0; g < merged.Length; g++)
            {
                merged[g].Add(results[part].Sums[g]);
            }
        }
        var keyed = new Dictionary<string, FrameCell>(StringComparer.Ordinal);
        var counted = false;
        for (var g = 0; g < merged.Length; g++)
        {
            if (merged[g].Count > 0)
            {
                counted = true;
                foreach (var key in BreakdownKeys.Of(frame.DealAt(groups.Representative[g]), breakdown, options.Organization))
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(keyed, key, out _).Add(merged[g]);
                }
            }
        }
        // A counted deal fixes the currency even when it counts under no key (an owner at company level, by team).
        if (!counted)
        {
            return true;
        }
        var scale = amounts.Exactness.MaxAmountScale;
        if (options.Rates is null)
        {
            rates.Value.Saw(frame.Currencies[currency]); // with rates the rates fixed the currency already
        }
        foreach (var (key, cell) in keyed)
        {
            cells[key] = cell.ToCell(scale);
        }
        return true;
    }

    // False when a row could not be proved to give what Add gives.
    private bool Accumulate(
        DealFrame frame,
        ReportingAmounts amounts,
        int[] group,
        int wanted,
        int from,
        int to,
        FrameCell[] sums,
        out int seen
    )
    {
        var created = options.Definition == WinRateDefinition.Created;
        var rated = options.Rates is not null;
        var common = amounts.Exactness.MaxAmountScale;
        var scope = new FrameScope(options, frame);
        // Under Created a deal also counts as won by its close date, whatever its creation date.
        var closedScope = new FrameScope(options with { Definition = WinRateDefinition.Decided }, frame);
        var window = new FrameWindow(options, needDays: false);
        var currency = new FrameCurrency(wanted);
        seen = FrameCurrency.Unknown;
        for (var r = from; r < to; r++)
        {
            var outcome = Placed(scope, ref window, r);
            var won = created ? Placed(closedScope, ref window, r) : outcome;
            if (outcome == FrameScope.Refused || won == FrameScope.Refused)
            {
                return false;
            }
            if (outcome == DealOutcome.Excluded && won != DealOutcome.Won)
            {
                continue;
            }
            if (!rated && !currency.Accept(frame.AmountCurrency[r]))
            {
                return false;
            }
            var scale = amounts.Scale[r];
            if (scale == ReportingAmounts.Unusable)
            {
                return false; // the rates cannot convert it: the deal code throws
            }
            sums[group[r]].Add(outcome, won == DealOutcome.Won, FrameAmounts.AtScale(amounts.Mantissa[r], scale, common), scale);
        }
        seen = currency.Seen;
        return true;
    }

    // The scope's outcome once the window has placed the deal: Excluded outside it, Refused for a date it refuses.
    private static DealOutcome Placed(FrameScope scope, ref FrameWindow window, int row)
    {
        var outcome = scope.Classify(row, out var at);
        if (outcome is DealOutcome.Excluded or FrameScope.Refused)
        {
            return outcome;
        }
        return window.Place(at, out _) switch
        {
            FrameWindow.Inside => outcome,
            FrameWindow.Outside => DealOutcome.Excluded,
            _ => FrameScope.Refused,
        };
    }

    // The exact state, for the tests that hold the kernel to Add.
    internal string StateText() =>
        string.Join(
            "\n",
            cells
                .Select(c =>
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"{c.Key}: {c.Value.Rate.Won} {c.Value.Rate.Lost} {c.Value.Rate.Open} {c.Value.Rate.WonValue} {c.Value.Rate.LostValue} {c.Value.Rate.OpenValue} {c.Value.WonCount} {c.Value.WonValue} {c.Value.Activities}"
                    )
                )
                .Order(StringComparer.Ordinal)
                .Append($"in {rates.Value.Currency?.Code ?? "-"}")
        );

    private struct FrameCell
    {
        private FrameSum won;
        private FrameSum lost;
        private FrameSum open;
        private FrameSum closedWon;

        internal readonly int Count => won.Count + lost.Count + open.Count + closedWon.Count;

        internal void Add(DealOutcome outcome, bool closedAsWon, Int128 amount, byte scale)
        {
            switch (outcome)
            {
                case DealOutcome.Won:
                    won.Add(amount, scale);
                    break;
                case DealOutcome.Lost:
                    lost.Add(amount, scale);
                    break;
                case DealOutcome.Open:
                    open.Add(amount, scale);
                    break;
            }
            if (closedAsWon)
            {
                closedWon.Add(amount, scale);
            }
        }

        internal void Add(FrameCell other)
        {
            won.Add(other.won);
            lost.Add(other.lost);
            open.Add(other.open);
            closedWon.Add(other.closedWon);
        }

        internal readonly (WinRateCell Rate, int WonCount, decimal WonValue, int Activities) ToCell(int scale) =>
            (
                new WinRateCell(
                    won.Count,
                    lost.Count,
                    open.Count,
                    won.Value.ToDecimal(scale),
                    lost.Value.ToDecimal(scale),
                    open.Value.ToDecimal(scale)
                ),
                closedWon.Count,
                closedWon.Value.ToDecimal(scale),
                0
            );
    }
}
