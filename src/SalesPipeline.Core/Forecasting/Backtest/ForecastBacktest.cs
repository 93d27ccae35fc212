using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;
using SalesPipeline.Utility;

namespace SalesPipeline.Forecasting;

/// <summary>
/// Replays past forecasts from the deals' histories and compares them with what was actually won: how accurate each
/// method (stage-weighted, each cumulative category, the distribution's median) has been, and how often the outcome
/// fell between the distribution's P10 and P90.
/// </summary>
/// <remarks>Pure and thread-safe.</remarks>
public static partial class ForecastBacktest
{
    /// <summary>Runs the back-test.</summary>
    /// <param name="deals">The deals, with their full histories (as they are now).</param>
    /// <param name="pipeline">Their pipeline.</param>
    /// <param name="points">The forecasts to replay, for example one at the start of each past month.</param>
    /// <param name="options">Rates and zone (the as-of date of each forecast is its point's date); defaults when null.</param>
    /// <param name="distribution">The distribution's method and its parameters; <see cref="DistributionOptions.Default"/> when null.</param>
    /// <returns>Per point the forecasts and the actual revenue; per method its bias, mean absolute error and RMSE.</returns>
    /// <exception cref="ArgumentNullException">A required argument, a deal or a point is null.</exception>
    /// <exception cref="ArgumentException">There are no points; a deal belongs to another pipeline; or there are no deals and no rates.</exception>
    /// <exception cref="MissingExchangeRateException">A deal's currency has no rate.</exception>
    /// <remarks>
    /// <para>Each forecast uses the deals exactly as they were at the start of its date (<see cref="Deal.AsOf"/>: events
    /// before midnight in <see cref="ForecastOptions.Zone"/>); deals created later do not exist for it. The actual revenue
    /// of a period is what was won in it, with the deals as they were at the end of its last day (a deal won and later
    /// reopened still counts for the period it was won in, as it did then).</para>
    /// <para>Errors are forecast minus actual, so a positive bias means the method forecast too much on average.</para>
    /// </remarks>
    public static BacktestResult Run(
        IEnumerable<Deal> deals,
        PipelineDefinition pipeline,
        IEnumerable<BacktestPoint> points,
        ForecastOptions? options = null,
        DistributionOptions? distribution = null
    )
    {
        Preconditions.CheckNotNull(deals);
        Preconditions.CheckNotNull(pipeline);
        Preconditions.CheckNotNull(points);
        // A lazy sequence is read once, here; a list is read by its frame below.
        var given = deals as IReadOnlyList<Deal> ?? deals.ToArray();
        var pointList = points.ToArray();
        Preconditions.CheckArgument(pointList.Length > 0, nameof(points), "A back-test needs at least one point; the list was empty.");
        for (var i = 0; i < pointList.Length; i++)
        {
            if (pointList[i] is null)
            {
                throw new ArgumentNullException(nameof(points), $"Point {i} is null.");
            }
        }
        options ??= ForecastOptions.Default;
        options.Check(nameof(options));
        // The frame of the deals (DealFrames.For reuses the caller's, or an imported list's own); each point's deals as
        // they were then are a frame made from it, which the forecasts below find for their list instead of building
        // one. The deals as objects are made only without a frame (no deals, or a null one, which the deal code
        // reports), or once when a fallback below needs them all: an imported list's frame has no deal objects.
        var frame = DealFrames.For(given);
        Deal[]? all = frame is null ? [.. given] : null;
        Deal[] All() => all ??= [.. given];
        var currency = frame is null
            ? Forecast.ReportingCurrency(all!, options.Rates, nameof(deals))
            : Forecast.ReportingCurrency(frame, options.Rates);
        var rates = options.Rates ?? ExchangeRates.In(currency);
        distribution ??= DistributionOptions.Default;
        // Every owner is unassigned in an empty organization, so the company line is the total of every deal.
        var everyone = SalesOrg.CreateBuilder("(all)").Build();

        var rows = new List<BacktestRow>();
        foreach (var point in pointList)
        {
            var then = StartOf(point.ForecastDate, options.Zone);
            var past = frame?.AsOf(then);
            // The past frame's own list: the entry points below find that frame for it instead of building another.
            IReadOnlyList<Deal> dealsThen =
                past?.DealList ?? All().Select(d => d.TryAsOf(then, out var was) ? was : null).OfType<Deal>().ToArray();
            var forecastOptions = options with { Rates = RatesFor(past, rates), AsOf = point.ForecastDate, Organization = null };

            var weighted = Forecast.StageWeighted(dealsThen, pipeline, [point.Period], forecastOptions).Periods[0].Expected;
            var categories = Forecast.ByCategory(dealsThen, pipeline, [point.Period], everyone, null, forecastOptions).Lines[0].Gross;
            var range = Forecast.Distribution(dealsThen, pipeline, point.Period, distribution with { Forecast = forecastOptions });

            var end = StartOf(point.Period.End.PlusDays(1), options.Zone);
            var actual =
                (frame is null ? null : TryActual(frame, end, point.Period, options.Zone, rates))
                ?? All()
                    .Select(d => d.TryAsOf(end, out var was) ? was : null)
                    .OfType<Deal>()
                    .Where(d => d.Status == DealStatus.Won && point.Period.Contains(PeriodIndex.DecidingDate(d, options.Zone)))
                    .Aggregate(Money.Zero(currency), (sum, d) => sum + rates.Convert(d.Amount));

            rows.Add(
                new BacktestRow(
                    point.ForecastDate,
                    point.Period,
                    actual,
                    weighted,
                    categories.CommitCumulative,
                    categories.BestCaseCumulative,
                    categories.BestCaseCumulative + categories.Pipeline,
                    range.P10,
                    range.P50,
                    range.P90
                )
            );
        }
        MethodAccuracy Accuracy(string name, Func<BacktestRow, Money> forecast)
        {
            var errors = rows.Select(r => forecast(r).Amount - r.Actual.Amount).ToArray();
            return new MethodAccuracy(
                name,
                errors.Average(),
                errors.Average(Math.Abs),
                Math.Sqrt(errors.Average(e => (double)e * (double)e))
            );
        }
        MethodAccuracy[] methods =
        [
            Accuracy("Stage-weighted", r => r.StageWeighted),
            Accuracy("Commit (cumulative)", r => r.CommitCumulative),
            Accuracy("Best case (cumulative)", r => r.BestCaseCumulative),
            Accuracy("Pipeline (cumulative)", r => r.PipelineCumulative),
            Accuracy("Distribution P50", r => r.P50),
        ];
        return new BacktestResult(
            currency,
            rows.AsReadOnly(),
            Array.AsReadOnly(methods),
            rows.Count(r => r.WithinP10ToP90) / (double)rows.Count
        );
    }

    // Events at the very start of the day are not yet known to a forecast made "on" that day.
    private static Instant StartOf(LocalDate date, DateTimeZone zone) => date.AtStartOfDayInZone(zone).ToInstant() - Duration.Epsilon;
}
