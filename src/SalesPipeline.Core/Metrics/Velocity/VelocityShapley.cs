using System;
using System.Linq;

namespace SalesPipeline.Metrics;

// The Shapley decomposition of V = N A W / C between two sets of levers, in decimal, and its rounding to the minor unit.
internal static class VelocityShapley
{
    private const int Levers = 4;

    // 24 x |S|! (3 - |S|)! / 24 / 2, so each weight is an integer and the sum is divided by 12 once: 3, 1, 1, 3.
    private static readonly int[] TwelfthsBySubsetSize = [3, 1, 1, 3];

    // levers: N, A, W, C. The contribution of each, in that order (the cycle's is that of C's change on V).
    public static decimal[] Contributions(decimal[] before, decimal[] after)
    {
        var f = new decimal[1 << Levers];
        for (var mask = 0; mask < f.Length; mask++)
        {
            decimal Pick(int i) => (mask & (1 << i)) != 0 ? after[i] : before[i];
            f[mask] = Pick(0) * Pick(1) * Pick(2) / Pick(3);
        }
        var result = new decimal[Levers];
        for (var lever = 0; lever < Levers; lever++)
        {
            var bit = 1 << lever;
            var twelfths = 0m;
            for (var mask = 0; mask < f.Length; mask++)
            {
                if ((mask & bit) == 0)
                {
                    twelfths += TwelfthsBySubsetSize[System.Numerics.BitOperations.PopCount((uint)mask)] * (f[mask | bit] - f[mask]);
                }
            }
            result[lever] = twelfths / 12m;
        }
        return result;
    }

    // Rounds the shares to `decimals` so that they add up to `total` exactly: all down, then one unit each to the largest
    // remainders (ties to the first). Without decimals (no minor unit), the last share takes the rest.
    public static decimal[] RoundToSum(decimal[] shares, decimal total, int? decimals)
    {
        var result = (decimal[])shares.Clone();
        if (decimals is not { } d)
        {
            result[^1] = total - shares.Take(shares.Length - 1).Sum();
            return result;
        }
        var unit = 1m;
        for (var i = 0; i < d; i++)
        {
            unit /= 10m;
        }
        var remainders = new decimal[shares.Length];
        for (var i = 0; i < shares.Length; i++)
        {
            result[i] = Math.Floor(shares[i] / unit) * unit;
            remainders[i] = shares[i] - result[i];
        }
        // The exact shares add up to V1 - V0 and the total differs from it by less than one unit, so 0 to 4 units
        // remain; a negative count (only from the last digit of decimal arithmetic) takes units from the smallest.
        var missing = (int)((total - result.Sum()) / unit);
        var byRemainder = Enumerable.Range(0, shares.Length).OrderByDescending(i => remainders[i]).ToArray();
        for (var k = 0; k < Math.Abs(missing); k++)
        {
            var i = missing > 0 ? byRemainder[k % shares.Length] : byRemainder[^(1 + (k % shares.Length))];
            result[i] += missing > 0 ? unit : -unit;
        }
        return result;
    }
}
