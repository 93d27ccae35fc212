using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Statistics;

namespace SalesPipeline.Tests.Statistics;

public sealed class BetaBinomialTests
{
    [Fact]
    public void MethodOfMoments_EqualGroups_MatchesTheHandDerivation()
    {
        // 1/10, 5/10, 9/10: N = 30, p = 1/2, S = 10 (0.16 + 0 + 0.16) = 3.2, S / (p(1-p)) = 12.8, G - 1 = 2,
        // N - sum n^2 / N - (G - 1) = 30 - 10 - 2 = 18; rho = 10.8 / 18 = 0.6; strength 1/0.6 - 1 = 2/3; alpha = beta = 1/3.
        // (Equal-n check: rho = (n s^2 / (p(1-p)) - 1) / (n - 1) with sample variance s^2 = 0.16: (6.4 - 1) / 9 = 0.6.)
        var prior = BetaBinomial.Fit([(1, 10), (5, 10), (9, 10)], BetaBinomialMethod.MethodOfMoments);

        Assert.True(prior.IsFitted);
        Assert.Equal(BetaBinomialMethod.MethodOfMoments, prior.Method);
        Assert.Equal(1.0 / 3, prior.Alpha, 12);
        Assert.Equal(1.0 / 3, prior.Beta, 12);
        Assert.Equal(0.5, prior.Mean, 12);
        Assert.Equal(2.0 / 3, prior.Strength, 12);
        Assert.Equal((3, 15L, 30L), (prior.Groups, prior.Successes, prior.Trials));
        // Posterior mean of 1 of 10: (1 + 1/3) / (10 + 2/3) = 4/32 = 0.125.
        Assert.Equal(0.125, prior.PosteriorMean(1, 10), 12);
    }

    [Fact]
    public void MethodOfMoments_UnequalGroups_MatchesTheHandDerivation()
    {
        // 2/4, 1/10, 6/8 (and an empty group, ignored): N = 22, p = 9/22, p(1-p) = 117/484.
        // S = 4 (1/2 - 9/22)^2 + 10 (1/10 - 9/22)^2 + 8 (3/4 - 9/22)^2 = 4/121 + 2890/3025 + 1800/1936 = 211/110.
        // S / (p(1-p)) = 4642/585; denominator 22 - (16 + 100 + 64)/22 - 2 = 130/11.
        // rho = (4642/585 - 2) / (130/11) = 19096/38025; strength 1/rho - 1 = 18929/19096;
        // alpha = 9/22 * 18929/19096 = 170361/420112, beta = 13/22 * 18929/19096 = 246077/420112.
        var prior = BetaBinomial.Fit([(2, 4), (0, 0), (1, 10), (6, 8)], BetaBinomialMethod.MethodOfMoments);

        Assert.Equal(170361.0 / 420112, prior.Alpha, 12);
        Assert.Equal(246077.0 / 420112, prior.Beta, 12);
        Assert.Equal(3, prior.Groups);
    }

    [Fact]
    public void MethodOfMoments_SubtractsTheSamplingVariance_SoSmallGroupsShrinkMore()
    {
        // The raw-rate fit the library used before 1.0: rates 0.375, 0.5, 2/3 have sample variance 111/5184, which a Beta
        // with mean 37/72 matches at strength 32/3. The beta-binomial moments see that spread as pure sampling noise of 8,
        // 6 and 3 deals (S / (p(1-p)) = 1343/1728 < 2) and give no spread at all: the fallback, which smooths harder.
        var prior = BetaBinomial.Fit([(3, 8), (3, 6), (2, 3)], BetaBinomialMethod.MethodOfMoments, fallbackStrength: 20);

        Assert.Equal(BetaPriorFallback.NoOverdispersion, prior.Fallback);
        Assert.Equal(20.0 * 8 / 17, prior.Alpha, 12);
    }

    // Data sets with an interior maximum; the second is a sales-sized one (stages of a few dozen deals).
    public static TheoryData<(int, int)[]> LikelihoodCases =>
        new()
        {
            new[] { (2, 4), (1, 10), (6, 8) },
            new[] { (12, 40), (25, 50), (30, 45), (5, 30), (18, 20) },
            new[] { (1, 10), (5, 10), (9, 10) },
            new[] { (0, 3), (1, 1), (4, 7), (2, 12), (9, 9), (3, 5) },
        };

    [Theory]
    [MemberData(nameof(LikelihoodCases))]
    public void MaximumLikelihood_MatchesABruteForceGridSearch((int, int)[] groups)
    {
        // Second method: a grid over (mean, ln strength) refined around its best point, on a log-likelihood written out
        // in the test as sums of logs. The fitted prior must score at least as well as the grid's best point, and sit
        // where the grid's best point is.
        var data = groups.Select(g => (Successes: g.Item1, Trials: g.Item2)).ToArray();
        var prior = BetaBinomial.Fit(data);
        var (gridAlpha, gridBeta, gridLl) = GridSearch(data);

        Assert.True(prior.IsFitted, prior.ToString());
        var ll = KernelLn(data, prior.Alpha, prior.Beta);
        Assert.True(ll >= gridLl - 1e-9, $"fit {ll} < grid {gridLl}");
        Assert.Equal(gridAlpha, prior.Alpha, gridAlpha * 2e-3);
        Assert.Equal(gridBeta, prior.Beta, gridBeta * 2e-3);
    }

    [Fact]
    public void LogLikelihood_UniformPrior_GivesEveryCountTheSameProbability()
    {
        // Under Beta(1, 1) the beta-binomial is uniform on 0..n: P(k) = 1 / (n + 1) whatever k (Bayes' billiard table).
        Assert.Equal(Math.Log(1.0 / 11), BetaBinomial.LogLikelihood([(3, 10)], 1, 1), 12);
        Assert.Equal(Math.Log(1.0 / 11) + Math.Log(1.0 / 5), BetaBinomial.LogLikelihood([(10, 10), (0, 0), (2, 4)], 1, 1), 12);
    }

    [Fact]
    public void LogLikelihood_TwoTrials_MatchesTheClosedForm()
    {
        // n = 2: P(0) = b (b + 1) / ((a + b)(a + b + 1)), P(1) = 2 a b / ((a + b)(a + b + 1)). With a = 2, b = 3:
        // P(0) = 12/30, P(1) = 12/30, P(2) = a (a + 1) / 30 = 6/30.
        Assert.Equal(Math.Log(12.0 / 30) + Math.Log(6.0 / 30), BetaBinomial.LogLikelihood([(1, 2), (2, 2)], 2, 3), 12);
    }

    [Fact]
    public void Fit_OneGroup_FallsBackToThePooledRate()
    {
        var prior = BetaBinomial.Fit([(2, 5), (0, 0)]);

        Assert.Equal(BetaPriorFallback.OneGroup, prior.Fallback);
        Assert.False(prior.IsFitted);
        Assert.Equal(4.0, prior.Alpha, 12);
        Assert.Equal(6.0, prior.Beta, 12);
        Assert.Equal(
            "Beta(4, 6), mean 0.400, strength 10 (pooled-rate fallback: OneGroup; maximum likelihood asked, 1 group)",
            prior.ToString()
        );
    }

    [Theory]
    [InlineData(BetaBinomialMethod.MaximumLikelihood)]
    [InlineData(BetaBinomialMethod.MethodOfMoments)]
    public void Fit_DegenerateData_UsesTheStatedFallback(BetaBinomialMethod method)
    {
        // All rates equal; nothing ever won (alpha 0); every group one trial; all-or-nothing groups.
        Assert.Equal(BetaPriorFallback.NoOverdispersion, BetaBinomial.Fit([(2, 4), (1, 2), (5, 10)], method).Fallback);
        var none = BetaBinomial.Fit([(0, 4), (0, 2)], method);
        Assert.Equal(BetaPriorFallback.NoOverdispersion, none.Fallback);
        Assert.Equal((0.0, 10.0), (none.Alpha, none.Beta));
        Assert.Equal(0.0, none.PosteriorMean(0, 4));
        Assert.Equal(BetaPriorFallback.NoOverdispersion, BetaBinomial.Fit([(1, 1), (0, 1), (1, 1)], method).Fallback);
        // 0 of 5 and 5 of 5: rho = (10 - 1) / (10 - 5 - 1) = 9/4 >= 1; every multi-trial group all-or-nothing.
        Assert.Equal(BetaPriorFallback.ExtremeOverdispersion, BetaBinomial.Fit([(0, 5), (5, 5)], method).Fallback);
    }

    [Fact]
    public void Fit_NoGroupWithATrial_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => BetaBinomial.Fit([(0, 0), (0, 0)]));

        Assert.Equal("groups", ex.ParamName);
        Assert.Contains("at least one trial", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, 4, "Group 1: successes")]
    [InlineData(5, 4, "Group 1: successes")]
    [InlineData(0, -2, "Group 1: trials")]
    public void Fit_BadCounts_ThrowNamingTheGroup(int successes, int trials, string message)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => BetaBinomial.Fit([(1, 3), (successes, trials)]));

        Assert.Equal("groups", ex.ParamName);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_BadArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>("groups", () => BetaBinomial.Fit(null!));
        Assert.Equal(
            "method",
            Assert.Throws<ArgumentOutOfRangeException>(() => BetaBinomial.Fit([(1, 2)], (BetaBinomialMethod)5)).ParamName
        );
        Assert.Equal(
            "fallbackStrength",
            Assert.Throws<ArgumentOutOfRangeException>(() => BetaBinomial.Fit([(1, 2)], fallbackStrength: 0)).ParamName
        );
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => BetaBinomial.LogLikelihood([(1, 2)], 0, 1)).ParamName);
        Assert.Equal(
            "beta",
            Assert.Throws<ArgumentOutOfRangeException>(() => BetaBinomial.LogLikelihood([(1, 2)], 1, double.NaN)).ParamName
        );
        var prior = BetaBinomial.Fit([(1, 2), (3, 3)], BetaBinomialMethod.MethodOfMoments, 4);
        Assert.Equal("successes", Assert.Throws<ArgumentOutOfRangeException>(() => prior.PosteriorMean(3, 2)).ParamName);
        Assert.Equal("trials", Assert.Throws<ArgumentOutOfRangeException>(() => prior.PosteriorMean(0, -1)).ParamName);
    }

    private static readonly Arbitrary<(int Successes, int Trials)[]> Groups = (
        from g in Gen.Choose(2, 8)
        from groups in Gen.ArrayOf(
            from n in Gen.Choose(0, 40)
            from rate in Gen.Choose(0, 100)
            from noise in Gen.Choose(-3, 3)
            select (Math.Clamp((int)Math.Round(n * rate / 100.0) + noise, 0, n), n),
            g
        )
        where groups.Any(x => x.n > 0)
        select groups.Select(x => (Successes: x.Item1, Trials: x.n)).ToArray()
    ).ToArbitrary();

    [Fact]
    public void MaximumLikelihood_NeverScoresBelowTheMoments_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Groups,
                groups =>
                {
                    var mle = BetaBinomial.Fit(groups);
                    var mom = BetaBinomial.Fit(groups, BetaBinomialMethod.MethodOfMoments);
                    // The search converges whenever the data admit an interior maximum.
                    if (mle.Fallback == BetaPriorFallback.NotConverged)
                    {
                        return false;
                    }
                    return !mle.IsFitted
                        || !mom.IsFitted
                        || BetaBinomial.LogLikelihood(groups, mle.Alpha, mle.Beta)
                            >= BetaBinomial.LogLikelihood(groups, mom.Alpha, mom.Beta) - 1e-9;
                }
            )
        );

    [Fact]
    public void PosteriorMean_LiesBetweenTheRawRateAndThePriorMean_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Groups,
                Gen.Elements(BetaBinomialMethod.MaximumLikelihood, BetaBinomialMethod.MethodOfMoments).ToArbitrary(),
                (groups, method) =>
                {
                    var prior = BetaBinomial.Fit(groups, method);
                    return groups.All(g =>
                    {
                        var smoothed = prior.PosteriorMean(g.Successes, g.Trials);
                        if (g.Trials == 0)
                        {
                            return Math.Abs(smoothed - prior.Mean) < 1e-12;
                        }
                        var raw = (double)g.Successes / g.Trials;
                        return Math.Min(raw, prior.Mean) - 1e-12 <= smoothed && smoothed <= Math.Max(raw, prior.Mean) + 1e-12;
                    });
                }
            )
        );

    [Fact]
    public void Fit_FittedPriorIsPositiveAndFinite_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Groups,
                groups =>
                    new[] { BetaBinomialMethod.MaximumLikelihood, BetaBinomialMethod.MethodOfMoments }
                        .Select(m => BetaBinomial.Fit(groups, m))
                        .All(p =>
                            p.IsFitted
                                ? p.Alpha > 0 && p.Beta > 0 && double.IsFinite(p.Strength)
                                : p.Alpha >= 0 && p.Beta >= 0 && Math.Abs(p.Strength - 10) < 1e-12
                        )
            )
        );

    // sum_i [ln B(k + a, n - k + b) - ln B(a, b)] as rising products: prod (a + j) prod (b + j) / prod (a + b + j).
    private static double KernelLn(IEnumerable<(int Successes, int Trials)> groups, double a, double b)
    {
        var sum = 0.0;
        foreach (var (k, n) in groups)
        {
            for (var j = 0; j < k; j++)
            {
                sum += Math.Log(a + j);
            }
            for (var j = 0; j < n - k; j++)
            {
                sum += Math.Log(b + j);
            }
            for (var j = 0; j < n; j++)
            {
                sum -= Math.Log(a + b + j);
            }
        }
        return sum;
    }

    private static (double Alpha, double Beta, double LogLikelihood) GridSearch((int Successes, int Trials)[] data)
    {
        double bestMean = 0,
            bestLnS = 0,
            best = double.NegativeInfinity;
        double meanLo = 0.001,
            meanHi = 0.999,
            lnSLo = -6,
            lnSHi = 12;
        for (var round = 0; round < 8; round++)
        {
            const int steps = 120;
            for (var i = 0; i <= steps; i++)
            {
                var mean = meanLo + (meanHi - meanLo) * i / steps;
                for (var j = 0; j <= steps; j++)
                {
                    var lnS = lnSLo + (lnSHi - lnSLo) * j / steps;
                    var s = Math.Exp(lnS);
                    var ll = KernelLn(data, mean * s, (1 - mean) * s);
                    if (ll > best)
                    {
                        (best, bestMean, bestLnS) = (ll, mean, lnS);
                    }
                }
            }
            // Zoom in on the best point: a window of a few grid steps around it.
            var meanHalf = (meanHi - meanLo) * 4 / steps;
            var lnSHalf = (lnSHi - lnSLo) * 4 / steps;
            (meanLo, meanHi) = (Math.Max(1e-6, bestMean - meanHalf), Math.Min(1 - 1e-6, bestMean + meanHalf));
            (lnSLo, lnSHi) = (bestLnS - lnSHalf, bestLnS + lnSHalf);
        }
        var strength = Math.Exp(bestLnS);
        return (bestMean * strength, (1 - bestMean) * strength, best);
    }
}
