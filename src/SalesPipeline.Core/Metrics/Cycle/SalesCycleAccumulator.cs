using System;
using System.Collections.Generic;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Utility;

namespace SalesPipeline.Metrics;

/// <summary>
/// Accumulates a <see cref="SalesCycle"/> deal by deal, and merges with other accumulators over other deals: the merge
/// of the parts gives exactly the sales cycle of the whole (the Kaplan-Meier counts and the won-cycle sum add up).
/// </summary>
/// <remarks>An accumulator is mutable and not thread-safe: use one per thread and <see cref="Merge"/> them.</remarks>
public sealed partial class SalesCycleAccumulator : IFrameAccumulator<SalesCycleAccumulator>
{
    private readonly KaplanMeierAccumulator curve = new();
    private Int128 wonNanoseconds;

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="asOf">The instant the deals are read at: later events are ignored and deals still open then are censored at it.</param>
    /// <param name="options">Options; <see cref="SalesCycleOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// An option is out of its range; or <paramref name="asOf"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.
    /// </exception>
    public SalesCycleAccumulator(Instant asOf, SalesCycleOptions? options = null)
    {
        AsOf = Preconditions.CheckInstant(asOf);
        Options = options ?? SalesCycleOptions.Default;
        Options.Check(nameof(options));
    }

    /// <summary>The instant the deals are read at.</summary>
    public Instant AsOf { get; }

    /// <summary>The options.</summary>
    public SalesCycleOptions Options { get; }

    private long WonDeals { get; set; }

    private long NotYetCreated { get; set; }

    /// <summary>Adds one deal, as it stood at <see cref="AsOf"/>.</summary>
    /// <param name="deal">The deal.</param>
    /// <exception cref="ArgumentNullException"><paramref name="deal"/> is null.</exception>
    /// <remarks>
    /// A deal created after <see cref="AsOf"/> is counted in <see cref="SalesCycle.NotYetCreated"/> and nowhere else. The
    /// cycle runs from <see cref="Deal.CreatedAt"/>, which for an imported deal is the creation date its record gives; an
    /// imported deal created before <see cref="AsOf"/> but first observed after it counts as open (censored) at
    /// <see cref="AsOf"/>. A deal stopped at <see cref="AsOf"/> is censored at the instant it was stopped (it is not
    /// decided, and the time it waits stopped is no time to close); the cycle of a deal resumed and then closed runs
    /// from creation to its close, the pause included.
    /// </remarks>
    public void Add(Deal deal)
    {
        Preconditions.CheckNotNull(deal);
        if (!deal.TryAsOf(AsOf, out var then))
        {
            if (deal.CreatedAt <= AsOf)
            {
                // An imported deal created before AsOf but first observed after it: not yet closed then (its first
                // known close is later), so it is censored at AsOf like any open deal.
                curve.Add((AsOf - deal.CreatedAt).TotalDays, false);
                return;
            }
            NotYetCreated++;
            return;
        }
        // A stopped deal is censored at its stop: it left the race then, and its paused time is no time to close. A
        // deal stopped and later resumed or lost runs from creation to its close, pause included (calendar time).
        var end = then.ClosedAt ?? then.StoppedAt ?? AsOf;
        var days = (end - then.CreatedAt).TotalDays;
        var isEvent = then.Status switch
        {
            DealStatus.Won => true,
            DealStatus.Lost => Options.Outcome == SalesCycleOutcome.Closed,
            _ => false,
        };
        curve.Add(days, isEvent);
        if (then.Status == DealStatus.Won)
        {
            WonDeals++;
            wonNanoseconds += (end - then.CreatedAt).ToInt64Nanoseconds();
        }
    }

    /// <summary>Adds every deal.</summary>
    /// <param name="deals">The deals.</param>
    /// <exception cref="ArgumentNullException"><paramref name="deals"/> or one of them is null.</exception>
    /// <remarks>A list of deals is added on the columnar frame when that gives exactly what adding each deal would.</remarks>
    public void AddRange(IEnumerable<Deal> deals) => FrameAddRange.Run(this, deals);

    bool IFrameAccumulator<SalesCycleAccumulator>.IsEmpty => curve.Count == 0 && WonDeals == 0 && NotYetCreated == 0;

    SalesCycleAccumulator IFrameAccumulator<SalesCycleAccumulator>.Fresh() => new(AsOf, Options);

    bool IFrameAccumulator<SalesCycleAccumulator>.TryAdd(DealFrame frame) => TryAdd(frame);

    bool IFrameAccumulator<SalesCycleAccumulator>.MergesLikeAdd(SalesCycleAccumulator framed) =>
        FrameAddRange.CountsExactly(curve.Count, framed.curve.Count)
        && FrameAddRange.CountsExactly(WonDeals, framed.WonDeals)
        && FrameAddRange.CountsExactly(NotYetCreated, framed.NotYetCreated);

    /// <summary>Adds everything another accumulator has seen; the other is left unchanged.</summary>
    /// <param name="other">An accumulator with the same as-of instant and options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException">The other accumulator reads the deals at another instant or with other options.</exception>
    public void Merge(SalesCycleAccumulator other)
    {
        Preconditions.CheckNotNull(other);
        Preconditions.CheckSameSetup(nameof(other), ("the as-of point", other.AsOf == AsOf), ("the options", other.Options == Options));
        curve.Merge(other.curve);
        WonDeals += other.WonDeals;
        NotYetCreated += other.NotYetCreated;
        wonNanoseconds += other.wonNanoseconds;
    }

    /// <summary>The sales cycle of every deal added so far.</summary>
    /// <returns>The sales cycle; the accumulator can go on accumulating.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="SalesCycleOptions.TauDays"/> is beyond the largest observed time.</exception>
    public SalesCycle Result()
    {
        var km = curve.Result(Options.Confidence, Options.Interval);
        double? tau = Options.TauDays ?? km.LargestTime;
        if (Options.TauDays is { } given && (km.LargestTime is not { } largest || given > largest))
        {
            throw new ArgumentOutOfRangeException(
                "options",
                given,
                $"SalesCycleOptions.TauDays ({KaplanMeierCurve.Show(given)}) is beyond the largest observed time ({KaplanMeierCurve.Show(km.LargestTime)} days), where the survival curve is unknown; choose a smaller restriction or leave it null."
            );
        }
        double? naive = WonDeals > 0 ? (double)wonNanoseconds / WonDeals / NanosecondsPerDay : null;
        return new SalesCycle(AsOf, Options, km, tau, tau is { } t ? km.RestrictedMean(t) : null, WonDeals, naive, NotYetCreated);
    }

    private const double NanosecondsPerDay = 86_400_000_000_000d;
}
