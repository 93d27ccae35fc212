using System.Numerics;
using MathNet.Numerics.Random;
using SalesPipeline.Forecasting;

namespace SalesPipeline.Tests.Forecasting.Distribution;

// The distribution's count programme, convolution and sampler as they were before issue 14 (one core, Vector<double>,
// one trial at a time), kept verbatim as the oracle: today's code must give the same doubles, bit for bit.
internal static class DistributionOracles
{
    // GridConvolution.Sum before the product plan: groups made in order, multiplied through a priority queue.
    public static double[] SequentialSum(IReadOnlyList<GridConvolution.GridDeal> deals)
    {
        var groups = new List<double[]>();
        var start = 0;
        while (start < deals.Count)
        {
            var length = 1;
            var end = start;
            while (end < deals.Count && (length < GridConvolution.GroupLength || end == start))
            {
                length += deals[end].Span;
                end++;
            }
            var dist = new double[length];
            dist[0] = 1.0;
            var used = 1;
            for (var i = start; i < end; i++)
            {
                AddDeal(dist, used, deals[i]);
                used += deals[i].Span;
            }
            groups.Add(dist);
            start = end;
        }
        if (groups.Count == 0)
        {
            return [1.0];
        }
        var queue = new PriorityQueue<double[], (int Length, int Order)>();
        var order = 0;
        foreach (var g in groups)
        {
            queue.Enqueue(g, (g.Length, order++));
        }
        while (queue.Count > 1)
        {
            var a = queue.Dequeue();
            var b = queue.Dequeue();
            var product = Multiply(a, b);
            queue.Enqueue(product, (product.Length, order++));
        }
        return queue.Dequeue();
    }

    // GridConvolution's three-tap step, its choice of product and its direct product, with Vector<double> (today they use
    // the widest vectors; the FFT product is unchanged and shared).
    public static void AddDeal(double[] dist, int used, GridConvolution.GridDeal d)
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
        var width = Vector<double>.Count;
        var vq = new Vector<double>(q);
        var vr = new Vector<double>(r);
        var vs = new Vector<double>(s);
        var k = top;
        // Vector blocks [k - width + 1, k] while every tap stays at index >= 0.
        while (k - width + 1 >= lo + 1)
        {
            var b = k - width + 1;
            var x =
                new Vector<double>(span[b..]) * vq
                + new Vector<double>(span[(b - lo)..]) * vr
                + new Vector<double>(span[(b - lo - 1)..]) * vs;
            x.CopyTo(span[b..]);
            k -= width;
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

    private static double[] Multiply(double[] a, double[] b)
    {
        var outLength = a.Length + b.Length - 1;
        var n = GridConvolution.NextPowerOfTwo(outLength);
        var direct = (double)a.Length * b.Length;
        var fft = 12.0 * n * Math.Log2(n);
        return direct <= fft ? MultiplyDirect(a, b) : GridConvolution.MultiplyFft(a, b);
    }

    public static double[] MultiplyDirect(double[] a, double[] b)
    {
        if (a.Length < b.Length)
        {
            (a, b) = (b, a);
        }
        var result = new double[a.Length + b.Length - 1];
        var src = a.AsSpan();
        var width = Vector<double>.Count;
        for (var j = 0; j < b.Length; j++)
        {
            var f = b[j];
            if (f == 0)
            {
                continue;
            }
            var dst = result.AsSpan(j, a.Length);
            var vf = new Vector<double>(f);
            var i = 0;
            for (; i + width <= src.Length; i += width)
            {
                (new Vector<double>(dst[i..]) + new Vector<double>(src[i..]) * vf).CopyTo(dst[i..]);
            }
            for (; i < src.Length; i++)
            {
                dst[i] += src[i] * f;
            }
        }
        return result;
    }

    // PoissonBinomial.Of with Vector<double>.
    public static double[] PoissonBinomialOf(ReadOnlySpan<double> probabilities)
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
            while (low < high && span[low] < PoissonBinomial.Negligible)
            {
                span[low++] = 0;
            }
            while (high > low && span[high] < PoissonBinomial.Negligible)
            {
                span[high--] = 0;
            }
        }
        return dist;
    }

    // MonteCarloSampler.Sample before the trials were summed four at a time.
    public static double[] SequentialSample(double[] amounts, double[] probabilities, int trials, int seed)
    {
        var n = amounts.Length;
        var random = new Xoshiro256StarStar(seed, threadSafe: false);
        var top = new int[n];
        var rest = new double[n];
        var bits = new long[n];
        for (var i = 0; i < n; i++)
        {
            var scaled = probabilities[i] * 256.0;
            top[i] = (int)Math.Floor(scaled);
            rest[i] = scaled - top[i];
            bits[i] = BitConverter.DoubleToInt64Bits(amounts[i]);
        }
        var buffer = new byte[(n + 7) / 8 * 8];
        var samples = new double[trials];
        for (var t = 0; t < trials; t++)
        {
            random.NextBytes(buffer);
            var sum = 0.0;
            for (var i = 0; i < top.Length; i++)
            {
                int b = buffer[i];
                var threshold = top[i];
                if (b == threshold)
                {
                    if (random.NextDouble() < rest[i])
                    {
                        sum += amounts[i];
                    }
                    continue;
                }
                long mask = (b - threshold) >> 31;
                sum += BitConverter.Int64BitsToDouble(bits[i] & mask);
            }
            samples[t] = sum;
        }
        return samples;
    }
}
