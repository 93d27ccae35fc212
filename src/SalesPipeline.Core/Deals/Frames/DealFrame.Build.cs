using System;
using System.Collections.Generic;

namespace SalesPipeline.Deals;

internal sealed partial class DealFrame
{
    // The frame of the given deals (no null element: the callers check first).
    internal static DealFrame Of(Deal[] deals)
    {
        var frame = new DealFrame(deals);
        frame.Fill();
        return frame;
    }

    private void Fill()
    {
        var pipelines = new FrameCodes();
        var stages = new FrameCodes();
        var owners = new FrameCodes();
        var currencies = new List<Currency>();
        var currencyCodes = new Dictionary<Currency, ushort>();
        var overrides = new Dictionary<(int, int, int, int), int>();
        var overrideValues = new List<decimal>();
        var wholeTicks = true;
        var isoDates = true;
        var narrow = true;
        byte maxScale = 0;
        var events = 0;
        for (var r = 0; r < deals.Length; r++)
        {
            events += deals[r].Events.Count;
        }
        var eventAt = new long[events];
        var eventKind = new FrameEventKind[events];
        var eventArg = new int[events];
        var eventAux = new byte[events];
        var e = 0;
        for (var r = 0; r < deals.Length; r++)
        {
            var deal = deals[r];
            Status[r] = (byte)deal.Status;
            Pipeline[r] = pipelines.Code(deal.Pipeline);
            Stage[r] = stages.Code(deal.StageId);
            if (Exactness.TrySplit(deal.Amount.Amount, out var mantissa, out var scale))
            {
                AmountMantissa[r] = mantissa;
                AmountScale[r] = scale;
                maxScale = Math.Max(maxScale, scale);
            }
            else
            {
                narrow = false;
            }
            AmountCurrency[r] = CurrencyCode(currencyCodes, currencies, deal.Amount.Currency);
            ExpectedCloseDay[r] = FrameHistory.DayOrNone(deal.ExpectedClose); // a date it cannot hold keeps the kernels off the dates
            isoDates &= ExpectedCloseDay[r] >= 0;
            FirstExpectedCloseDay[r] = FrameHistory.DayOrNone(deal.FirstExpectedClose);
            OwnerKey[r] = owners.Code(deal.OwnerKey);
            CreatedAt[r] = Ticks(deal.CreatedAt);
            wholeTicks &= IsWholeTick(deal.CreatedAt);
            var decided = deal.ClosedAt ?? deal.StoppedAt;
            DecidedAt[r] = decided is { } d ? Ticks(d) : NoInstant;
            wholeTicks &= decided is not { } d2 || IsWholeTick(d2);
            ProbabilityOverride[r] = deal.ProbabilityOverride is { } p ? OverrideCode(overrides, overrideValues, p) : NoCode;
            CategoryOverride[r] = deal.CategoryOverride is { } c ? (byte)c : NoCategory;
            EventStart[r] = e;
            var log = (EventLog)deal.Events;
            for (var i = 0; i < log.Count; i++, e++)
            {
                var ev = log[i];
                eventAt[e] = Ticks(ev.At);
                wholeTicks &= IsWholeTick(ev.At);
                (eventKind[e], eventArg[e], eventAux[e]) = Encode(ev, stages);
                isoDates &= eventKind[e] != FrameEventKind.ExpectedCloseChanged || eventArg[e] >= 0;
            }
        }
        EventStart[deals.Length] = e;
        (Pipelines, var pipelineRemap) = pipelines.Seal();
        FrameCodes.Apply(Pipeline, pipelineRemap);
        (Stages, var stageRemap) = stages.Seal();
        FrameCodes.Apply(Stage, stageRemap);
        for (var i = 0; i < events; i++)
        {
            if (FrameHistory.HasStage(eventKind[i]))
            {
                eventArg[i] = stageRemap[eventArg[i]];
            }
        }
        (OwnerKeys, var ownerRemap) = owners.Seal();
        FrameCodes.Apply(OwnerKey, ownerRemap);
        Currencies = [.. currencies];
        ProbabilityOverrides = [.. overrideValues];
        EventAt = eventAt;
        EventKind = eventKind;
        EventArg = eventArg;
        EventAux = eventAux;
        Exactness = new Exactness(wholeTicks, isoDates, narrow, maxScale, narrow ? AmountBound(maxScale) : UInt128.MaxValue);
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

    private static (FrameEventKind Kind, int Arg, byte Aux) Encode(DealEvent e, FrameCodes stages) =>
        e switch
        {
            DealCreated c => (FrameEventKind.Created, stages.Code(c.StageId), 0),
            DealImported i => (
                FrameEventKind.Imported,
                stages.Code(i.StageId),
                (byte)((byte)i.Status | (i.StageEntryKnown ? ImportedStageEntryKnown : 0))
            ),
            StageMoved m => (FrameEventKind.StageMoved, stages.Code(m.ToStageId), (byte)m.Direction),
            ExitCriterionAnswered => (FrameEventKind.ExitCriterionAnswered, 0, 0),
            ExitCriterionWithdrawn => (FrameEventKind.ExitCriterionWithdrawn, 0, 0),
            AmountChanged => (FrameEventKind.AmountChanged, 0, 0),
            ExpectedCloseChanged x => (FrameEventKind.ExpectedCloseChanged, FrameHistory.DayOrNone(x.ExpectedClose), 0),
            ProbabilityOverridden => (FrameEventKind.ProbabilityOverridden, 0, 0),
            ProbabilityOverrideCleared => (FrameEventKind.ProbabilityOverrideCleared, 0, 0),
            CategoryOverridden => (FrameEventKind.CategoryOverridden, 0, 0),
            CategoryOverrideCleared => (FrameEventKind.CategoryOverrideCleared, 0, 0),
            OwnerReassigned => (FrameEventKind.OwnerReassigned, 0, 0),
            DealWon w => (FrameEventKind.Won, stages.Code(w.StageId), 0),
            DealLost l => (FrameEventKind.Lost, stages.Code(l.StageId), 0),
            CompetitorNoted => (FrameEventKind.CompetitorNoted, 0, 0),
            DealReopened o => (FrameEventKind.Reopened, stages.Code(o.StageId), 0),
            CustomerChanged => (FrameEventKind.CustomerChanged, 0, 0),
            DealStopped => (FrameEventKind.Stopped, 0, 0),
            DealResumed s => (FrameEventKind.Resumed, stages.Code(s.StageId), 0),
            DealAssignedToPool => (FrameEventKind.AssignedToPool, 0, 0),
            CommentAdded => (FrameEventKind.CommentAdded, 0, 0),
            // Every event type has a kind; an architecture test checks the list against DealEvent's subclasses.
            _ => throw new InvalidOperationException($"The deal frame has no kind for {e.GetType().Name}."),
        };
}
