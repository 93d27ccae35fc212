using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;
using SalesPipeline.Utility;

namespace SalesPipeline.Forecasting;

public static partial class Forecast
{
    /// <summary>
    /// The probabilistic forecast of one period: the distribution of its revenue and of the number of open deals won,
    /// treating each open deal expected to close in the period as won independently with its effective probability.
    /// </summary>
    /// <param name="deals">The deals (open, won and lost; lost deals count nowhere).</param>
    /// <param name="pipeline">The pipeline they belong to.</param>
    /// <param name="period">The period.</param>
    /// <param name="options">Currency conversion, time zone, as-of date, method, trials, seed, grid size; defaults when null.</param>
    /// <returns>The distribution.</returns>
    /// <exception cref="ArgumentNullException">An argument or a deal is null.</exception>
    /// <exception cref="ArgumentException">
    /// A deal belongs to another pipeline; there are no deals and no <see cref="ForecastOptions.Rates"/> to tell the
    /// reporting currency; or, for the exact method, <see cref="DistributionOptions.MaxGridPoints"/> is not more than the
    /// number of open deals with an uncertain outcome (0 &lt; p &lt; 1) in the period.
    /// </exception>
    /// <exception cref="MissingExchangeRateException">A deal's currency has no rate (or, without rates, differs from the others').</exception>
    /// <remarks>
    /// <para>Which deals count, as in <see cref="StageWeighted(IEnumerable{Deal}, PipelineDefinition, IEnumerable{FiscalPeriod}, ForecastOptions?)"/>: deals won in the period (by the date they were won, in
    /// <see cref="ForecastOptions.Zone"/>) are certain revenue, added to every outcome; open deals expected to close in
    /// the period are won with their effective probability (<see cref="PipelineTransitions.WinProbabilityOf"/>), each
    /// independently of the others. Overdue open deals (expected to close before <see cref="ForecastOptions.AsOf"/>, or
    /// before the period's start when it is null) are <b>not</b> in the distribution; they are counted in
    /// <see cref="RevenueDistribution.OverdueDealsExcluded"/>. Lost deals and deals of other periods are ignored.</para>
    /// <para>Example: three open deals of USD 100 (p = 0.5), USD 200 (p = 0.5) and USD 300 (p = 0.2) have eight outcomes;
    /// the revenue is 0, 100, 200, 300, 400, 500 or 600 with probabilities 0.2, 0.2, 0.2, 0.25, 0.05, 0.05, 0.05: mean
    /// USD 210.00, variance 26,900, P10 = 0, P50 = 200, P90 = 400, P(revenue &gt;= 300) = 0.4.</para>
    /// <para>The exact method convolves the deals on a money grid (FFT for large pipelines); it is exact when the amounts
    /// share a step that fits in <see cref="DistributionOptions.MaxGridPoints"/> points, and otherwise guarantees
    /// <see cref="RevenueDistribution.ErrorBound"/>. Monte Carlo is seeded and repeatable. No normal approximation is used:
    /// one large deal makes the distribution far from normal.</para>
    /// <para>Thread-safe (a pure function of its arguments). From 2,000 open deals in the period on, the count distribution
    /// is computed beside the revenue distribution, and the exact method's product tree runs its independent products on
    /// every core: each value is computed by the same arithmetic in the same order as on one core, so the result is
    /// identical.</para>
    /// </remarks>
    public static RevenueDistribution Distribution(
        IEnumerable<Deal> deals,
        PipelineDefinition pipeline,
        FiscalPeriod period,
        DistributionOptions? options = null
    )
    {
        Preconditions.CheckNotNull(deals);
        Preconditions.CheckNotNull(pipeline);
        Preconditions.CheckNotNull(period);
        options ??= DistributionOptions.Default;
        var forecast = options.Forecast;
        forecast.Check(nameof(options));
        Currency currency;
        DistributionInputs inputs;
        if (DealFrames.For(deals) is { } frame)
        {
            currency = ReportingCurrency(frame, forecast.Rates);
            var index = new PeriodIndex([period], forecast.AsOf);
            inputs =
                TryDistributionInputs(frame, pipeline, index, forecast)
                ?? DistributionInputsOf(frame.DealList, pipeline, index, forecast, currency);
        }
        else
        {
            var list = deals.ToArray();
            currency = ReportingCurrency(list, forecast.Rates, nameof(deals));
            inputs = DistributionInputsOf(list, pipeline, new PeriodIndex([period], forecast.AsOf), forecast, currency);
        }
        var (won, wonDeals, overdue, amounts, probabilities) = inputs;

        var weighted = 0m;
        var certain = 0m;
        var uncertainAmounts = new List<decimal>();
        var uncertainProbabilities = new List<double>();
        for (var i = 0; i < amounts.Count; i++)
        {
            var (a, p) = (amounts[i], probabilities[i]);
            weighted += a * p;
            if (p == 1m)
            {
                certain += a;
            }
            else if (p > 0m && a > 0m)
            {
                uncertainAmounts.Add(a);
                uncertainProbabilities.Add((double)p);
            }
        }
        var counts = new RevenueDistribution.Counts(amounts.Count, wonDeals, overdue);
        var wonAmount = Money.Of(won, currency);
        var mean = wonAmount + Money.Of(weighted, currency).Round();
        var variance = VarianceOf(amounts, probabilities);
        var countInputs = probabilities.Select(p => (double)p).ToArray();
        var minimum = won + certain;

        if (options.Method == DistributionMethod.MonteCarlo)
        {
            var (countProbabilities, samples) = DistributionParts(
                countInputs.Length,
                () => PoissonBinomial.Of(countInputs),
                () =>
                    MonteCarloSampler.Sample(
                        uncertainAmounts.Select(a => (double)a).ToArray(),
                        uncertainProbabilities.ToArray(),
                        options.Trials,
                        options.Seed
                    )
            );
            var (support, sampleMean, standardError) = FromSamples(samples, minimum, currency);
            return new RevenueDistribution(
                period,
                currency,
                DistributionMethod.MonteCarlo,
                counts,
                wonAmount,
                mean,
                variance,
                countProbabilities,
                minimum,
                support,
                null,
                null,
                new RevenueDistribution.MonteCarloFigures(options.Trials, Money.Of(sampleMean, currency), standardError)
            );
        }

        var grid = RevenueGrid.Choose(uncertainAmounts, uncertainProbabilities, options.MaxGridPoints, currency, nameof(options));
        var (exactCounts, distribution) = DistributionParts(
            countInputs.Length,
            () => PoissonBinomial.Of(countInputs),
            () => GridConvolution.Sum(grid.Deals)
        );
        return new RevenueDistribution(
            period,
            currency,
            DistributionMethod.Exact,
            counts,
            wonAmount,
            mean,
            variance,
            exactCounts,
            minimum,
            FromGrid(distribution, minimum, grid.Step),
            grid.IsLattice ? null : Money.Of(grid.Step, currency),
            Money.Of(grid.ErrorBound, currency),
            null
        );
    }

    // What the distribution reads from the deals: the certain revenue won in the period and its deals, the overdue open
    // deals left out, and the amount and probability of each open deal expected in the period, in the order given (the
    // seeded Monte Carlo draws in that order).
    internal readonly record struct DistributionInputs(
        decimal Won,
        int WonDeals,
        int Overdue,
        List<decimal> Amounts,
        List<decimal> Probabilities
    );

    // Deal by deal: every deal is weighed first, so a deal of another pipeline throws wherever it would be placed.
    internal static DistributionInputs DistributionInputsOf(
        IReadOnlyList<Deal> list,
        PipelineDefinition pipeline,
        PeriodIndex index,
        ForecastOptions forecast,
        Currency currency
    )
    {
        var won = 0m;
        int wonDeals = 0,
            overdue = 0;
        var amounts = new List<decimal>();
        var probabilities = new List<decimal>();
        foreach (var deal in list)
        {
            var probability = pipeline.WinProbabilityOf(deal).Value;
            var slot = index.SlotOf(deal, forecast.Zone);
            if (slot == PeriodIndex.Overdue)
            {
                overdue++;
            }
            else if (slot == 0 && deal.Status == DealStatus.Won)
            {
                won += forecast.ToReporting(deal.Amount, currency).Amount;
                wonDeals++;
            }
            else if (slot == 0)
            {
                amounts.Add(forecast.ToReporting(deal.Amount, currency).Amount);
                probabilities.Add(probability);
            }
        }
        return new DistributionInputs(won, wonDeals, overdue, amounts, probabilities);
    }

    // The count distribution and the revenue distribution need nothing from each other: on a large pipeline they run on
    // two cores. Each is computed by the same code either way, so the result does not depend on it.
    private static (double[] First, T Second) DistributionParts<T>(int deals, Func<double[]> first, Func<T> second)
    {
        if (deals < DistributionConcurrentDeals)
        {
            return (first(), second());
        }
        double[]? a = null;
        T? b = default;
        Parallel.Invoke(() => a = first(), () => b = second());
        return (a!, b!);
    }

    // From this many open deals the count distribution is computed beside the revenue distribution.
    private const int DistributionConcurrentDeals = 2_000;

    // Sum of a^2 p (1 - p), exactly in decimal unless that overflows (amounts above about 10^14), then in double.
    private static double VarianceOf(List<decimal> amounts, List<decimal> probabilities)
    {
        try
        {
            var sum = 0m;
            for (var i = 0; i < amounts.Count; i++)
            {
                var (a, p) = (amounts[i], probabilities[i]);
                sum += a * a * p * (1m - p);
            }
            return (double)sum;
        }
        catch (OverflowException)
        {
            var sum = 0.0;
            for (var i = 0; i < amounts.Count; i++)
            {
                var (a, p) = ((double)amounts[i], (double)probabilities[i]);
                sum += a * a * p * (1.0 - p);
            }
            return sum;
        }
    }

    private static RevenueDistribution.Support FromGrid(double[] distribution, decimal minimum, decimal step)
    {
        var count = 0;
        foreach (var v in distribution)
        {
            if (v > 0)
            {
                count++;
            }
        }
        var values = new decimal[count];
        var probabilities = new double[count];
        var cumulative = new double[count];
        var atLeast = new double[count];
        var running = 0.0;
        var j = 0;
        for (var k = 0; k < distribution.Length; k++)
        {
            if (distribution[k] > 0)
            {
                values[j] = minimum + k * step;
                probabilities[j] = distribution[k];
                running += distribution[k];
                cumulative[j] = running;
                j++;
            }
        }
        var tail = 0.0;
        for (var i = count - 1; i >= 0; i--)
        {
            tail += probabilities[i];
            atLeast[i] = tail;
        }
        return new RevenueDistribution.Support(values, probabilities, cumulative, atLeast);
    }

    private static (RevenueDistribution.Support Support, decimal SampleMean, double StandardError) FromSamples(
        double[] samples,
        decimal minimum,
        Currency currency
    )
    {
        var trials = samples.Length;
        var mean = samples.Sum() / trials;
        var squares = 0.0;
        foreach (var s in samples)
        {
            squares += (s - mean) * (s - mean);
        }
        var standardError = Math.Sqrt(squares / (trials - 1) / trials);
        Array.Sort(samples);
        var values = new List<decimal>();
        var counts = new List<int>();
        foreach (var s in samples)
        {
            var value = minimum + RoundToMinorUnit((decimal)s, currency);
            if (values.Count > 0 && values[^1] == value)
            {
                counts[^1]++;
            }
            else
            {
                values.Add(value);
                counts.Add(1);
            }
        }
        var probabilities = new double[values.Count];
        var cumulative = new double[values.Count];
        var atLeast = new double[values.Count];
        var below = 0;
        for (var i = 0; i < values.Count; i++)
        {
            probabilities[i] = (double)counts[i] / trials;
            atLeast[i] = (double)(trials - below) / trials;
            below += counts[i];
            cumulative[i] = (double)below / trials;
        }
        var sampleMean = minimum + RoundToMinorUnit((decimal)mean, currency);
        return (new RevenueDistribution.Support(values.ToArray(), probabilities, cumulative, atLeast), sampleMean, standardError);
    }

    private static decimal RoundToMinorUnit(decimal amount, Currency currency) =>
        currency.HasMinorUnit ? decimal.Round(amount, currency.MinorUnit, MidpointRounding.AwayFromZero) : amount;
}
