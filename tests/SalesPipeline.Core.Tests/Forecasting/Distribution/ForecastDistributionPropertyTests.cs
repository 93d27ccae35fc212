using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using static SalesPipeline.Tests.Forecasting.Distribution.DistributionFixtures;

namespace SalesPipeline.Tests.Forecasting.Distribution;

// Random small pipelines (at most 12 open deals in the period, so 2^12 outcomes at most) against full enumeration.
public sealed class ForecastDistributionPropertyTests
{
    private static readonly LocalDate AsOf = new(2026, 3, 10);

    private enum Kind
    {
        OpenInPeriod,
        OpenLater,
        Overdue,
        WonInPeriod,
        WonBefore,
        Lost,
    }

    private sealed record Spec(Kind Kind, long Cents, decimal Probability, int Day);

    private sealed record Case(Spec[] Specs, bool Lattice, int MaxGridPoints, bool UseAsOf)
    {
        public Deal[] Deals() =>
            Specs
                .Select(
                    (s, i) =>
                        s.Kind switch
                        {
                            Kind.OpenInPeriod => Open($"D{i}", Amount(s), s.Probability, new LocalDate(2026, 3, 10 + s.Day % 22)),
                            Kind.OpenLater => Open($"D{i}", Amount(s), s.Probability, new LocalDate(2026, 4, 1 + s.Day % 30)),
                            Kind.Overdue => Open($"D{i}", Amount(s), s.Probability, new LocalDate(2026, 3, 1 + s.Day % 9)),
                            Kind.WonInPeriod => Won($"D{i}", Amount(s), Instant.FromUtc(2026, 3, 1 + s.Day % 31, 12, 0)),
                            Kind.WonBefore => Won($"D{i}", Amount(s), Instant.FromUtc(2026, 2, 1 + s.Day % 28, 12, 0)),
                            _ => Lost($"D{i}", Amount(s), new LocalDate(2026, 3, 20)),
                        }
                )
                .ToArray();

        // What the distribution must contain, worked out from the specs (not from the library): the open deals expected
        // in March on or after the as-of date, and the won amount as a constant. Without AsOf, the period's start is
        // the as-of date, so the deals dated March 1-9 are in the period.
        public List<(decimal Amount, decimal P)> Uncertain => Specs.Where(InDistribution).Select(s => (Amount(s), s.Probability)).ToList();

        public decimal Won => Specs.Where(s => s.Kind == Kind.WonInPeriod).Sum(Amount);

        public int Overdue => UseAsOf ? Specs.Count(s => s.Kind == Kind.Overdue) : 0;

        public DistributionOptions Options =>
            new()
            {
                MaxGridPoints = MaxGridPoints,
                Forecast = new ForecastOptions { AsOf = UseAsOf ? AsOf : null, Rates = ExchangeRates.In(Currency.USD) },
            };

        private bool InDistribution(Spec s) => s.Kind == Kind.OpenInPeriod || (s.Kind == Kind.Overdue && !UseAsOf);

        // On the lattice: whole hundreds of dollars up to 500,000, so 12 deals fit in 65,536 points exactly.
        private decimal Amount(Spec s) => Lattice ? s.Cents / 10_000 * 100m : s.Cents / 100m;

        public override string ToString() =>
            $"Lattice={Lattice} MaxGridPoints={MaxGridPoints} AsOf={UseAsOf}: "
            + string.Join(", ", Specs.Select(s => $"{s.Kind} {Amount(s)}@{s.Probability}"));
    }

    private static readonly Gen<decimal> Probabilities = Gen.OneOf(
        Gen.Elements(0m, 1m, 0.5m, 0.1m, 0.9m, 0.2m, 0.8m),
        Gen.Choose(1, 999).Select(p => p / 1000m)
    );

    private static readonly Gen<Spec> Specs =
        from kind in Gen.Frequency(
            (8, Gen.Constant(Kind.OpenInPeriod)),
            (1, Gen.Constant(Kind.OpenLater)),
            (1, Gen.Constant(Kind.Overdue)),
            (1, Gen.Constant(Kind.WonInPeriod)),
            (1, Gen.Constant(Kind.WonBefore)),
            (1, Gen.Constant(Kind.Lost))
        )
        from cents in Gen.Frequency((1, Gen.Choose(0, 1_000)), (4, Gen.Choose(1, 50_000_000)))
        from probability in Probabilities
        from day in Gen.Choose(0, 400)
        select new Spec(kind, cents, probability, day);

    private static readonly Gen<Case> Cases =
        from count in Gen.Choose(0, 16)
        from specs in Gen.ArrayOf(Specs, count)
        from lattice in Gen.Elements(true, false)
        from maxGridPoints in Gen.Elements(64, 100, 1_024, 65_536)
        from useAsOf in Gen.Elements(true, false)
        where specs.Count(s => s.Kind == Kind.OpenInPeriod || s.Kind == Kind.Overdue) <= 12
        select new Case(specs, lattice, maxGridPoints, useAsOf);

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Failed: " + what);
        }
    }

    private static readonly double[] Ps = [0.001, 0.01, 0.05, 0.1, 0.2, 0.25, 1.0 / 3, 0.5, 0.6, 0.75, 0.9, 0.95, 0.99, 0.999];

    [Fact]
    public void Distribution_MatchesFullEnumerationWithinTheErrorBound_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Cases.ToArbitrary(),
                c =>
                {
                    var d = Forecast.Distribution(c.Deals(), Pipeline, March, c.Options);
                    var exact = DistributionFixtures.Enumerate(c.Uncertain, c.Won);
                    var bound = d.ErrorBound!.Amount;
                    var quantilesOk = Ps.All(p =>
                    {
                        var v = d.Percentile(p).Amount;
                        return v >= exact.Quantile(p - 1e-8) - bound && v <= exact.Quantile(p + 1e-8) + bound;
                    });
                    var targets = exact.Values.SelectMany(v => new[] { v - 0.01m, v, v + 0.01m, v + 1_234.56m });
                    var tailsOk = targets.All(t =>
                    {
                        var q = d.ProbabilityOfAtLeast(Usd(t));
                        return q >= exact.AtLeast(t + bound) - 1e-8 && q <= exact.AtLeast(t - bound) + 1e-8;
                    });
                    var countsOk =
                        d.CountProbabilities.Count == exact.Counts.Length
                        && exact.Counts.Select((p, k) => Math.Abs(p - d.CountProbabilities[k]) <= 1e-12).All(x => x);
                    Check(quantilesOk, "percentiles within the error bound of the enumeration");
                    Check(tailsOk, "P(>= t) within the error bound of the enumeration");
                    Check(countsOk, "count distribution equals the enumeration");
                    Check(
                        d.GridStep is not null || (bound == 0 && d.Points.Select(p => p.Value.Amount).SequenceEqual(exact.Values)),
                        "on the lattice the points are the enumeration's values"
                    );
                    Check(d.Percentile(0).Amount == exact.Min, "Percentile(0) is the minimum");
                    Check(d.Percentile(1).Amount <= exact.Max + bound, "Percentile(1) at most the maximum plus the bound");
                    Check(!(c.Lattice && c.MaxGridPoints == 65_536) || d.GridStep is null, "whole hundreds fit the lattice");
                    Check(d.DealCount == c.Uncertain.Count, "deal count");
                    Check(d.OverdueDealsExcluded == c.Overdue, "overdue count");
                    Check(d.WonAmount.Amount == c.Won, "won amount");
                    return true;
                }
            )
        );

    [Fact]
    public void Mean_EqualsTheStageWeightedExpectedValueAndTheExactMean_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Cases.ToArbitrary(),
                c =>
                {
                    var deals = c.Deals();
                    var d = Forecast.Distribution(deals, Pipeline, March, c.Options);
                    var stageWeighted = Forecast.StageWeighted(deals, Pipeline, [March], c.Options.Forecast);
                    var exactMean = c.Won + Math.Round(c.Uncertain.Sum(x => x.Amount * x.P), 2, MidpointRounding.AwayFromZero);
                    var exactVariance = (double)c.Uncertain.Sum(x => x.Amount * x.Amount * x.P * (1 - x.P));
                    // The grid's own mean: the split keeps every deal's mean, so it is the exact mean up to doubles.
                    var gridMean = d.Points.Sum(p => (double)p.Value.Amount * p.Probability);
                    return d.Mean == stageWeighted.Periods[0].Expected
                        && d.Mean.Amount == exactMean
                        && Math.Abs(d.Variance - exactVariance) <= 1e-9 * Math.Max(1, exactVariance)
                        && Math.Abs(gridMean - (double)(c.Won + c.Uncertain.Sum(x => x.Amount * x.P)))
                            <= 1e-6 * Math.Max(1, (double)exactMean);
                }
            )
        );

    [Fact]
    public void Percentile_IsMonotoneInP_AndProbabilityOfAtLeastNonIncreasingInTheTarget_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Cases.ToArbitrary(),
                Gen.Elements(DistributionMethod.Exact, DistributionMethod.MonteCarlo).ToArbitrary(),
                Gen.ArrayOf(Gen.Choose(0, 1_000_000)).ToArbitrary(),
                (c, method, raw) =>
                {
                    var d = Forecast.Distribution(c.Deals(), Pipeline, March, c.Options with { Method = method, Trials = 500 });
                    var ps = raw.Select(r => r / 1_000_000.0).Concat([0.0, 1.0, 0.1, 0.5, 0.9]).Order().ToArray();
                    var percentiles = ps.Select(d.Percentile).ToArray();
                    var targets = raw.Select(r => Usd(r / 10m)).Concat(d.Points.Select(p => p.Value)).OrderBy(m => m.Amount).ToArray();
                    var tails = targets.Select(d.ProbabilityOfAtLeast).ToArray();
                    return percentiles.Zip(percentiles.Skip(1)).All(x => x.First <= x.Second)
                        && tails.Zip(tails.Skip(1)).All(x => x.First >= x.Second)
                        && tails.All(t => t is >= 0 and <= 1)
                        && (d.P10 <= d.P50 && d.P50 <= d.P90);
                }
            )
        );

    // The check is statistical, so the cases are a fixed replay: the same 200 pipelines and seeds on every run.
    [Fact]
    public void MonteCarlo_SampleMeanIsWithinFourStandardErrorsOfTheExactMean_AndRepeatable_Property() =>
        Prop.ForAll(
                Cases.ToArbitrary(),
                Gen.Choose(0, 1_000_000).ToArbitrary(),
                (c, seed) =>
                {
                    var deals = c.Deals();
                    var options = c.Options with { Method = DistributionMethod.MonteCarlo, Trials = 2_000, Seed = seed };
                    var d = Forecast.Distribution(deals, Pipeline, March, options);
                    var again = Forecast.Distribution(deals, Pipeline, March, options);
                    var difference = Math.Abs((double)(d.SampleMean!.Amount - d.Mean.Amount));
                    return difference <= 4 * d.StandardError!.Value + 0.01
                        && d.Points.SequenceEqual(again.Points)
                        && d.SampleMean == again.SampleMean
                        && d.StandardError == again.StandardError;
                }
            )
            .Check(PropertyAssert.Config.WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(20_260_301UL), FSharpOption<int>.None))));

    // CumulativeProbability against the percentiles, the tails and (for exact results) the enumeration.
    [Fact]
    public void CumulativeProbability_InvertsPercentile_AndComplementsTheUpperTail_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Cases.ToArbitrary(),
                Gen.Elements(DistributionMethod.Exact, DistributionMethod.MonteCarlo).ToArbitrary(),
                (c, method) =>
                {
                    var d = Forecast.Distribution(c.Deals(), Pipeline, March, c.Options with { Method = method, Trials = 500 });
                    var tolerance = RevenueDistribution.CumulativeTolerance;
                    var points = d.Points.Select(p => p.Value).ToArray();
                    foreach (var p in Ps.Concat([0.0, 1.0]))
                    {
                        var v = d.Percentile(p);
                        Check(d.CumulativeProbability(v) >= p - tolerance, $"CDF(Percentile({p})) >= {p}");
                        // Minimal for 0 < p < 1: the possible revenue just below does not reach p. (Percentile(1) is by
                        // definition the largest possible revenue, even when a cumulative below it is within the tolerance of 1.)
                        var below = points.LastOrDefault(x => x.Amount < v.Amount);
                        Check(
                            p is 0 or 1 || below is null || d.CumulativeProbability(below) < p - tolerance,
                            $"Percentile({p}) is the smallest"
                        );
                    }
                    for (var i = 0; i < points.Length; i++)
                    {
                        var v = points[i];
                        var above = i + 1 < points.Length ? d.ProbabilityOfAtLeast(points[i + 1]) : 0.0;
                        var between = v + Money.Of(0.001m, Currency.USD);
                        Check(Math.Abs(d.CumulativeProbability(v) + above - 1) <= 1e-9, "CDF(v) + P(revenue > v) = 1");
                        Check(
                            Math.Abs(d.CumulativeProbability(v) + d.ProbabilityOfAtLeast(v) - 1 - d.Points[i].Probability) <= 1e-9,
                            "at an atom, CDF(v) + P(revenue >= v) = 1 + P(revenue = v)"
                        );
                        Check(
                            i + 1 == points.Length
                                || between >= points[i + 1]
                                || d.CumulativeProbability(between) == d.CumulativeProbability(v),
                            "flat between atoms"
                        );
                    }
                    if (method == DistributionMethod.Exact && d.GridStep is null)
                    {
                        // Second method: the cumulative sums of the full enumeration.
                        var exact = DistributionFixtures.Enumerate(c.Uncertain, c.Won);
                        foreach (var t in exact.Values.SelectMany(x => new[] { x - 0.01m, x, x + 0.01m }))
                        {
                            var expected = exact.Values.Select((x, k) => x <= t ? exact.Probabilities[k] : 0).Sum();
                            Check(Math.Abs(d.CumulativeProbability(Usd(t)) - Math.Min(1, expected)) <= 1e-9, $"CDF({t}) = enumeration");
                        }
                    }
                    return true;
                }
            )
        );
}
