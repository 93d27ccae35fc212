namespace SalesPipeline.Statistics;

/// <summary>Why <see cref="BetaBinomial.Fit"/> returned the fallback prior instead of an estimate (see <see cref="BetaPrior.Fallback"/>).</summary>
/// <remarks>The fallback prior has the pooled rate sum(successes) / sum(trials) as its mean and the caller's fallback strength
/// as alpha + beta.</remarks>
public enum BetaPriorFallback
{
    /// <summary>No fallback: alpha and beta are the estimate of the method asked for.</summary>
    None = 0,

    /// <summary>Fewer than two groups have a trial: there is no spread between groups to measure.</summary>
    OneGroup = 1,

    /// <summary>The groups' rates vary no more than binomial sampling alone explains (every rate equal, all 0 or all 1,
    /// every group a single trial, or an estimated between-group variance of 0 or less). The estimate would be an infinitely
    /// strong prior (every group smoothed to the pooled rate).</summary>
    NoOverdispersion = 2,

    /// <summary>The rates vary more than any Beta prior allows: the estimate would be a prior of strength 0 or less (no
    /// smoothing at all), which happens when the groups are all-or-nothing.</summary>
    ExtremeOverdispersion = 3,

    /// <summary>The maximum-likelihood search did not converge (its gradient did not vanish within the iteration limit).</summary>
    NotConverged = 4,
}
