using System;
using System.Collections.Generic;
using SalesPipeline.Utility;

namespace SalesPipeline.Money;

public sealed partial class Money
{
    /// <summary>
    /// Splits the amount into <paramref name="parts"/> equal shares that add up to it exactly, to the minor unit.
    /// </summary>
    /// <param name="parts">The number of shares; at least 1.</param>
    /// <returns>The shares, in order; their sum equals this amount exactly.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="parts"/> is less than 1.</exception>
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
        decimal totalWeight = 0m;
        foreach (var w in weights)
        {
            totalWeight += w;
        }
        if (totalWeight == 0m)
        {
            throw new ArgumentException(
                $"At least one weight must be above zero; all {weights.Length} weights were zero.",
                nameof(weights)
            );
        }
        var units = Math.Abs(ToMinorUnitsChecked());
        var sign = Amount < 0m ? -1 : 1;

        var shares = new long[weights.Length];
        var fractions = new decimal[weights.Length];
        long assigned = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            var exact = weights[i] / totalWeight * units;
            var whole = decimal.Truncate(exact);
            shares[i] = (long)whole;
            fractions[i] = exact - whole;
            assigned += shares[i];
        }

        // The leftover is fewer than the number of shares with a non-zero fraction, so zero weights never receive a unit.
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
                    var byFraction = fractions[b].CompareTo(fractions[a]);
                    return byFraction != 0 ? byFraction : a.CompareTo(b);
                }
            );
            for (var k = 0; k < leftover; k++)
            {
                shares[order[k]]++;
            }
        }

        var result = new Money[shares.Length];
        for (var i = 0; i < shares.Length; i++)
        {
            result[i] = FromMinorUnits(sign * shares[i], Currency);
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
