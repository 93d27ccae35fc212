using System;
using System.Collections.Generic;
using NodaTime;
using SalesPipeline.Deals;

namespace SalesPipeline.Metrics;

public sealed partial class SalesVelocityAccumulator
{
    // Adds every deal of the frame, as Add(deal) for each would, and returns true; or returns false and changes nothing
    // when the integer kernel cannot prove the result identical (the caller then adds the frame's deals one by one):
    // a won amount the rates cannot convert or (without rates) another currency, instants finer than a tick, sums that could round, a breakdown whose key
    // rule throws for a deal counted, or an accumulator that already holds deals. A breakdown is summed per group of
    // rows with the same keys (FrameGroupings), and each group's sums go to the keys of one of its deals.
    internal bool TryAdd(DealFrame frame)
    {
        if (total != default || groups.Count > 0 || !frame.Exactness.WholeTicks)
        {
            return false;
        }
        // Without rates every amount must already be in the reporting currency (the deal code throws otherwise).
        if (Options.Rates is null && (frame.Currencies is not [var only] || only != Currency))
        {
            return false;
        }
        var amounts = frame.AmountsIn(Options.Rates);
        // Whole ticks: "at or before lastInstant" (one nanosecond before the next day) is "before the next day's tick".
        var end = (lastInstant + Duration.Epsilon).ToUnixTimeTicks();
        var from = start.ToUnixTimeTicks();
        var rowGroups = Breakdown is { } breakdown ? FrameGroupings.Of(frame, breakdown) : null;
        var groupCount = rowGroups?.Count ?? 0;
        if (groupCount > MaxGroupCells)
        {
            return false; // a group per deal, nearly: the deal code's dictionary holds only the keys it meets
        }
        // Each part has its own cells: fewer parts when there are many groups, so that all parts together stay in bounds.
        var parts = FramePartitions.Parts(frame.Count);
        parts = groupCount == 0 ? parts : Math.Min(parts, Math.Max(1, MaxGroupCells / groupCount));
        var results = FramePartitions.Run(
            frame.Count,
            parts,
            (_, first, last) =>
            {
                var valid = Accumulate(frame, amounts, Options.Rates, rowGroups, from, end, first, last, out var sums);
                return (Sums: sums, Valid: valid);
            }
        );
        if (Array.Exists(results, r => !r.Valid))
        {
            return false;
        }
        var all = results[0].Sums;
        for (var part = 1; part < parts; part++)
        {
            all.Add(results[part].Sums);
        }
        if (!all.WonAmount.TryTotal(out var wonAmount))
        {
            return false;
        }
        Dictionary<string, Sums>? keyed = null;
        if (rowGroups is not null && !TryGroups(frame, amounts.Exactness.MaxAmountScale, rowGroups, all, out keyed))
        {
            return false;
        }
        // Whole ticks, so a cycle's nanoseconds are its ticks times 100.
        total = new Sums(all.Open, all.Won, all.Lost, wonAmount, all.CycleTicks * 100);
        foreach (var (key, keySums) in keyed ?? [])
        {
            groups[key] = keySums;
        }
        return true;
    }

    // The sums of each key: every group with a deal counted gives its sums to the keys of one of its deals.
    private bool TryGroups(DealFrame frame, byte common, FrameGroups rowGroups, FrameSums all, out Dictionary<string, Sums>? keyed)
    {
        keyed = null;
        if (all.GroupMagnitude >= Exactness.DecimalLimit)
        {
            return false;
        }
        var byKey = new Dictionary<string, Sums>(StringComparer.Ordinal);
        for (var g = 0; g < rowGroups.Count; g++)
        {
            var cell = all.Groups![g];
            if (cell.Open + cell.Won + cell.Lost == 0)
            {
                continue;
            }
            IReadOnlyList<string> keys;
            try
            {
                keys = BreakdownKeys.Of(frame.DealAt(rowGroups.Representative[g]), Breakdown!.Value, Options.Organization);
            }
#pragma warning disable CA1031 // the deal code throws the same for this deal; it runs instead and reports it in order
            catch (Exception)
#pragma warning restore CA1031
            {
                return false;
            }
            var sums = new Sums(cell.Open, cell.Won, cell.Lost, cell.WonAmount.ToDecimal(common), cell.CycleTicks * 100);
            foreach (var key in keys)
            {
                byKey[key] = byKey.GetValueOrDefault(key).Plus(sums);
            }
        }
        keyed = byKey;
        return true;
    }

    // False when a row needs what the kernel does not do (its state at the window's end in another currency without
    // rates, in one the rates cannot convert, or with an amount too wide for a long). amounts: the reporting amounts
    // of the current state (DealFrame.AmountsIn); rates: the options' (a past amount is converted here, alike).
    private static bool Accumulate(
        DealFrame frame,
        ReportingAmounts amounts,
        ExchangeRates? rates,
        FrameGroups? rowGroups,
        long from,
        long end,
        int first,
        int last,
        out FrameSums sums
    )
    {
        sums = new FrameSums(rowGroups?.Count ?? 0);
        var common = amounts.Exactness.MaxAmountScale;
        for (var r = first; r < last; r++)
        {
            if (frame.ObservedFrom(r) >= end)
            {
                // Imported and first observed after the window: open then if it was created by its end.
                if (frame.CreatedAt[r] < end)
                {
                    sums.Open++;
                    if (rowGroups is not null)
                    {
                        sums.Groups![rowGroups.Group[r]].Open++;
                    }
                }
                continue;
            }
            DealStatus status;
            long closed;
            long mantissa;
            byte scale;
            if (frame.LastEventAt(r) < end)
            {
                status = (DealStatus)frame.Status[r];
                closed = frame.DecidedAt[r];
                if (!amounts.Exactness.NarrowAmounts)
                {
                    return false;
                }
                (mantissa, scale) = (amounts.Mantissa[r], amounts.Scale[r]);
            }
            else
            {
                // Changed after the window: its state then, from its own history (rare for a recent window).
                var then = frame.DealAt(r).AsOf(Instant.FromUnixTimeTicks(end - 1));
                status = then.Status;
                closed = then.ClosedAt?.ToUnixTimeTicks() ?? DealFrame.NoInstant;
                if (rates is null)
                {
                    if (!Exactness.TrySplit(then.Amount.Amount, out mantissa, out scale) || then.Amount.Currency != frame.Currencies[0])
                    {
                        return false;
                    }
                }
                else if (!ReportingAmounts.TryConvert(then.Amount, rates, out mantissa, out scale))
                {
                    scale = ReportingAmounts.Unusable; // the deal code converts it (and throws) only if it was won then
                }
            }
            var group = rowGroups is null ? -1 : rowGroups.Group[r];
            switch (status)
            {
                case DealStatus.Open:
                    sums.Open++;
                    if (group >= 0)
                    {
                        sums.Groups![group].Open++;
                    }
                    break;
                case DealStatus.Won when closed >= from:
                    if (scale == ReportingAmounts.Unusable)
                    {
                        return false; // the rates cannot convert it: the deal code throws
                    }
                    if (closed - frame.CreatedAt[r] > MaxCycleTicks)
                    {
                        // Past a long count of nanoseconds (about 292 years), where the deal code's conversion throws.
                        return false;
                    }
                    sums.Won++;
                    sums.WonAmount.Add(mantissa, scale);
                    sums.CycleTicks += closed - frame.CreatedAt[r];
                    if (group >= 0)
                    {
                        if (scale > common)
                        {
                            return false; // a past amount with more decimals than any current one: rare, left to the deal code
                        }
                        var magnitude = Exactness.SaturatingMultiply((UInt128)Int128.Abs(mantissa), Exactness.Pow10[common - scale]);
                        if (magnitude >= Exactness.DecimalLimit)
                        {
                            return false;
                        }
                        var atCommon = (Int128)mantissa * (Int128)Exactness.Pow10[common - scale];
                        sums.GroupMagnitude = Exactness.SaturatingAdd(sums.GroupMagnitude, magnitude);
                        ref var cell = ref sums.Groups![group];
                        cell.Won++;
                        cell.WonAmount.Add(atCommon, scale);
                        cell.CycleTicks += closed - frame.CreatedAt[r];
                    }
                    break;
                case DealStatus.Lost when closed >= from:
                    sums.Lost++;
                    if (group >= 0)
                    {
                        sums.Groups![group].Lost++;
                    }
                    break;
            }
        }
        return true;
    }

    private const long MaxCycleTicks = long.MaxValue / 100;

    // The most group cells (about 80 bytes each) the parts of one call hold together: 80 MB.
    private const int MaxGroupCells = 1_000_000;

    // Counts, the won amounts, and the cycles in ticks, of one part of the rows; and the same per group of a breakdown,
    // the won amounts at the frame's largest scale with the sum of their magnitudes (every key's sum is at most that).
    private sealed class FrameSums(int groups)
    {
        internal long Open;
        internal long Won;
        internal long Lost;
        internal readonly ScaledSum WonAmount = new();
        internal Int128 CycleTicks;
        internal readonly GroupSums[]? Groups = groups > 0 ? new GroupSums[groups] : null;
        internal UInt128 GroupMagnitude;

        internal void Add(FrameSums other)
        {
            Open += other.Open;
            Won += other.Won;
            Lost += other.Lost;
            WonAmount.Add(other.WonAmount);
            CycleTicks += other.CycleTicks;
            GroupMagnitude = Exactness.SaturatingAdd(GroupMagnitude, other.GroupMagnitude);
            for (var g = 0; g < (Groups?.Length ?? 0); g++)
            {
                ref var cell = ref Groups![g];
                var theirs = other.Groups![g];
                (cell.Open, cell.Won, cell.Lost) = (cell.Open + theirs.Open, cell.Won + theirs.Won, cell.Lost + theirs.Lost);
                cell.WonAmount.Add(theirs.WonAmount);
                cell.CycleTicks += theirs.CycleTicks;
            }
        }
    }

    private struct GroupSums
    {
        internal long Open;
        internal long Won;
        internal long Lost;
        internal ExactSum WonAmount;
        internal Int128 CycleTicks;
    }
}
