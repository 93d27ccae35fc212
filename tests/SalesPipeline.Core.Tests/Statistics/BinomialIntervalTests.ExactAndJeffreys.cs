using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Statistics;

namespace SalesPipeline.Tests.Statistics;

public sealed partial class BinomialIntervalTests
{
    [Theory]
    [InlineData(10)]
    [InlineData(20)]
    [InlineData(1)]
    public void ClopperPearson_NoSuccesses_UpperIsOneMinusTheTailToTheOneOverN(int n)
    {
        // With k = 0, P(X <= 0; p) = (1 - p)^n = 0.025 gives p = 1 - 0.025^(1/n): 0.308497 for n = 10 (the classic
        // example), 0.168433 for n = 20 (Newcombe 1998, Statistics in Medicine 17:857, example 0/20: 0 to 0.1684).
        var interval = BinomialInterval.Of(0, n, 0.95, BinomialIntervalMethod.ClopperPearson);

        Assert.Equal(0.0, interval.Lower);
        Assert.Equal(1 - Math.Pow(0.025, 1.0 / n), interval.Upper, 12);
    }

    [Fact]
    public void ClopperPearson_AllSuccesses_LowerIsTheTailToTheOneOverN()
    {
        // Mirror: P(X >= n; p) = p^n = 0.025 gives p = 0.025^(1/10) = 0.691503.
        var interval = BinomialInterval.Of(10, 10, 0.95, BinomialIntervalMethod.ClopperPearson);

        Assert.Equal(Math.Pow(0.025, 0.1), interval.Lower, 12);
        Assert.Equal(1.0, interval.Upper);
    }

    [Fact]
    public void ClopperPearson_FiveOfTwentyFive_MatchesConoversTable()
    {
        // Conover (1999), Practical Nonparametric Statistics, table A4, as quoted in influentialpoints.com's worked
        // example "5 seedlings survived out of 25": 95% limits 0.068 to 0.407.
        var interval = BinomialInterval.Of(5, 25, 0.95, BinomialIntervalMethod.ClopperPearson);

        Assert.Equal(0.068, interval.Lower, 3);
        Assert.Equal(0.407, interval.Upper, 3);
    }

    [Fact]
    public void ClopperPearson_EndsSolveTheBinomialTailEquations_Property() =>
        // Second method: the exact ends are where the binomial tails reach a/2: P(X >= k; lower) = a/2 and
        // P(X <= k; upper) = a/2, found here by bisection on a binomial sum written out in the test.
        PropertyAssert.Holds(
            Prop.ForAll(
                SmallCases,
                c =>
                {
                    var cp = BinomialInterval.Of(c.Successes, c.Trials, c.Confidence, BinomialIntervalMethod.ClopperPearson);
                    var tail = (1 - c.Confidence) / 2;
                    var lower =
                        c.Successes == 0 ? 0.0 : Bisect(p => 1 - BinomialCdf(c.Successes - 1, c.Trials, p) - tail, increasing: true);
                    var upper =
                        c.Successes == c.Trials ? 1.0 : Bisect(p => BinomialCdf(c.Successes, c.Trials, p) - tail, increasing: false);
                    return Math.Abs(cp.Lower - lower) < 1e-9 && Math.Abs(cp.Upper - upper) < 1e-9;
                }
            )
        );

    [Fact]
    public void Jeffreys_EdgesFollowBrownCaiDasGupta()
    {
        // BCD (2001) section 4.1.2: lower 0 at k = 0, upper 1 at k = n; the other end is the posterior quantile.
        var none = BinomialInterval.Of(0, 10, 0.95, BinomialIntervalMethod.Jeffreys);
        var all = BinomialInterval.Of(10, 10, 0.95, BinomialIntervalMethod.Jeffreys);

        Assert.Equal(0.0, none.Lower);
        Assert.Equal(JeffreysQuantile(0, 10, 0.975), none.Upper, 9);
        Assert.Equal(1.0, all.Upper);
        Assert.Equal(1 - none.Upper, all.Lower, 12);
    }

    [Fact]
    public void Jeffreys_OneHalfParameters_MatchTheArcsineLaw()
    {
        // With 0 of 0 the posterior would be Beta(1/2, 1/2), whose CDF is (2/pi) asin(sqrt x); the smallest real case
        // is 1 of 2 (posterior Beta(3/2, 3/2)), whose CDF by the recurrences below is
        // (2/pi) asin(sqrt x) - (2/pi) sqrt(x (1 - x)) (1 - 2x), so its 2.5% point solves that = 0.025: x = 0.0608303 (bisection on the formula).
        var interval = BinomialInterval.Of(1, 2, 0.95, BinomialIntervalMethod.Jeffreys);

        Assert.Equal(0.0608303, interval.Lower, 6);
        Assert.Equal(1 - 0.0608303, interval.Upper, 6);
    }

    [Fact]
    public void Jeffreys_EndsAreBetaQuantilesByASecondMethod_Property() =>
        // Second method: the Beta(k + 1/2, n - k + 1/2) CDF in closed form (arcsine law plus the standard recurrences,
        // written out in the test), inverted by bisection.
        PropertyAssert.Holds(
            Prop.ForAll(
                SmallCases,
                c =>
                {
                    var j = BinomialInterval.Of(c.Successes, c.Trials, c.Confidence, BinomialIntervalMethod.Jeffreys);
                    var tail = (1 - c.Confidence) / 2;
                    var lower = c.Successes == 0 ? 0.0 : JeffreysQuantile(c.Successes, c.Trials, tail);
                    var upper = c.Successes == c.Trials ? 1.0 : JeffreysQuantile(c.Successes, c.Trials, 1 - tail);
                    return Math.Abs(j.Lower - lower) < 1e-8 && Math.Abs(j.Upper - upper) < 1e-8;
                }
            )
        );

    [Fact]
    public void Jeffreys_LiesInsideClopperPearson_Property() =>
        // Beta(k + 1/2, n - k + 1/2) sits between Clopper-Pearson's Beta(k, n - k + 1) and Beta(k + 1, n - k) in the
        // stochastic order, so its quantiles are inside the exact interval (BCD 2001, section 4.1.2).
        PropertyAssert.Holds(
            Prop.ForAll(
                Cases,
                c =>
                {
                    var j = BinomialInterval.Of(c.Successes, c.Trials, c.Confidence, BinomialIntervalMethod.Jeffreys);
                    var cp = BinomialInterval.Of(c.Successes, c.Trials, c.Confidence, BinomialIntervalMethod.ClopperPearson);
                    return cp.Lower <= j.Lower + 1e-12 && j.Upper <= cp.Upper + 1e-12;
                }
            )
        );

    [Fact]
    public void Of_UndefinedMethod_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => BinomialInterval.Of(1, 2, 0.95, (BinomialIntervalMethod)7));

        Assert.Equal("method", ex.ParamName);
        Assert.Contains("it was 7", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_NamesTheMethod()
    {
        Assert.Equal(
            "0/10 = 0.000, 95% Clopper-Pearson [0.000, 0.308]",
            BinomialInterval.Of(0, 10, 0.95, BinomialIntervalMethod.ClopperPearson).ToString()
        );
        Assert.StartsWith(
            "8/10 = 0.800, 90% Jeffreys [",
            BinomialInterval.Of(8, 10, 0.90, BinomialIntervalMethod.Jeffreys).ToString(),
            StringComparison.Ordinal
        );
    }

    private static readonly Arbitrary<(int Successes, int Trials, double Confidence)> SmallCases = (
        from trials in Gen.Choose(1, 120)
        from successes in Gen.Choose(0, trials)
        from permille in Gen.Choose(500, 999)
        select (successes, trials, permille / 1000.0)
    ).ToArbitrary();

    // P(X <= k) for X ~ Binomial(n, p), term by term in logs.
    private static double BinomialCdf(int k, int n, double p)
    {
        if (p <= 0)
        {
            return 1;
        }
        if (p >= 1)
        {
            return k >= n ? 1 : 0;
        }
        var sum = 0.0;
        var logChoose = 0.0;
        for (var j = 0; j <= k; j++)
        {
            if (j > 0)
            {
                logChoose += Math.Log(n - j + 1) - Math.Log(j);
            }
            sum += Math.Exp(logChoose + j * Math.Log(p) + (n - j) * Math.Log(1 - p));
        }
        return Math.Min(sum, 1);
    }

    // The CDF of Beta(k + 1/2, n - k + 1/2): I(1/2, 1/2) = (2/pi) asin(sqrt x), then I(a + 1, b) = I(a, b) - x^a (1-x)^b / (a B(a, b))
    // and I(a, b + 1) = I(a, b) + x^a (1-x)^b / (b B(a, b)), with B(a + 1, b) = B(a, b) a / (a + b), B(a, b + 1) = B(a, b) b / (a + b).
    private static double JeffreysCdf(int k, int n, double x)
    {
        double a = 0.5,
            b = 0.5,
            beta = Math.PI;
        var cdf = 2 / Math.PI * Math.Asin(Math.Sqrt(x));
        for (var i = 0; i < k; i++)
        {
            cdf -= Math.Exp(a * Math.Log(x) + b * Math.Log(1 - x)) / (a * beta);
            beta *= a / (a + b);
            a += 1;
        }
        for (var i = 0; i < n - k; i++)
        {
            cdf += Math.Exp(a * Math.Log(x) + b * Math.Log(1 - x)) / (b * beta);
            beta *= b / (a + b);
            b += 1;
        }
        return cdf;
    }

    private static double JeffreysQuantile(int k, int n, double q) => Bisect(x => JeffreysCdf(k, n, x) - q, increasing: true);

    // The root in (0, 1) of a monotone function, to about 1e-15.
    private static double Bisect(Func<double, double> f, bool increasing)
    {
        double lo = 0,
            hi = 1;
        for (var i = 0; i < 200 && hi - lo > 1e-15; i++)
        {
            var mid = (lo + hi) / 2;
            if (f(mid) < 0 == increasing)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }
}
