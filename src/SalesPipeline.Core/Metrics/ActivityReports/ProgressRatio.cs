using System.Globalization;
using SalesPipeline.Statistics;

namespace SalesPipeline.Metrics;

/// <summary>How many judged activities were followed by progress, the share, and its Wilson interval.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record ProgressRatio
{
    internal ProgressRatio(int activities, int progressed, int pending, double confidence)
    {
        Activities = activities;
        Progressed = progressed;
        Pending = pending;
        Rate = activities == 0 ? null : (decimal)progressed / activities;
        Interval = activities == 0 ? null : BinomialInterval.Of(progressed, activities, confidence);
    }

    /// <summary>Activities judged.</summary>
    public int Activities { get; }

    /// <summary>Those after which the deal moved forward (or was won) in time.</summary>
    public int Progressed { get; }

    /// <summary>Activities not judged yet: their time to progress runs past the options' AsOf and nothing has happened yet.</summary>
    public int Pending { get; }

    /// <summary>Progressed / Activities, or null when none were judged.</summary>
    public decimal? Rate { get; }

    /// <summary>The Wilson score interval of the rate (see <see cref="BinomialInterval"/>), or null when none were judged.</summary>
    public BinomialInterval? Interval { get; }

    /// <summary>"3/4 = 75.0% [30.1%, 95.4%], 1 pending".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        Rate is { } rate
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"{Progressed}/{Activities} = {rate:0.0%} [{Interval!.Lower:0.0%}, {Interval.Upper:0.0%}], {Pending} pending"
            )
            : string.Create(CultureInfo.InvariantCulture, $"0 judged, {Pending} pending");
}
