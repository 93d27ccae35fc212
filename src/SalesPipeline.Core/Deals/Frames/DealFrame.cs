using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using NodaTime;

namespace SalesPipeline.Deals;

// A set of deals and their histories as columns: one row per deal, in input order, with strings dictionary-encoded
// (codes in ordinal order), amounts as integer mantissas with their decimal scale, dates as day numbers and instants
// as Unix ticks; every event of every deal in one table, the rows of a deal contiguous (EventStart). The metrics run
// integer kernels over these arrays instead of walking deal objects. Any computation a kernel cannot prove exact on
// the columns (see Exactness) runs the deal-based code on the same deals: DealAt(row) and DealList are the only ways
// in. A frame either keeps the deals it was built from, or keeps only their histories (FrameHistory, whose event
// table it shares) and makes each deal from them on demand (DealFrameBuilder builds both kinds).
// Immutable once built, so it is safe to share between threads; derived columns are computed once, on first use.
internal sealed partial class DealFrame
{
    internal const int NoCode = -1;

    internal const long NoInstant = long.MinValue;

    private readonly ConcurrentDictionary<object, object> derived = new();

    private readonly Deal[]? deals;

    private readonly FrameHistory? history;

    // A frame of these deals, which it keeps, with its event table still to fill (AsOf's copy).
    private DealFrame(Deal[] deals)
        : this(deals.Length, deals, null) => EventStart = new int[deals.Length + 1];

    // A frame of `n` rows that keeps its deal objects (deals) or makes them from its history, columns to fill.
    private DealFrame(int n, Deal[]? deals, FrameHistory? history)
    {
        this.deals = deals;
        this.history = history;
        Count = n;
        DealList = new FrameDealList(this);
        Status = new byte[n];
        Pipeline = new int[n];
        Stage = new int[n];
        AmountMantissa = new long[n];
        AmountScale = new byte[n];
        AmountCurrency = new ushort[n];
        ExpectedCloseDay = new int[n];
        FirstExpectedCloseDay = new int[n];
        OwnerKey = new int[n];
        CreatedAt = new long[n];
        DecidedAt = new long[n];
        ProbabilityOverride = new int[n];
        CategoryOverride = new byte[n];
    }

    internal int Count { get; }

    // The deal of a row: the object the frame was built from, so a result that hands deals back hands back the caller's;
    // or, for a frame without deal objects, a new deal equal to the one added, made from the history on every call (no
    // cache, so the frame's memory stays its columns').
    internal Deal DealAt(int row) => deals is not null ? deals[row] : history!.DealAt(row);

    // Deal.Name of a row, without decoding the deal of a frame without deal objects.
    internal string NameAt(int row) => deals is not null ? deals[row].Name : history!.NameAt(row);

    // The histories a frame without deal objects makes its deals from (its event table is theirs), else null.
    internal FrameHistory? History => history;

    // The deals, in row order, for the deal-based code a kernel falls back to; DealFrames.For knows this list and gives
    // back this frame for it without a check or a build.
    internal IReadOnlyList<Deal> DealList { get; }

    // Whether the list still holds, row by row, the very objects (not equal deals) this frame was built from: how
    // DealFrames.For tells that a list it has seen is unchanged (deals are immutable, so the same objects are the same
    // data).
    internal bool HoldsSame(IReadOnlyList<Deal> list)
    {
        // A frame without deal objects gives out new ones on every call: no other list holds "its" objects.
        if (deals is not { } own || own.Length != list.Count)
        {
            return false;
        }
        // An array or a List<Deal> (what the CSV import returns) is compared as memory, in parts on the cores: this check
        // runs before every metric over a list, so at a million deals it is a tenth of a forecast's time.
        var array = list as Deal[];
        // Exactly List<Deal>: a subclass may answer the interface's Count and indexer otherwise than its backing array.
        var growable = list.GetType() == typeof(List<Deal>) ? (List<Deal>)list : null;
        if (array is not null || growable is not null)
        {
            var same = FramePartitions.Run(
                own.Length,
                FramePartitions.Parts(own.Length),
                (_, from, to) =>
                {
                    var theirs = (array is not null ? array.AsSpan() : CollectionsMarshal.AsSpan(growable))[from..to];
                    var mine = own.AsSpan(from, to - from);
                    for (var i = 0; i < mine.Length; i++)
                    {
                        if (!ReferenceEquals(mine[i], theirs[i]))
                        {
                            return false;
                        }
                    }
                    return true;
                }
            );
            return Array.TrueForAll(same, s => s);
        }
        for (var i = 0; i < own.Length; i++)
        {
            if (!ReferenceEquals(own[i], list[i]))
            {
                return false;
            }
        }
        return true;
    }

    internal byte[] Status { get; }

    internal int[] Pipeline { get; }

    internal string[] Pipelines { get; private set; } = [];

    // Deal.StageId (for a closed deal its won or lost stage), a code into Stages, which spans every pipeline.
    internal int[] Stage { get; }

    internal string[] Stages { get; private set; } = [];

    // Amount = AmountMantissa / 10^AmountScale, in Currencies[AmountCurrency]; the scale is the decimal's own, so
    // 100m and 100.00m stay apart (they print differently).
    internal long[] AmountMantissa { get; }

    internal byte[] AmountScale { get; }

    internal ushort[] AmountCurrency { get; }

    internal Currency[] Currencies { get; private set; } = [];

    internal int[] ExpectedCloseDay { get; }

    // The expected close date the deal was created or imported with (Deal.FirstExpectedClose), as ExpectedCloseDay:
    // where the health check's count of close-date pushes starts.
    internal int[] FirstExpectedCloseDay { get; }

    // Deal.OwnerKey: the owner, or "(unassigned)" for a pooled deal.
    internal int[] OwnerKey { get; }

    internal string[] OwnerKeys { get; private set; } = [];

    internal long[] CreatedAt { get; }

    // ClosedAt of a won or lost deal, StoppedAt of a stopped one, NoInstant for an open one.
    internal long[] DecidedAt { get; }

    // A code into ProbabilityOverrides, or NoCode.
    internal int[] ProbabilityOverride { get; }

    internal decimal[] ProbabilityOverrides { get; private set; } = [];

    // The ForecastCategory, or NoCategory.
    internal byte[] CategoryOverride { get; }

    internal const byte NoCategory = byte.MaxValue;

    // Every event of deal r is at rows EventStart[r] .. EventStart[r + 1] - 1, in history order.
    internal int[] EventStart { get; private set; } = [];

    internal long[] EventAt { get; private set; } = [];

    internal FrameEventKind[] EventKind { get; private set; } = [];

    // The stage code an event names (created, imported, moved to, won, lost, reopened, resumed), the day number of an
    // ExpectedCloseChanged (see EventTable.FrameArg); for other kinds 0, or a payload code in a frame without deal
    // objects, whose table is its history's: no kernel reads it.
    internal int[] EventArg { get; private set; } = [];

    // Imported: the imported status, plus ImportedStageEntryKnown; StageMoved: the direction (see EventTable.FrameAux);
    // for other kinds as EventArg.
    internal byte[] EventAux { get; private set; } = [];

    internal const byte ImportedStageEntryKnown = 0x80;

    internal Exactness Exactness { get; private set; }

    // The deal fields the group keys, id lookups and customer columns read, recorded with the rows.
    internal DealFields Fields { get; private set; } = null!;

    // Deal.Amount.Amount of a row, from the columns: its mantissa and scale, or the wide amount they could not hold.
    internal decimal AmountAt(int row) =>
        !Exactness.NarrowAmounts && Fields.WideAmounts.TryGet(row, out var wide)
            ? wide
            : ReportingAmounts.Rebuild(AmountMantissa[row], AmountScale[row]);

    internal long LastEventAt(int row) => EventAt[EventStart[row + 1] - 1];

    internal long ObservedFrom(int row) => EventAt[EventStart[row]];

    // A column computed from the frame once, on first use, and kept (frames are immutable, so it never goes stale).
    internal T Derived<T>(object key, Func<DealFrame, T> compute)
        where T : class => (T)derived.GetOrAdd(key, static (_, state) => state.compute(state.frame), (frame: this, compute));

    internal static long Ticks(Instant instant) => instant.ToUnixTimeTicks();

    internal static bool IsWholeTick(Instant instant) => Instant.FromUnixTimeTicks(instant.ToUnixTimeTicks()) == instant;
}
