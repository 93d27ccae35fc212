using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;
using SalesPipeline.Targets;

namespace SalesPipeline.Benchmarks;

// Attainment of 1,000,000 deals (a fifth of them won) of 1,000 reps in 50 teams, against every rep's FY2026 plan
// (year, quarters, months: 17,000 quotas in three layers of periods), the teams' quarters and the company's year.
[MemoryDiagnoser]
[MedianColumn]
public class TargetBenchmarks
{
    private static readonly int DealCount = BenchScale.Deals;
    private const int Reps = 1_000;
    private static readonly PipelineDefinition Pipeline = PipelineDefinition
        .CreateBuilder("Bench")
        .Stage("Discovery", 0.2m, ForecastCategory.Pipeline)
        .Stage("Proposal", 0.5m, ForecastCategory.BestCase)
        .Won("Won")
        .Lost("Lost")
        .AllowSkipping(true)
        .RequireExitCriteriaToWin(false)
        .Build();
    private static readonly FiscalCalendar Calendar = FiscalCalendar.Calendar;

    private Deal[] deals = [];
    private Quota[] quotas = [];
    private ForecastSnapshot snapshot = null!;
    private AttainmentOptions options = null!;
    private Quota annual = null!;

    [GlobalSetup]
    public void Setup()
    {
        var builder = SalesOrg.CreateBuilder("Acme");
        for (var t = 0; t < 50; t++)
        {
            builder.Team($"team-{t}", $"Team {t}");
        }
        for (var r = 0; r < Reps; r++)
        {
            builder.Rep($"rep-{r}", $"Rep {r}", $"team-{r % 50}");
        }
        var org = builder.Build();
        var generator = new DealGenerator(
            new DealGeneratorOptions
            {
                Count = DealCount,
                Pipeline = Pipeline,
                Owners = Reps,
            }
        );
        deals = generator.Generate(
            (deal, i) =>
            {
                if (i % 5 != 0)
                {
                    return deal;
                }
                var wonAt = Instant.FromUtc(2026, 1, 1, 0, 0) + Duration.FromMinutes(generator.Random.Next(0, 365 * 24 * 60));
                return Pipeline.ApplyOrThrow(deal, DealCommand.Win(wonAt, "manager"));
            }
        );
        var year = Calendar.Year(2026);
        var usd = (decimal amount) => Money.Of(amount, Currency.USD);
        quotas =
        [
            .. Enumerable
                .Range(0, Reps)
                .SelectMany(r =>
                {
                    var plan = Quota.Decompose(Quota.ForPerson($"rep-{r}", year, usd(20_000_000m)), Calendar);
                    return plan.Quarters.Prepend(plan.Annual).Concat(plan.Months);
                }),
            .. Enumerable
                .Range(0, 50)
                .SelectMany(t => Calendar.Quarters(2026).Select(q => Quota.ForTeam($"team-{t}", q, usd(100_000_000m)))),
            Quota.ForCompany("Acme", year, usd(20_000_000_000m)),
        ];
        options = new AttainmentOptions
        {
            ForecastOptions = new ForecastOptions { AsOf = new LocalDate(2026, 7, 1), Organization = org },
            WinRate = 0.25m,
        };
        snapshot = ForecastSnapshot.Create(deals, Pipeline, options.ForecastOptions with { AsOf = null });
        annual = Quota.ForTeam("team-0", year, usd(123_456_789.01m));
    }

    [Benchmark]
    public AttainmentReport FromDeals() => Attainment.Of(deals, Pipeline, quotas, options);

    [Benchmark]
    public AttainmentReport FromSnapshot() => Attainment.Of(snapshot, quotas, new LocalDate(2026, 7, 1), 0.25m);

    [Benchmark]
    public QuotaPlan Decompose() => Quota.Decompose(annual, Calendar, [4m, 4m, 5m, 4m, 4m, 5m, 4m, 4m, 5m, 4m, 4m, 5m]);
}
