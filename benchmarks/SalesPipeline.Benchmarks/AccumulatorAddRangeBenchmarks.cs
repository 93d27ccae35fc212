using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Benchmarks;

// A caller's own StageWeightedAccumulator fed 1,000,000 open deals (1,000 owners, closing across FY2026, three in four
// with a model probability override), as StageWeightedForecastBenchmarks' deals. "DealByDeal" is AddRange as it was
// (Add on every deal); "AddRange" is AddRange now, on the frame DealFrames cached with the array in Setup (a second
// metric over the same list sees this); "AddRangeNewList" pays the frame build too (a copy of the list each time, which
// no cache knows); "AddRangeAfterOne" adds to an accumulator that holds a deal already: the kernel on a fresh
// accumulator, merged in. "Rates*": the same deals with every second one in EUR (FrameRatesBenchmarks.InEuro), into an
// accumulator with the rates USD: EUR 1.08; "RatesDealByDeal" is what AddRange ran with rates before (Add on every
// deal, here given a sequence, which gets no frame), "RatesAddRange" is AddRange on the list now (the list's frame and
// its converted column cached after the first call).
[MemoryDiagnoser]
[MedianColumn]
public class AccumulatorAddRangeBenchmarks
{
    private static readonly int DealCount = BenchScale.Deals;
    private static readonly PipelineDefinition Pipeline = PipelineDefinition.Default;
    private static readonly IReadOnlyList<FiscalPeriod> Months = FiscalCalendar.Calendar.Months(2026);

    private static readonly ForecastOptions WithRates = new() { Rates = ExchangeRates.In(Currency.USD).With(Currency.EUR, 1.08m) };

    private Deal[] deals = [];
    private Deal[] halfInEuro = [];

    [GlobalSetup]
    public void Setup()
    {
        var generator = new DealGenerator(new DealGeneratorOptions { Count = DealCount, Pipeline = Pipeline });
        deals = generator.Generate(
            (deal, i) =>
                i % 4 == 0
                    ? deal
                    : Pipeline.ApplyOrThrow(
                        deal,
                        DealCommand.OverrideProbabilityTo(generator.Random.Next(1, 100) / 100m, deal.CreatedAt, "model", ValueSource.Model)
                    )
        );
        _ = DealFrames.For(deals);
        halfInEuro = [.. deals.Select((deal, i) => i % 2 == 0 ? deal : FrameRatesBenchmarks.InEuro(deal))];
        _ = DealFrames.For(halfInEuro);
    }

    private static StageWeightedAccumulator Empty() => new(Pipeline, Months, Currency.USD);

    [Benchmark(Baseline = true)]
    public StageWeightedAccumulator DealByDeal()
    {
        var accumulator = Empty();
        foreach (var deal in deals)
        {
            accumulator.Add(deal);
        }
        return accumulator;
    }

    [Benchmark]
    public StageWeightedAccumulator AddRange()
    {
        var accumulator = Empty();
        accumulator.AddRange(deals);
        return accumulator;
    }

    [Benchmark]
    public StageWeightedAccumulator AddRangeNewList()
    {
        var accumulator = Empty();
        accumulator.AddRange((Deal[])deals.Clone());
        return accumulator;
    }

    [Benchmark]
    public StageWeightedAccumulator AddRangeAfterOne()
    {
        var accumulator = Empty();
        accumulator.Add(deals[0]);
        accumulator.AddRange(deals);
        return accumulator;
    }

    [Benchmark]
    public StageWeightedAccumulator RatesDealByDeal()
    {
        var accumulator = new StageWeightedAccumulator(Pipeline, Months, Currency.USD, WithRates);
        accumulator.AddRange(halfInEuro.Select(d => d));
        return accumulator;
    }

    [Benchmark]
    public StageWeightedAccumulator RatesAddRange()
    {
        var accumulator = new StageWeightedAccumulator(Pipeline, Months, Currency.USD, WithRates);
        accumulator.AddRange(halfInEuro);
        return accumulator;
    }
}
