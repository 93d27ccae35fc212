using System;
using System.Runtime.CompilerServices;
using MathNet.Numerics.Random;

namespace SalesPipeline.Forecasting;

// Seeded simulation of the revenue of the uncertain deals: per trial, deal i is won when a uniform U_i < p_i.
// MathNet's generator costs several nanoseconds per call, so U_i is drawn lazily: one random byte B gives its first
// eight bits; B < floor(256 p) decides "won" and B > floor(256 p) "lost" outright, and only when B equals it (probability
// 1/256) is a further uniform V drawn and the deal won when V < frac(256 p). So P(won) = floor(256 p) / 256 +
// frac(256 p) / 256 = p exactly (256 p is exact in binary), with about one byte of randomness per deal.
// The generator is read in a fixed order: per trial, the bytes of every deal, then one V per tie in deal order. Each
// trial's revenue is the sum of its won amounts in deal order. A single running sum waits for each addition to finish,
// so the trials are summed Chains at a time, interleaved, which gives the same doubles as summing them one by one.
internal static class MonteCarloSampler
{
    private const int Chains = 4;

    internal static double[] Sample(ReadOnlySpan<double> amounts, ReadOnlySpan<double> probabilities, int trials, int seed)
    {
        var n = amounts.Length;
        var random = new Xoshiro256StarStar(seed, threadSafe: false);
        var top = new byte[n];
        var rest = new double[n];
        var bits = new long[n];
        for (var i = 0; i < n; i++)
        {
            var scaled = probabilities[i] * 256.0;
            top[i] = (byte)Math.Floor(scaled);
            rest[i] = scaled - top[i];
            bits[i] = BitConverter.DoubleToInt64Bits(amounts[i]);
        }
        // Chains trials of random bytes, each turned in place into its outcomes: 0xFF won, 0 lost. The byte[] overload of
        // NextBytes is the one MathNet implements (the span overload of System.Random would read the generator otherwise).
        var outcomes = new byte[Chains][];
        for (var c = 0; c < Chains; c++)
        {
            outcomes[c] = new byte[(n + 7) / 8 * 8];
        }
        var samples = new double[trials];
        for (var first = 0; first < trials; first += Chains)
        {
            var count = Math.Min(Chains, trials - first);
            for (var c = 0; c < count; c++)
            {
                random.NextBytes(outcomes[c]);
                Decide(outcomes[c].AsSpan(0, n), top, rest, random);
            }
            if (count == Chains)
            {
                SumFour(outcomes, bits, samples.AsSpan(first, Chains));
            }
            else
            {
                for (var c = 0; c < count; c++)
                {
                    samples[first + c] = SumOne(outcomes[c], bits);
                }
            }
        }
        return samples;
    }

    // Replaces each byte B by the deal's outcome; a tie (B = floor(256 p)) draws V from the generator, in deal order.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Decide(Span<byte> trial, byte[] top, double[] rest, Xoshiro256StarStar random)
    {
        for (var i = 0; i < trial.Length; i++)
        {
            int b = trial[i];
            int threshold = top[i];
            if (b == threshold)
            {
                trial[i] = random.NextDouble() < rest[i] ? (byte)0xFF : (byte)0;
            }
            else
            {
                // 0xFF when b < threshold (won), else 0, without a branch.
                trial[i] = unchecked((byte)((b - threshold) >> 31));
            }
        }
    }

    // Adds the amount or +0.0 (the bits masked by the outcome, sign-extended to all ones or zeros), which leaves the sum
    // as it is: the same additions as summing the won amounts alone.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double SumOne(byte[] outcome, long[] bits)
    {
        var sum = 0.0;
        for (var i = 0; i < bits.Length; i++)
        {
            sum += BitConverter.Int64BitsToDouble(bits[i] & Mask(outcome[i]));
        }
        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SumFour(byte[][] outcomes, long[] bits, Span<double> samples)
    {
        var o0 = outcomes[0].AsSpan(0, bits.Length);
        var o1 = outcomes[1].AsSpan(0, bits.Length);
        var o2 = outcomes[2].AsSpan(0, bits.Length);
        var o3 = outcomes[3].AsSpan(0, bits.Length);
        double s0 = 0.0,
            s1 = 0.0,
            s2 = 0.0,
            s3 = 0.0;
        for (var i = 0; i < bits.Length; i++)
        {
            var a = bits[i];
            s0 += BitConverter.Int64BitsToDouble(a & Mask(o0[i]));
            s1 += BitConverter.Int64BitsToDouble(a & Mask(o1[i]));
            s2 += BitConverter.Int64BitsToDouble(a & Mask(o2[i]));
            s3 += BitConverter.Int64BitsToDouble(a & Mask(o3[i]));
        }
        samples[0] = s0;
        samples[1] = s1;
        samples[2] = s2;
        samples[3] = s3;
    }

    // All ones for 0xFF, zero for 0.
    private static long Mask(byte outcome) => unchecked((sbyte)outcome);
}
