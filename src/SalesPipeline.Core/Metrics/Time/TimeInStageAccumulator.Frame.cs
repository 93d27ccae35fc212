using System;
using NodaTime;
using SalesPipeline.Deals;

namespace SalesPipeline.Metrics;

public sealed partial class TimeInStageAccumulator
{
    // Adds every deal of the frame, as Add(deal) for each would, and returns true; or returns false and changes nothing
    // when the kernel cannot prove the result identical (then the caller adds the frame's deals one by one): an
    // accumulator that already holds deals, an as-of instant or a frame instant finer than a tick (tick comparisons
    // would not be instant ones), a deal of another pipeline or one entering a stage the pipeline lacks, or, with
    // business days, a stint's instant whose date in the calendar's zone is unsupported (Add throws for those). `parts`: how many parts to split the
    // rows into (0: by the frame's size). The samples are exact ticks and percentiles order statistics, so the split
    // changes nothing.
    internal bool TryAdd(DealFrame frame, int parts = 0)
    {
        if (deals > 0 || !frame.Exactness.WholeTicks || !DealFrame.IsWholeTick(asOf))
        {
            return false;
        }
        if (!FrameStints.OnePipeline(frame, lookup.Pipeline))
        {
            return false;
        }
        var stages = FrameStints.Lookup(frame, lookup);
        var results = FramePartitions.Run(
            frame.Count,
            FramePartitions.Parts(frame.Count, parts),
            (_, from, to) => Accumulate(frame, stages, from, to)
        );
        if (Array.IndexOf(results, null) >= 0)
        {
            return false;
        }
        for (var s = 0; s < lookup.Count; s++)
        {
            var latestCount = 0;
            var cumulativeCount = 0;
            foreach (var part in results)
            {
                latestCount += part!.Latest[s].Count;
                cumulativeCount += part.Cumulative[s].Count;
            }
            latest[s].Reserve(latestCount);
            cumulative[s].Reserve(cumulativeCount);
            foreach (var part in results)
            {
                latest[s].Merge(part!.Latest[s]);
                cumulative[s].Merge(part.Cumulative[s]);
            }
        }
        foreach (var part in results)
        {
            deals += part!.Deals;
            notYetCreated += part.NotYetCreated;
        }
        return true;
    }

    // One part's rows, Add(deal) line by line over ticks; null where Add would throw.
    private FrameSamples? Accumulate(DealFrame frame, int[] stageCodes, int from, int to)
    {
        var stages = lookup.Count;
        var result = new FrameSamples(stages, to - from);
        var until = asOf.ToUnixTimeTicks();
        var buffer = new FrameStint[16];
        Span<long> last = stackalloc long[stages];
        Span<long> sum = stackalloc long[stages];
        Span<byte> state = stackalloc byte[stages]; // 1: has a stint, 2: its last one is open
        Span<bool> cut = stackalloc bool[stages];
        Span<bool> lastCut = stackalloc bool[stages];
        var includeOpen = options.IncludeOpenStints;
        var calendar = options.BusinessDays;
        for (var r = from; r < to; r++)
        {
            var count = FrameStints.Extract(frame, r, stageCodes, until, ref buffer);
            if (count == FrameStints.Failed)
            {
                return null;
            }
            result.Deals++;
            if (count == 0)
            {
                result.NotYetCreated++;
                continue;
            }
            state.Clear();
            sum.Clear();
            cut.Clear();
            lastCut.Clear();
            for (var i = 0; i < count; i++)
            {
                var stint = buffer[i];
                if (stint.IsSkipped || (stint.IsOpen && !includeOpen))
                {
                    continue;
                }
                if (stint.Truncated)
                {
                    cut[stint.Stage] = lastCut[stint.Stage] = true;
                    continue;
                }
                lastCut[stint.Stage] = false;
                var end = stint.IsOpen ? until : stint.Left;
                long ticks;
                if (calendar is null)
                {
                    ticks = end - stint.Entered;
                }
                // Whole ticks (checked above), so these are the stint's very instants.
                else if (
                    calendar.TryTicks(Instant.FromUnixTimeTicks(end), out var endTicks)
                    && calendar.TryTicks(Instant.FromUnixTimeTicks(stint.Entered), out var enteredTicks)
                )
                {
                    ticks = endTicks - enteredTicks;
                }
                else
                {
                    return null;
                }
                last[stint.Stage] = ticks;
                sum[stint.Stage] += ticks;
                state[stint.Stage] = (byte)(stint.IsOpen ? 3 : 1);
            }
            for (var s = 0; s < stages; s++)
            {
                if (state[s] != 0 && !lastCut[s])
                {
                    result.Latest[s].Add(last[s], state[s] == 3);
                }
                if (state[s] != 0 && !cut[s])
                {
                    result.Cumulative[s].Add(sum[s], state[s] == 3);
                }
            }
        }
        return result;
    }

    private sealed class FrameSamples
    {
        internal FrameSamples(int stages, int capacity)
        {
            Latest = new DurationSamples[stages];
            Cumulative = new DurationSamples[stages];
            for (var s = 0; s < stages; s++)
            {
                Latest[s] = new DurationSamples(capacity);
                Cumulative[s] = new DurationSamples(capacity);
            }
        }

        internal DurationSamples[] Latest { get; }

        internal DurationSamples[] Cumulative { get; }

        internal int Deals { get; set; }

        internal int NotYetCreated { get; set; }
    }
}
