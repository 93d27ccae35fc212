using System;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using SalesPipeline.Utility;

namespace SalesPipeline;

public sealed partial class Money
{
    /// <summary>
    /// The most parts <see cref="Allocate(int)"/> splits an amount into: 1,000,000. The shares are built in memory
    /// (a million of them take about 40 MB), so a larger count is refused rather than left to run out of memory; a
    /// caller with more shares passes their weights to <see cref="Allocate(IReadOnlyList{decimal})"/>.
    /// </summary>
    public const int MaxAllocationParts = 1_000_000;

    /// <summary>
    /// Splits the amount into <paramref name="parts"/> equal shares that add up to it exactly, to the minor unit.
    /// </summary>
    /// <param name="parts">The number of shares; 1 to <see cref="MaxAllocationParts"/>.</param>
    /// <returns>The shares, in order; their sum equals this amount exactly.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="parts"/> is less than 1 or more than <see cref="MaxAllocationParts"/>.</exception>
    /// <exception cref="InvalidOperationException">
    /// The currency has no minor unit, or the amount is not a whole number of minor units.
    /// </exception>
    /// <remarks>
    /// The same as <see cref="Allocate(IReadOnlyList{decimal})"/> with equal weights: the leftover minor units go
    /// one each to the first shares. USD 100.00 in 3 parts is 33.34, 33.33, 33.33; USD -100.00 is -33.34, -33.33,
    /// -33.33; USD 5.47 in 3 parts is 1.83, 1.82, 1.82.
    /// </remarks>
    /// <example><code>Money.Of(100m, Currency.USD).Allocate(3); // USD 33.34, USD 33.33, USD 33.33</code></example>
    public Money[] Allocate(int parts)
    {
        Preconditions.CheckRange(
            parts >= 1,
            nameof(parts),
            parts,
            $"Money can only be split into at least one part; {parts} parts were asked for."
        );
        if (parts > MaxAllocationParts)
        {
            throw new ArgumentOutOfRangeException(
                nameof(parts),
                parts,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Money can be split into at most {MaxAllocationParts:N0} equal parts; {parts:N0} parts were asked for (for more, pass the weights)."
                )
            );
        }
        var weights = new decimal[parts];
        Array.Fill(weights, 1m);
        return AllocateUnits(weights);
    }

    /// <summary>
    /// Splits the amount in proportion to <paramref name="weights"/> so that the shares add up to it exactly, to the
    /// minor unit, by the largest-remainder method.
    /// </summary>
    /// <param name="weights">One non-negative weight per share, not all zero; for example 50, 30, 20 or 0.5, 0.3, 0.2.</param>
    /// <returns>The shares, in the order of the weights; their sum equals this amount exactly.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="weights"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="weights"/> is empty, has a negative weight, or all its weights are zero.
    /// </exception>
    /// <exception cref="InvalidOperationException">
    /// The currency has no minor unit, or the amount is not a whole number of minor units (round it first).
    /// </exception>
    /// <remarks>
    /// <para>The rule: work in whole minor units (cents). Each share first gets its exact proportional part rounded
    /// toward zero; the minor units left over go, one each, to the shares with the largest dropped fraction; a tie
    /// goes to the share that comes first. A zero weight always gets exactly zero. A negative amount is split as its
    /// absolute value and every share negated, so the split of -X is the negation of the split of X.</para>
    /// <para>Example: USD 100.00 by weights 1, 1, 1 gives 33.34, 33.33, 33.33. USD 0.05 by weights 0.3, 0.7 gives
    /// exact parts 1.5 and 3.5 cents, floored to 1 and 3; one cent is left and goes to the first share (tie, 0.5 and
    /// 0.5), giving USD 0.02 and USD 0.03.</para>
    /// </remarks>
    public Money[] Allocate(IReadOnlyList<decimal> weights)
    {
        Preconditions.CheckNotNull(weights);
        Preconditions.CheckArgument(
            weights.Count > 0,
            nameof(weights),
            "At least one weight is needed to allocate money; the list was empty."
        );
        for (var i = 0; i < weights.Count; i++)
        {
            if (weights[i] < 0m)
            {
                throw new ArgumentException(
                    $"Weights must not be negative; weight {i} was {weights[i].ToString(System.Globalization.CultureInfo.InvariantCulture)}.",
                    nameof(weights)
                );
            }
        }
        var copy = new decimal[weights.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = weights[i];
        }
        return AllocateUnits(copy);
    }

    private Money[] AllocateUnits(decimal[] weights)
    {
        var anyPositive = false;
        var scale = 0;
        foreach (var w in weights)
        {
            anyPositive |= w > 0m;
            scale = Math.Max(scale, w.Scale);
        }
        if (!anyPositive)
        {
            throw new ArgumentException(
                $"At least one weight must be above zero; all {weights.Length} weights were zero.",
                nameof(weights)
            );
        }
        var units = Math.Abs(ToMinorUnitsChecked());
        var sign = Amount < 0m ? -1 : 1;

        // Exact integer arithmetic: every weight becomes an integer at the common scale, so U * w / W is computed as an
        // exact quotient and remainder. (Decimal division rounds 1/3 to 28 digits, which broke ties between equal
        // dropped fractions and could floor an exact whole share one unit low.) Int128 when it fits, BigInteger else.
        var shares = TryScaleToInt64(weights, scale, out var small)
            ? LargestRemainder<Int128>(units, small)
            : LargestRemainder<BigInteger>(units, ScaleToBigInteger(weights, scale));

        var result = new Money[shares.Length];
        for (var i = 0; i < shares.Length; i++)
        {
            result[i] = FromMinorUnits(sign * shares[i], Currency);
        }
        return result;
    }

    // The largest-remainder rule on integers: floor(units * w / W) each, then the leftover units one each to the
    // largest remainders (all over the same W), ties to the earlier share. Internal so that collection schedules split
    // whole minor units by this same rule without building Money objects on their hot path.
    internal static long[] LargestRemainder<T>(long units, T[] weights)
        where T : IBinaryInteger<T>
    {
        var total = T.Zero;
        foreach (var w in weights)
        {
            total += w;
        }
        var u = T.CreateChecked(units);
        var shares = new long[weights.Length];
        var remainders = new T[weights.Length];
        long assigned = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            var (quotient, remainder) = T.DivRem(u * weights[i], total);
            shares[i] = long.CreateChecked(quotient);
            remainders[i] = remainder;
            assigned += shares[i];
        }

        // The remainders add up to leftover * W and each is below W, so more than `leftover` shares have a non-zero
        // remainder: a zero weight (remainder zero) never receives a unit.
        var leftover = units - assigned;
        if (leftover > 0)
        {
            var order = new int[weights.Length];
            for (var i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }
            Array.Sort(
                order,
                (a, b) =>
                {
                    var byRemainder = remainders[b].CompareTo(remainders[a]);
                    return byRemainder != 0 ? byRemainder : a.CompareTo(b);
                }
            );
            for (var k = 0; k < leftover; k++)
            {
                shares[order[k]]++;
            }
        }
        return shares;
    }

    // Weights as integers at the common scale when they and their total fit in a long (then units * w fits in Int128).
    private static bool TryScaleToInt64(decimal[] weights, int scale, out Int128[] scaled)
    {
        scaled = new Int128[weights.Length];
        UInt128 total = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            var mantissa = Mantissa(weights[i]);
            var factor = UInt128Pow10(scale - weights[i].Scale);
            if (mantissa > long.MaxValue / factor)
            {
                return false;
            }
            var value = mantissa * factor;
            total += value;
            if (total > long.MaxValue)
            {
                return false;
            }
            scaled[i] = (Int128)value;
        }
        return true;
    }

    private static BigInteger[] ScaleToBigInteger(decimal[] weights, int scale)
    {
        var scaled = new BigInteger[weights.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            scaled[i] = (BigInteger)Mantissa(weights[i]) * BigInteger.Pow(10, scale - weights[i].Scale);
        }
        return scaled;
    }

    // The 96-bit integer mantissa of a non-negative decimal (its value times 10^Scale).
    private static UInt128 Mantissa(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        // The project checks overflow; the words are unsigned bit patterns, so reinterpret them unchecked.
        return unchecked(((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0]);
    }

    private static UInt128 UInt128Pow10(int exponent)
    {
        UInt128 result = 1;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10;
        }
        return result;
    }

    private long ToMinorUnitsChecked()
    {
        if (!Currency.HasMinorUnit)
        {
            throw new InvalidOperationException(
                $"{Currency.Code} has no minor unit in ISO 4217, so {this} cannot be split into exact parts."
            );
        }
        return ToMinorUnits();
    }
}
