using System;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace SalesPipeline.Forecasting;

// The distribution of the number of successes of independent trials with different probabilities (Poisson-binomial),
// by the textbook dynamic programme P_i(k) = (1 - p_i) P_{i-1}(k) + p_i P_{i-1}(k - 1). Values that fall below
// 1e-300 are set to 0 and trimmed from the ends of the range still computed, which keeps the arithmetic away from
// subnormal numbers (slow) and the work near O(n x the width of the distribution) on large pipelines.
internal static class PoissonBinomial
{
    internal const double Negligible = 1e-300;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static double[] Of(ReadOnlySpan<double> probabilities)
    {
        var n = probabilities.Length;
        var dist = new double[n + 1];
        dist[0] = 1.0;
        int low = 0,
            high = 0; // dist is zero outside [low, high]
        var span = dist.AsSpan();
        var width = Vector<double>.Count;
        foreach (var p in probabilities)
        {
            var q = 1.0 - p;
            var vp = new Vector<double>(p);
            var vq = new Vector<double>(q);
            high++;
            // new[k] = q old[k] + p old[k - 1] for k in [low + 1, high], from the top down; then new[low] = q old[low].
            var k = high;
            while (k - width + 1 >= low + 1)
            {
                var b = k - width + 1;
                (new Vector<double>(span[b..]) * vq + new Vector<double>(span[(b - 1)..]) * vp).CopyTo(span[b..]);
                k -= width;
            }
            for (; k >= low + 1; k--)
            {
                span[k] = q * span[k] + p * span[k - 1];
            }
            span[low] *= q;
            while (low < high && span[low] < Negligible)
            {
                span[low++] = 0;
            }
            while (high > low && span[high] < Negligible)
            {
                span[high--] = 0;
            }
        }
        return dist;
    }
}
