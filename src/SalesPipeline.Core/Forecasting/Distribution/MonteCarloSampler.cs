using System;
using MathNet.Numerics.Random;

namespace SalesPipeline.Forecasting;

// Seeded simulation of the revenue of the uncertain deals: per trial, deal i is won when a uniform U_i < p_i.
// MathNet's generator costs several nanoseconds per call, so U_i is drawn lazily: one random byte B gives its first
// eight bits; B < floor(256 p) decides "won" and B > floor(256 p) "lost" outright, and only when B equals it (probability
// 1/256) is a further uniform V drawn and the deal won when V < frac(256 p). So P(won) = floor(256 p) / 256 +
// frac(256 p) / 256 = p exactly (256 p is exact in binary), with about one byte of randomness per deal.
internal static class MonteCarloSampler
{
    internal static double[] Sample(ReadOnlySpan<double> amounts, ReadOnlySpan<double> probabilities, int trials, int seed)
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
                // All ones when b < threshold (won), else zero: adds the amount or +0.0 without a branch.
                long mask = (b - threshold) >> 31;
                sum += BitConverter.Int64BitsToDouble(bits[i] & mask);
            }
            samples[t] = sum;
        }
        return samples;
    }
}
