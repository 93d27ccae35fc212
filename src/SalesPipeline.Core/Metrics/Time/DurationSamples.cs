using System;

namespace SalesPipeline.Metrics;

// Exact samples of one duration measure (in ticks: 100 ns of elapsed time, or of business time), their exact sum, and
// how many include a stint still open. Percentiles come from order statistics found by selection, so neither the order
// the samples arrived in nor a split across accumulators changes any figure. 8 bytes per sample.
internal sealed class DurationSamples
{
    private long[] items;

    internal DurationSamples(int capacity) => items = new long[Math.Max(16, capacity)];

    internal int Count { get; private set; }

    internal int OpenCount { get; private set; }

    // Summed when asked (once per Result), exactly: integers add up to the same total in any order.
    internal Int128 Sum
    {
        get
        {
            Int128 sum = 0;
            foreach (var item in Span)
            {
                sum += item;
            }
            return sum;
        }
    }

    internal void Add(long ticks, bool open)
    {
        if (Count == items.Length)
        {
            Array.Resize(ref items, items.Length * 2);
        }
        items[Count++] = ticks;
        OpenCount += open ? 1 : 0;
    }

    // Room for `total` samples in all, so the merges that follow copy once.
    internal void Reserve(int total)
    {
        if (total > items.Length)
        {
            Array.Resize(ref items, total);
        }
    }

    internal void Merge(DurationSamples other)
    {
        if (Count + other.Count > items.Length)
        {
            Array.Resize(ref items, Math.Max(Count + other.Count, items.Length * 2));
        }
        Array.Copy(other.items, 0, items, Count, other.Count);
        Count += other.Count;
        OpenCount += other.OpenCount;
    }

    // Reorders the samples (never changes them): fine for a not-thread-safe accumulator.
    internal Span<long> Span => items.AsSpan(0, Count);
}
