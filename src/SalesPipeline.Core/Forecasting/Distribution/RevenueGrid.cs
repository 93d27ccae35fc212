using System;
using System.Collections.Generic;
using System.Globalization;

namespace SalesPipeline.Forecasting;

// Places the uncertain open deals (0 < p < 1, amount > 0) on a money grid 0, h, 2h, ...
// - Lattice: when every amount is a whole multiple of a common step g (the gcd of the amounts) and the sum of the
//   amounts is at most (MaxGridPoints - 1) g, the grid step is g and every deal sits exactly on a point: the result is
//   exact (error bound 0).
// - Otherwise the step h is the smallest whole number of base units u (the currency's minor unit) for which the grid
//   holds every outcome: sum over deals of ceil(a / h) <= MaxGridPoints - 1. A deal of amount a is split between
//   lo = floor(a / h) h and lo + h with weights 1 - w and w, w = (a - lo) / h, so its mean is exact.
//   The error bound: couple each deal's grid value with its amount (won or lost together; the grid value U_i drawn
//   independently, lo with probability 1 - w and lo + h with w), so T - S = sum over won deals of E_i = U_i - a_i, and
//   the E_i are independent, have mean 0 and lie in an interval of length h.
//   - Always: |E_i| <= max(a - lo, lo + h - a) < h, so |T - S| <= D = the sum of those maxima, for every outcome.
//   - Hoeffding: given which deals are won, P(|T - S| >= t) <= 2 exp(-2 t^2 / (m h^2)) for the m split deals; with
//     t = h sqrt(m ln(2 / delta) / 2) and delta = HoeffdingDelta, |T - S| < t except with probability delta.
//   With B = min(D, t): P(S <= v - B) - delta <= P(T <= v) <= P(S <= v + B) + delta, so each percentile of T at p
//   lies between the exact percentiles at p - delta and p + delta, widened by B; P(T >= t) likewise within B and delta.
internal sealed class RevenueGrid
{
    // The probability with which the Hoeffding part of the bound may fail; the documented slack (1e-8) also covers the
    // 1e-9 cumulative tolerance of Percentile and the FFT's noise floor.
    internal const double HoeffdingDelta = 5e-9;

    private RevenueGrid(decimal step, bool isLattice, GridConvolution.GridDeal[] deals, int length, decimal errorBound)
    {
        Step = step;
        IsLattice = isLattice;
        Deals = deals;
        Length = length;
        ErrorBound = errorBound;
    }

    internal decimal Step { get; }

    internal bool IsLattice { get; }

    internal GridConvolution.GridDeal[] Deals { get; }

    // Number of grid points 0 .. Length - 1 that the sum can reach.
    internal int Length { get; }

    internal decimal ErrorBound { get; }

    internal static RevenueGrid Choose(
        IReadOnlyList<decimal> amounts,
        IReadOnlyList<double> probabilities,
        int maxPoints,
        Currency currency,
        string paramName
    )
    {
        var n = amounts.Count;
        if (n == 0)
        {
            return new RevenueGrid(currency.HasMinorUnit ? currency.MinorUnitValue : 1m, true, [], 1, 0m);
        }
        if (n > maxPoints - 1)
        {
            throw new ArgumentException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"DistributionOptions.MaxGridPoints is {maxPoints:N0}, but the period has {n:N0} open deals with an uncertain outcome; it must be more than that. Raise MaxGridPoints or use DistributionMethod.MonteCarlo."
                ),
                paramName
            );
        }
        return TryLattice(amounts, probabilities, maxPoints) ?? Split(amounts, probabilities, maxPoints, currency);
    }

    private static RevenueGrid? TryLattice(IReadOnlyList<decimal> amounts, IReadOnlyList<double> probabilities, int maxPoints)
    {
        var scale = 0;
        foreach (var a in amounts)
        {
            scale = Math.Max(scale, SignificantDecimals(a));
        }
        if (scale > 18)
        {
            return null;
        }
        var factor = Pow10(scale);
        var units = new long[amounts.Count];
        long gcd = 0;
        try
        {
            for (var i = 0; i < units.Length; i++)
            {
                units[i] = decimal.ToInt64(amounts[i] * factor);
                gcd = Gcd(gcd, units[i]);
            }
        }
        catch (OverflowException)
        {
            return null;
        }
        long points = 0;
        foreach (var u in units)
        {
            points += u / gcd;
            if (points > maxPoints - 1)
            {
                return null;
            }
        }
        var deals = new GridConvolution.GridDeal[units.Length];
        for (var i = 0; i < deals.Length; i++)
        {
            deals[i] = new GridConvolution.GridDeal((int)(units[i] / gcd), probabilities[i], 0.0);
        }
        return new RevenueGrid(gcd / factor, true, deals, (int)points + 1, 0m);
    }

    private static RevenueGrid Split(IReadOnlyList<decimal> amounts, IReadOnlyList<double> probabilities, int maxPoints, Currency currency)
    {
        var budget = maxPoints - 1;
        var unit = currency.HasMinorUnit ? currency.MinorUnitValue : 0.0001m;
        var max = 0m;
        var total = 0m;
        foreach (var a in amounts)
        {
            max = Math.Max(max, a);
            total += a;
        }
        // Keep amounts / unit well inside the range where doubles count whole numbers exactly.
        while (max / unit > 1e15m)
        {
            unit *= 10m;
        }
        var x = new double[amounts.Count];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = (double)(amounts[i] / unit);
        }
        // Smallest whole H with sum ceil(x_i / H) <= budget; the sum is non-increasing in H, and at H = ceil(max x)
        // every deal takes one step (n <= budget was checked).
        var lowH = Math.Max(1.0, Math.Ceiling((double)(total / unit) / budget));
        var highH = Math.Max(lowH, Math.Ceiling((double)(max / unit)));
        while (lowH < highH)
        {
            var mid = Math.Floor((lowH + highH) / 2);
            if (Steps(x, mid) <= budget)
            {
                highH = mid;
            }
            else
            {
                lowH = mid + 1;
            }
        }
        // Place the deals exactly in decimal; if rounding in the double search let the grid overflow, widen the step.
        for (var h = (decimal)highH; ; h++)
        {
            if (TryPlace(amounts, probabilities, h * unit, budget, unit) is { } placed)
            {
                return placed;
            }
        }
    }

    private static long Steps(double[] x, double h)
    {
        long sum = 0;
        foreach (var v in x)
        {
            sum += (long)Math.Ceiling(v / h);
        }
        return sum;
    }

    private static RevenueGrid? TryPlace(
        IReadOnlyList<decimal> amounts,
        IReadOnlyList<double> probabilities,
        decimal step,
        int budget,
        decimal unit
    )
    {
        var deals = new GridConvolution.GridDeal[amounts.Count];
        long points = 0;
        var bound = 0m;
        var split = 0;
        for (var i = 0; i < deals.Length; i++)
        {
            var a = amounts[i];
            var lo = decimal.Floor(a / step);
            var below = a - lo * step;
            while (below < 0)
            {
                lo--;
                below += step;
            }
            while (below >= step)
            {
                lo++;
                below -= step;
            }
            var p = probabilities[i];
            var w = below == 0 ? 0.0 : (double)(below / step);
            points += below == 0 ? (long)lo : (long)lo + 1;
            if (points > budget)
            {
                return null;
            }
            if (below > 0)
            {
                bound += Math.Max(below, step - below);
                split++;
            }
            deals[i] = new GridConvolution.GridDeal((int)lo, p * (1.0 - w), p * w);
        }
        // The Hoeffding bound, widened by a relative 1e-12 for the rounding of the square root; both rounded up to the base
        // unit, so the bound stays a bound.
        var hoeffding = (decimal)(Math.Sqrt(split * Math.Log(2 / HoeffdingDelta) / 2) * (1 + 1e-12)) * step;
        return new RevenueGrid(step, false, deals, (int)points + 1, decimal.Ceiling(Math.Min(bound, hoeffding) / unit) * unit);
    }

    internal static int SignificantDecimals(decimal value)
    {
        var scale = value.Scale;
        while (scale > 0 && decimal.Round(value, scale - 1) == value)
        {
            scale--;
        }
        return scale;
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10m;
        }
        return result;
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }
        return a;
    }
}
