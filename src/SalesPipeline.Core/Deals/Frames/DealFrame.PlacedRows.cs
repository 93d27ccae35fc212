using System.Threading;
using NodaTime;

namespace SalesPipeline.Deals;

// The rows a forecast places (open and won; in the real data about 30% of a frame), copied once per frame with just the
// columns the stage-weighted kernel reads, so a forecast streams about 7 MB per million deals instead of the frame's
// 34 MB: open rows first, then won rows, each in frame order. Open rows keep their stage, override and expected close
// day; every placed row its owner and own amount (mantissa and scale: the kernel serves forecasts without rates only);
// won rows their decided ticks, whose days depend on the zone (WonDaysIn). Lost and stopped rows leave only their stage
// codes, in UsedStages with every other row's, because the deal code weighs every deal's stage before it looks at its
// status. Immutable once built (the won days' cache holds immutable arrays), so safe to share between threads.
internal sealed class PlacedRows
{
    private WonDays? lastWonDays;

    private PlacedRows(
        int openCount,
        int[] stage,
        int[] probabilityOverride,
        int[] expectedCloseDay,
        int[] ownerKey,
        long[] mantissa,
        byte[] scale,
        long[] wonTicks,
        int[] usedStages
    )
    {
        OpenCount = openCount;
        Stage = stage;
        ProbabilityOverride = probabilityOverride;
        ExpectedCloseDay = expectedCloseDay;
        OwnerKey = ownerKey;
        Mantissa = mantissa;
        Scale = scale;
        WonTicks = wonTicks;
        UsedStages = usedStages;
    }

    // Rows 0 .. OpenCount - 1 are open, OpenCount .. Count - 1 won.
    internal int OpenCount { get; }

    internal int Count => OwnerKey.Length;

    // Per open row, as the frame's columns of the same names.
    internal int[] Stage { get; }

    internal int[] ProbabilityOverride { get; }

    internal int[] ExpectedCloseDay { get; }

    // Per placed row.
    internal int[] OwnerKey { get; }

    internal long[] Mantissa { get; }

    internal byte[] Scale { get; }

    // Per won row (index r - OpenCount): the frame's DecidedAt.
    internal long[] WonTicks { get; }

    // Every stage code some row of the frame (placed or not) has, each once.
    internal int[] UsedStages { get; }

    internal static PlacedRows Of(DealFrame frame)
    {
        int open = 0,
            won = 0,
            usedCount = 0;
        var used = new bool[frame.Stages.Length];
        for (var r = 0; r < frame.Count; r++)
        {
            if (!used[frame.Stage[r]])
            {
                used[frame.Stage[r]] = true;
                usedCount++;
            }
            switch ((DealStatus)frame.Status[r])
            {
                case DealStatus.Open:
                    open++;
                    break;
                case DealStatus.Won:
                    won++;
                    break;
            }
        }
        var stage = new int[open];
        var probabilityOverride = new int[open];
        var expectedCloseDay = new int[open];
        var ownerKey = new int[open + won];
        var mantissa = new long[open + won];
        var scale = new byte[open + won];
        var wonTicks = new long[won];
        int nextOpen = 0,
            nextWon = open;
        for (var r = 0; r < frame.Count; r++)
        {
            int at;
            switch ((DealStatus)frame.Status[r])
            {
                case DealStatus.Open:
                    at = nextOpen++;
                    stage[at] = frame.Stage[r];
                    probabilityOverride[at] = frame.ProbabilityOverride[r];
                    expectedCloseDay[at] = frame.ExpectedCloseDay[r];
                    break;
                case DealStatus.Won:
                    at = nextWon++;
                    wonTicks[at - open] = frame.DecidedAt[r];
                    break;
                default:
                    continue;
            }
            ownerKey[at] = frame.OwnerKey[r];
            mantissa[at] = frame.AmountMantissa[r];
            scale[at] = frame.AmountScale[r];
        }
        var usedStages = new int[usedCount];
        for (int s = 0, next = 0; s < used.Length; s++)
        {
            if (used[s])
            {
                usedStages[next++] = s;
            }
        }
        return new PlacedRows(open, stage, probabilityOverride, expectedCloseDay, ownerKey, mantissa, scale, wonTicks, usedStages);
    }

    // The local day (DateOnly.DayNumber) each won row was won on in the zone, per won row. Only the last zone's days
    // are kept (a caller alternating between two zones computes them again each time: one pass over the won rows).
    internal int[] WonDaysIn(DateTimeZone zone)
    {
        if (Volatile.Read(ref lastWonDays) is { } last && ReferenceEquals(last.Zone, zone))
        {
            return last.Days;
        }
        var days = new int[WonTicks.Length];
        var zoneDays = new ZoneDays(zone);
        for (var w = 0; w < days.Length; w++)
        {
            days[w] = zoneDays.DayOf(WonTicks[w]);
        }
        Volatile.Write(ref lastWonDays, new WonDays(zone, days));
        return days;
    }

    private sealed record WonDays(DateTimeZone Zone, int[] Days);
}

internal sealed partial class DealFrame
{
    // The open and won rows, narrow (see PlacedRows); built on first use, once per frame.
    internal PlacedRows PlacedRows => Derived(typeof(PlacedRows), static frame => PlacedRows.Of(frame));
}
