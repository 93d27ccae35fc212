using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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
        ref var d0 = ref MemoryMarshal.GetArrayDataReference(dist);
        foreach (var p in probabilities)
        {
            var q = 1.0 - p;
            high++;
            // new[k] = q old[k] + p old[k - 1] for k in [low + 1, high], from the top down; then new[low] = q old[low].
            // The widest vectors the machine has: the same products and sums per element, so the same doubles.
            var k = high;
            if (Vector512.IsHardwareAccelerated)
            {
                var vp = Vector512.Create(p);
                var vq = Vector512.Create(q);
                while (k - Vector512<double>.Count + 1 >= low + 1)
                {
                    var b = (nuint)(k - Vector512<double>.Count + 1);
                    (Vector512.LoadUnsafe(ref d0, b) * vq + Vector512.LoadUnsafe(ref d0, b - 1) * vp).StoreUnsafe(ref d0, b);
                    k -= Vector512<double>.Count;
                }
            }
            else if (Vector256.IsHardwareAccelerated)
            {
                var vp = Vector256.Create(p);
                var vq = Vector256.Create(q);
                while (k - Vector256<double>.Count + 1 >= low + 1)
                {
                    var b = (nuint)(k - Vector256<double>.Count + 1);
                    (Vector256.LoadUnsafe(ref d0, b) * vq + Vector256.LoadUnsafe(ref d0, b - 1) * vp).StoreUnsafe(ref d0, b);
                    k -= Vector256<double>.Count;
                }
            }
            else
            {
                var vp = Vector128.Create(p);
                var vq = Vector128.Create(q);
                while (k - Vector128<double>.Count + 1 >= low + 1)
                {
                    var b = (nuint)(k - Vector128<double>.Count + 1);
                    (Vector128.LoadUnsafe(ref d0, b) * vq + Vector128.LoadUnsafe(ref d0, b - 1) * vp).StoreUnsafe(ref d0, b);
                    k -= Vector128<double>.Count;
                }
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
