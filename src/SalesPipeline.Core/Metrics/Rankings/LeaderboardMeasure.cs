namespace SalesPipeline.Metrics;

/// <summary>What a leaderboard ranks by. Each measure has a fixed secondary measure that breaks ties.</summary>
public enum LeaderboardMeasure
{
    /// <summary>Amount won (deals won with their close date in the window), rounded to the minor unit; ties by won count.</summary>
    WonAmount = 1,

    /// <summary>Number of deals won in the window; ties by won amount.</summary>
    WonCount = 2,

    /// <summary>Number of activities in the window; ties by won count.</summary>
    Activities = 3,

    /// <summary>Win rate by count (by the options' definition), only for entries with at least the minimum sample; ties by the sample size.</summary>
    WinRate = 4,
}
