namespace SalesPipeline.Statistics;

/// <summary>Which confidence interval <see cref="BinomialInterval"/> computes for a proportion (successes out of trials).</summary>
/// <remarks>
/// <para>Brown, Cai and DasGupta (2001), "Interval Estimation for a Binomial Proportion", Statistical Science 16(2),
/// 101-133, compare them: Wilson and Jeffreys have coverage close to the nominal level on average and short widths;
/// Clopper-Pearson never covers less than the nominal level, so it is wider (conservative). Wilson is the library's
/// default: closed form, good coverage for small counts, and the interval most reports already use.</para>
/// </remarks>
public enum BinomialIntervalMethod
{
    /// <summary>The Wilson score interval (Wilson 1927): the default.</summary>
    Wilson = 0,

    /// <summary>The equal-tailed Jeffreys interval: quantiles of Beta(k + 1/2, n - k + 1/2), with 0 at k = 0 and 1 at k = n.</summary>
    Jeffreys = 1,

    /// <summary>The Clopper-Pearson "exact" interval (Clopper and Pearson 1934): beta quantiles that invert the binomial tails.</summary>
    ClopperPearson = 2,
}
