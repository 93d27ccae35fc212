using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Benchmarks;

// The deals of the frame benchmarks (win rates, velocity, sales cycle): a one-stage pipeline ("Working", 50 %), deals
// created over a year from 2025-10-01 and expected to close on 2026-12-31; a third left open, a third won and a third
// lost between an hour and 120 days after creation. One set-up, so that the benchmarks' figures are of the same data.
internal static class DecidedDeals
{
    internal static readonly PipelineDefinition Pipeline = PipelineDefinition
        .CreateBuilder("Bench")
        .Stage("Working", 0.5m, ForecastCategory.Pipeline)
        .Won("Won")
        .Lost("Lost")
        .Build();

    internal static Deal[] Generate(int count)
    {
        var generator = new DealGenerator(
            new DealGeneratorOptions
            {
                Count = count,
                Pipeline = Pipeline,
                CreatedFrom = Instant.FromUtc(2025, 10, 1, 0, 0),
                CreatedSteps = 365 * 24 * 60,
                CloseFrom = new LocalDate(2026, 12, 31),
                CloseDays = 1,
            }
        );
        return generator.Generate(
            (deal, i) =>
            {
                var closed = deal.CreatedAt + Duration.FromMinutes(generator.Random.Next(60, 120 * 24 * 60));
                return (i % 3) switch
                {
                    0 => deal,
                    1 => Pipeline.Win(deal, closed, "rep"),
                    _ => Pipeline.Lose(deal, LossReason.Price, closed, "rep"),
                };
            }
        );
    }
}
