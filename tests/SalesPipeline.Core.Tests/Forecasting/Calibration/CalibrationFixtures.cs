using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Tests.Forecasting.Calibration;

// A small pipeline without exit criteria, and deals written as scripts of (day, step).
internal static class CalibrationFixtures
{
    public static readonly Instant T0 = Instant.FromUtc(2026, 1, 5, 9, 0);

    /// <summary>A (10%) > B (30%) > C (60%) > Won | Lost; ids "a", "b", "c", "won", "lost"; no exit criteria.</summary>
    public static PipelineDefinition Abc(bool allowSkipping = false, string name = "ABC") =>
        PipelineDefinition
            .CreateBuilder(name)
            .Stage("A", 0.10m, id: "a")
            .Stage("B", 0.30m, id: "b")
            .Stage("C", 0.60m, id: "c")
            .Won("Won", id: "won")
            .Lost("Lost", id: "lost")
            .AllowSkipping(allowSkipping)
            .Build();

    public static Instant Day(double day) => T0.Plus(Duration.FromDays(day));

    /// <summary>
    /// Opens a deal in the first stage at day 0 and applies the steps in order: a stage id moves there (or reopens into
    /// it when the deal is closed), "won" wins, "lost" loses, "p=0.8" sets a manual override, "m=0.8" a model override,
    /// "clear" clears it.
    /// </summary>
    public static Deal Script(PipelineDefinition pipeline, string id, params (double Day, string Step)[] steps)
    {
        var deal = Deal.Open(pipeline, new DealId(id), id, "alice", Money.Of(1000m, Currency.USD), new LocalDate(2026, 12, 31), T0);
        foreach (var (day, step) in steps)
        {
            var at = Day(day);
            deal = step switch
            {
                "won" => pipeline.Win(deal, at, "alice"),
                "lost" => pipeline.Lose(deal, LossReason.Price, at, "alice"),
                "clear" => pipeline.ApplyOrThrow(deal, DealCommand.ClearProbability(at, "alice")),
                _ when step.StartsWith("p=", StringComparison.Ordinal) => Override(pipeline, deal, step, at, ValueSource.Manual),
                _ when step.StartsWith("m=", StringComparison.Ordinal) => Override(pipeline, deal, step, at, ValueSource.Model),
                _ when deal.IsOpen => pipeline.Move(deal, step, at, "alice"),
                _ => pipeline.Reopen(deal, at, "alice", step),
            };
        }
        return deal;
    }

    private static Deal Override(PipelineDefinition pipeline, Deal deal, string step, Instant at, ValueSource source) =>
        pipeline.ApplyOrThrow(
            deal,
            DealCommand.OverrideProbabilityTo(
                decimal.Parse(step[2..], System.Globalization.CultureInfo.InvariantCulture),
                at,
                "alice",
                source
            )
        );
}
