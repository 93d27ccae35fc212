using System.Globalization;

namespace SalesPipeline.Statistics;

/// <summary>
/// The Brier score of a <see cref="ReliabilityTable"/> split into the parts of Murphy's (1973) decomposition, extended by
/// the two within-bin terms of Stephenson, Coelho and Jolliffe (2008) so that the parts add up to the score exactly:
/// Brier = <see cref="Reliability"/> - <see cref="Resolution"/> + <see cref="Uncertainty"/> +
/// <see cref="WithinBinVariance"/> - <see cref="WithinBinCovariance"/>.
/// </summary>
/// <param name="Reliability">REL = (1/N) sum_k n_k (f_k - o_k)^2: how far each bin's mean forecast f_k is from its
/// observed frequency o_k (0 for a perfectly calibrated forecaster; smaller is better).</param>
/// <param name="Resolution">RES = (1/N) sum_k n_k (o_k - o)^2: how far the bins' observed frequencies spread around the
/// base rate o (larger is better: the forecasts sort events from non-events).</param>
/// <param name="Uncertainty">UNC = o (1 - o): the Brier score of always forecasting the base rate (climatology); a
/// property of the outcomes, not of the forecasts.</param>
/// <param name="WithinBinVariance">WBV = (1/N) sum_k sum_(j in k) (f_j - f_k)^2: the spread of the forecasts inside their
/// bins; 0 when all forecasts in a bin are equal.</param>
/// <param name="WithinBinCovariance">WBC = (2/N) sum_k sum_(j in k) (o_j - o_k)(f_j - f_k): how the forecasts inside a bin
/// co-vary with the outcomes; 0 when all forecasts in a bin are equal.</param>
/// <remarks>
/// <para>Murphy, A. H. (1973), "A new vector partition of the probability score", Journal of Applied Meteorology 12,
/// 595-600; Stephenson, D. B., Coelho, C. A. S. and Jolliffe, I. T. (2008), "Two extra components in the Brier score
/// decomposition", Weather and Forecasting 23, 752-757. Murphy's three terms add up to the score only when every forecast
/// in a bin equals the bin's mean (for example stage probabilities, each in its own bin); the two extra terms are the
/// exact correction otherwise.</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
public sealed record BrierDecomposition(
    double Reliability,
    double Resolution,
    double Uncertainty,
    double WithinBinVariance,
    double WithinBinCovariance
)
{
    /// <summary>REL - RES + UNC + WBV - WBC: the Brier score again, up to floating-point rounding.</summary>
    public double Total => Reliability - Resolution + Uncertainty + WithinBinVariance - WithinBinCovariance;

    /// <summary>"REL 0.0685 - RES 0.0556 + UNC 0.2500 + WBV 0.0003 - WBC -0.0056".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"REL {Reliability:0.0000} - RES {Resolution:0.0000} + UNC {Uncertainty:0.0000} + WBV {WithinBinVariance:0.0000} - WBC {WithinBinCovariance:0.0000}"
        );
}
