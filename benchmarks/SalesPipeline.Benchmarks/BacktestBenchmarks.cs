using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Benchmarks;

// A 12-point monthly back-test (a forecast at the start of each month from February 2025 to January 2026, for that
// month) over 1,000,000 deals created through 2025, each moving on stage by stage (chances 0.55, 0.6, 0.65, 0.6, an
// hour to four weeks apart), 80% decided, one in three with a model override, expected to close from February 2025
// to March 2026. "Frame" is ForecastBacktest.Run today, the deals' frame built in GlobalSetup (DealFrames keeps it with
// the array, as for any second computation over the same list); "Deals" is Run as it was before (948174b), every deal
// rebuilt as of each point and at each period's end, and a frame built per point.
[MemoryDiagnoser]
[MedianColumn]
public class BacktestBenchmarks
{
    private const int DealCount = 1_000_000;
    private static readonly PipelineDefinition Pipeline = PipelineDefinition.Default;
    private static readonly double[] Advance = [0.55, 0.6, 0.65, 0.6];

    private static readonly BacktestPoint[] Points =
    [
        .. Enumerable
            .Range(0, 12)
            .Select(m => BacktestPoint.AtStartOf(FiscalCalendar.Calendar.Month(2025 + ((m + 1) / 12), ((m + 1) % 12) + 1))),
    ];

    private Deal[] deals = [];

    [GlobalSetup]
    public void Setup()
    {
        var generator = new DealGenerator(
            new DealGeneratorOptions
            {
                Count = DealCount,
                Pipeline = Pipeline,
                CreatedFrom = Instant.FromUtc(2025, 1, 1, 0, 0),
                CreatedSteps = 365 * 24 * 60,
                CloseFrom = new LocalDate(2025, 2, 1),
                CloseDays = 420,
            }
        );
        var events = new List<DealEvent>(7);
        deals = generator.Generate((deal, i) => WithHistory(deal, i, generator.Random, events));
        _ = DealFrames.For(deals) ?? throw new InvalidOperationException("No frame for the benchmark's deals.");
        Console.WriteLine($"// {deals.Length:N0} deals, {deals.Sum(d => d.Events.Count):N0} events, {deals.Count(d => d.IsOpen):N0} open");
    }

    private static Deal WithHistory(Deal opened, int i, Random random, List<DealEvent> events)
    {
        var stages = Pipeline.OpenStages;
        events.Clear();
        events.AddRange(opened.History);
        var at = opened.CreatedAt;
        if (i % 3 == 0)
        {
            at = at.Plus(Duration.FromHours(1));
            events.Add(new ProbabilityOverridden(opened.Id, at, "model", random.Next(1, 100) / 100m, ValueSource.Model));
        }
        var stage = 0;
        while (stage < 3 && random.NextDouble() < Advance[stage])
        {
            at = at.Plus(Duration.FromSeconds(random.Next(3_600, 28 * 86_400)));
            events.Add(new StageMoved(opened.Id, at, "rep", stages[stage].Id, stages[stage + 1].Id, MoveDirection.Forward, 0));
            stage++;
        }
        if (random.NextDouble() < 0.8)
        {
            at = at.Plus(Duration.FromSeconds(random.Next(3_600, 28 * 86_400)));
            events.Add(
                stage == 3 && random.NextDouble() < Advance[3]
                    ? new DealWon(opened.Id, at, "rep", Pipeline.WonStage.Id)
                    : new DealLost(opened.Id, at, "rep", Pipeline.LostStage.Id, LossReason.Price, null)
            );
        }
        return Deal.FromEvents(events);
    }

    [Benchmark]
    public BacktestResult BacktestFrame() => ForecastBacktest.Run(deals, Pipeline, Points);

    [Benchmark]
    public BacktestResult BacktestDeals() => Before(deals, Pipeline, Points);

    // The one step the frame path adds: the frame of the deals as of one point's start.
    [Benchmark]
    public int AsOfFrame() => DealFrames.For(deals)!.AsOf(Instant.FromUtc(2025, 7, 1, 0, 0) - Duration.Epsilon)!.Count;

    // ForecastBacktest.Run as of 948174b, verbatim but for the argument checks.
    private static BacktestResult Before(Deal[] list, PipelineDefinition pipeline, BacktestPoint[] pointList)
    {
        var options = ForecastOptions.Default;
        var currency = Forecast.ReportingCurrency(list, options.Rates, nameof(list));
        var rates = options.Rates ?? ExchangeRates.In(currency);
        var distribution = DistributionOptions.Default;
        var everyone = SalesOrg.CreateBuilder("(all)").Build();
        var rows = new List<BacktestRow>();
        foreach (var point in pointList)
        {
            var forecastOptions = options with { Rates = rates, AsOf = point.ForecastDate, Organization = null };
            var then = StartOf(point.ForecastDate, options.Zone);
            var dealsThen = list.Select(d => d.TryAsOf(then, out var past) ? past : null).OfType<Deal>().ToArray();
            var weighted = Forecast.StageWeighted(dealsThen, pipeline, [point.Period], forecastOptions).Periods[0].Expected;
            var categories = Forecast.ByCategory(dealsThen, pipeline, [point.Period], everyone, null, forecastOptions).Lines[0].Gross;
            var range = Forecast.Distribution(dealsThen, pipeline, point.Period, distribution with { Forecast = forecastOptions });
            var end = StartOf(point.Period.End.PlusDays(1), options.Zone);
            var actual = list.Select(d => d.TryAsOf(end, out var past) ? past : null)
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

    private static Instant StartOf(LocalDate date, DateTimeZone zone) => date.AtStartOfDayInZone(zone).ToInstant() - Duration.Epsilon;
}
