namespace SalesPipeline.Metrics;

/// <summary>One group of a win-rate table: its key (an owner, team, source, product, competitor or period label) and its rate.</summary>
/// <param name="Key">The group key.</param>
/// <param name="Rate">The group's win rate.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record WinRateLine(string Key, WinRateResult Rate);
