namespace SalesPipeline.Forecasting;

/// <summary>How <see cref="Forecast.Distribution"/> computes the revenue distribution.</summary>
/// <remarks>Whatever the method, the mean, the variance and the won-count distribution are exact.</remarks>
public enum DistributionMethod
{
    /// <summary>
    /// Convolution of the deals' distributions on a money grid: exact when the amounts share a step that fits in
    /// <see cref="DistributionOptions.MaxGridPoints"/>, otherwise within <see cref="RevenueDistribution.ErrorBound"/>.
    /// </summary>
    Exact = 0,

    /// <summary>
    /// Seeded simulation: <see cref="DistributionOptions.Trials"/> samples of the period's revenue; the same seed gives the
    /// same result on every run.
    /// </summary>
    MonteCarlo = 1,
}
