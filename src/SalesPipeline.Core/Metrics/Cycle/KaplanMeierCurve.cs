using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using SalesPipeline.Utility;

namespace SalesPipeline.Metrics;

/// <summary>
/// A Kaplan-Meier survival curve: for each distinct observed time, how many were at risk, how many ended and how many
/// were censored, the estimate S(t) with Greenwood's standard error and a pointwise confidence interval; the median
/// with its confidence interval; the restricted mean.
/// </summary>
/// <remarks>
/// <para>Ties: censorings at a time count as at risk at that time (they happened after its events).</para>
/// <para>Median: the smallest observed time t with S(t) &lt;= 0.5; null when S never gets that low ("not reached").
/// Its confidence interval (Brookmeyer and Crowley, read off the pointwise band as R's survival package does): the lower
/// end is the smallest time where the band's lower edge is &lt;= 0.5, the upper end the smallest time where its upper
/// edge is &lt;= 0.5, null when that never happens. The comparisons allow 1e-12 for rounding, so a product that is
/// exactly 0.5 in real numbers counts as 0.5.</para>
/// <para>Example (the 6-MP group of Freireich's leukaemia trial, times in weeks, * censored: 6, 6, 6, 6*, 7, 9*, 10,
/// 10*, 11*, 13, 16, 17*, 19*, 20*, 22, 23, 25*, 32*, 32*, 34*, 35*): S = 18/21 = 0.857 from 6, 0.857 x 16/17 = 0.807
/// from 7, 0.753 from 10, 0.690 from 13, 0.627 from 16, 0.538 from 22, 0.448 from 23; the median is 23 weeks.</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
public sealed record KaplanMeierCurve
{
    private const double Fuzz = 1e-12;
    private readonly SurvivalPoint[] points;

    internal KaplanMeierCurve(SurvivalPoint[] points, double confidence, SurvivalInterval interval)
    {
        this.points = points;
        Confidence = confidence;
        Interval = interval;
        Events = points.Sum(p => p.Events);
        Censored = points.Sum(p => p.Censored);
        Median = FirstTimeAtOrBelowHalf(p => p.Survival);
        // Once S reaches 0 it stays 0 and the band is undefined; for the median's interval the band is then 0 too.
        MedianLower = FirstTimeAtOrBelowHalf(p => p.Lower ?? p.Survival);
        MedianUpper = FirstTimeAtOrBelowHalf(p => p.Upper ?? p.Survival);
        LargestTime = points.Length > 0 ? points[^1].Time : null;
    }

    /// <summary>One point per distinct observed time (event or censoring), in time order.</summary>
    public IReadOnlyList<SurvivalPoint> Points => Array.AsReadOnly(points);

    /// <summary>How many observations the curve is built from.</summary>
    public long Observations => Events + Censored;

    /// <summary>How many ended with the event.</summary>
    public long Events { get; }

    /// <summary>How many were censored.</summary>
    public long Censored { get; }

    /// <summary>The confidence level of the intervals, for example 0.95.</summary>
    public double Confidence { get; }

    /// <summary>The transform of the pointwise intervals.</summary>
    public SurvivalInterval Interval { get; }

    /// <summary>The median: the smallest time with S(t) &lt;= 0.5, or null when not reached.</summary>
    public double? Median { get; }

    /// <summary>The lower end of the median's confidence interval, or null when not reached.</summary>
    public double? MedianLower { get; }

    /// <summary>The upper end of the median's confidence interval, or null when not reached (unbounded above).</summary>
    public double? MedianUpper { get; }

    /// <summary>The largest observed time (event or censored), or null for an empty curve: the default restriction of
    /// the restricted mean.</summary>
    public double? LargestTime { get; }

    /// <summary>S(t): the estimated probability that an observation lasts beyond <paramref name="time"/>.</summary>
    /// <param name="time">The time.</param>
    /// <returns>The step function's value at <paramref name="time"/> (right-continuous: an event at t counts at t); 1 before the first event.</returns>
    public double SurvivalAt(double time)
    {
        var survival = 1.0;
        foreach (var point in points)
        {
            if (point.Time > time)
            {
                break;
            }
            survival = point.Survival;
        }
        return survival;
    }

    /// <summary>
    /// The restricted mean survival time up to <paramref name="tau"/>: the area under S(t) from 0 to tau, i.e. the mean
    /// of min(T, tau).
    /// </summary>
    /// <param name="tau">The restriction; between 0 and <see cref="LargestTime"/> (beyond it S is unknown).</param>
    /// <returns>The restricted mean, in the curve's time unit.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tau"/> is negative, NaN or beyond <see cref="LargestTime"/>, or the curve is empty.</exception>
    /// <remarks>Example (6-MP, tau = 35 weeks): 6 x 1 + 1 x 0.857 + 3 x 0.807 + 3 x 0.753 + 3 x 0.690 + 6 x 0.627 +
    /// 1 x 0.538 + 12 x 0.448 = 23.29 weeks.</remarks>
    public double RestrictedMean(double tau)
    {
        Preconditions.CheckRange(
            LargestTime is { } largest && tau >= 0 && tau <= largest,
            nameof(tau),
            tau,
            LargestTime is null
                ? "An empty curve has no restricted mean."
                : string.Create(
                    CultureInfo.InvariantCulture,
                    $"The restriction must be between 0 and the largest observed time {LargestTime}; it was {tau}."
                )
        );
        var area = 0.0;
        var previous = 0.0;
        var survival = 1.0;
        foreach (var point in points)
        {
            if (point.Time > tau)
            {
                break;
            }
            area += survival * (point.Time - previous);
            previous = point.Time;
            survival = point.Survival;
        }
        return area + survival * (tau - previous);
    }

    /// <summary>Whether both curves have the same points, confidence and interval.</summary>
    /// <param name="other">The other curve.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(KaplanMeierCurve? other) =>
        other is not null && Confidence == other.Confidence && Interval == other.Interval && points.SequenceEqual(other.points);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(points.Length, Events, Censored, Confidence);

    /// <summary>A table of the points, then the median with its interval.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(
            CultureInfo.InvariantCulture,
            $"{"time", 10} {"at risk", 8} {"events", 7} {"censored", 8} {"S(t)", 7} {"std err", 7} {"lower", 7} {"upper", 7}\n"
        );
        foreach (var p in points)
        {
            sb.Append(
                CultureInfo.InvariantCulture,
                $"{p.Time, 10:0.###} {p.AtRisk, 8} {p.Events, 7} {p.Censored, 8} {p.Survival, 7:0.0000} {p.StandardError, 7:0.0000} {p.Lower, 7:0.0000} {p.Upper, 7:0.0000}\n"
            );
        }
        sb.Append(
            CultureInfo.InvariantCulture,
            $"median {Show(Median)} ({Confidence:0.##%} CI {Show(MedianLower)} .. {Show(MedianUpper)}, {Interval})\n"
        );
        return sb.ToString();
    }

    internal static string Show(double? value) => value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : "not reached";

    private double? FirstTimeAtOrBelowHalf(Func<SurvivalPoint, double> value)
    {
        foreach (var point in points)
        {
            if (value(point) <= 0.5 + Fuzz)
            {
                return point.Time;
            }
        }
        return null;
    }
}
