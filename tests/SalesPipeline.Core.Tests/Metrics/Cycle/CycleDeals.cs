using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Leads;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Tests.Metrics;

// Deals for the cycle and velocity tests: one open stage, so a deal can be won or lost at any instant.
internal static class CycleDeals
{
    public static readonly PipelineDefinition Pipeline = PipelineDefinition
        .CreateBuilder("Simple")
        .Stage("Working", 0.5m, ForecastCategory.Pipeline)
        .Won("Won")
        .Lost("Lost")
        .Build();

    public static readonly Instant T0 = Instant.FromUtc(2026, 1, 1, 0, 0);

    private static int next;

    public static Instant Day(double days) => T0 + Duration.FromNanoseconds((long)Math.Round(days * 86_400_000_000_000d));

    public static Deal Open(
        Instant created,
        decimal amount = 1000m,
        string owner = "alice",
        Currency? currency = null,
        LeadSource? source = null,
        string? product = null
    ) =>
        Deal.Open(
            Pipeline,
            new DealId($"D-{System.Threading.Interlocked.Increment(ref next)}"),
            "Deal",
            owner,
            Money.Of(amount, currency ?? Currency.USD),
            new LocalDate(2026, 12, 31),
            created,
            source: source,
            product: product
        );

    public static Deal Won(Instant created, Instant won, decimal amount = 1000m, string owner = "alice", string? product = null) =>
        Pipeline.Win(Open(created, amount, owner, product: product), won, owner);

    public static Deal Lost(Instant created, Instant lost, decimal amount = 1000m, string owner = "alice") =>
        Pipeline.Lose(Open(created, amount, owner), LossReason.Price, lost, owner);
}
