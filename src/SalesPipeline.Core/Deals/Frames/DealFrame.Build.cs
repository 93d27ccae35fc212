using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;

namespace SalesPipeline.Deals;

internal sealed partial class DealFrame
{
    // The frame of the given deals (no null element: the callers check first), which it keeps: DealAt hands back the
    // caller's objects. Built in parts on the cores when there are enough.
    internal static DealFrame Of(Deal[] deals) => DealFrameBuilder.Build(deals, DealFrameBuilder.OfKeeping);

    // The frame of builders that recorded consecutive parts of the rows (the builders are spent): every dictionary
    // sealed over all the parts as one builder would seal it, each part's codes renumbered as its rows are laid end to
    // end, on the cores. `given`: the deals of a Given build, in row order.
    internal static DealFrame Join(IReadOnlyList<DealFrameBuilder> parts, Deal[]? given)
    {
        if (parts.Count == 0)
        {
            throw new ArgumentException("A frame is joined from at least one builder; the list was empty.", nameof(parts));
        }
        var keeping = parts[0].Kept;
        foreach (var part in parts)
        {
            if (part.Kept != keeping)
            {
                throw new ArgumentException(
                    $"The builders of one frame keep the same things; one keeps {part.Kept}, another {keeping}.",
                    nameof(parts)
                );
            }
            part.Spend();
        }
        var rowBases = new int[parts.Count + 1];
        for (var p = 0; p < parts.Count; p++)
        {
            rowBases[p + 1] = rowBases[p] + parts[p].Count;
        }
        var count = rowBases[parts.Count];
        var deals =
            keeping == DealFrameBuilder.Keeping.Given ? given!
            : keeping == DealFrameBuilder.Keeping.Deals ? [.. parts.SelectMany(p => p.Deals!)]
            : null;
        var history = keeping == DealFrameBuilder.Keeping.History ? FrameHistoryBuilder.Join([.. parts.Select(p => p.History!)]) : null;
        var frame = new DealFrame(count, deals, history);
        var pipelines = HistoryCodes<string>.Seal([.. parts.Select(p => p.Pipelines)]);
        var owners = HistoryCodes<string>.Seal([.. parts.Select(p => p.OwnerKeys)]);
        var currencies = HistoryCodes<Currency>.Seal([.. parts.Select(p => p.Currencies)]);
        var overrides = HistoryCodes<(int, int, int, int)>.Seal([.. parts.Select(p => p.ProbabilityOverrides)]);
        var stages = history is null ? HistoryCodes<string>.Seal([.. parts.Select(p => p.Stages)]) : InHistory(parts, history);
        var eventBases = new int[parts.Count];
        if (history is null)
        {
            for (var p = 1; p < parts.Count; p++)
            {
                eventBases[p] = eventBases[p - 1] + parts[p - 1].EventAt.Count;
            }
            var events = parts.Count == 0 ? 0 : eventBases[^1] + parts[^1].EventAt.Count;
            frame.EventStart = new int[count + 1];
            frame.EventStart[count] = events;
            frame.EventAt = new long[events];
            frame.EventKind = new FrameEventKind[events];
            frame.EventArg = new int[events];
            frame.EventAux = new byte[events];
        }
        else
        {
            frame.EventStart = history.EventStart;
            frame.EventAt = history.EventAt;
            frame.EventKind = history.EventKind;
            frame.EventArg = history.EventArg;
            frame.EventAux = history.EventAux;
        }
        var fields = FramePartitions.Run(
            parts.Count,
            parts.Count,
            (p, _, _) =>
            {
                frame.CopyPart(
                    parts[p],
                    rowBases[p],
                    eventBases[p],
                    pipelines.Remaps[p],
                    stages.Remaps[p],
                    owners.Remaps[p],
                    currencies.Remaps[p],
                    overrides.Remaps[p]
                );
                return parts[p].Fields.Build();
            }
        );
        var joined = fields.Length == 1 ? fields[0] : DealFields.Join(fields);
        // The parts of a frame without deal objects recorded no ids: its history holds them.
        frame.Fields = history is null ? joined : joined.WithIds(history.IdOffset, history.IdText);
        frame.Pipelines = pipelines.Values;
        frame.Stages = stages.Values;
        frame.OwnerKeys = owners.Values;
        frame.Currencies = currencies.Values;
        frame.ProbabilityOverrides = Array.ConvertAll(overrides.Values, b => new decimal([b.Item1, b.Item2, b.Item3, b.Item4]));
        var narrow = parts.All(p => p.NarrowAmounts);
        var maxScale = parts.Max(p => p.MaxAmountScale);
        frame.Exactness = new Exactness(
            parts.All(p => p.WholeTicks),
            parts.All(p => p.IsoDates),
            narrow,
            maxScale,
            narrow ? frame.AmountBound(maxScale) : UInt128.MaxValue
        );
        return frame;
    }

    // A frame without deal objects numbers its stages as its history does (the table is the history's): every stage a
    // deal is in is one an event of it names, so the history's dictionary holds it.
    private static (string[] Values, int[][] Remaps) InHistory(IReadOnlyList<DealFrameBuilder> parts, FrameHistory history)
    {
        var remaps = new int[parts.Count][];
        for (var p = 0; p < parts.Count; p++)
        {
            var local = parts[p].Stages.Provisional;
            remaps[p] = new int[local.Count];
            for (var i = 0; i < local.Count; i++)
            {
                remaps[p][i] = Array.BinarySearch(history.Stages, local[i], StringComparer.Ordinal);
                if (remaps[p][i] < 0)
                {
                    throw new InvalidOperationException($"Stage '{local[i]}' of a deal is named by none of its events.");
                }
            }
        }
        return (history.Stages, remaps);
    }

    // Part `part`'s rows, from row `row` and event `e` on, with its codes renumbered.
    private void CopyPart(
        DealFrameBuilder part,
        int row,
        int e,
        int[] pipelines,
        int[] stages,
        int[] owners,
        int[] currencies,
        int[] overrides
    )
    {
        for (var i = 0; i < part.Count; i++)
        {
            var r = row + i;
            Status[r] = part.Status[i];
            Pipeline[r] = pipelines[part.Pipeline[i]];
            Stage[r] = stages[part.Stage[i]];
            AmountMantissa[r] = part.AmountMantissa[i];
            AmountScale[r] = part.AmountScale[i];
            AmountCurrency[r] = (ushort)currencies[part.AmountCurrency[i]];
            ExpectedCloseDay[r] = part.ExpectedCloseDay[i];
            FirstExpectedCloseDay[r] = part.FirstExpectedCloseDay[i];
            OwnerKey[r] = owners[part.OwnerKey[i]];
            CreatedAt[r] = part.CreatedAt[i];
            DecidedAt[r] = part.DecidedAt[i];
            ProbabilityOverride[r] = part.ProbabilityOverride[i] is var o and >= 0 ? overrides[o] : NoCode;
            CategoryOverride[r] = part.CategoryOverride[i];
        }
        if (part.History is not null)
        {
            return;
        }
        for (var i = 0; i < part.Count; i++)
        {
            EventStart[row + i] = e + part.EventStart[i];
        }
        CollectionsMarshal.AsSpan(part.EventAt).CopyTo(EventAt.AsSpan(e));
        CollectionsMarshal.AsSpan(part.EventKind).CopyTo(EventKind.AsSpan(e));
        CollectionsMarshal.AsSpan(part.EventAux).CopyTo(EventAux.AsSpan(e));
        var args = CollectionsMarshal.AsSpan(part.EventArg);
        var kinds = CollectionsMarshal.AsSpan(part.EventKind);
        for (var k = 0; k < args.Length; k++)
        {
            EventArg[e + k] = FrameHistory.HasStage(kinds[k]) ? stages[args[k]] : args[k];
        }
    }

    private UInt128 AmountBound(byte maxScale)
    {
        UInt128 bound = 0;
        for (var r = 0; r < AmountMantissa.Length; r++)
        {
            var magnitude = (UInt128)(ulong)Math.Abs(AmountMantissa[r]);
            bound = Exactness.SaturatingAdd(bound, Exactness.SaturatingMultiply(magnitude, Exactness.Pow10[maxScale - AmountScale[r]]));
        }
        return bound;
    }

    // A currency's code is three capital letters, so there are at most 26^3 of them: a ushort always holds the code.
    private static ushort CurrencyCode(Dictionary<Currency, ushort> codes, List<Currency> currencies, Currency currency)
    {
        if (!codes.TryGetValue(currency, out var code))
        {
            code = (ushort)currencies.Count;
            codes.Add(currency, code);
            currencies.Add(currency);
        }
        return code;
    }

    // Overrides are told apart by their bits, not their value: 0.5 and 0.50 are different decimals to a sum's scale.
    private static int OverrideCode(Dictionary<(int, int, int, int), int> codes, List<decimal> values, decimal value)
    {
        var key = (decimal.GetBits(value) is var b ? (b[0], b[1], b[2], b[3]) : default);
        if (!codes.TryGetValue(key, out var code))
        {
            code = values.Count;
            codes.Add(key, code);
            values.Add(value);
        }
        return code;
    }
}
