using System;
using NodaTime;
using SalesPipeline.Deals;

namespace SalesPipeline.Metrics;

public sealed partial class SalesCycleAccumulator
{
    // The largest cycle, in ticks, that a sort key (ticks * 2 + censored bit) and a won cycle in nanoseconds (ticks *
    // 100, Duration.ToInt64Nanoseconds) both hold: about 292 years; longer ones go to the deal code.
    private const long MaxFrameTicks = long.MaxValue / 100;

    // Adds every deal of the frame, as Add(deal) for each would, and returns true; or returns false and changes nothing
    // when the kernel cannot prove the result identical (then the caller adds the frame's deals one by one): an
    // accumulator that already holds deals, an as-of instant or a frame instant finer than a tick, or a cycle Add would
    // throw for (negative). Each deal's time is Duration.TotalDays of its exact duration, as Add computes it; deals are
    // grouped by sorting their durations instead of hashing each time, which finds the same distinct times (TotalDays
    // never decreases as the duration grows, and the kernel checks it). `parts`: how many parts to split the rows into
    // (0: by the frame's size).
    internal bool TryAdd(DealFrame frame, int parts = 0)
    {
        if (curve.Count > 0 || WonDeals > 0 || NotYetCreated > 0 || !frame.Exactness.WholeTicks || !DealFrame.IsWholeTick(AsOf))
        {
            return false;
        }
        var results = FramePartitions.Run(
            frame.Count,
            FramePartitions.Parts(frame.Count, parts),
            (_, from, to) => Accumulate(frame, from, to)
        );
        if (Array.IndexOf(results, null) >= 0 || !Runs(results!, out var times, out var events, out var censored, out var runs))
        {
            return false;
        }
        long total = 0;
        foreach (var part in results)
        {
            total += part!.Count;
            WonDeals += part.WonDeals;
            NotYetCreated += part.NotYetCreated;
            wonNanoseconds += part.WonNanoseconds;
        }
        curve.AddRuns(times, events, censored, runs, total);
        return true;
    }

    // One part's rows as Add(deal) reads them, each as a sort key: its duration in ticks times 2, plus 1 when censored;
    // the part's keys sorted. Null where Add would throw or the key would not hold the duration.
    private FrameCycles? Accumulate(DealFrame frame, int from, int to)
    {
        var result = new FrameCycles(to - from);
        var asOf = AsOf.ToUnixTimeTicks();
        var countLostAsEvent = Options.Outcome == SalesCycleOutcome.Closed;
        for (var r = from; r < to; r++)
        {
            long created = frame.CreatedAt[r];
            long end;
            DealStatus status;
            if (asOf < frame.ObservedFrom(r))
            {
                if (created > asOf)
                {
                    result.NotYetCreated++;
                    continue;
                }
                // An imported deal created before AsOf but first observed after it: censored at AsOf (see Add).
                (end, status) = (asOf, DealStatus.Open);
            }
            else if (frame.LastEventAt(r) <= asOf)
            {
                status = (DealStatus)frame.Status[r];
                end = status == DealStatus.Open ? asOf : frame.DecidedAt[r];
            }
            else
            {
                // The deal changed after AsOf: the rare case, read off the deal itself, exactly as Add does.
                frame.DealAt(r).TryAsOf(AsOf, out var then);
                status = then!.Status;
                created = then.CreatedAt.ToUnixTimeTicks();
                end = (then.ClosedAt ?? then.StoppedAt ?? AsOf).ToUnixTimeTicks();
            }
            var ticks = end - created;
            if (ticks < 0 || ticks > MaxFrameTicks)
            {
                return null;
            }
            var isEvent = status == DealStatus.Won || (status == DealStatus.Lost && countLostAsEvent);
            result.Keys[result.Count++] = ticks * 2 + (isEvent ? 0 : 1);
            if (status == DealStatus.Won)
            {
                result.WonDeals++;
                result.WonNanoseconds += ticks * 100;
            }
        }
        Array.Sort(result.Keys, 0, result.Count);
        return result;
    }

    // The parts' sorted keys merged into runs of one time each: Duration.TotalDays of the duration, with its events
    // and censorings. False if two durations in order gave decreasing times (TotalDays is monotonic, so never).
    private static bool Runs(FrameCycles[] parts, out double[] times, out long[] events, out long[] censored, out int runs)
    {
        var total = 0;
        foreach (var part in parts)
        {
            total += part.Count;
        }
        (times, events, censored, runs) = (new double[total], new long[total], new long[total], 0);
        Span<int> heads = stackalloc int[parts.Length];
        var lastTicks = -1L;
        var time = 0d;
        for (var k = 0; k < total; k++)
        {
            // The smallest head among the parts (a handful of them, so a scan).
            var best = -1;
            var key = long.MaxValue;
            for (var p = 0; p < parts.Length; p++)
            {
                if (heads[p] < parts[p].Count && parts[p].Keys[heads[p]] <= key)
                {
                    (best, key) = (p, parts[p].Keys[heads[p]]);
                }
            }
            heads[best]++;
            var ticks = key >> 1;
            if (ticks != lastTicks)
            {
                var next = Duration.FromTicks(ticks).TotalDays;
                if (runs > 0 && next < time)
                {
                    return false;
                }
                if (runs == 0 || next != time)
                {
                    runs++;
                }
                (lastTicks, time) = (ticks, next);
                times[runs - 1] = next;
            }
            if ((key & 1) == 0)
            {
                events[runs - 1]++;
            }
            else
            {
                censored[runs - 1]++;
            }
        }
        return true;
    }

    private sealed class FrameCycles(int capacity)
    {
        internal long[] Keys { get; } = new long[capacity];

        internal int Count { get; set; }

        internal long WonDeals { get; set; }

        internal long NotYetCreated { get; set; }

        internal Int128 WonNanoseconds { get; set; }
    }
}
