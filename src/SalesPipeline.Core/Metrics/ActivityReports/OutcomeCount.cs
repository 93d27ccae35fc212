namespace SalesPipeline.Metrics;

/// <summary>How many activities ended with one outcome.</summary>
/// <param name="Outcome">The outcome code, or <see cref="BreakdownKeys.None"/> for activities with no recorded outcome.</param>
/// <param name="Count">How many.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record OutcomeCount(string Outcome, int Count);
