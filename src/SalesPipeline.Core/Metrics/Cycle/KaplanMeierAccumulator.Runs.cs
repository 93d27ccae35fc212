using System;

namespace SalesPipeline.Metrics;

public sealed partial class KaplanMeierAccumulator
{
    // The per-time counts as runs in increasing time order, as a frame kernel finds them (sorting its times instead of
    // hashing each): held as given until anything else is added, then spilled into the dictionary. Only one of the two
    // forms holds counts at any moment.
    private double[]? runTimes;
    private long[]? runEvents;
    private long[]? runCensored;
    private int runCount;

    // Takes the first `count` runs (distinct, finite, non-negative times in increasing order, +0.0 for zero, counts not
    // negative and not both zero) of an empty accumulator; the caller has checked all that, and `total` is their sum.
    internal void AddRuns(double[] times, long[] events, long[] censored, int count, long total)
    {
        if (Count > 0 || runTimes is not null)
        {
            throw new InvalidOperationException("Runs are only added to an empty accumulator.");
        }
        (runTimes, runEvents, runCensored, runCount) = (times, events, censored, count);
        Count = total;
    }

    private void Spill()
    {
        if (runTimes is null)
        {
            return;
        }
        for (var i = 0; i < runCount; i++)
        {
            counts[runTimes[i]] = (runEvents![i], runCensored![i]);
        }
        (runTimes, runEvents, runCensored, runCount) = (null, null, null, 0);
    }

    // The dictionary's counts in increasing time order (its keys are distinct, so any sort gives this one order).
    private (double[] Times, long[] Events, long[] Censored, int Count) Sorted()
    {
        var times = new double[counts.Count];
        var order = new int[counts.Count];
        var events = new long[counts.Count];
        var censored = new long[counts.Count];
        var i = 0;
        foreach (var (time, (e, c)) in counts)
        {
            times[i] = time;
            events[i] = e;
            censored[i] = c;
            order[i] = i;
            i++;
        }
        Array.Sort(times, order);
        var sortedEvents = new long[order.Length];
        var sortedCensored = new long[order.Length];
        for (var k = 0; k < order.Length; k++)
        {
            sortedEvents[k] = events[order[k]];
            sortedCensored[k] = censored[order[k]];
        }
        return (times, sortedEvents, sortedCensored, times.Length);
    }
}
