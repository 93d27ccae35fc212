using System;
using System.Collections.Generic;

namespace SalesPipeline.Statistics;

// Percentiles by Hyndman and Fan's definition 7 (linear interpolation between closest ranks; numpy, pandas and Excel's
// PERCENTILE.INC use it): with the n samples sorted x[0] <= ... <= x[n-1] and h = (n - 1) p,
// Q(p) = x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]). The needed order statistics are found by
// quickselect, in increasing order, each on the part right of the previous one: O(n) per percentile, no sort.
internal static class OrderStatistics
{
    // Q(p) of samples already sorted ascending; p in [0, 1], data non-empty.
    internal static double Type7Sorted(ReadOnlySpan<long> sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        return h > lo && lo + 1 < sorted.Length ? sorted[lo] + (h - lo) * (double)(sorted[lo + 1] - sorted[lo]) : sorted[lo];
    }

    // values[i] = Q(probabilities[i]); the span is reordered. probabilities must be in [0, 1]; data non-empty.
    internal static void Type7(Span<long> data, ReadOnlySpan<double> probabilities, Span<double> values)
    {
        var n = data.Length;
        var needed = new SortedSet<int>();
        foreach (var p in probabilities)
        {
            var h = (n - 1) * p;
            var lo = (int)Math.Floor(h);
            needed.Add(lo);
            if (lo + 1 < n && h > lo)
            {
                needed.Add(lo + 1);
            }
        }
        var from = 0;
        foreach (var k in needed)
        {
            Select(data[from..], k - from);
            from = k;
        }
        for (var i = 0; i < probabilities.Length; i++)
        {
            values[i] = Type7Sorted(data, probabilities[i]);
        }
    }

    // Puts the k-th smallest at a[k], smaller or equal ones before it, larger or equal ones after it.
    private static void Select(Span<long> a, int k)
    {
        int lo = 0,
            hi = a.Length - 1;
        while (hi > lo)
        {
            if (hi - lo < 24)
            {
                a[lo..(hi + 1)].Sort();
                return;
            }
            var pivot = MedianOf3(a[lo], a[lo + (hi - lo) / 2], a[hi]);
            int i = lo,
                j = hi;
            while (i <= j)
            {
                while (a[i] < pivot)
                {
                    i++;
                }
                while (a[j] > pivot)
                {
                    j--;
                }
                if (i <= j)
                {
                    (a[i], a[j]) = (a[j], a[i]);
                    i++;
                    j--;
                }
            }
            if (k <= j)
            {
                hi = j;
            }
            else if (k >= i)
            {
                lo = i;
            }
            else
            {
                return; // a[j + 1 .. i - 1] all equal the pivot
            }
        }
    }

    private static long MedianOf3(long a, long b, long c) => Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));
}
