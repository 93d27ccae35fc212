namespace SalesPipeline.Statistics;

/// <summary>How <see cref="BetaBinomial.Fit"/> estimates the Beta prior of a set of binomial groups.</summary>
/// <remarks>See <see cref="BetaBinomial"/> for the formulas, the default and why.</remarks>
public enum BetaBinomialMethod
{
    /// <summary>Maximum likelihood of the beta-binomial model, found numerically: the default.</summary>
    MaximumLikelihood = 0,

    /// <summary>The method of moments that subtracts the binomial sampling variance (Kleinman 1973, weights n_i); closed form.</summary>
    MethodOfMoments = 1,
}
