namespace SalesPipeline.Metrics;

/// <summary>Who a leaderboard ranks.</summary>
public enum LeaderboardLevel
{
    /// <summary>Reps: a deal's owner (<see cref="Breakdown.Owner"/>), an activity's rep.</summary>
    Rep = 1,

    /// <summary>
    /// Teams: every team on the rep's path in the organisation (<see cref="Breakdown.Team"/>), so a team includes its
    /// sub-teams; reps not in the organisation under <see cref="BreakdownKeys.Unassigned"/>.
    /// </summary>
    Team = 2,
}
