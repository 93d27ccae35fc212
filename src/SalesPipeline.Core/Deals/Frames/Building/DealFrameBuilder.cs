using System;
using System.Collections.Generic;
using System.Threading;
using SalesPipeline.Utility;

namespace SalesPipeline.Deals;

// Builds a DealFrame one deal at a time: Add records a deal's row (its current-state columns, and its events either
// in the frame's event table or, for a frame that keeps no deal objects, in a FrameHistoryBuilder whose table the frame
// then shares). Builders filled on different threads with consecutive parts of the rows join into one frame
// (DealFrameBuilder.Join), column for column the frame one builder of all the rows gives: each builder codes its
// strings provisionally and the join numbers them as one would (strings in ordinal order, currencies and overrides in
// order of first appearance). Not thread-safe (one builder per thread); joined once.
internal sealed partial class DealFrameBuilder
{
    // What a frame keeps of its deals: the objects added (DealAt hands them back), their histories (DealAt makes an
    // equal deal on each call, and no object is kept), or, for DealFrame.Of, neither: the caller's array is given at
    // the join.
    internal enum Keeping
    {
        Deals,
        History,
        Given,
    }

    private bool joined;

    // The test hook: while set, DealFrame.Of builds frames that keep only the histories of its deals, so that every
    // frame property runs on that kind of frame too.
    private static readonly AsyncLocal<bool> HistoriesOnly = new();

    // A builder whose frame keeps the deal objects added (keepDeals) or only their histories.
    internal DealFrameBuilder(bool keepDeals, int deals = 0, int events = 0)
        : this(keepDeals ? Keeping.Deals : Keeping.History, deals, events) { }

    internal DealFrameBuilder(Keeping keeping, int deals, int events)
    {
        Preconditions.CheckRange(
            deals >= 0 && events >= 0,
            nameof(deals),
            (deals, events),
            "The room for deals and events must not be negative."
        );
        Kept = keeping;
        Deals = keeping == Keeping.Deals ? new(deals) : null;
        History = keeping == Keeping.History ? new FrameHistoryBuilder(deals, events) : null;
        Fields = new(recordIds: History is null); // a history holds the ids: the join gives them to the fields
        var table = keeping == Keeping.History ? 0 : events;
        Status = new(deals);
        Pipeline = new(deals);
        Stage = new(deals);
        AmountMantissa = new(deals);
        AmountScale = new(deals);
        AmountCurrency = new(deals);
        ExpectedCloseDay = new(deals);
        FirstExpectedCloseDay = new(deals);
        OwnerKey = new(deals);
        CreatedAt = new(deals);
        DecidedAt = new(deals);
        ProbabilityOverride = new(deals);
        CategoryOverride = new(deals);
        EventStart = new(keeping == Keeping.History ? 0 : deals + 1) { 0 };
        EventAt = new(table);
        EventKind = new(table);
        EventArg = new(table);
        EventAux = new(table);
    }

    internal Keeping Kept { get; }

    internal int Count => Status.Count;

    internal List<Deal>? Deals { get; }

    internal FrameHistoryBuilder? History { get; }

    // The columns, as DealFrame names them, with provisional codes into the dictionaries below.
    internal List<byte> Status { get; }

    internal List<int> Pipeline { get; }

    internal List<int> Stage { get; }

    internal List<long> AmountMantissa { get; }

    internal List<byte> AmountScale { get; }

    internal List<int> AmountCurrency { get; }

    internal List<int> ExpectedCloseDay { get; }

    internal List<int> FirstExpectedCloseDay { get; }

    internal List<int> OwnerKey { get; }

    internal List<long> CreatedAt { get; }

    internal List<long> DecidedAt { get; }

    internal List<int> ProbabilityOverride { get; }

    internal List<byte> CategoryOverride { get; }

    // The event table, when there is no history to hold it (EventStart relative to this builder's first event).
    internal List<int> EventStart { get; }

    internal List<long> EventAt { get; }

    internal List<FrameEventKind> EventKind { get; }

    internal List<int> EventArg { get; }

    internal List<byte> EventAux { get; }

    // The deal fields beyond the current-state columns (ids, leads, group keys, customers, wide amounts).
    internal DealFields.Recorder Fields { get; }

    internal HistoryCodes<string> Pipelines { get; } = HistoryCodes.Strings();

    internal HistoryCodes<string> Stages { get; } = HistoryCodes.Strings();

    internal HistoryCodes<string> OwnerKeys { get; } = HistoryCodes.Strings();

    internal HistoryCodes<Currency> Currencies { get; } = new(EqualityComparer<Currency>.Default, null);

    // Overrides are told apart by their bits, not their value: 0.5 and 0.50 are different decimals to a sum's scale.
    internal HistoryCodes<(int, int, int, int)> ProbabilityOverrides { get; } = new(EqualityComparer<(int, int, int, int)>.Default, null);

    // What the kernels may assume of these rows (see Exactness).
    internal bool WholeTicks { get; private set; } = true;

    internal bool IsoDates { get; private set; } = true;

    internal bool NarrowAmounts { get; private set; } = true;

    internal byte MaxAmountScale { get; private set; }

    // Records the deal as the next row: the one place a frame's row is made from a deal.
    internal void Add(Deal deal)
    {
        Preconditions.CheckNotNull(deal);
        CheckOpen();
        Deals?.Add(deal);
        History?.Append(deal);
        Fields.Record(deal);
        Status.Add((byte)deal.Status);
        Pipeline.Add(Pipelines.Code(deal.Pipeline));
        Stage.Add(Stages.Code(deal.StageId));
        if (Exactness.TrySplit(deal.Amount.Amount, out var mantissa, out var scale))
        {
            AmountMantissa.Add(mantissa);
            AmountScale.Add(scale);
            MaxAmountScale = Math.Max(MaxAmountScale, scale);
        }
        else
        {
            AmountMantissa.Add(0);
            AmountScale.Add(0);
            NarrowAmounts = false;
        }
        // A currency's code is three capital letters, so there are at most 26^3 of them: a ushort holds the code.
        AmountCurrency.Add(Currencies.Code(deal.Amount.Currency));
        var close = FrameHistory.DayOrNone(deal.ExpectedClose); // a date it cannot hold keeps the kernels off the dates
        ExpectedCloseDay.Add(close);
        IsoDates &= close >= 0;
        FirstExpectedCloseDay.Add(FrameHistory.DayOrNone(deal.FirstExpectedClose));
        OwnerKey.Add(OwnerKeys.Code(deal.OwnerKey));
        CreatedAt.Add(DealFrame.Ticks(deal.CreatedAt));
        WholeTicks &= DealFrame.IsWholeTick(deal.CreatedAt);
        var decided = deal.ClosedAt ?? deal.StoppedAt;
        DecidedAt.Add(decided is { } d ? DealFrame.Ticks(d) : DealFrame.NoInstant);
        WholeTicks &= decided is not { } d2 || DealFrame.IsWholeTick(d2);
        ProbabilityOverride.Add(deal.ProbabilityOverride is { } p ? OverrideCode(p) : DealFrame.NoCode);
        CategoryOverride.Add(deal.CategoryOverride is { } c ? (byte)c : DealFrame.NoCategory);
        var log = (EventLog)deal.Events;
        for (var i = 0; i < log.Count; i++)
        {
            var ev = log[i];
            WholeTicks &= DealFrame.IsWholeTick(ev.At);
            if (History is null)
            {
                var (kind, arg, aux) = EventTable.Entry(ev, Stages);
                EventAt.Add(DealFrame.Ticks(ev.At));
                EventKind.Add(kind);
                EventArg.Add(arg);
                EventAux.Add(aux);
                IsoDates &= kind != FrameEventKind.ExpectedCloseChanged || arg >= 0;
            }
            else
            {
                IsoDates &= ev is not ExpectedCloseChanged x || FrameHistory.DayOrNone(x.ExpectedClose) >= 0;
            }
        }
        if (History is null)
        {
            EventStart.Add(EventAt.Count);
        }
    }

    private int OverrideCode(decimal probability)
    {
        Span<int> b = stackalloc int[4];
        decimal.GetBits(probability, b);
        return ProbabilityOverrides.Code((b[0], b[1], b[2], b[3]));
    }

    // The frame of builders that recorded consecutive parts of the rows, in part order (see DealFrame.Join); the
    // builders are spent. What Core's import calls: a builder per part of the records, Add for each accepted deal,
    // then Join, whose DealList it returns.
    internal static DealFrame Join(IReadOnlyList<DealFrameBuilder> parts) => DealFrame.Join(parts, null);

    // The frame of these deals, built in parts on the cores when there are enough: keeping the very objects (Given,
    // DealFrame.Of) or only their histories (History).
    internal static DealFrame Build(Deal[] deals, Keeping keeping)
    {
        var parts = FramePartitions.Run(
            deals.Length,
            FramePartitions.Parts(deals.Length),
            (_, from, to) =>
            {
                var events = 0;
                for (var r = from; r < to; r++)
                {
                    events += deals[r].Events.Count;
                }
                var part = new DealFrameBuilder(keeping, to - from, events);
                for (var r = from; r < to; r++)
                {
                    part.Add(deals[r]);
                }
                return part;
            }
        );
        return DealFrame.Join(parts, keeping == Keeping.Given ? deals : null);
    }

    // How DealFrame.Of keeps its deals: the caller's objects, or only their histories under the test hook.
    internal static Keeping OfKeeping => HistoriesOnly.Value ? Keeping.History : Keeping.Given;

    // DealFrame.Of keeps only histories until the returned scope is disposed, in the flow that calls this. Tests only.
    internal static IDisposable KeepingHistoriesOnly()
    {
        var before = HistoriesOnly.Value;
        HistoriesOnly.Value = true;
        return new Restore(before);
    }

    private sealed class Restore(bool before) : IDisposable
    {
        public void Dispose() => HistoriesOnly.Value = before;
    }

    // Marks the builder spent (the join takes its lists).
    internal void Spend()
    {
        CheckOpen();
        joined = true;
    }

    private void CheckOpen()
    {
        if (joined)
        {
            throw new InvalidOperationException("This frame builder has been joined into a frame already; start a new builder.");
        }
    }
}
