using System;
using System.Collections.Generic;
using System.Globalization;
using MathNet.Numerics;
using SalesPipeline.Utility;

namespace SalesPipeline.Statistics;

/// <summary>
/// Empirical-Bayes smoothing of binomial rates: fits the Beta(alpha, beta) prior of the beta-binomial model to a set of
/// groups, each k_i successes of n_i trials (the won and reached counts of pipeline stages, or of reps, sources, ...), so
/// that a group's rate can be smoothed to (k + alpha) / (n + alpha + beta) (<see cref="BetaPrior.PosteriorMean"/>).
/// </summary>
/// <remarks>
/// <para>The model: each group's true rate is drawn from Beta(alpha, beta) and its successes are Binomial(n_i, rate), so
/// the observed rates vary for two reasons, the spread of the true rates and binomial sampling. Both estimators below take
/// the sampling part out; fitting a Beta to the raw rates k_i / n_i instead (what this library did before 1.0) counts
/// sampling noise as real spread, so it gives a prior that is too weak and shrinks small groups too little.</para>
/// <para>Groups with 0 trials carry no information and are ignored. With N = sum n_i, p = sum k_i / N (the pooled rate) and
/// G the number of groups with a trial:</para>
/// <para><b>Method of moments</b> (<see cref="BetaBinomialMethod.MethodOfMoments"/>): Kleinman (1973), "Proportions with
/// extraneous variance: single and independent samples", JASA 68, 46-54, with weights w_i = n_i. Under the model
/// E[sum n_i (k_i/n_i - p)^2] = p (1 - p) [(G - 1) + rho (N - sum n_i^2 / N - (G - 1))], where rho = 1 / (alpha + beta + 1)
/// is the intra-group correlation, so</para>
/// <code>
/// S   = sum_i n_i (k_i / n_i - p)^2
/// rho = (S / (p (1 - p)) - (G - 1)) / (N - sum_i n_i^2 / N - (G - 1))
/// alpha + beta = 1 / rho - 1,  alpha = p (1 / rho - 1),  beta = (1 - p) (1 / rho - 1)
/// </code>
/// <para>The (G - 1) in the numerator is the binomial sampling variance being subtracted. Example: 1 of 10, 5 of 10 and 9
/// of 10 give p = 0.5, S = 3.2, rho = (12.8 - 2) / (30 - 10 - 2) = 0.6, so alpha = beta = 1/3.</para>
/// <para><b>Maximum likelihood</b> (<see cref="BetaBinomialMethod.MaximumLikelihood"/>, the default): the alpha, beta &gt; 0
/// that maximise the beta-binomial log-likelihood (<see cref="LogLikelihood"/>)
/// sum_i [ln C(n_i, k_i) + ln B(k_i + alpha, n_i - k_i + beta) - ln B(alpha, beta)], found by a damped Newton search over
/// (logit mean, ln strength) started at the method-of-moments estimate (or at the pooled rate), with the analytic gradient
/// (digamma functions), a finite-difference Hessian (shifted to positive definite where the likelihood is not concave,
/// as Levenberg-Marquardt does), steps of at most 2 in either coordinate, and a backtracking line search. It has converged when the
/// likelihood curves down there (negative definite Hessian) and the next Newton step would change the logit of the mean
/// and the log of the strength by less than 1e-8 each, that is the estimate is known to about 1e-8 relative (or the
/// gradient is below 1e-12); at most 200 steps.</para>
/// <para><b>Why maximum likelihood is the default</b>: it uses each group's binomial likelihood exactly, so groups count by
/// the information they carry without a choice of weights; its likelihood is never below the method of moments' on the
/// same data; and the conditions under which it exists are checked exactly (below). The method of moments is closed form,
/// fast, and what a spreadsheet reproduces; it can be noticeably less efficient when the group sizes differ a lot.</para>
/// <para><b>Degenerate data</b>, an explicit rule each (never a NaN or a silently clamped estimate): no group with a trial
/// is an <see cref="ArgumentException"/>. Otherwise the result is the fallback prior, mean p and strength
/// <c>fallbackStrength</c>, with <see cref="BetaPrior.Fallback"/> saying why, when: only one group has trials
/// (<see cref="BetaPriorFallback.OneGroup"/>); p is 0 or 1, every group has one trial, or the rates vary no more than
/// sampling explains (<see cref="BetaPriorFallback.NoOverdispersion"/>: for the method of moments rho &lt;= 0; for maximum
/// likelihood Tarone's statistic (Tarone 1979, "Testing the goodness of fit of the binomial distribution",
/// Biometrika 66, 585-590) sum (k_i - n_i p)^2 / (p (1 - p)) - N &lt;= 0, the likelihood's slope towards
/// no over-dispersion, in which case the likelihood is largest at an infinitely strong prior); the rates vary more than
/// any Beta allows (<see cref="BetaPriorFallback.ExtremeOverdispersion"/>: rho &gt;= 1, or, for maximum likelihood, every
/// group with two or more trials is all successes or all failures, where the likelihood is largest at strength 0); or the
/// search does not converge (<see cref="BetaPriorFallback.NotConverged"/>).</para>
/// <para>Stateless; thread-safe.</para>
/// </remarks>
public static class BetaBinomial
{
    private const double GradientTolerance = 1e-12;
    private const double StepTolerance = 1e-8;
    private const int MaxSteps = 200;
    private const int ShortProduct = 256;

    /// <summary>Fits the Beta prior of the beta-binomial model to groups of (successes, trials).</summary>
    /// <param name="groups">The groups, each its successes and trials (for example a stage's won and reached deals).
    /// Groups with 0 trials are allowed and ignored.</param>
    /// <param name="method">The estimator; <see cref="BetaBinomialMethod.MaximumLikelihood"/> by default.</param>
    /// <param name="fallbackStrength">alpha + beta of the fallback prior used when the data do not determine an estimate
    /// (see the remarks); greater than 0 and finite, 10 by default.</param>
    /// <returns>The prior, with the method, whether it was fitted or why not, and the totals it was fitted to.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="groups"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A group has negative trials, or successes outside [0, trials] (the
    /// message gives its position); <paramref name="method"/> is not defined; or <paramref name="fallbackStrength"/> is not
    /// a finite number greater than 0.</exception>
    /// <exception cref="ArgumentException">No group has a trial.</exception>
    /// <example><code>
    /// var prior = BetaBinomial.Fit([(1, 10), (5, 10), (9, 10)], BetaBinomialMethod.MethodOfMoments);
    /// // Beta(0.333, 0.333): mean 0.5, strength 0.667; prior.PosteriorMean(1, 10) = 1.333 / 10.667 = 0.125
    /// </code></example>
    public static BetaPrior Fit(
        IEnumerable<(int Successes, int Trials)> groups,
        BetaBinomialMethod method = BetaBinomialMethod.MaximumLikelihood,
        double fallbackStrength = 10.0
    )
    {
        Preconditions.CheckNotNull(groups);
        Preconditions.CheckRange(
            Enum.IsDefined(method),
            nameof(method),
            method,
            $"The method must be MaximumLikelihood or MethodOfMoments; it was {((int)method).ToString(CultureInfo.InvariantCulture)}."
        );
        BetaPrior.CheckStrength(fallbackStrength, nameof(fallbackStrength));
        var data = Collect(groups, nameof(groups));
        Preconditions.CheckArgument(
            data.Count > 0,
            nameof(groups),
            "A Beta prior needs at least one group with at least one trial; every group had 0 trials (or there were none)."
        );
        long successes = 0,
            trials = 0;
        foreach (var (k, n) in data)
        {
            successes += k;
            trials += n;
        }
        var p = (double)successes / trials;

        BetaPrior Fallback(BetaPriorFallback why) =>
            new(p * fallbackStrength, (1 - p) * fallbackStrength, method, why, data.Count, successes, trials);
        BetaPrior Estimate(double alpha, double beta) => new(alpha, beta, method, BetaPriorFallback.None, data.Count, successes, trials);

        if (data.Count < 2)
        {
            return Fallback(BetaPriorFallback.OneGroup);
        }
        if (successes == 0 || successes == trials || data.TrueForAll(g => g.Trials == 1))
        {
            return Fallback(BetaPriorFallback.NoOverdispersion);
        }
        var rho = MomentsRho(data, p, trials);
        if (method == BetaBinomialMethod.MethodOfMoments)
        {
            return rho <= 0 ? Fallback(BetaPriorFallback.NoOverdispersion)
                : rho >= 1 ? Fallback(BetaPriorFallback.ExtremeOverdispersion)
                : Estimate(p * (1 / rho - 1), (1 - p) * (1 / rho - 1));
        }

        var tarone = 0.0;
        foreach (var (k, n) in data)
        {
            tarone += (k - n * p) * (k - n * p);
        }
        if (tarone / (p * (1 - p)) - trials <= 0)
        {
            return Fallback(BetaPriorFallback.NoOverdispersion);
        }
        if (data.TrueForAll(g => g.Trials < 2 || g.Successes == 0 || g.Successes == g.Trials))
        {
            return Fallback(BetaPriorFallback.ExtremeOverdispersion);
        }
        // Start at the moments estimate when it exists; else at a weak (rho >= 1) or a strong (rho <= 0) prior.
        var start =
            rho is > 0 and < 1 ? 1 / rho - 1
            : rho >= 1 ? 1.0
            : trials;
        return MaximiseLikelihood(data, p, start, trials) is { } fit
            ? Estimate(fit.Alpha, fit.Beta)
            : Fallback(BetaPriorFallback.NotConverged);
    }

    /// <summary>
    /// The beta-binomial log-likelihood of the groups under Beta(<paramref name="alpha"/>, <paramref name="beta"/>):
    /// sum_i [ln C(n_i, k_i) + ln B(k_i + alpha, n_i - k_i + beta) - ln B(alpha, beta)], the log of the probability of
    /// exactly these counts. Groups with 0 trials contribute 0.
    /// </summary>
    /// <param name="groups">The groups, each its successes and trials.</param>
    /// <param name="alpha">The prior's alpha; greater than 0 and finite.</param>
    /// <param name="beta">The prior's beta; greater than 0 and finite.</param>
    /// <returns>The log-likelihood (at most 0).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="groups"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A group has negative trials or successes outside [0, trials], or
    /// <paramref name="alpha"/> or <paramref name="beta"/> is not a finite number greater than 0.</exception>
    /// <example><code>
    /// BetaBinomial.LogLikelihood([(3, 10)], 1, 1); // ln(1/11): under a uniform prior every count of 10 trials has probability 1/11
    /// </code></example>
    public static double LogLikelihood(IEnumerable<(int Successes, int Trials)> groups, double alpha, double beta)
    {
        Preconditions.CheckNotNull(groups);
        CheckShape(alpha, nameof(alpha));
        CheckShape(beta, nameof(beta));
        var data = Collect(groups, nameof(groups));
        var sum = 0.0;
        foreach (var (k, n) in data)
        {
            sum += SpecialFunctions.BinomialLn(n, k);
        }
        return sum + KernelLn(data, alpha, beta);
    }

    internal static void CheckCounts(int successes, int trials, string successesName, string trialsName, int? position)
    {
        var where = position is { } i ? string.Create(CultureInfo.InvariantCulture, $"Group {i}: ") : "";
        Preconditions.CheckRange(
            trials >= 0,
            trialsName,
            trials,
            string.Create(CultureInfo.InvariantCulture, $"{where}trials must be 0 or more; it was {trials}.")
        );
        Preconditions.CheckRange(
            successes >= 0 && successes <= trials,
            successesName,
            successes,
            string.Create(
                CultureInfo.InvariantCulture,
                $"{where}successes must be between 0 and the trials ({trials}); it was {successes}."
            )
        );
    }

    private static void CheckShape(double value, string paramName) =>
        Preconditions.CheckRange(
            value > 0 && double.IsFinite(value),
            paramName,
            value,
            $"A Beta shape parameter must be a finite number greater than 0; it was {BetaPrior.Format(value)}."
        );

    // The groups with at least one trial, each checked.
    private static List<(int Successes, int Trials)> Collect(IEnumerable<(int Successes, int Trials)> groups, string paramName)
    {
        var data = new List<(int Successes, int Trials)>();
        var i = 0;
        foreach (var (k, n) in groups)
        {
            CheckCounts(k, n, paramName, paramName, i);
            if (n > 0)
            {
                data.Add((k, n));
            }
            i++;
        }
        return data;
    }

    // Kleinman's estimate of the intra-group correlation with weights n_i; +infinity or -infinity stand for "undefined"
    // only when the denominator is 0, which the caller has excluded (it needs every group to have one trial).
    private static double MomentsRho(List<(int Successes, int Trials)> data, double p, long trials)
    {
        var s = 0.0;
        var squares = 0.0;
        foreach (var (k, n) in data)
        {
            var d = (double)k / n - p;
            s += n * d * d;
            squares += (double)n * n;
        }
        var g1 = data.Count - 1;
        return (s / (p * (1 - p)) - g1) / (trials - squares / trials - g1);
    }

    // sum_i [ln B(k_i + a, n_i - k_i + b) - ln B(a, b)], the part of the log-likelihood that depends on a and b.
    private static double KernelLn(List<(int Successes, int Trials)> data, double a, double b)
    {
        var sum = 0.0;
        foreach (var (k, n) in data)
        {
            sum += LnRising(a, k) + LnRising(b, n - k) - LnRising(a + b, n);
        }
        return sum;
    }

    // ln(x (x + 1) ... (x + m - 1)) = ln Gamma(x + m) - ln Gamma(x). Summed term by term for short products, where the
    // difference of two large ln Gamma values would lose the digits that tell a strong prior from a stronger one.
    private static double LnRising(double x, int m)
    {
        if (m > ShortProduct)
        {
            return SpecialFunctions.GammaLn(x + m) - SpecialFunctions.GammaLn(x);
        }
        var sum = 0.0;
        for (var j = 0; j < m; j++)
        {
            sum += Math.Log(x + j);
        }
        return sum;
    }

    // d/dx LnRising(x, m) = digamma(x + m) - digamma(x) = sum_(j < m) 1 / (x + j).
    private static double DigammaRising(double x, int m)
    {
        if (m > ShortProduct)
        {
            return SpecialFunctions.DiGamma(x + m) - SpecialFunctions.DiGamma(x);
        }
        var sum = 0.0;
        for (var j = 0; j < m; j++)
        {
            sum += 1 / (x + j);
        }
        return sum;
    }

    // Minimises f(u, v) = -KernelLn(a, b) / N over u = logit(mean), v = ln(strength) by damped Newton. Null when it fails.
    private static (double Alpha, double Beta)? MaximiseLikelihood(
        List<(int Successes, int Trials)> data,
        double p,
        double startStrength,
        long trials
    )
    {
        double u = Math.Log(p / (1 - p)),
            v = Math.Log(startStrength);
        var (f, gu, gv) = Evaluate(data, u, v, trials);
        // A start outside the range Evaluate covers has a zero gradient that would pass for convergence.
        if (!double.IsFinite(f))
        {
            return null;
        }
        for (var step = 0; step < MaxSteps; step++)
        {
            // Newton direction from a central-difference Hessian of the analytic gradient.
            const double h = 1e-5;
            var (_, guU1, gvU1) = Evaluate(data, u + h, v, trials);
            var (_, guU0, gvU0) = Evaluate(data, u - h, v, trials);
            var (_, guV1, gvV1) = Evaluate(data, u, v + h, trials);
            var (_, guV0, gvV0) = Evaluate(data, u, v - h, trials);
            var huu = (guU1 - guU0) / (2 * h);
            var hvv = (gvV1 - gvV0) / (2 * h);
            var huv = ((gvU1 - gvU0) + (guV1 - guV0)) / (4 * h);
            if (!double.IsFinite(huu) || !double.IsFinite(hvv) || !double.IsFinite(huv))
            {
                return null;
            }
            // Where f is not convex (the smallest eigenvalue of the Hessian is not positive), shift the Hessian's diagonal
            // until it is (Levenberg-Marquardt): a step between Newton's and steepest descent's, still a descent direction.
            var smallest = (huu + hvv) / 2 - Math.Sqrt((huu - hvv) * (huu - hvv) / 4 + huv * huv);
            var scale = Math.Abs(huu) + Math.Abs(hvv) + 1e-12;
            var newton = smallest > 1e-12 * scale;
            var shift = newton ? 0 : -smallest + 1e-3 * scale;
            var det = (huu + shift) * (hvv + shift) - huv * huv;
            var du = -((hvv + shift) * gu - huv * gv) / det;
            var dv = -((huu + shift) * gv - huv * gu) / det;
            // Converged: at a point where the likelihood curves down (positive definite Hessian of f) and the Newton step
            // would move the mean's logit and the strength's log by less than StepTolerance, or where the gradient vanishes.
            if (
                (newton && Math.Max(Math.Abs(du), Math.Abs(dv)) < StepTolerance)
                || Math.Max(Math.Abs(gu), Math.Abs(gv)) < GradientTolerance
            )
            {
                var mean = Logistic(u);
                var strength = Math.Exp(v);
                return (mean * strength, (1 - mean) * strength);
            }
            var longest = Math.Max(Math.Abs(du), Math.Abs(dv));
            if (longest > 2)
            {
                du *= 2 / longest;
                dv *= 2 / longest;
            }
            // Backtracking (Armijo) line search.
            var slope = gu * du + gv * dv;
            var t = 1.0;
            var moved = false;
            // Once the predicted decrease is below the rounding of f, f can no longer tell a better point from a worse
            // one; the gradient still can, so a Newton step is taken whole as long as f does not visibly get worse.
            var level = 1e-13 * (1 + Math.Abs(f));
            var polish = newton && -slope < level;
            while (t > 1e-12)
            {
                var (fNew, guNew, gvNew) = Evaluate(data, u + t * du, v + t * dv, trials);
                if (polish ? fNew <= f + level : fNew <= f + 1e-4 * t * slope)
                {
                    (u, v, f, gu, gv) = (u + t * du, v + t * dv, fNew, guNew, gvNew);
                    moved = true;
                    break;
                }
                t /= 2;
            }
            if (!moved)
            {
                return null;
            }
        }
        return null;
    }

    // f = -KernelLn / N and its gradient in (u, v); +infinity outside the range where e^v and the gammas stay finite.
    private static (double F, double Gu, double Gv) Evaluate(List<(int Successes, int Trials)> data, double u, double v, long trials)
    {
        if (Math.Abs(u) > 40 || Math.Abs(v) > 40)
        {
            return (double.PositiveInfinity, 0, 0);
        }
        var mean = Logistic(u);
        var strength = Math.Exp(v);
        var a = mean * strength;
        var b = (1 - mean) * strength;
        double ga = 0,
            gb = 0;
        foreach (var (k, n) in data)
        {
            var common = DigammaRising(a + b, n);
            ga += DigammaRising(a, k) - common;
            gb += DigammaRising(b, n - k) - common;
        }
        var value = -KernelLn(data, a, b) / trials;
        if (!double.IsFinite(value))
        {
            return (double.PositiveInfinity, 0, 0);
        }
        // d a / d u = s m (1 - m) = -d b / d u; d a / d v = a, d b / d v = b.
        var gu = -(ga - gb) * strength * mean * (1 - mean) / trials;
        var gv = -(ga * a + gb * b) / trials;
        return (value, gu, gv);
    }

    private static double Logistic(double u) => 1 / (1 + Math.Exp(-u));
}
