using System;
using SalesPipeline.Statistics;
using SalesPipeline.Utility;

namespace SalesPipeline.Metrics;

/// <summary>How <see cref="SalesCycle.Of"/> reads the deals and what it reports.</summary>
/// <remarks>Immutable; thread-safe. <c>new SalesCycleOptions()</c> gives the defaults.</remarks>
public sealed record SalesCycleOptions
{
    /// <summary>Which closes end a cycle: <see cref="SalesCycleOutcome.Closed"/> (won or lost) by default.</summary>
    public SalesCycleOutcome Outcome { get; init; } = SalesCycleOutcome.Closed;

    /// <summary>The confidence level of the intervals, strictly between 0 and 1; 0.95 by default.</summary>
    public double Confidence { get; init; } = 0.95;

    /// <summary>The transform of the pointwise intervals (and so of the median's interval); log-log by default.</summary>
    public SurvivalInterval Interval { get; init; } = SurvivalInterval.LogLog;

    /// <summary>The restriction of the restricted mean, in days; when null, the largest observed time (event or censored).</summary>
    public double? TauDays { get; init; }

    /// <summary>The default options: time to close, 95% log-log intervals, restricted mean up to the largest observed time.</summary>
    public static SalesCycleOptions Default { get; } = new();

    internal void Check(string paramName)
    {
        Preconditions.CheckRange(
            Enum.IsDefined(Outcome),
            paramName,
            Outcome,
            $"SalesCycleOptions.Outcome must be Closed or Won; it was {(int)Outcome}."
        );
        ConfidenceLevel.Check(Confidence, paramName);
        KaplanMeierAccumulator.CheckInterval(Interval, paramName);
        Preconditions.CheckRange(
            TauDays is null || (double.IsFinite(TauDays.Value) && TauDays.Value > 0),
            paramName,
            TauDays,
            $"SalesCycleOptions.TauDays must be a positive number of days or null; it was {TauDays}."
        );
    }
}
