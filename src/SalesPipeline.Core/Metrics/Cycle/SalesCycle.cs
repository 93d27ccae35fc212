using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Utility;

namespace SalesPipeline.Metrics;

/// <summary>
/// The sales cycle, creation to close, in days: a Kaplan-Meier survival curve in which deals still open are censored
/// observations (not ignored), its median with a confidence interval, the restricted mean, and beside them the naive
/// mean over won deals, labelled as such.
/// </summary>
/// <remarks>
/// <para>Each deal is read as it stood at <see cref="AsOf"/> (<see cref="Deal.AsOf"/>): a deal closed by then
/// contributes its creation-to-close time (the latest close, for a deal that was reopened and closed again); a deal
/// open then is censored at <see cref="AsOf"/> minus its creation. With <see cref="SalesCycleOutcome.Won"/> a lost deal
/// is censored at its loss instead of ending its cycle.</para>
/// <para>Times are exact elapsed durations expressed in days (hours / 24, fractional): no time zone or calendar is
/// involved; two deals tie only when their durations are equal to the nanosecond.</para>
/// <para>The naive mean over won deals ignores every open and lost deal; with many long-running open deals it is
/// biased low. It is shown because it is what most CRMs report, so the two can be compared.</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
public sealed record SalesCycle
{
    internal SalesCycle(
        Instant asOf,
        SalesCycleOptions options,
        KaplanMeierCurve curve,
        double? tauDays,
        double? restrictedMeanDays,
        long wonDeals,
        double? naiveMeanWonDays,
        long notYetCreated
    )
    {
        AsOf = asOf;
        Options = options;
        Curve = curve;
        TauDays = tauDays;
        RestrictedMeanDays = restrictedMeanDays;
        WonDeals = wonDeals;
        NaiveMeanWonDays = naiveMeanWonDays;
        NotYetCreated = notYetCreated;
    }

    /// <summary>The instant the deals were read at.</summary>
    public Instant AsOf { get; }

    /// <summary>The options used.</summary>
    public SalesCycleOptions Options { get; }

    /// <summary>The Kaplan-Meier curve, times in days.</summary>
    public KaplanMeierCurve Curve { get; }

    /// <summary>How many deals existed at <see cref="AsOf"/> (the curve's observations).</summary>
    public long Deals => Curve.Observations;

    /// <summary>How many deals ended their cycle (won or lost, or won only, per <see cref="SalesCycleOptions.Outcome"/>).</summary>
    public long Closed => Curve.Events;

    /// <summary>How many deals were censored (open at <see cref="AsOf"/>; also lost ones for <see cref="SalesCycleOutcome.Won"/>).</summary>
    public long Censored => Curve.Censored;

    /// <summary>How many deals given were created after <see cref="AsOf"/>, and so are in no other figure.</summary>
    public long NotYetCreated { get; }

    /// <summary>The median cycle in days (smallest time with S(t) &lt;= 0.5), or null when fewer than half the deals have closed by any time.</summary>
    public double? MedianDays => Curve.Median;

    /// <summary>The lower end of the median's confidence interval in days, or null.</summary>
    public double? MedianLowerDays => Curve.MedianLower;

    /// <summary>The upper end of the median's confidence interval in days, or null when unbounded.</summary>
    public double? MedianUpperDays => Curve.MedianUpper;

    /// <summary>The restriction of <see cref="RestrictedMeanDays"/>: <see cref="SalesCycleOptions.TauDays"/>, else the largest observed time; null when there are no deals.</summary>
    public double? TauDays { get; }

    /// <summary>The restricted mean cycle in days: the area under S(t) from 0 to <see cref="TauDays"/> (the mean of min(cycle, tau)); null when there are no deals.</summary>
    public double? RestrictedMeanDays { get; }

    /// <summary>How many deals were won at <see cref="AsOf"/>.</summary>
    public long WonDeals { get; }

    /// <summary>NAIVE: the plain mean creation-to-win time of the won deals, ignoring open and lost deals; null when none was won.</summary>
    public double? NaiveMeanWonDays { get; }

    /// <summary>The sales cycle of the deals as they stood at <paramref name="asOf"/>.</summary>
    /// <param name="deals">The deals (open, won and lost).</param>
    /// <param name="asOf">The instant to read them at; deals open then are censored at it.</param>
    /// <param name="options">Options; <see cref="SalesCycleOptions.Default"/> when null.</param>
    /// <returns>The sales cycle.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="deals"/> or one of them is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// An option is out of its range, or <see cref="SalesCycleOptions.TauDays"/> is beyond the largest observed time; or <paramref name="asOf"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.
    /// </exception>
    /// <example><code>
    /// var cycle = SalesCycle.Of(deals, Instant.FromUtc(2026, 7, 1, 0, 0));
    /// Console.WriteLine($"median {cycle.MedianDays} days, naive won mean {cycle.NaiveMeanWonDays} days");
    /// </code></example>
    public static SalesCycle Of(IEnumerable<Deal> deals, Instant asOf, SalesCycleOptions? options = null)
    {
        var accumulator = new SalesCycleAccumulator(asOf, options);
        Preconditions.CheckNotNull(deals);
        // A list of deals gets its frame (cached with the list); the kernel hands back whatever it cannot prove exact.
        if (DealFrames.For(deals) is { } frame)
        {
            if (!accumulator.TryAdd(frame))
            {
                FrameAddRange.AddEach(accumulator, frame.DealList);
            }
            return accumulator.Result();
        }
        FrameAddRange.AddEach(accumulator, deals);
        return accumulator.Result();
    }

    /// <summary>Whether both have the same as-of instant, options and figures.</summary>
    /// <param name="other">The other sales cycle.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(SalesCycle? other) =>
        other is not null
        && AsOf == other.AsOf
        && Options == other.Options
        && Curve == other.Curve
        && TauDays == other.TauDays
        && RestrictedMeanDays == other.RestrictedMeanDays
        && WonDeals == other.WonDeals
        && NaiveMeanWonDays == other.NaiveMeanWonDays
        && NotYetCreated == other.NotYetCreated;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(AsOf, Curve, WonDeals, NotYetCreated);

    /// <summary>A summary, then the curve's table.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(
            CultureInfo.InvariantCulture,
            $"Sales cycle as of {AsOf} (time to {(Options.Outcome == SalesCycleOutcome.Won ? "win" : "close")}, days): {Deals} deals, {Closed} closed, {Censored} censored\n"
        );
        sb.Append(
            CultureInfo.InvariantCulture,
            $"Kaplan-Meier median {KaplanMeierCurve.Show(MedianDays)} ({Options.Confidence:0.##%} CI {KaplanMeierCurve.Show(MedianLowerDays)} .. {KaplanMeierCurve.Show(MedianUpperDays)}, {Options.Interval}); restricted mean to {KaplanMeierCurve.Show(TauDays)}: {KaplanMeierCurve.Show(RestrictedMeanDays)}\n"
        );
        sb.Append(CultureInfo.InvariantCulture, $"Naive mean over {WonDeals} won deals: {KaplanMeierCurve.Show(NaiveMeanWonDays)}\n");
        sb.Append(Curve.ToString());
        return sb.ToString();
    }
}
