using System.Globalization;

namespace SalesPipeline.Forecasting;

/// <summary>One point of a revenue distribution, for plotting: a revenue, its probability, and the probability of at most it.</summary>
/// <param name="Value">The revenue.</param>
/// <param name="Probability">The probability of exactly this revenue (of this grid point, for a grid that is not exact).</param>
/// <param name="Cumulative">The probability that the revenue is at most <paramref name="Value"/>.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record DistributionPoint(Money Value, double Probability, double Cumulative)
{
    /// <summary>"value  probability  cumulative", for example "USD 300.00  0.25  0.85".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Value}  {Probability:G6}  {Cumulative:G6}");
}
