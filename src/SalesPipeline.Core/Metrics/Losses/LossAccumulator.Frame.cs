using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.InteropServices;
using SalesPipeline.Deals;

namespace SalesPipeline.Metrics;

public sealed partial class LossAccumulator
{
    private static readonly object LossGroupsKey = new();

    // What LossAnalysis.Of runs: the frame kernel over a list of deals when it can prove the result, else Add on every
    // deal (which also reports a null list or element, by position, as before).
    internal LossAccumulator AddAll(IEnumerable<Deal> deals)
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
    // when the integer kernel cannot prove the result identical: a counted amount the rates cannot convert or (without
    // rates) in a currency the reporting-currency rule would refuse, sums that could round, a date InWindow would refuse, a lost or stopped
    // deal without its reason, an accumulator that already holds deals. parts > 0 sets the split (for tests).
    internal bool TryAdd(DealFrame frame, int parts = 0)
    {
        if (cells.Count > 0 || stops.Count > 0)
        {
            return false;
        }
        // With rates every counted amount is read from the frame's converted column (the currency rule is the rates').
        var amounts = frame.AmountsIn(options.Rates);
        if (!amounts.Exactness.AmountsSum)
        {
            return false;
        }
        // A group: the lost deals of one reason and last open stage, the stopped ones of one reason and stage, the rest.
        var groups = frame.GroupsBy(
            LossGroupsKey,
            static (f, r) =>
                (DealStatus)f.Status[r] switch
                {
                    DealStatus.Lost => (1, f.Fields.LossReason.Codes[r], f.Fields.LastOpenStage.Codes[r]),
                    DealStatus.Stopped => (2, f.Fields.StopReason.Codes[r], f.Stage[r]),
                    _ => (0, 0, 0),
                }
        );
        parts = FramePartitions.Parts(frame.Count, parts);
        var wanted = FrameCurrency.Wanted(options, frame);
        var results = FramePartitions.Run(
            frame.Count,
            parts,
            (_, first, last) =>
            {
                var sums = new FrameSum[groups.Count];
                var valid = Accumulate(frame, amounts, groups, wanted, first, last, sums, out var seen);
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
        var lost = new Dictionary<(string, string), FrameSum>();
        var stopped = new Dictionary<(string, string), FrameSum>();
        for (var g = 0; g < merged.Length; g++)
        {
            if (merged[g].Count == 0)
            {
                continue;
            }
            var deal = frame.DealAt(groups.Representative[g]);
            var (into, reason, stage) =
                deal.Status == DealStatus.Lost
                    ? (lost, deal.LossReason?.Code, deal.LastOpenStageId)
                    : (stopped, deal.StopReason?.Code, deal.StageId);
            if (reason is null)
            {
                return false; // Add dereferences the reason: let it report the deal
            }
            CollectionsMarshal.GetValueRefOrAddDefault(into, (reason, stage), out _).Add(merged[g]);
        }
        if (lost.Count + stopped.Count == 0)
        {
            return true;
        }
        var scale = amounts.Exactness.MaxAmountScale;
        if (options.Rates is null)
        {
            value.Saw(frame.Currencies[currency]); // with rates the rates fixed the currency already
        }
        foreach (var (key, sum) in lost)
        {
            cells[key] = (sum.Count, sum.Value.ToDecimal(scale));
        }
        foreach (var (key, sum) in stopped)
        {
            stops[key] = (sum.Count, sum.Value.ToDecimal(scale));
        }
        return true;
    }

    // False when a row could not be proved to give what Add gives.
    private bool Accumulate(
        DealFrame frame,
        ReportingAmounts amounts,
        FrameGroups groups,
        int wanted,
        int from,
        int to,
        FrameSum[] sums,
        out int seen
    )
    {
        var rated = options.Rates is not null;
        var status = frame.Status;
        var decidedAt = frame.DecidedAt;
        var group = groups.Group;
        var common = amounts.Exactness.MaxAmountScale;
        var window = new FrameWindow(options, needDays: false);
        var currency = new FrameCurrency(wanted);
        seen = FrameCurrency.Unknown;
        for (var r = from; r < to; r++)
        {
            // A lost deal is placed by its close, a stopped one by its stop: DecidedAt holds either.
            if ((DealStatus)status[r] is not (DealStatus.Lost or DealStatus.Stopped))
            {
                continue;
            }
            var at = decidedAt[r];
            if (at == DealFrame.NoInstant)
            {
                return false;
            }
            var place = window.Place(at, out _);
            if (place != FrameWindow.Inside)
            {
                if (place == FrameWindow.Refused)
                {
                    return false;
                }
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
            sums[group[r]].Add(FrameAmounts.AtScale(amounts.Mantissa[r], scale, common), scale);
        }
        seen = currency.Seen;
        return true;
    }

    // The exact state, for the tests that hold the kernel to Add.
    internal string StateText() =>
        string.Join(
            "\n",
            cells
                .Select(c => $"lost {c.Key}: {c.Value.Count} {c.Value.Value.ToString(CultureInfo.InvariantCulture)}")
                .Concat(stops.Select(c => $"stopped {c.Key}: {c.Value.Count} {c.Value.Value.ToString(CultureInfo.InvariantCulture)}"))
                .Order(StringComparer.Ordinal)
                .Append($"in {value.Currency?.Code ?? "-"}")
        );
}
