using System.Globalization;

namespace SalesPipeline.Metrics;

/// <summary>One percentile of a duration distribution.</summary>
/// <param name="Probability">The probability p, in [0, 1].</param>
/// <param name="Days">The percentile (Hyndman-Fan definition 7), in days.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public readonly record struct DurationPercentile(double Probability, double Days)
{
    /// <summary>"P90 12.50".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"P{Probability * 100:0.##} {Days:0.00}");
}
