using System.Collections.Generic;
using System.Globalization;

namespace SalesPipeline.Forecasting;

/// <summary>
/// The Beta(alpha, beta) prior that <see cref="StageCalibration"/> uses to smooth each stage's observed win rate
/// (beta-binomial empirical Bayes): a stage with W won of R reached gets the posterior mean
/// (W + alpha) / (R + alpha + beta), which pulls stages with few deals towards <see cref="Mean"/>.
/// </summary>
/// <remarks>
/// <para><b>Method of moments</b> (<see cref="FittedByMoments"/> true). Over the k stages that some closed deal reached,
/// with observed rates p_1..p_k: m = the mean of the p_i, v = their sample variance sum (p_i - m)^2 / (k - 1). A Beta
/// distribution with mean m and variance v has alpha + beta = m (1 - m) / v - 1, so alpha = m (m (1 - m) / v - 1) and
/// beta = (1 - m) (m (1 - m) / v - 1). Each stage counts once, whatever its number of deals.</para>
/// <para><b>Fallback</b> (<see cref="FittedByMoments"/> false), used when fewer than 2 stages have data or the fit is
/// degenerate (v &lt;= 0, or v &gt;= m (1 - m), which would need a non-positive alpha + beta): the mean is the pooled
/// rate sum W_i / sum R_i over the stages (a deal counts once per stage it reached) and alpha + beta is
/// <see cref="CalibrationOptions.PriorStrength"/>. When the pooled rate is 0 or 1, alpha or beta is 0, and every
/// smoothed rate equals that rate.</para>
/// <para>Example: rates 3/8, 3/6 and 2/3 give m = 37/72, v = 111/5184, alpha + beta = 32/3, alpha = 148/27 (5.481) and
/// beta = 140/27 (5.185); the stage with 3 of 8 is smoothed to (3 + 148/27) / (8 + 32/3) = 229/504 (0.454).</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
public sealed record BetaPrior
{
    internal BetaPrior(double alpha, double beta, bool fittedByMoments)
    {
        Alpha = alpha;
        Beta = beta;
        FittedByMoments = fittedByMoments;
    }

    /// <summary>The prior's alpha (pseudo-wins); at least 0.</summary>
    public double Alpha { get; }

    /// <summary>The prior's beta (pseudo-losses); at least 0.</summary>
    public double Beta { get; }

    /// <summary>Whether alpha and beta were fitted by the method of moments across stages (else the pooled-rate fallback).</summary>
    public bool FittedByMoments { get; }

    /// <summary>The prior mean, alpha / (alpha + beta): the rate a stage with no deals is smoothed to.</summary>
    public double Mean => Alpha / (Alpha + Beta);

    /// <summary>The prior's weight in deals, alpha + beta; always greater than 0.</summary>
    public double Strength => Alpha + Beta;

    /// <summary>The posterior mean of a stage with <paramref name="won"/> of <paramref name="reached"/>: (won + alpha) / (reached + alpha + beta).</summary>
    /// <param name="won">The deals won.</param>
    /// <param name="reached">The closed deals that reached the stage.</param>
    /// <returns>The smoothed rate, between the observed rate and <see cref="Mean"/>.</returns>
    public double PosteriorMean(int won, int reached) => (won + Alpha) / (reached + Alpha + Beta);

    // rates: (won, reached) of each stage, including stages nobody reached (they are skipped). Null when no stage has data.
    internal static BetaPrior? Fit(IReadOnlyList<(int Won, int Reached)> rates, double fallbackStrength)
    {
        var k = 0;
        long wonTotal = 0;
        long reachedTotal = 0;
        var sum = 0.0;
        foreach (var (won, reached) in rates)
        {
            if (reached > 0)
            {
                k++;
                wonTotal += won;
                reachedTotal += reached;
                sum += (double)won / reached;
            }
        }
        if (k == 0)
        {
            return null;
        }
        if (k >= 2)
        {
            var m = sum / k;
            var squares = 0.0;
            foreach (var (won, reached) in rates)
            {
                if (reached > 0)
                {
                    var d = (double)won / reached - m;
                    squares += d * d;
                }
            }
            var v = squares / (k - 1);
            var spread = m * (1 - m);
            if (v > 0 && v < spread)
            {
                var strength = spread / v - 1;
                return new BetaPrior(m * strength, (1 - m) * strength, fittedByMoments: true);
            }
        }
        var pooled = (double)wonTotal / reachedTotal;
        return new BetaPrior(pooled * fallbackStrength, (1 - pooled) * fallbackStrength, fittedByMoments: false);
    }

    /// <summary>"Beta(5.481, 5.185), mean 0.514, strength 10.67 (method of moments)".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"Beta({Alpha:0.###}, {Beta:0.###}), mean {Mean:0.000}, strength {Strength:0.##} ({(FittedByMoments ? "method of moments" : "pooled-rate fallback")})"
        );
}
