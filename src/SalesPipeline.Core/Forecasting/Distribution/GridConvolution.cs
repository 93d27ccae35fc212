using System;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Threading.Tasks;
using MathNet.Numerics.IntegralTransforms;

namespace SalesPipeline.Forecasting;

// The distribution of a sum of independent "grid deals" on the integers 0..n: deal i is 0 with probability 1 - p_i,
// Lo_i with probability PLo_i and Lo_i + 1 with probability PHi_i (PLo_i + PHi_i = p_i). Deals are added one by one
// (a three-tap dynamic programme) into groups of about GroupLength points; the groups are then multiplied pairwise,
// shortest first, directly when that is cheaper and by FFT (MathNet, FourierOptions.Matlab, padded to a power of two,
// two real inputs packed in one complex transform) otherwise. Which nodes are multiplied depends on their lengths only,
// so ProductPlan fixes the whole tree before any arithmetic, and the independent nodes of each wave run in parallel.
internal static class GridConvolution
{
    // Group length for the sequential programme, and the cost ratio at which an FFT product beats a direct one
    // (measured: a direct product costs about 0.3 ns per multiply-add, MathNet's FFT about 4 ns per n log2 n).
    internal const int GroupLength = 1024;
    private const double FftCostPerNLogN = 12.0;

    // A wave of independent groups or products runs in parallel from this many grid points in all (below it, handing
    // the work to other threads costs more than it saves).
    internal const long ParallelPoints = 16_384;

    // After an FFT product, values below this (and negative noise) are set to 0 and the result renormalised: the
    // transform's absolute error is about 1e-16 x log2 n, so smaller values carry no information.
    internal const double FftNoiseFloor = 1e-15;

    internal readonly record struct GridDeal(int Lo, double PLo, double PHi)
    {
        public int Span => PHi > 0 ? Lo + 1 : Lo;
    }

    internal static double[] Sum(IReadOnlyList<GridDeal> deals)
    {
        var plan = ProductPlan.Of(deals);
        if (plan.Groups.Count == 0)
        {
            return [1.0];
        }
        // Every node (group or product) is computed by the same code from the same operands in any execution order, so
        // running independent nodes on several cores gives the same doubles as running them one by one.
        var nodes = new double[]?[plan.Groups.Count + plan.Products.Count];
        RunWave(
            plan.Groups.Count,
            plan.Length,
            g =>
            {
                var (start, end, length) = plan.Groups[g];
                nodes[g] = Sequential(deals, start, end, length);
            }
        );
        foreach (var wave in plan.Waves)
        {
            RunWave(
                wave.Count,
                wave.Length,
                w =>
                {
                    var node = wave.First + w;
                    var (left, right) = plan.Products[node - plan.Groups.Count];
                    nodes[node] = Multiply(nodes[left]!, nodes[right]!);
                    // The operands are read by this product only: let them go as soon as it is made.
                    nodes[left] = null;
                    nodes[right] = null;
                }
            );
        }
        return nodes[^1]!;
    }

    // Runs count independent pieces of work, on several cores when the wave holds enough grid points to pay for it.
    private static void RunWave(int count, long points, Action<int> body)
    {
        if (count > 1 && points >= ParallelPoints)
        {
            Parallel.For(0, count, body);
        }
        else
        {
            for (var i = 0; i < count; i++)
            {
                body(i);
            }
        }
    }

    // Adds deals [start, end) one by one to the point mass at 0.
    private static double[] Sequential(IReadOnlyList<GridDeal> deals, int start, int end, int length)
    {
        var dist = new double[length];
        dist[0] = 1.0;
        var used = 1;
        for (var i = start; i < end; i++)
        {
            var d = deals[i];
            AddDeal(dist, used, d);
            used += d.Span;
        }
        return dist;
    }

    // dist[0, used) holds the current distribution (zeros above); afterwards dist[0, used + span) holds it with d added.
    // new[k] = q old[k] + r old[k - lo] + s old[k - lo - 1], computed from the top down in place.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void AddDeal(double[] dist, int used, GridDeal d)
    {
        var q = 1.0 - d.PLo - d.PHi;
        var r = d.PLo;
        var s = d.PHi;
        var lo = d.Lo;
        if (lo == 0)
        {
            q += r;
            r = s;
            s = 0;
            lo = 1;
        }
        var top = used + d.Span - 1;
        var span = dist.AsSpan();
        ref var d0 = ref MemoryMarshal.GetArrayDataReference(dist);
        var k = top;
        // Vector blocks [k - width + 1, k] while every tap stays at index >= 0, in the widest vectors the machine has:
        // each block is loaded whole before it is stored, and each element gets the scalar expression's products and
        // sums in the same order, so the doubles do not depend on the width.
        if (Vector512.IsHardwareAccelerated)
        {
            var (vq, vr, vs) = (Vector512.Create(q), Vector512.Create(r), Vector512.Create(s));
            while (k - Vector512<double>.Count + 1 >= lo + 1)
            {
                var b = (nuint)(k - Vector512<double>.Count + 1);
                var x =
                    Vector512.LoadUnsafe(ref d0, b) * vq
                    + Vector512.LoadUnsafe(ref d0, b - (nuint)lo) * vr
                    + Vector512.LoadUnsafe(ref d0, b - (nuint)lo - 1) * vs;
                x.StoreUnsafe(ref d0, b);
                k -= Vector512<double>.Count;
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            var (vq, vr, vs) = (Vector256.Create(q), Vector256.Create(r), Vector256.Create(s));
            while (k - Vector256<double>.Count + 1 >= lo + 1)
            {
                var b = (nuint)(k - Vector256<double>.Count + 1);
                var x =
                    Vector256.LoadUnsafe(ref d0, b) * vq
                    + Vector256.LoadUnsafe(ref d0, b - (nuint)lo) * vr
                    + Vector256.LoadUnsafe(ref d0, b - (nuint)lo - 1) * vs;
                x.StoreUnsafe(ref d0, b);
                k -= Vector256<double>.Count;
            }
        }
        else
        {
            var (vq, vr, vs) = (Vector128.Create(q), Vector128.Create(r), Vector128.Create(s));
            while (k - Vector128<double>.Count + 1 >= lo + 1)
            {
                var b = (nuint)(k - Vector128<double>.Count + 1);
                var x =
                    Vector128.LoadUnsafe(ref d0, b) * vq
                    + Vector128.LoadUnsafe(ref d0, b - (nuint)lo) * vr
                    + Vector128.LoadUnsafe(ref d0, b - (nuint)lo - 1) * vs;
                x.StoreUnsafe(ref d0, b);
                k -= Vector128<double>.Count;
            }
        }
        for (; k >= lo + 1; k--)
        {
            span[k] = q * span[k] + r * span[k - lo] + s * span[k - lo - 1];
        }
        if (k == lo)
        {
            span[k] = q * span[k] + r * span[0];
            k--;
        }
        for (; k >= 0; k--)
        {
            span[k] *= q;
        }
    }

    internal static double[] Multiply(double[] a, double[] b)
    {
        var outLength = a.Length + b.Length - 1;
        var n = NextPowerOfTwo(outLength);
        var direct = (double)a.Length * b.Length;
        var fft = FftCostPerNLogN * n * Math.Log2(n);
        return direct <= fft ? MultiplyDirect(a, b) : MultiplyFft(a, b);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static double[] MultiplyDirect(double[] a, double[] b)
    {
        if (a.Length < b.Length)
        {
            (a, b) = (b, a);
        }
        var result = new double[a.Length + b.Length - 1];
        ref var src = ref MemoryMarshal.GetArrayDataReference(a);
        ref var dst = ref MemoryMarshal.GetArrayDataReference(result);
        var length = (nuint)a.Length;
        for (var j = 0; j < b.Length; j++)
        {
            var f = b[j];
            if (f == 0)
            {
                continue;
            }
            // result[j + i] += a[i] f, in the widest vectors the machine has (the same product and sum per element).
            ref var row = ref Unsafe.Add(ref dst, j);
            nuint i = 0;
            if (Vector512.IsHardwareAccelerated)
            {
                var vf = Vector512.Create(f);
                for (; i + (nuint)Vector512<double>.Count <= length; i += (nuint)Vector512<double>.Count)
                {
                    (Vector512.LoadUnsafe(ref row, i) + Vector512.LoadUnsafe(ref src, i) * vf).StoreUnsafe(ref row, i);
                }
            }
            else if (Vector256.IsHardwareAccelerated)
            {
                var vf = Vector256.Create(f);
                for (; i + (nuint)Vector256<double>.Count <= length; i += (nuint)Vector256<double>.Count)
                {
                    (Vector256.LoadUnsafe(ref row, i) + Vector256.LoadUnsafe(ref src, i) * vf).StoreUnsafe(ref row, i);
                }
            }
            else
            {
                var vf = Vector128.Create(f);
                for (; i + (nuint)Vector128<double>.Count <= length; i += (nuint)Vector128<double>.Count)
                {
                    (Vector128.LoadUnsafe(ref row, i) + Vector128.LoadUnsafe(ref src, i) * vf).StoreUnsafe(ref row, i);
                }
            }
            for (; i < length; i++)
            {
                Unsafe.Add(ref row, i) += Unsafe.Add(ref src, i) * f;
            }
        }
        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static double[] MultiplyFft(double[] a, double[] b)
    {
        var outLength = a.Length + b.Length - 1;
        var n = NextPowerOfTwo(outLength);
        // Pack both real inputs in one complex vector z = a + i b; then A = (Z[k] + conj Z[-k]) / 2,
        // B = (Z[k] - conj Z[-k]) / 2i, and the product's spectrum A B = (Z[k]^2 - conj(Z[-k])^2) / 4i.
        var z = new Complex[n];
        for (var i = 0; i < n; i++)
        {
            var re = i < a.Length ? a[i] : 0.0;
            var im = i < b.Length ? b[i] : 0.0;
            if (re != 0 || im != 0)
            {
                z[i] = new Complex(re, im);
            }
        }
        Fourier.Forward(z, FourierOptions.Matlab);
        for (var k = 0; k <= n / 2; k++)
        {
            var j = (n - k) & (n - 1);
            var zk = z[k];
            var zj = z[j];
            var ck = Complex.Conjugate(zk);
            var cj = Complex.Conjugate(zj);
            z[k] = DivideBy4I(zk * zk - cj * cj);
            z[j] = DivideBy4I(zj * zj - ck * ck);
        }
        Fourier.Inverse(z, FourierOptions.Matlab);
        var result = new double[outLength];
        var sum = 0.0;
        for (var i = 0; i < outLength; i++)
        {
            var v = z[i].Real;
            if (v >= FftNoiseFloor)
            {
                result[i] = v;
                sum += v;
            }
        }
        if (sum > 0)
        {
            var scale = 1.0 / sum;
            for (var i = 0; i < outLength; i++)
            {
                result[i] *= scale;
            }
        }
        return result;
    }

    // x / 4i = -i x / 4.
    private static Complex DivideBy4I(Complex x) => new(x.Imaginary / 4.0, -x.Real / 4.0);

    internal static int NextPowerOfTwo(int value)
    {
        var n = 1;
        while (n < value)
        {
            n <<= 1;
        }
        return n;
    }
}
