using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using SalesPipeline.Calendars;
using SalesPipeline.Utility;

namespace SalesPipeline.Forecasting;

/// <summary>
/// The probability distribution of a period's revenue: the revenue already won in it plus each open deal expected to close
/// in it, won independently with its effective win probability. Made by <see cref="Forecast.Distribution"/>.
/// </summary>
/// <remarks>
/// <para><b>Exact for every method:</b> <see cref="Mean"/> (equal to the stage-weighted forecast's expected revenue of the
/// period), <see cref="Variance"/> and <see cref="CountProbabilities"/>.</para>
/// <para><b>From the method:</b> <see cref="Percentile"/>, <see cref="CumulativeProbability"/>,
/// <see cref="ProbabilityOfAtLeast"/> and <see cref="Points"/>.
/// With <see cref="DistributionMethod.Exact"/> they are exact when <see cref="GridStep"/> is null, and otherwise within
/// <see cref="ErrorBound"/> of the exact values; with <see cref="DistributionMethod.MonteCarlo"/> they are those of the
/// <see cref="Trials"/> samples.</para>
/// <para>Probabilities are <see cref="double"/>s: a cumulative probability within 1e-9 below p counts as reaching p, so
/// that decimal probabilities such as 0.1 (not exact in binary) give the percentiles they give on paper.</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
public sealed class RevenueDistribution
{
    /// <summary>How far below p a cumulative probability may be and still count as reaching p.</summary>
    public const double CumulativeTolerance = 1e-9;

    private readonly decimal minimum;
    private readonly decimal[] values;
    private readonly double[] probabilities;
    private readonly double[] cumulative;
    private readonly double[] atLeast;

    internal RevenueDistribution(
        FiscalPeriod period,
        Currency currency,
        DistributionMethod method,
        Counts counts,
        Money wonAmount,
        Money mean,
        double variance,
        double[] countProbabilities,
        decimal minimum,
        Support support,
        Money? gridStep,
        Money? errorBound,
        MonteCarloFigures? monteCarlo
    )
    {
        Period = period;
        Currency = currency;
        Method = method;
        DealCount = counts.Open;
        WonDealCount = counts.Won;
        OverdueDealsExcluded = counts.Overdue;
        WonAmount = wonAmount;
        Mean = mean;
        Variance = variance;
        CountProbabilities = Array.AsReadOnly(countProbabilities);
        this.minimum = minimum;
        values = support.Values;
        probabilities = support.Probabilities;
        cumulative = support.Cumulative;
        atLeast = support.AtLeast;
        Points = new DistributionPointList(values, probabilities, cumulative, currency);
        GridStep = gridStep;
        ErrorBound = errorBound;
        Trials = monteCarlo?.Trials;
        SampleMean = monteCarlo?.SampleMean;
        StandardError = monteCarlo?.StandardError;
    }

    /// <summary>The period.</summary>
    public FiscalPeriod Period { get; }

    /// <summary>The reporting currency of every amount.</summary>
    public Currency Currency { get; }

    /// <summary>The method that made <see cref="Percentile"/>, <see cref="ProbabilityOfAtLeast"/> and <see cref="Points"/>.</summary>
    public DistributionMethod Method { get; }

    /// <summary>
    /// The open deals in the distribution: those expected to close in the period, on or after the as-of date (including
    /// deals with probability 0 or 1).
    /// </summary>
    public int DealCount { get; }

    /// <summary>The deals won in the period (by the date they were won, in <see cref="ForecastOptions.Zone"/>).</summary>
    public int WonDealCount { get; }

    /// <summary>
    /// Open deals left out because they are overdue: expected to close before the as-of date (<see cref="ForecastOptions.AsOf"/>,
    /// or the period's start when it is null). They are the stage-weighted forecast's Overdue line; move their expected
    /// close date to count them.
    /// </summary>
    public int OverdueDealsExcluded { get; }

    /// <summary>The revenue already won in the period: certain, added to every outcome.</summary>
    public Money WonAmount { get; }

    /// <summary>
    /// The expected revenue: <see cref="WonAmount"/> plus the exact sum of amount x probability of the open deals, rounded
    /// once to the minor unit (half away from zero). It equals the stage-weighted forecast's Expected for the period.
    /// </summary>
    public Money Mean { get; }

    /// <summary>The exact variance of the revenue, sum of amount^2 x p x (1 - p) over the open deals, in currency units squared.</summary>
    public double Variance { get; }

    /// <summary>The standard deviation of the revenue (the square root of <see cref="Variance"/>), in currency units.</summary>
    public double StandardDeviation => Math.Sqrt(Variance);

    /// <summary>
    /// The exact distribution of the number of open deals won (Poisson-binomial, by dynamic programming): index k holds the
    /// probability that exactly k of the <see cref="DealCount"/> deals are won. Probabilities below 1e-300 are given as 0.
    /// </summary>
    public IReadOnlyList<double> CountProbabilities { get; }

    /// <summary>
    /// The distribution for plotting: each revenue with a positive probability, in increasing order, with its probability
    /// and cumulative probability. The points are made when read, so a large grid costs nothing until used.
    /// </summary>
    public IReadOnlyList<DistributionPoint> Points { get; }

    /// <summary>
    /// The exact method's grid step when it is not exact (amounts are split between neighbouring grid points); null when
    /// every amount sits on the grid (the result is exact) and for Monte Carlo.
    /// </summary>
    public Money? GridStep { get; }

    /// <summary>
    /// For the exact method, a guaranteed bound B on the grid's error: each <see cref="Percentile"/>(p) lies between the
    /// exact percentiles at p - 1e-8 and p + 1e-8, widened by B; and <see cref="ProbabilityOfAtLeast"/>(t) lies between the
    /// exact P(revenue &gt;= t + B) - 1e-8 and P(revenue &gt;= t - B) + 1e-8. B is the smaller of the worst case (the sum
    /// over split deals of their largest placement error, each under one <see cref="GridStep"/>) and a Hoeffding bound
    /// (about 3.2 x <see cref="GridStep"/> x the square root of the number of split deals). Zero when
    /// <see cref="GridStep"/> is null; null for Monte Carlo, which guarantees no bound. The typical error is far smaller:
    /// see docs/forecast-distribution.md.
    /// </summary>
    public Money? ErrorBound { get; }

    /// <summary>The number of Monte Carlo samples; null for the exact method.</summary>
    public int? Trials { get; }

    /// <summary>The mean of the Monte Carlo samples (rounded to the minor unit); null for the exact method.</summary>
    public Money? SampleMean { get; }

    /// <summary>The standard error of <see cref="SampleMean"/> (sample standard deviation / sqrt(trials)); null for the exact method.</summary>
    public double? StandardError { get; }

    /// <summary>The 10th percentile: <c>Percentile(0.1)</c>. Revenue is at most this with probability at least 10%.</summary>
    public Money P10 => Percentile(0.1);

    /// <summary>The median: <c>Percentile(0.5)</c>.</summary>
    public Money P50 => Percentile(0.5);

    /// <summary>The 90th percentile: <c>Percentile(0.9)</c>. Revenue is at most this with probability at least 90%.</summary>
    public Money P90 => Percentile(0.9);

    /// <summary>
    /// The smallest revenue V with P(revenue &lt;= V) &gt;= <paramref name="p"/>. <c>Percentile(0)</c> is the smallest
    /// possible revenue (<see cref="WonAmount"/> plus the open deals certain to close) and <c>Percentile(1)</c> the largest
    /// value with a positive probability.
    /// </summary>
    /// <param name="p">The probability, from 0 to 1.</param>
    /// <returns>The percentile, non-decreasing in <paramref name="p"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is not between 0 and 1 (or is NaN).</exception>
    public Money Percentile(double p)
    {
        Preconditions.CheckRange(
            p is >= 0.0 and <= 1.0,
            nameof(p),
            p,
            string.Create(CultureInfo.InvariantCulture, $"A percentile's probability must be between 0 and 1 inclusive; it was {p:R}.")
        );
        if (p == 0.0)
        {
            return Money.Of(minimum, Currency);
        }
        if (p == 1.0)
        {
            return Money.Of(values[^1], Currency);
        }
        var target = p - CumulativeTolerance;
        int lo = 0,
            hi = values.Length - 1;
        while (lo < hi)
        {
            var mid = lo + (hi - lo) / 2;
            if (cumulative[mid] >= target)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }
        return Money.Of(values[lo], Currency);
    }

    /// <summary>The probability that the revenue is at least <paramref name="target"/>: 1 at or below the smallest possible revenue.</summary>
    /// <param name="target">The revenue, in <see cref="Currency"/>.</param>
    /// <returns>P(revenue &gt;= target), non-increasing in <paramref name="target"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> is null.</exception>
    /// <exception cref="CurrencyMismatchException"><paramref name="target"/> is in another currency.</exception>
    public double ProbabilityOfAtLeast(Money target)
    {
        Preconditions.CheckNotNull(target);
        if (target.Currency != Currency)
        {
            throw new CurrencyMismatchException(Currency, target.Currency, "compare");
        }
        var t = target.Amount;
        if (t <= minimum)
        {
            return 1.0;
        }
        var index = Array.BinarySearch(values, t);
        if (index < 0)
        {
            index = ~index;
        }
        return index >= values.Length ? 0.0 : Math.Min(1.0, atLeast[index]);
    }

    /// <summary>
    /// The cumulative probability at <paramref name="value"/>: P(revenue &lt;= value), 0 below the smallest possible
    /// revenue and 1 at or above the largest value with a positive probability.
    /// </summary>
    /// <remarks>
    /// <para>The distribution function that <see cref="Percentile"/> inverts: <c>Percentile(p)</c> is the smallest V with
    /// <c>CumulativeProbability(V)</c> &gt;= p (less <see cref="CumulativeTolerance"/>), and between two possible revenues
    /// it stays at the lower one's value (a step function, continuous from the right).</para>
    /// <para>Against <see cref="ProbabilityOfAtLeast"/>: CumulativeProbability(v) + P(revenue &gt; v) = 1, and
    /// P(revenue &gt; v) is <c>ProbabilityOfAtLeast</c> of the next possible revenue above v. So at a value v with
    /// P(revenue = v) = q &gt; 0 (an atom), CumulativeProbability(v) + ProbabilityOfAtLeast(v) = 1 + q; between atoms
    /// the two add up to 1. Up to the rounding of doubles (about 1e-15), as both are sums of the same probabilities.</para>
    /// <para>Exact or approximate as <see cref="Percentile"/> is (see the class remarks). Example, USD 100 at 50%, 200 at
    /// 50%, 300 at 20%: CumulativeProbability(USD 250.00) = P(0) + P(100) + P(200) = 0.6; at USD 300.00 it is 0.85.</para>
    /// </remarks>
    /// <param name="value">The revenue, in <see cref="Currency"/>.</param>
    /// <returns>P(revenue &lt;= value), between 0 and 1, non-decreasing in <paramref name="value"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="CurrencyMismatchException"><paramref name="value"/> is in another currency.</exception>
    public double CumulativeProbability(Money value)
    {
        Preconditions.CheckNotNull(value);
        if (value.Currency != Currency)
        {
            throw new CurrencyMismatchException(Currency, value.Currency, "compare");
        }
        var v = value.Amount;
        if (v >= values[^1])
        {
            return 1.0;
        }
        // The last possible revenue at or below v.
        var index = Array.BinarySearch(values, v);
        if (index < 0)
        {
            index = ~index - 1;
        }
        return index < 0 ? 0.0 : Math.Clamp(cumulative[index], 0.0, 1.0);
    }

    /// <summary>A small table: deals, won amount, mean, standard deviation, P10/P50/P90 and the method's accuracy.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Revenue distribution {Period.Label} [{Method}, {Currency.Code}]\n");
        Row(sb, "Open deals", DealCount.ToString("N0", CultureInfo.InvariantCulture));
        Row(sb, "Overdue deals excluded", OverdueDealsExcluded.ToString("N0", CultureInfo.InvariantCulture));
        Row(sb, "Won deals", WonDealCount.ToString("N0", CultureInfo.InvariantCulture));
        Row(sb, "Won amount", WonAmount.ToString());
        Row(sb, "Mean", Mean.ToString());
        Row(sb, "Standard deviation", AsMoney(StandardDeviation).ToString());
        Row(sb, "P10", P10.ToString());
        Row(sb, "P50", P50.ToString());
        Row(sb, "P90", P90.ToString());
        if (Method == DistributionMethod.Exact)
        {
            Row(sb, "Grid step", GridStep?.ToString() ?? "exact");
            Row(sb, "Error bound", ErrorBound?.ToString() ?? "");
        }
        else
        {
            Row(sb, "Trials", (Trials ?? 0).ToString("N0", CultureInfo.InvariantCulture));
            Row(sb, "Sample mean", SampleMean?.ToString() ?? "");
            Row(sb, "Standard error", AsMoney(StandardError ?? 0).ToString());
        }
        return sb.ToString();
    }

    private Money AsMoney(double amount) => Money.Of((decimal)amount, Currency).Round();

    private static void Row(StringBuilder sb, string label, string value) =>
        sb.Append(CultureInfo.InvariantCulture, $"{label, -24}{value, 28}\n");

    // How many deals of each kind the distribution saw.
    internal readonly record struct Counts(int Open, int Won, int Overdue);

    internal sealed record MonteCarloFigures(int Trials, Money SampleMean, double StandardError);

    // The outcomes with positive probability, in increasing order: P(value), P(<= value), P(>= value).
    internal sealed record Support(decimal[] Values, double[] Probabilities, double[] Cumulative, double[] AtLeast);
}
