namespace SalesPipeline.Metrics;

/// <summary>One customer's line of the <see cref="CustomerReport"/>; every amount in the reporting currency, exact.</summary>
/// <param name="AccountId">The customer's account id, a contract's customer text (see <see cref="CustomerAnalysis"/>), or <see cref="BreakdownKeys.None"/>.</param>
/// <param name="Name">The customer's name from its deals (the ordinal-first when they differ); null when no deal names it.</param>
/// <param name="WonDeals">Won deals.</param>
/// <param name="Won">Their amount.</param>
/// <param name="OpenDeals">Open deals.</param>
/// <param name="OpenPipeline">Their amount, unweighted.</param>
/// <param name="StoppedDeals">Stopped deals (not pipeline).</param>
/// <param name="Stopped">Their amount.</param>
/// <param name="Schedules">Collection schedules counted for the customer.</param>
/// <param name="Collected">What they collected by the as-of date (received less refunded).</param>
/// <param name="Outstanding">What their billed instalments still owe on the as-of date.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record CustomerLine(
    string AccountId,
    string? Name,
    int WonDeals,
    Money Won,
    int OpenDeals,
    Money OpenPipeline,
    int StoppedDeals,
    Money Stopped,
    int Schedules,
    Money Collected,
    Money Outstanding
);
