using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.InteropServices;
using SalesPipeline.Deals;

namespace SalesPipeline.Metrics;

public sealed partial class CompetitorAccumulator
{
    private static readonly object LostToKey = new();

    // What CompetitorAnalysis.Of runs: the frame kernel over a list of deals when it can prove the result, else Add
    // on every deal (which also reports a null list or element, by position, as before).
    internal CompetitorAccumulator AddAll(IEnumerable<Deal> deals)
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
    // (see WinRateAccumulator.TryAdd, which counts the rates here; with exchange rates both read the converted column). The open deals facing competitors and the deals
    // lost to one are summed per group of deals with the same competitors, or the same competitor lost to; their
    // amounts fix the reporting currency the rates are then held to, as the one ReportingValue does in Add.
    internal bool TryAdd(DealFrame frame, int parts = 0)
    {
        if (open.Count > 0 || lostTo.Count > 0)
        {
            return false;
        }
        // With rates every counted amount is read from the frame's converted column (the currency rule is the rates').
        var amounts = frame.AmountsIn(options.Rates);
        if (!amounts.Exactness.AmountsSum)
        {
            return false;
        }
        var faced = FrameGroupings.Competitors(frame);
        var lost = frame.GroupsBy(LostToKey, static (f, r) => f.Fields.Competitor.Codes[r]);
        var fields = frame.Fields;
        var facesSome = Array.ConvertAll(faced.Representative, r => fields.Competitors.Sets[fields.Competitors.Set[r]].Length > 0);
        var lostToOne = Array.ConvertAll(lost.Representative, r => fields.Competitor.Codes[r] > 0);
        parts = FramePartitions.Parts(frame.Count, parts);
        var wanted = FrameCurrency.Wanted(options, frame);
        var kernel = new Kernel(options, frame, amounts, faced.Group, facesSome, lost.Group, lostToOne, wanted);
        var results = FramePartitions.Run(
            frame.Count,
            parts,
            (_, first, last) =>
            {
                var (openSums, lostSums) = (new FrameSum[faced.Count], new FrameSum[lost.Count]);
                var valid = kernel.Run(first, last, openSums, lostSums, out var seen);
                return (Open: openSums, Lost: lostSums, Valid: valid, Seen: seen);
            }
        );
        if (Array.Exists(results, r => !r.Valid) || FrameCurrency.Agree(wanted, Array.ConvertAll(results, r => r.Seen)) is not { } currency)
        {
            return false;
        }
        var openKeyed = Keyed(frame, faced, Merged(Array.ConvertAll(results, r => r.Open)), static d => d.Competitors);
        var lostKeyed = Keyed(frame, lost, Merged(Array.ConvertAll(results, r => r.Lost)), static d => [d.Competitor!]);
        // The rates read the same rows; their amounts must be in the currency these fixed, if they fixed one.
        if (!rates.TryAdd(frame, parts, currency >= 0 ? currency : null))
        {
            return false;
        }
        if (openKeyed.Count + lostKeyed.Count > 0 && options.Rates is null)
        {
            rates.Value.Saw(frame.Currencies[currency]); // with rates the rates fixed the currency already
        }
        var scale = amounts.Exactness.MaxAmountScale;
        foreach (var (key, sum) in openKeyed)
        {
            open[key] = (sum.Count, sum.Value.ToDecimal(scale));
        }
        foreach (var (key, sum) in lostKeyed)
        {
            lostTo[key] = (sum.Count, sum.Value.ToDecimal(scale));
        }
        return true;
    }

    private static FrameSum[] Merged(FrameSum[][] parts)
    {
        var merged = parts[0];
        for (var part = 1; part < parts.Length; part++)
        {
            for (var g = 0; g < merged.Length; g++)
            {
                merged[g].Add(parts[part][g]);
            }
        }
        return merged;
    }

    // The group sums under their keys, read off one deal of each group by the rule Add applies to every deal.
    private static Dictionary<string, FrameSum> Keyed(
        DealFrame frame,
        FrameGroups groups,
        FrameSum[] sums,
        Func<Deal, IReadOnlyList<string>> keys
    )
    {
        var keyed = new Dictionary<string, FrameSum>(StringComparer.Ordinal);
        for (var g = 0; g < sums.Length; g++)
        {
            if (sums[g].Count > 0)
            {
                foreach (var key in keys(frame.DealAt(groups.Representative[g])))
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(keyed, key, out _).Add(sums[g]);
                }
            }
        }
        return keyed;
    }

    // The exact state, for the tests that hold the kernel to Add.
    internal string StateText() =>
        string.Join(
            "\n",
            open.Select(c => $"open {c.Key}: {c.Value.Count} {c.Value.Value.ToString(CultureInfo.InvariantCulture)}")
                .Concat(lostTo.Select(c => $"lost to {c.Key}: {c.Value.Count} {c.Value.Value.ToString(CultureInfo.InvariantCulture)}"))
                .Order(StringComparer.Ordinal)
                .Append(rates.StateText())
        );

    // The open and lost-to sums of a range of rows.
    private readonly struct Kernel(
        WinRateOptions options,
        DealFrame frame,
        ReportingAmounts amounts,
        int[] faced,
        bool[] facesSome,
        int[] lost,
        bool[] lostToOne,
        int wanted
    )
    {
        // False when a row could not be proved to give what Add gives.
        internal bool Run(int from, int to, FrameSum[] openSums, FrameSum[] lostSums, out int seen)
        {
            var decided = options.Definition == WinRateDefinition.Decided;
            var common = amounts.Exactness.MaxAmountScale;
            var rated = options.Rates is not null;
            var scope = new FrameScope(options, frame);
            var window = new FrameWindow(options, needDays: false);
            var currency = new FrameCurrency(wanted);
            seen = FrameCurrency.Unknown;
            for (var r = from; r < to; r++)
            {
                var scale = amounts.Scale[r];
                // A row the rates cannot convert stops the kernel only where the deal code converts it (and throws).
                var usable = scale != ReportingAmounts.Unusable;
                var amount = usable ? FrameAmounts.AtScale(amounts.Mantissa[r], scale, common) : 0;
                // Open deals facing a competitor count under Decided whatever their dates.
                if (decided && (DealStatus)frame.Status[r] == DealStatus.Open && facesSome[faced[r]])
                {
                    if (!usable || (!rated && !currency.Accept(frame.AmountCurrency[r])))
                    {
                        return false;
                    }
                    openSums[faced[r]].Add(amount, scale);
                }
                if (!lostToOne[lost[r]])
                {
                    continue;
                }
                var outcome = scope.Classify(r, out var at);
                if (outcome == FrameScope.Refused)
                {
                    return false;
                }
                if (outcome != DealOutcome.Lost)
                {
                    continue;
                }
                var place = window.Place(at, out _);
                if (place == FrameWindow.Refused)
                {
                    return false;
                }
                if (place == FrameWindow.Inside)
                {
                    if (!usable || (!rated && !currency.Accept(frame.AmountCurrency[r])))
                    {
                        return false;
                    }
                    lostSums[lost[r]].Add(amount, scale);
                }
            }
            seen = currency.Seen;
            return true;
        }
    }
}
