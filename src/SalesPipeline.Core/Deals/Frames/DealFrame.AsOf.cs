using System;
using System.Collections.Generic;
using NodaTime;

namespace SalesPipeline.Deals;

internal sealed partial class DealFrame
{
    // The frame of the deals as they were at `instant` (Deal.TryAsOf of each row's deal; deals not yet observed then
    // are left out), the very frame DealFrame.Of would build from those deals, made from this frame's columns: a row
    // whose deal has no event after the instant is copied, a row not observed yet is dropped, and only the rest, whose
    // state then differs, rebuild their deal. A frame that keeps deals gives one that keeps the deals as they were then
    // (for the kernels' fallback); a frame without deal objects gives one without them, the frame of its deals as they
    // were then that DealFrameBuilder builds keeping histories. Null when the ticks cannot tell "at or before the
    // instant" exactly (an instant finer than a tick in the frame).
    internal DealFrame? AsOf(Instant instant)
    {
        if (!Exactness.WholeTicks)
        {
            return null;
        }
        // Every instant of the frame is a whole tick, so "at or before the instant" is "at or before its floor tick".
        var at = FloorTicks(instant);
        if (deals is null)
        {
            return HistoriesAsOf(instant, at);
        }
        var rows = new List<int>();
        var changed = new List<int>(); // positions in `rows` whose deal has events after the instant
        for (var r = 0; r < Count; r++)
        {
            if (ObservedFrom(r) > at)
            {
                continue;
            }
            if (LastEventAt(r) > at)
            {
                changed.Add(rows.Count);
            }
            rows.Add(r);
        }
        var then = new Deal[rows.Count];
        for (var i = 0; i < then.Length; i++)
        {
            then[i] = deals[rows[i]];
        }
        Rebuild(then, changed, instant);
        var frame = new DealFrame(then);
        frame.CopyFrom(this, rows, changed, at);
        return frame;
    }

    // AsOf of a frame without deal objects, in parts on the cores, a builder keeping histories per part: a kept row's
    // history and columns copied (DealFrameBuilder.AddRow, no deal made), a changed row's deal made, taken back to the
    // instant and added; the parts joined as one builder of all the rows would build them.
    private DealFrame HistoriesAsOf(Instant instant, long at)
    {
        var parts = FramePartitions.Run(
            Count,
            FramePartitions.Parts(Count, splitFrom: RebuildSplit),
            (_, from, to) =>
            {
                var part = new DealFrameBuilder(DealFrameBuilder.Keeping.History, to - from, EventStart[to] - EventStart[from]);
                for (var r = from; r < to; r++)
                {
                    if (ObservedFrom(r) > at)
                    {
                        continue;
                    }
                    if (LastEventAt(r) <= at)
                    {
                        part.AddRow(this, r);
                    }
                    else
                    {
                        DealAt(r).TryAsOf(instant, out var then);
                        part.Add(then!);
                    }
                }
                return part;
            }
        );
        return DealFrameBuilder.Join(parts);
    }

    // The first whole tick at or before the instant.
    private static long FloorTicks(Instant instant)
    {
        var ticks = instant.ToUnixTimeTicks();
        return Instant.FromUnixTimeTicks(ticks) > instant ? ticks - 1 : ticks;
    }

    // The deals with events after the instant, as they were then (Deal.TryAsOf; each one observed by then).
    private static void Rebuild(Deal[] deals, List<int> changed, Instant instant)
    {
        FramePartitions.Run(
            changed.Count,
            FramePartitions.Parts(changed.Count, splitFrom: RebuildSplit),
            (_, from, to) =>
            {
                for (var i = from; i < to; i++)
                {
                    deals[changed[i]].TryAsOf(instant, out var then);
                    deals[changed[i]] = then!;
                }
            }
        );
    }

    // Rebuilding a deal costs a few microseconds, copying a row without its deal a little less (a frame without deal
    // objects splits its rows by this too, not re-measured): below this many, one core does them.
    private const int RebuildSplit = 10_000;

    // Fills this frame (of the deals as of `at`) from the source frame: kept rows copied, changed rows read from their
    // rebuilt deals, every dictionary narrowed to the values the kept rows use and numbered as DealFrameBuilder numbers
    // them (strings in ordinal order, currencies and overrides in order of first appearance); the deal fields likewise
    // copied for kept rows and recorded from the deal for changed ones.
    private void CopyFrom(DealFrame source, List<int> rows, List<int> changed, long at)
    {
        var then = deals!; // this frame keeps the deals as of the instant (AsOf made them)
        var isChanged = new bool[rows.Count];
        foreach (var i in changed)
        {
            isChanged[i] = true;
        }
        var pipelines = new Narrowing(source.Pipelines);
        var stages = new Narrowing(source.Stages);
        var owners = new Narrowing(source.OwnerKeys);
        var currencyCodes = new Dictionary<Currency, ushort>();
        var currencies = new List<Currency>();
        var currencyOf = new int[source.Currencies.Length];
        Array.Fill(currencyOf, NoCode);
        var overrideCodes = new Dictionary<(int, int, int, int), int>();
        var overrideValues = new List<decimal>();
        var overrideOf = new int[source.ProbabilityOverrides.Length];
        Array.Fill(overrideOf, NoCode);
        var events = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            events += isChanged[i] ? then[i].Events.Count : source.EventStart[rows[i] + 1] - source.EventStart[rows[i]];
        }
        var eventAt = new long[events];
        var eventKind = new FrameEventKind[events];
        var eventArg = new int[events];
        var eventAux = new byte[events];
        var isoDates = true;
        var narrow = true;
        byte maxScale = 0;
        var e = 0;
        var fields = new DealFields.Recorder();
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            if (isChanged[i])
            {
                fields.Record(then[i]);
            }
            else
            {
                fields.Copy(source.Fields, r);
            }
            Pipeline[i] = pipelines.Keep(source.Pipeline[r]);
            CreatedAt[i] = source.CreatedAt[r];
            FirstExpectedCloseDay[i] = source.FirstExpectedCloseDay[r]; // the first event, the same as of any instant
            EventStart[i] = e;
            var first = source.EventStart[r];
            var last = isChanged[i] ? first + then[i].Events.Count : source.EventStart[r + 1];
            for (var s = first; s < last; s++, e++)
            {
                eventAt[e] = source.EventAt[s];
                eventKind[e] = source.EventKind[s];
                eventArg[e] = FrameHistory.HasStage(eventKind[e]) ? stages.Keep(source.EventArg[s]) : source.EventArg[s];
                eventAux[e] = source.EventAux[s];
                isoDates &= eventKind[e] != FrameEventKind.ExpectedCloseChanged || eventArg[e] >= 0;
            }
            ushort currency;
            int probability;
            if (isChanged[i])
            {
                var deal = then[i];
                Status[i] = (byte)deal.Status;
                Stage[i] = stages.Keep(deal.StageId);
                ExpectedCloseDay[i] = FrameHistory.DayOrNone(deal.ExpectedClose);
                OwnerKey[i] = owners.Keep(deal.OwnerKey);
                var decided = deal.ClosedAt ?? deal.StoppedAt;
                DecidedAt[i] = decided is { } d ? Ticks(d) : NoInstant;
                CategoryOverride[i] = deal.CategoryOverride is { } c ? (byte)c : NoCategory;
                currency = CurrencyCode(currencyCodes, currencies, deal.Amount.Currency);
                probability = deal.ProbabilityOverride is { } p ? OverrideCode(overrideCodes, overrideValues, p) : NoCode;
            }
            else
            {
                Status[i] = source.Status[r];
                Stage[i] = stages.Keep(source.Stage[r]);
                ExpectedCloseDay[i] = source.ExpectedCloseDay[r];
                OwnerKey[i] = owners.Keep(source.OwnerKey[r]);
                DecidedAt[i] = source.DecidedAt[r];
                CategoryOverride[i] = source.CategoryOverride[r];
                var sourceCurrency = source.AmountCurrency[r];
                if (currencyOf[sourceCurrency] == NoCode)
                {
                    currencyOf[sourceCurrency] = CurrencyCode(currencyCodes, currencies, source.Currencies[sourceCurrency]);
                }
                currency = (ushort)currencyOf[sourceCurrency];
                probability = source.ProbabilityOverride[r];
                if (probability != NoCode)
                {
                    if (overrideOf[probability] == NoCode)
                    {
                        overrideOf[probability] = OverrideCode(overrideCodes, overrideValues, source.ProbabilityOverrides[probability]);
                    }
                    probability = overrideOf[probability];
                }
            }
            AmountCurrency[i] = currency;
            ProbabilityOverride[i] = probability;
            isoDates &= ExpectedCloseDay[i] >= 0;
            // A source row whose amount did not split left no mantissa to copy: split the amount again.
            if (!isChanged[i] && source.Exactness.NarrowAmounts)
            {
                AmountMantissa[i] = source.AmountMantissa[r];
                AmountScale[i] = source.AmountScale[r];
                maxScale = Math.Max(maxScale, AmountScale[i]);
            }
            else if (Exactness.TrySplit(isChanged[i] ? then[i].Amount.Amount : source.AmountAt(r), out var mantissa, out var scale))
            {
                AmountMantissa[i] = mantissa;
                AmountScale[i] = scale;
                maxScale = Math.Max(maxScale, scale);
            }
            else
            {
                narrow = false;
            }
        }
        EventStart[rows.Count] = e;
        Pipelines = pipelines.Seal();
        pipelines.Apply(Pipeline);
        Stages = stages.Seal();
        stages.Apply(Stage);
        for (var k = 0; k < events; k++)
        {
            if (FrameHistory.HasStage(eventKind[k]))
            {
                eventArg[k] = stages.Final(eventArg[k]);
            }
        }
        OwnerKeys = owners.Seal();
        owners.Apply(OwnerKey);
        Currencies = [.. currencies];
        ProbabilityOverrides = [.. overrideValues];
        Fields = fields.Build();
        EventAt = eventAt;
        EventKind = eventKind;
        EventArg = eventArg;
        EventAux = eventAux;
        // The source's instants are all whole ticks (AsOf checked), and these are some of them.
        Exactness = new Exactness(true, isoDates, narrow, maxScale, narrow ? AmountBound(maxScale) : UInt128.MaxValue);
    }

    // A sorted dictionary of the source narrowed to the values kept rows use, plus values the source lacks (an owner a
    // rebuilt deal had then and no deal has now). While copying, a kept source code stands for itself and an added
    // value for -2 - its index; Seal numbers the union in ordinal order, as HistoryCodes does, and Apply renumbers.
    private sealed class Narrowing(string[] source)
    {
        private readonly bool[] used = new bool[source.Length];
        private readonly Dictionary<string, int> addedCodes = new(StringComparer.Ordinal);
        private readonly List<string> added = [];
        private int[] remap = [];
        private int[] addedRemap = [];

        internal int Keep(int code)
        {
            used[code] = true;
            return code;
        }

        internal int Keep(string value)
        {
            var code = Array.BinarySearch(source, value, StringComparer.Ordinal);
            if (code >= 0)
            {
                return Keep(code);
            }
            if (!addedCodes.TryGetValue(value, out var index))
            {
                index = added.Count;
                addedCodes.Add(value, index);
                added.Add(value);
            }
            return -2 - index;
        }

        // The values in ordinal order.
        internal string[] Seal()
        {
            var values = new List<string>(added);
            for (var c = 0; c < source.Length; c++)
            {
                if (used[c])
                {
                    values.Add(source[c]);
                }
            }
            var sorted = values.ToArray();
            Array.Sort(sorted, StringComparer.Ordinal);
            remap = new int[source.Length];
            for (var c = 0; c < source.Length; c++)
            {
                remap[c] = used[c] ? Array.BinarySearch(sorted, source[c], StringComparer.Ordinal) : NoCode;
            }
            addedRemap = new int[added.Count];
            for (var k = 0; k < added.Count; k++)
            {
                addedRemap[k] = Array.BinarySearch(sorted, added[k], StringComparer.Ordinal);
            }
            return sorted;
        }

        // A copied code's final code (after Seal).
        internal int Final(int code) => code >= 0 ? remap[code] : addedRemap[-2 - code];

        internal void Apply(int[] column)
        {
            for (var i = 0; i < column.Length; i++)
            {
                column[i] = Final(column[i]);
            }
        }
    }
}
