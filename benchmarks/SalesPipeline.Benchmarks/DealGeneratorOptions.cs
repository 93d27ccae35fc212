using NodaTime;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Benchmarks;

// The shape of a generated book of open deals. Every range is uniform and drawn from one seeded Random, so a benchmark
// gets the same deals on every run and platform, and benchmarks that ask for the same options get the same book.
public sealed record DealGeneratorOptions
{
    public int Count { get; init; } = BenchScale.Deals;

    public int Seed { get; init; } = 20261124;

    public PipelineDefinition Pipeline { get; init; } = PipelineDefinition.Default;

    // Deal i belongs to "rep-{i % Owners}".
    public int Owners { get; init; } = 1_000;

    // Amounts: MinimumAmount, MinimumAmount + AmountStep, ..., MaximumAmount, all equally likely (both ends included).
    public Money MinimumAmount { get; init; } = Money.Of(1_000m, Currency.USD);

    public Money MaximumAmount { get; init; } = Money.Of(499_999m, Currency.USD);

    public Money AmountStep { get; init; } = Money.Of(1m, Currency.USD);

    // Creation: CreatedFrom + k * CreatedStep for k in [0, CreatedSteps), all equally likely; one step means every deal
    // is created at CreatedFrom. A negative step spreads the deals back in time from CreatedFrom.
    public Instant CreatedFrom { get; init; } = Instant.FromUtc(2025, 12, 1, 9, 0);

    public Duration CreatedStep { get; init; } = Duration.FromMinutes(1);

    public int CreatedSteps { get; init; } = 1;

    // Expected close: CloseFrom plus d days for d in [0, CloseDays), all equally likely; one day means a fixed date.
    public LocalDate CloseFrom { get; init; } = new(2026, 1, 1);

    public int CloseDays { get; init; } = 365;
}
