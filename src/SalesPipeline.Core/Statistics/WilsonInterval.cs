using System;
using System.Globalization;
using MathNet.Numerics.Distributions;
using SalesPipeline.Utility;

namespace SalesPipeline.Statistics;

/// <summary>
/// The Wilson score interval for a proportion: a confidence interval for the true rate behind <see cref="Successes"/>
/// out of <see cref="Trials"/>, which (unlike the normal "p +- z sqrt(p(1-p)/n)" interval) stays inside [0, 1] and
/// behaves well for small counts and rates near 0 or 1.
/// </summary>
/// <remarks>
/// <para>With p = successes / trials, n = trials and z the standard normal quantile at 1 - (1 - confidence) / 2
/// (<c>Normal.InvCDF(0, 1, ...)</c>; 1.959964 at 95%):</para>
/// <code>
/// centre = (p + z^2 / 2n) / (1 + z^2 / n)
/// half   = z / (1 + z^2 / n) * sqrt(p (1 - p) / n + z^2 / 4n^2)
/// [lower, upper] = [centre - half, centre + half]
/// </code>
/// <para>Example: 8 won of 10 at 95% gives centre 0.71674 and half-width 0.22658, so [0.49017, 0.94332]. With 0
/// successes the lower end is exactly 0, with all successes the upper end is exactly 1.</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
public sealed record WilsonInterval
{
    private WilsonInterval(int successes, int trials, double confidence, double z, double lower, double upper)
    {
        Successes = successes;
        Trials = trials;
        Confidence = confidence;
        Z = z;
        Lower = lower;
        Upper = upper;
    }

    /// <summary>The number of successes (for example deals won).</summary>
    public int Successes { get; }

    /// <summary>The number of trials (for example closed deals); at least 1.</summary>
    public int Trials { get; }

    /// <summary>The confidence level, strictly between 0 and 1.</summary>
    public double Confidence { get; }

    /// <summary>The standard normal quantile used: z at 1 - (1 - <see cref="Confidence"/>) / 2.</summary>
    public double Z { get; }

    /// <summary>The observed proportion, successes / trials.</summary>
    public double Estimate => (double)Successes / Trials;

    /// <summary>The lower end, in [0, <see cref="Estimate"/>].</summary>
    public double Lower { get; }

    /// <summary>The upper end, in [<see cref="Estimate"/>, 1].</summary>
    public double Upper { get; }

    /// <summary>Computes the Wilson score interval of <paramref name="successes"/> out of <paramref name="trials"/>.</summary>
    /// <param name="successes">The successes; between 0 and <paramref name="trials"/>.</param>
    /// <param name="trials">The trials; at least 1.</param>
    /// <param name="confidence">The confidence level; strictly between 0 and 1 (0.95 by default).</param>
    /// <returns>The interval.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="trials"/> is less than 1, <paramref name="successes"/> is negative or greater than
    /// <paramref name="trials"/>, or <paramref name="confidence"/> is not strictly between 0 and 1.
    /// </exception>
    public static WilsonInterval Of(int successes, int trials, double confidence = 0.95)
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
        var z = ZFor(confidence);
        double n = trials;
        var p = successes / n;
        var z2 = z * z;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2 * n)) / denominator;
        var half = z / denominator * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        // The ends are exact at the edges; elsewhere rounding cannot push them past the estimate, but clamp to [0, 1].
        var lower = successes == 0 ? 0.0 : Math.Clamp(centre - half, 0.0, p);
        var upper = successes == trials ? 1.0 : Math.Clamp(centre + half, p, 1.0);
        return new WilsonInterval(successes, trials, confidence, z, lower, upper);
    }

    // Two-sided: the quantile that leaves (1 - confidence) / 2 in each tail.
    internal static double ZFor(double confidence) => Normal.InvCDF(0.0, 1.0, 1.0 - (1.0 - confidence) / 2.0);

    /// <summary>"8/10 = 0.800, 95% [0.490, 0.943]".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{Successes}/{Trials} = {Estimate:0.000}, {Confidence * 100:0.##}% [{Lower:0.000}, {Upper:0.000}]"
        );
}
