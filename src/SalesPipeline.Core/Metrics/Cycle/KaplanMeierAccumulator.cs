using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MathNet.Numerics.Distributions;
using SalesPipeline.Deals;
using SalesPipeline.Statistics;
using SalesPipeline.Utility;

namespace SalesPipeline.Metrics;

/// <summary>
/// Accumulates right-censored observations (a time, and whether the event happened then or the observation was
/// censored) and estimates the Kaplan-Meier survival curve from them. Accumulators over parts of the data merge by
/// adding their per-time counts, so the merge of the parts gives exactly the curve of the whole.
/// </summary>
/// <remarks>
/// <para>The estimate depends only on how many events and censorings there are at each distinct time, which is all
/// this accumulator keeps: memory grows with the number of distinct times, not observations.</para>
/// <para>An accumulator is mutable and not thread-safe: use one per thread and <see cref="Merge"/> them.</para>
/// </remarks>
/// <example><code>
/// var km = new KaplanMeierAccumulator();
/// km.Add(6, isEvent: true); km.Add(6, isEvent: false); km.Add(10, isEvent: true);
/// KaplanMeierCurve curve = km.Result(); // S = 2/3 from 6 (3 at risk, 1 event), 0 from 10; median 10
/// </code></example>
public sealed partial class KaplanMeierAccumulator
{
    private readonly Dictionary<double, (long Events, long Censored)> counts = [];

    /// <summary>How many observations have been added.</summary>
    public long Count { get; private set; }

    /// <summary>Adds one observation.</summary>
    /// <param name="time">When it ended (the event) or was last seen (censored); finite and not negative.</param>
    /// <param name="isEvent">True when the event happened at <paramref name="time"/>; false when censored there.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="time"/> is negative, infinite or NaN.</exception>
    public void Add(double time, bool isEvent) => Add(time, isEvent ? 1 : 0, isEvent ? 0 : 1);

    /// <summary>Adds several observations at one time.</summary>
    /// <param name="time">The time; finite and not negative.</param>
    /// <param name="events">How many ended with the event at it; not negative.</param>
    /// <param name="censored">How many were censored at it; not negative.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A count is negative; <paramref name="time"/> is negative, infinite or NaN; or the observations would number more
    /// than <see cref="long.MaxValue"/> in all (then nothing is added).
    /// </exception>
    public void Add(double time, long events, long censored)
    {
        Preconditions.CheckRange(
            double.IsFinite(time) && time >= 0,
            nameof(time),
            time,
            $"An observed time must be finite and not negative; it was {time.ToString(CultureInfo.InvariantCulture)}."
        );
        Preconditions.CheckRange(events >= 0, nameof(events), events, $"The number of events must not be negative; it was {events}.");
        Preconditions.CheckRange(
            censored >= 0,
            nameof(censored),
            censored,
            $"The number of censored observations must not be negative; it was {censored}."
        );
        CheckCount((Int128)events + censored, nameof(censored));
        if (events + censored == 0)
        {
            return;
        }
        Spill();
        // +0.0 and -0.0 are one time.
        var key = time == 0 ? 0d : time;
        var (e, c) = counts.GetValueOrDefault(key);
        counts[key] = (e + events, c + censored);
        Count += events + censored;
    }

    /// <summary>Adds everything another accumulator has seen; the other is left unchanged.</summary>
    /// <param name="other">The other accumulator.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The two would hold more than <see cref="long.MaxValue"/> observations together; nothing is merged.
    /// </exception>
    public void Merge(KaplanMeierAccumulator other)
    {
        Preconditions.CheckNotNull(other);
        // Every per-time count is part of Count, so once the total fits, none of the Adds below can overflow.
        CheckCount(other.Count, nameof(other));
        // Read before adding: other may be this accumulator, whose runs the first Add spills.
        var (times, runEventCounts, runCensoredCounts, runs) = (other.runTimes, other.runEvents, other.runCensored, other.runCount);
        foreach (var (time, (events, censored)) in other.counts.ToArray())
        {
            Add(time, events, censored);
        }
        for (var i = 0; i < runs; i++)
        {
            Add(times![i], runEventCounts![i], runCensoredCounts![i]);
        }
    }

    /// <summary>The Kaplan-Meier curve of every observation added so far.</summary>
    /// <param name="confidence">The confidence level of the intervals, in (0, 1); 0.95 by default.</param>
    /// <param name="interval">The transform of the pointwise intervals; log-log by default.</param>
    /// <returns>The curve; the accumulator can go on accumulating.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidence"/> is not strictly between 0 and 1, or
    /// <paramref name="interval"/> is not a defined value.</exception>
    public KaplanMeierCurve Result(double confidence = 0.95, SurvivalInterval interval = SurvivalInterval.LogLog) =>
        Result(confidence, interval, ParallelPoints);

    // parallelPoints: from how many points on they are built on all cores (tests lower it; the figures never change).
    internal KaplanMeierCurve Result(double confidence, SurvivalInterval interval, int parallelPoints)
    {
        ConfidenceLevel.Check(confidence, nameof(confidence));
        CheckInterval(interval, nameof(interval));
        var z = Normal.InvCDF(0, 1, 1 - (1 - confidence) / 2);
        var (times, eventCounts, censoredCounts, n) = runTimes is not null ? (runTimes, runEvents!, runCensored!, runCount) : Sorted();
        // The estimate is a running product, so it is computed in time order; the points' intervals (logs and powers,
        // the costly part) depend only on each point's own figures, so on a long curve they are built on all cores.
        var atRisks = new long[n];
        var survivals = new double[n];
        var greenwoods = new double[n];
        var undefinedFrom = n;
        var atRisk = Count;
        var survival = 1.0;
        var greenwood = 0.0;
        for (var i = 0; i < n; i++)
        {
            var events = eventCounts[i];
            if (events > 0)
            {
                survival *= (double)(atRisk - events) / atRisk;
                if (atRisk == events)
                {
                    undefinedFrom = Math.Min(undefinedFrom, i);
                }
                else
                {
                    greenwood += (double)events / ((double)atRisk * (atRisk - events));
                }
            }
            (atRisks[i], survivals[i], greenwoods[i]) = (atRisk, survival, greenwood);
            atRisk -= events + censoredCounts[i];
        }
        var points = new SurvivalPoint[n];
        void Build(int from, int to)
        {
            for (var i = from; i < to; i++)
            {
                points[i] =
                    i >= undefinedFrom
                        ? new SurvivalPoint(times[i], atRisks[i], eventCounts[i], censoredCounts[i], survivals[i], null, null, null)
                        : Point(times[i], atRisks[i], eventCounts[i], censoredCounts[i], survivals[i], greenwoods[i], z, interval);
            }
        }
        FramePartitions.Run(n, FramePartitions.Parts(n, splitFrom: parallelPoints), (_, from, to) => Build(from, to));
        return new KaplanMeierCurve(points, confidence, interval);
    }

    // From this many points on, Result builds them on all cores.
    private const int ParallelPoints = 50_000;

    // Counts are longs (at risk, events, censored): the observations may number at most long.MaxValue in all.
    private void CheckCount(Int128 more, string paramName)
    {
        var total = Count + more;
        if (total > long.MaxValue)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                more,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The accumulator holds {Count:N0} observations; {more:N0} more would make {total:N0}, beyond the limit of {long.MaxValue:N0} (long.MaxValue) observations in all."
                )
            );
        }
    }

    internal static void CheckInterval(SurvivalInterval interval, string paramName) =>
        Preconditions.CheckRange(
            Enum.IsDefined(interval),
            paramName,
            interval,
            $"The interval must be LogLog, Log or Plain; it was {(int)interval}."
        );

    private static SurvivalPoint Point(
        double time,
        long atRisk,
        long events,
        long censored,
        double survival,
        double greenwood,
        double z,
        SurvivalInterval interval
    )
    {
        var root = Math.Sqrt(greenwood);
        var standardError = survival * root;
        if (greenwood == 0)
        {
            // No event yet: S = 1 with no uncertainty.
            return new SurvivalPoint(time, atRisk, events, censored, survival, standardError, survival, survival);
        }
        var (lower, upper) = interval switch
        {
            SurvivalInterval.LogLog => LogLog(survival, root, z),
            SurvivalInterval.Log => (survival * Math.Exp(-z * root), Math.Min(1, survival * Math.Exp(z * root))),
            _ => (Math.Max(0, survival - z * standardError), Math.Min(1, survival + z * standardError)),
        };
        return new SurvivalPoint(time, atRisk, events, censored, survival, standardError, lower, upper);
    }

    private static (double Lower, double Upper) LogLog(double survival, double root, double z)
    {
        var theta = z * root / Math.Abs(Math.Log(survival));
        return (Math.Pow(survival, Math.Exp(theta)), Math.Pow(survival, Math.Exp(-theta)));
    }
}
