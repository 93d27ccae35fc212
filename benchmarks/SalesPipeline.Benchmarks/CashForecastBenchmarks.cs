using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Collections;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Benchmarks;

// The cash forecast's open-deal column over 1,000,000 open deals (USD 1,000 to 499,999, one in three with a model
// override of 0.01 to 0.99, expected to close on days of 2026), projected through "net 30" (one instalment) or "30%
// on signing, the balance in 11 monthly instalments" (12), placed in the months of 2026 as of 2026-01-01. Weigh and
// Project time the deal path's two halves with deal objects (amount x probability, rounded; each deal's schedule: a
// split by largest remainder that depends on the amount, due dates that depend on the date); the frame path does both
// from the columns and still splits once per deal, since almost every (amount, date) pair is distinct here.
[MemoryDiagnoser]
[MedianColumn]
public class CashForecastBenchmarks
{
    private static readonly PipelineDefinition Pipeline = PipelineDefinition.Default;
    private static readonly LocalDate AsOf = new(2026, 1, 1);
    private static readonly FiscalPeriod[] Months = [.. FiscalCalendar.Calendar.Months(2026)];

    [Params("net30", "30+11")]
    public string Terms { get; set; } = "net30";

    private Deal[] deals = [];
    private CollectionSchedule[] schedules = [];
    private CashForecastOptions options = null!;

    [GlobalSetup]
    public void Setup()
    {
        var generator = new DealGenerator(new DealGeneratorOptions { CloseFrom = AsOf, CloseDays = 365 });
        deals = generator.Generate(
            (deal, i) =>
                i % 3 == 0
                    ? Deal.FromEvents([
                        .. deal.History,
                        new ProbabilityOverridden(
                            deal.Id,
                            deal.CreatedAt,
                            "model",
                            generator.Random.Next(1, 100) / 100m,
                            ValueSource.Model
                        ),
                    ])
                    : deal
        );
        var terms =
            Terms == "net30"
                ? PaymentTerms.Create(TermsLine.Balance(DueRule.DaysAfterStart(30)))
                : PaymentTerms.Create(
                    TermsLine.Percentage(30m, DueRule.DaysAfterStart(0)),
                    TermsLine.Balance(DueRule.MonthsAfterStart(1), instalments: 11)
                );
        schedules = [CollectionSchedule.Create(Money.Of(1_000m, Currency.USD), AsOf, terms)];
        options = new CashForecastOptions
        {
            DefaultTerms = terms,
            OpenDeals = deals,
            Pipeline = Pipeline,
        };
    }

    // The deals' array: its frame is built on the first call and found again on every later one, so this is the frame
    // path (the columns, no schedule object per deal).
    [Benchmark]
    public CashForecastReport CashForecastDeals() => CashForecast.Of(schedules, AsOf, Months, options);

    // The same deals as a lazy sequence, which has no frame: the deal path, deal by deal.
    [Benchmark]
    public CashForecastReport CashForecastDealByDeal() =>
        CashForecast.Of(schedules, AsOf, Months, options with { OpenDeals = deals.Select(d => d) });

    [Benchmark]
    public long Weigh()
    {
        long units = 0;
        foreach (var deal in deals)
        {
            units += (deal.Amount * Pipeline.WinProbabilityOf(deal).Value).Round().ToMinorUnits();
        }
        return units;
    }

    [Benchmark]
    public long Project()
    {
        long units = 0;
        foreach (var deal in deals)
        {
            var schedule = CollectionSchedule.Create(deal.Amount, deal.ExpectedClose, options.DefaultTerms!);
            foreach (var instalment in schedule.Instalments)
            {
                units += instalment.Amount.ToMinorUnits() + (instalment.DueOn is { } due && Months[0].Contains(due) ? 1 : 0);
            }
        }
        return units;
    }

    // How many distinct (weighted amount, date) pairs a frame would have to project: the most grouping could save.
    [Benchmark]
    public int DistinctPairs() =>
        deals.Select(d => ((d.Amount * Pipeline.WinProbabilityOf(d).Value).Round().ToMinorUnits(), d.ExpectedClose)).Distinct().Count();
}
