using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SalesPipeline.Statistics;

namespace SalesPipeline.Metrics;

/// <summary>
/// The distribution of one duration measure over deals: count, mean, median, minimum, maximum and percentiles, in days
/// (calendar days of 24 hours of elapsed time, or business days; see <see cref="TimeInStageReport.Unit"/>).
/// </summary>
/// <remarks>
/// <para>Percentiles follow Hyndman and Fan's definition 7 (as numpy, pandas and Excel's PERCENTILE.INC): sort the n
/// values, h = (n - 1) p, Q(p) = x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]) with 0-based x. Example, the
/// days 1, 2, 4, 10: the median has h = 1.5, so 2 + 0.5 x (4 - 2) = 3; P90 has h = 2.7, so 4 + 0.7 x 6 = 8.2. The median
/// is Q(0.5). The mean is the exact sum of the samples (in 100 ns ticks) divided by n.</para>
/// <para>Two summaries are equal when all their figures are. Immutable; thread-safe.</para>
/// </remarks>
public sealed record DurationSummary
{
    internal DurationSummary(
        int count,
        int openCount,
        double mean,
        double median,
        double min,
        double max,
        IReadOnlyList<DurationPercentile> percentiles
    )
    {
        Count = count;
        OpenCount = openCount;
        MeanDays = mean;
        MedianDays = median;
        MinDays = min;
        MaxDays = max;
        Percentiles = percentiles;
    }

    /// <summary>How many deals have a sample (at least 1).</summary>
    public int Count { get; }

    /// <summary>How many of the samples include a stint still open at the as-of instant (measured up to it).</summary>
    public int OpenCount { get; }

    /// <summary>The mean, in days.</summary>
    public double MeanDays { get; }

    /// <summary>The median (definition 7 at p = 0.5), in days.</summary>
    public double MedianDays { get; }

    /// <summary>The smallest sample, in days.</summary>
    public double MinDays { get; }

    /// <summary>The largest sample, in days.</summary>
    public double MaxDays { get; }

    /// <summary>The percentiles asked for (<see cref="TimeInStageOptions.Percentiles"/>), in that order.</summary>
    public IReadOnlyList<DurationPercentile> Percentiles { get; }

    /// <summary>The percentile at <paramref name="probability"/>, if it was asked for.</summary>
    /// <param name="probability">The probability, for example 0.9.</param>
    /// <returns>The percentile in days, or null when it was not computed.</returns>
    public double? Percentile(double probability) =>
        Percentiles.Where(p => p.Probability == probability).Select(p => (double?)p.Days).FirstOrDefault();

    /// <summary>Whether every figure of both summaries is equal.</summary>
    /// <param name="other">The other summary.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(DurationSummary? other) =>
        other is not null
        && Count == other.Count
        && OpenCount == other.OpenCount
        && MeanDays.Equals(other.MeanDays)
        && MedianDays.Equals(other.MedianDays)
        && MinDays.Equals(other.MinDays)
        && MaxDays.Equals(other.MaxDays)
        && Percentiles.SequenceEqual(other.Percentiles);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Count, MeanDays, MedianDays);

    /// <summary>"n 12 (open 3) | mean 4.20 | median 3.50 | min 0.50 | max 12.00 | P25 2.00 P75 5.00 P90 9.00".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"n {Count} (open {OpenCount}) | mean {MeanDays:0.00} | median {MedianDays:0.00} | min {MinDays:0.00} | max {MaxDays:0.00} | {string.Join(" ", Percentiles)}"
        );

    internal static DurationSummary? Of(DurationSamples samples, IReadOnlyList<double> probabilities, double ticksPerUnit)
    {
        if (samples.Count == 0)
        {
            return null;
        }
        var asked = probabilities.ToArray();
        Span<double> ps = stackalloc double[asked.Length + 3];
        asked.CopyTo(ps);
        ps[^3] = 0.5;
        ps[^2] = 0.0;
        ps[^1] = 1.0;
        Span<double> values = stackalloc double[ps.Length];
        OrderStatistics.Type7(samples.Span, ps, values);
        var percentiles = new DurationPercentile[asked.Length];
        for (var i = 0; i < asked.Length; i++)
        {
            percentiles[i] = new DurationPercentile(asked[i], values[i] / ticksPerUnit);
        }
        return new DurationSummary(
            samples.Count,
            samples.OpenCount,
            (double)samples.Sum / samples.Count / ticksPerUnit,
            values[^3] / ticksPerUnit,
            values[^2] / ticksPerUnit,
            values[^1] / ticksPerUnit,
            Array.AsReadOnly(percentiles)
        );
    }
}
