using System;
using System.Collections.Generic;
using System.Numerics;

namespace SalesPipeline.Samples.Generation;

/// <summary>
/// The sample's own pseudo-random numbers: xoshiro256** 1.0 (Blackman and Vigna, https://prng.di.unimi.it/xoshiro256starstar.c)
/// seeded through SplitMix64 (https://prng.di.unimi.it/splitmix64.c), as the authors recommend.
/// </summary>
/// <remarks>
/// <para>Why not <see cref="Random"/>: the sequence of a seeded <see cref="Random"/> is not a documented contract and has
/// changed between .NET versions; this one is fixed by its published algorithm, so the sample is the same on every
/// runtime. Every helper uses integer arithmetic or the exactly rounded IEEE operations (+, -, *, /) only, never a
/// library function such as <see cref="Math.Log(double)"/>, whose last bit may differ between platforms.</para>
/// <para>Not thread-safe: one instance belongs to one generation run.</para>
/// </remarks>
internal sealed class SampleRandom
{
    // Quantiles of a log-normal distribution with sigma 0.5 at (i + 0.5) / 16: exp(0.5 * Phi^-1((i + 0.5) / 16)), to 3 decimals.
    // A skewed positive factor with median 1 without calling Math.Exp at run time.
    private static readonly double[] LogNormalQuantiles =
    [
        0.394,
        0.517,
        0.604,
        0.678,
        0.749,
        0.818,
        0.888,
        0.962,
        1.040,
        1.126,
        1.223,
        1.336,
        1.474,
        1.657,
        1.933,
        2.538,
    ];

    private ulong s0;
    private ulong s1;
    private ulong s2;
    private ulong s3;

    /// <summary>Seeds the four state words with four SplitMix64 outputs of <paramref name="seed"/>.</summary>
    public SampleRandom(ulong seed)
    {
        var state = seed;
        s0 = SplitMix64(ref state);
        s1 = SplitMix64(ref state);
        s2 = SplitMix64(ref state);
        s3 = SplitMix64(ref state);
    }

    /// <summary>A generator with the given state words (not all zero), as the reference code's <c>s[0..3]</c>.</summary>
    public SampleRandom(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        if ((s0 | s1 | s2 | s3) == 0)
        {
            throw new ArgumentException("xoshiro256** needs a state that is not all zero.", nameof(s0));
        }
        this.s0 = s0;
        this.s1 = s1;
        this.s2 = s2;
        this.s3 = s3;
    }

    /// <summary>One SplitMix64 step: advances <paramref name="state"/> and returns its output.</summary>
    public static ulong SplitMix64(ref ulong state)
    {
        unchecked
        {
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        unchecked
        {
            var result = BitOperations.RotateLeft(s1 * 5, 7) * 9;
            var t = s1 << 17;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = BitOperations.RotateLeft(s3, 45);
            return result;
        }
    }

    /// <summary>A uniform integer in [0, <paramref name="count"/>), unbiased (draws below 2^64 mod count are redrawn).</summary>
    public int Below(int count)
    {
        if (count <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "The count must be at least 1.");
        }
        var bound = (ulong)count;
        var threshold = unchecked(0UL - bound) % bound;
        while (true)
        {
            var r = NextUInt64();
            if (r >= threshold)
            {
                return (int)(r % bound);
            }
        }
    }

    /// <summary>A uniform integer in [<paramref name="min"/>, <paramref name="max"/>], both included.</summary>
    public int Between(int min, int max)
    {
        if (max < min)
        {
            throw new ArgumentOutOfRangeException(nameof(max), max, $"The maximum must be at least the minimum {min}.");
        }
        return min + Below(checked(max - min + 1));
    }

    /// <summary>A uniform double in [0, 1): the top 53 bits of a draw times 2^-53.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => NextDouble() < p;

    /// <summary>One element, uniformly.</summary>
    public T Pick<T>(IReadOnlyList<T> items) => items[Below(items.Count)];

    /// <summary>An index drawn with the given non-negative integer weights (at least one above zero).</summary>
    public int Weighted(IReadOnlyList<int> weights)
    {
        var total = 0;
        foreach (var w in weights)
        {
            total = checked(total + w);
        }
        var r = Below(total);
        for (var i = 0; i < weights.Count; i++)
        {
            if (r < weights[i])
            {
                return i;
            }
            r -= weights[i];
        }
        throw new InvalidOperationException("Unreachable: the draw is below the total of the weights.");
    }

    /// <summary>
    /// A right-skewed positive factor with median about 1 (a log-normal with sigma 0.5, read from 16 quantiles and
    /// jittered by up to 10% either way): about 0.36 to 2.8.
    /// </summary>
    public double Skewed() => LogNormalQuantiles[Below(LogNormalQuantiles.Length)] * (0.9 + 0.2 * NextDouble());
}
