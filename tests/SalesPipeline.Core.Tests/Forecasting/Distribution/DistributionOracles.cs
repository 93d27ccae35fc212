using MathNet.Numerics.Random;
using SalesPipeline.Forecasting;

namespace SalesPipeline.Tests.Forecasting.Distribution;

// The distribution's convolution and sampler as they were before they ran on several cores and interleaved the Monte
// Carlo trials (issue 14), kept verbatim as the oracle: today's code must give the same doubles, bit for bit.
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
                GridConvolution.AddDeal(dist, used, deals[i]);
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
            var product = GridConvolution.Multiply(a, b);
            queue.Enqueue(product, (product.Length, order++));
        }
        return queue.Dequeue();
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
