using System;
using System.Globalization;
using SalesPipeline.Utility;

namespace SalesPipeline.Statistics;

/// <summary>
/// A Beta(alpha, beta) prior for the rates of a set of binomial groups (stages, reps, sources), fitted by
/// <see cref="BetaBinomial.Fit"/>: it smooths a group with k successes of n trials to the posterior mean
/// (k + alpha) / (n + alpha + beta), which pulls groups with few trials towards <see cref="Mean"/>.
/// </summary>
/// <remarks>
/// <para><see cref="Method"/> says which estimator was asked for and <see cref="Fallback"/> whether it gave the estimate
/// (<see cref="BetaPriorFallback.None"/>) or why the fallback prior (pooled mean, the caller's strength) was used.</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
public sealed record BetaPrior
{
    internal BetaPrior(
        double alpha,
        double beta,
        BetaBinomialMethod method,
        BetaPriorFallback fallback,
        int groups,
        long successes,
        long trials
    )
    {
        Alpha = alpha;
        Beta = beta;
        Method = method;
        Fallback = fallback;
        Groups = groups;
        Successes = successes;
        Trials = trials;
    }

    /// <summary>The prior's alpha (pseudo-successes); greater than 0, except 0 in a fallback whose pooled rate is 0.</summary>
    public double Alpha { get; }

    /// <summary>The prior's beta (pseudo-failures); greater than 0, except 0 in a fallback whose pooled rate is 1.</summary>
    public double Beta { get; }

    /// <summary>The estimator asked for.</summary>
    public BetaBinomialMethod Method { get; }

    /// <summary>Whether the estimator's result is used (<see cref="BetaPriorFallback.None"/>) or, if not, why the fallback prior was.</summary>
    public BetaPriorFallback Fallback { get; }

    /// <summary>True when alpha and beta are the estimate of <see cref="Method"/> (no fallback).</summary>
    public bool IsFitted => Fallback == BetaPriorFallback.None;

    /// <summary>The groups with at least one trial that the prior was fitted to.</summary>
    public int Groups { get; }

    /// <summary>The successes over all groups.</summary>
    public long Successes { get; }

    /// <summary>The trials over all groups.</summary>
    public long Trials { get; }

    /// <summary>The prior mean, alpha / (alpha + beta): the rate a group with no trials is smoothed to.</summary>
    public double Mean => Alpha / (Alpha + Beta);

    /// <summary>The prior's weight in trials, alpha + beta; always greater than 0.</summary>
    public double Strength => Alpha + Beta;

    /// <summary>The posterior mean of a group with <paramref name="successes"/> of <paramref name="trials"/>: (successes + alpha) / (trials + alpha + beta).</summary>
    /// <param name="successes">The group's successes (deals won); between 0 and <paramref name="trials"/>.</param>
    /// <param name="trials">The group's trials (deals that reached the stage); at least 0.</param>
    /// <returns>The smoothed rate, between the observed rate and <see cref="Mean"/> (the mean itself when trials is 0).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="trials"/> is negative, or <paramref name="successes"/> is
    /// negative or greater than <paramref name="trials"/>.</exception>
    public double PosteriorMean(int successes, int trials)
    {
        BetaBinomial.CheckCounts(successes, trials, nameof(successes), nameof(trials), null);
        return (successes + Alpha) / (trials + Alpha + Beta);
    }

    /// <summary>"Beta(2.131, 3.969), mean 0.349, strength 6.1 (maximum likelihood, 4 groups)", or "... (pooled-rate fallback:
    /// NoOverdispersion; method of moments asked, 3 groups)".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var method = Method == BetaBinomialMethod.MaximumLikelihood ? "maximum likelihood" : "method of moments";
        var how = IsFitted ? method : $"pooled-rate fallback: {Fallback}; {method} asked";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Beta({Alpha:0.###}, {Beta:0.###}), mean {Mean:0.000}, strength {Strength:0.##} ({how}, {Groups} {(Groups == 1 ? "group" : "groups")})"
        );
    }

    internal static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    internal static double CheckStrength(double value, string paramName)
    {
        Preconditions.CheckRange(
            value > 0 && double.IsFinite(value),
            paramName,
            value,
            $"The fallback strength must be a finite number greater than 0 (a prior worth that many trials); it was {Format(value)}."
        );
        return value;
    }
}
