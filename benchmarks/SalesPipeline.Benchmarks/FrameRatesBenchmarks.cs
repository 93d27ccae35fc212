using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Benchmarks;

// The stage-weighted forecast by month of StageWeightedForecastBenchmarks' 1,000,000 open deals, every second one in
// EUR, with the rates USD: EUR 1.08 (a team with deals in two currencies always passes rates). "Frame" is the list
// entry point, which now sums the frame's converted column (built on the first call with these rates, then kept);
// "Deals" is today's deal-by-deal path over the same deals (a sequence gets no frame), which is what a list with rates
// ran before. "Convert" is what the first call with new rates pays once: the converted column.
[MemoryDiagnoser]
[MedianColumn]
public class FrameRatesBenchmarks
{
    private static readonly int DealCount = BenchScale.Deals;
    private static readonly PipelineDefinition Pipeline = PipelineDefinition.Default;
    private static readonly IReadOnlyList<FiscalPeriod> Months = FiscalCalendar.Calendar.Months(2026);
    private static readonly ExchangeRates Rates = ExchangeRates.In(Currency.USD).With(Currency.EUR, 1.08m);
    private static readonly ForecastOptions Options = new() { Rates = Rates };

    private Deal[] deals = [];
    private DealFrame frame = null!;

    [GlobalSetup]
    public void Setup()
    {
        var generator = new DealGenerator(new DealGeneratorOptions { Count = DealCount, Pipeline = Pipeline });
        deals = generator.Generate(
            (deal, i) =>
            {
                var shaped =
                    i % 4 == 0
                        ? deal
                        : Pipeline.ApplyOrThrow(
                            deal,
                            DealCommand.OverrideProbabilityTo(
                                generator.Random.Next(1, 100) / 100m,
                                deal.CreatedAt,
                                "model",
                                ValueSource.Model
                            )
                        );
                return i % 2 == 0 ? shaped : InEuro(shaped);
            }
        );
        frame = DealFrames.For(deals) ?? throw new InvalidOperationException("No frame for the benchmark's deals.");
        Console.WriteLine($"// {deals.Length:N0} deals, {deals.Count(d => d.Amount.Currency == Currency.EUR):N0} in EUR");
    }

    internal static Deal InEuro(Deal deal) =>
        Deal.FromEvents(
            deal.History.Select(e =>
                e switch
                {
                    DealCreated c => c with { Amount = Money.Of(c.Amount.Amount, Currency.EUR) },
                    AmountChanged a => a with { Amount = Money.Of(a.Amount.Amount, Currency.EUR) },
                    _ => e,
                }
            )
        );

    [Benchmark]
    public StageWeightedForecast StageWeightedRatesFrame() => Forecast.StageWeighted(deals, Pipeline, Months, Options);

    [Benchmark(Baseline = true)]
    public StageWeightedForecast StageWeightedRatesDeals() => Forecast.StageWeighted(deals.Select(d => d), Pipeline, Months, Options);

    [Benchmark]
    public int ConvertColumn() => ReportingAmounts.Convert(frame, Rates).Mantissa.Length;
}
