using System;
using System.Globalization;
using SalesPipeline.Pipelines;
using SalesPipeline.Utility;

namespace SalesPipeline.Forecasting;

/// <summary>
/// The win probabilities each forecast category is consistent with, for comparing reps' category calls with the
/// stage-weighted view: a deal whose effective probability falls outside its category's band is a disagreement.
/// </summary>
/// <remarks>
/// Defaults: Commit [0.7, 1], Best case [0.4, 0.9], Pipeline [0, 0.6], Omitted [0, 0.3]. So Commit at a 10% stage is
/// 0.6 outside its band and Pipeline at an 80% stage 0.2 outside. Immutable; thread-safe.
/// </remarks>
public sealed record CategoryBands
{
    /// <summary>The default bands.</summary>
    public static CategoryBands Default { get; } = new();

    /// <summary>The band of Commit; [0.7, 1] by default.</summary>
    public (decimal Min, decimal Max) Commit { get; init; } = (0.7m, 1m);

    /// <summary>The band of Best case; [0.4, 0.9] by default.</summary>
    public (decimal Min, decimal Max) BestCase { get; init; } = (0.4m, 0.9m);

    /// <summary>The band of Pipeline; [0, 0.6] by default.</summary>
    public (decimal Min, decimal Max) Pipeline { get; init; } = (0m, 0.6m);

    /// <summary>The band of Omitted; [0, 0.3] by default.</summary>
    public (decimal Min, decimal Max) Omitted { get; init; } = (0m, 0.3m);

    /// <summary>How far a probability lies outside a category's band: 0 inside it.</summary>
    /// <param name="category">An open deal's category (Closed deals always agree: 0).</param>
    /// <param name="probability">The effective win probability.</param>
    /// <returns>The distance to the band, in probability points.</returns>
    /// <exception cref="ArgumentException">A band has its minimum above its maximum or outside [0, 1].</exception>
    public decimal Distance(ForecastCategory category, decimal probability)
    {
        var (min, max) = category switch
        {
            ForecastCategory.Commit => Check(Commit, nameof(Commit)),
            ForecastCategory.BestCase => Check(BestCase, nameof(BestCase)),
            ForecastCategory.Pipeline => Check(Pipeline, nameof(Pipeline)),
            ForecastCategory.Omitted => Check(Omitted, nameof(Omitted)),
            _ => (0m, 1m),
        };
        return probability < min ? min - probability
            : probability > max ? probability - max
            : 0m;
    }

    private static (decimal, decimal) Check((decimal Min, decimal Max) band, string name)
    {
        Preconditions.CheckArgument(
            band.Min >= 0m && band.Max <= 1m && band.Min <= band.Max,
            name,
            string.Create(
                CultureInfo.InvariantCulture,
                $"The {name} band [{band.Min}, {band.Max}] must lie in [0, 1] with its minimum first."
            )
        );
        return band;
    }
}
