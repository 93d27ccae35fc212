using System.Globalization;

namespace SalesPipeline.Collections;

/// <summary>
/// One rep's or team's place on a collected-cash leaderboard (<see cref="CollectionProgressReport.RepLeaderboard"/>,
/// <see cref="CollectionProgressReport.TeamLeaderboard"/>).
/// </summary>
/// <param name="Rank">Standard competition rank: equal amounts share a rank and the next rank skips (1, 2, 2, 4).</param>
/// <param name="Id">The rep or team id (or <see cref="Receivables.Unassigned"/>).</param>
/// <param name="Collected">The cash collected (<see cref="ProgressLine.Collected"/>).</param>
/// <remarks>
/// Named apart from <c>SalesPipeline.Metrics.LeaderboardEntry</c> (won deals, win rates, activities), which ranks
/// the sales side; this ranks cash in. Immutable; thread-safe.
/// </remarks>
public sealed record CollectedCashRank(int Rank, string Id, Money Collected)
{
    /// <summary>"1. alice USD 4,000.00".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Rank}. {Id} {Collected}");
}
