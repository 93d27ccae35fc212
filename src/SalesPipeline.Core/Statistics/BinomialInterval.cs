using System;
using System.Globalization;
using MathNet.Numerics.Distributions;
using SalesPipeline.Utility;

namespace SalesPipeline.Statistics;

/// <summary>
/// A confidence interval for the true rate behind <see cref="Successes"/> out of <see cref="Trials"/> (a win rate, a
/// conversion rate, a stage's observed win rate), by the Wilson, Jeffreys or Clopper-Pearson method
/// (<see cref="BinomialIntervalMethod"/>). All three stay inside [0, 1] and behave well for small counts and rates near 0
/// or 1, unlike the normal "p +- z sqrt(p(1-p)/n)" interval.
/// </summary>
/// <remarks>
/// <para>With k successes, n trials, p = k / n, a = 1 - confidence, z the standard normal quantile at 1 - a/2
/// (<c>Normal.InvCDF(0, 1, ...)</c>; 1.959964 at 95%) and <c>B(q; x, y)</c> the q-quantile of Beta(x, y):</para>
/// <code>
/// Wilson:          centre = (p + z^2/2n) / (1 + z^2/n),  half = z / (1 + z^2/n) * sqrt(p (1 - p) / n + z^2/4n^2)
///                  [centre - half, centre + half]; exactly 0 at k = 0 and exactly 1 at k = n
/// Jeffreys:        [B(a/2; k + 1/2, n - k + 1/2), B(1 - a/2; k + 1/2, n - k + 1/2)]; lower 0 at k = 0, upper 1 at k = n
/// Clopper-Pearson: [B(a/2; k, n - k + 1), B(1 - a/2; k + 1, n - k)];             lower 0 at k = 0, upper 1 at k = n
/// </code>
/// <para>The Jeffreys ends at k = 0 and k = n follow Brown, Cai and DasGupta (2001), section 4.1.2: the equal-tailed
/// posterior interval would exclude 0 (or 1) when nothing (or everything) succeeded, which drives its coverage to zero
/// near the edges. Clopper-Pearson's ends at the edges are the limits of its formula (Beta(0, .) is a point mass at 0).</para>
/// <para>Example, 8 of 10 at 95%: Wilson [0.49016, 0.94332]; Jeffreys [0.49723, 0.95594]; Clopper-Pearson [0.44390,
/// 0.97479]. With 0 of 10 the Clopper-Pearson upper end is 1 - 0.025^(1/10) = 0.30850.</para>
/// <para>Wilson and Clopper-Pearson always contain the estimate p. The Jeffreys interval is centred on its posterior, not
/// on p, so at very low confidence levels (a narrow interval around the posterior median) it can leave p out; at the
/// usual 80% to 99.9% it contains p for all counts.</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
public sealed record BinomialInterval
{
    private BinomialInterval(BinomialIntervalMethod method, int successes, int trials, double confidence, double lower, double upper)
    {
        Method = method;
        Successes = successes;
        Trials = trials;
        Confidence = confidence;
        Lower = lower;
        Upper = upper;
    }

    /// <summary>The method the interval was computed by.</summary>
    public BinomialIntervalMethod Method { get; }

    /// <summary>The number of successes (for example deals won).</summary>
    public int Successes { get; }

    /// <summary>The number of trials (for example closed deals); at least 1.</summary>
    public int Trials { get; }

    /// <summary>The confidence level, strictly between 0 and 1.</summary>
    public double Confidence { get; }

    /// <summary>The observed proportion, successes / trials.</summary>
    public double Estimate => (double)Successes / Trials;

    /// <summary>The lower end, in [0, 1]; 0 when there are no successes.</summary>
    public double Lower { get; }

    /// <summary>The upper end, in [<see cref="Lower"/>, 1]; 1 when every trial succeeded.</summary>
    public double Upper { get; }

    /// <summary>Computes the confidence interval of <paramref name="successes"/> out of <paramref name="trials"/>.</summary>
    /// <param name="successes">The successes; between 0 and <paramref name="trials"/>.</param>
    /// <param name="trials">The trials; at least 1.</param>
    /// <param name="confidence">The confidence level; strictly between 0 and 1 (0.95 by default).</param>
    /// <param name="method">The method; <see cref="BinomialIntervalMethod.Wilson"/> by default.</param>
    /// <returns>The interval.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="trials"/> is less than 1, <paramref name="successes"/> is negative or greater than
    /// <paramref name="trials"/>, <paramref name="confidence"/> is not strictly between 0 and 1, or
    /// <paramref name="method"/> is not a defined method.
    /// </exception>
    /// <example><code>
    /// var exact = BinomialInterval.Of(0, 10, method: BinomialIntervalMethod.ClopperPearson); // [0, 0.30850]
    /// </code></example>
    public static BinomialInterval Of(
        int successes,
        int trials,
        double confidence = 0.95,
        BinomialIntervalMethod method = BinomialIntervalMethod.Wilson
    )
    {
        Preconditions.CheckRange(
            trials >= 1,
            nameof(trials),
            trials,
            $"A proportion needs at least 1 trial; trials was {trials.ToString(CultureInfo.InvariantCulture)}."
        );
        Preconditions.CheckRange(
            successes >= 0 && successes <= trials,
            nameof(successes),
            successes,
            string.Create(
                CultureInfo.InvariantCulture,
                $"Successes must be between 0 and the number of trials ({trials}); it was {successes}."
            )
        );
        ConfidenceLevel.Check(confidence, nameof(confidence));
        CheckMethod(method, nameof(method));
        var (lower, upper) = method switch
        {
            BinomialIntervalMethod.Wilson => Wilson(successes, trials, confidence),
            BinomialIntervalMethod.Jeffreys => BetaQuantiles(
                successes,
                trials,
                confidence,
                successes + 0.5,
                trials - successes + 0.5,
                successes + 0.5,
                trials - successes + 0.5
            ),
            _ => BetaQuantiles(successes, trials, confidence, successes, trials - successes + 1, successes + 1, trials - successes),
        };
        return new BinomialInterval(method, successes, trials, confidence, lower, upper);
    }

    // The one check of a method argument or option, so every options type words it the same way.
    internal static BinomialIntervalMethod CheckMethod(BinomialIntervalMethod method, string paramName)
    {
        Preconditions.CheckRange(
            Enum.IsDefined(method),
            paramName,
            method,
            $"The interval method must be Wilson, Jeffreys or ClopperPearson; it was {((int)method).ToString(CultureInfo.InvariantCulture)}."
        );
        return method;
    }

    private static (double Lower, double Upper) Wilson(int successes, int trials, double confidence)
    {
        var z = Normal.InvCDF(0.0, 1.0, 1.0 - (1.0 - confidence) / 2.0);
        double n = trials;
        var p = successes / n;
        var z2 = z * z;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2 * n)) / denominator;
        var half = z / denominator * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        // The ends are exact at the edges; elsewhere the score interval contains p, and the clamp only absorbs the last
        // bit of rounding (it never moves an end by more than an ulp or two).
        var lower = successes == 0 ? 0.0 : Math.Clamp(centre - half, 0.0, p);
        var upper = successes == trials ? 1.0 : Math.Clamp(centre + half, p, 1.0);
        return (lower, upper);
    }

    // Lower = the a/2 quantile of Beta(lowerA, lowerB), upper = the 1 - a/2 quantile of Beta(upperA, upperB); 0 at k = 0
    // and 1 at k = n, where Clopper-Pearson's Beta would have a zero parameter and Jeffreys takes the BCD convention.
    private static (double Lower, double Upper) BetaQuantiles(
        int successes,
        int trials,
        double confidence,
        double lowerA,
        double lowerB,
        double upperA,
        double upperB
    )
    {
        var tail = (1.0 - confidence) / 2.0;
        var lower = successes == 0 ? 0.0 : Beta.InvCDF(lowerA, lowerB, tail);
        var upper = successes == trials ? 1.0 : Beta.InvCDF(upperA, upperB, 1.0 - tail);
        return (lower, upper);
    }

    /// <summary>"8/10 = 0.800, 95% Wilson [0.490, 0.943]".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{Successes}/{Trials} = {Estimate:0.000}, {Confidence * 100:0.##}% {Name(Method)} [{Lower:0.000}, {Upper:0.000}]"
        );

    /// <summary>The method's name as tables print it: "Wilson", "Jeffreys", "Clopper-Pearson".</summary>
    /// <param name="method">The method.</param>
    /// <returns>The name.</returns>
    internal static string Name(BinomialIntervalMethod method) =>
        method == BinomialIntervalMethod.ClopperPearson ? "Clopper-Pearson" : method.ToString();
}
