using System.Globalization;

namespace SalesPipeline.Metrics;

/// <summary>One rep or team on a leaderboard, with every measure (so the reader sees what the rank rests on).</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record LeaderboardEntry
{
    internal LeaderboardEntry(int? rank, string key, int wonCount, Money? wonAmount, WinRateResult winRate, int activities)
    {
        Rank = rank;
        Key = key;
        WonCount = wonCount;
        WonAmount = wonAmount;
        WinRate = winRate;
        Activities = activities;
    }

    /// <summary>The rank (1 = best; equal entries share a rank, "1, 2, 2, 4"), or null for an entry below the minimum sample.</summary>
    public int? Rank { get; }

    /// <summary>The rep or team id.</summary>
    public string Key { get; }

    /// <summary>Deals won with their close date in the window.</summary>
    public int WonCount { get; }

    /// <summary>Their amount in the reporting currency, rounded to its minor unit; null when no currency is known.</summary>
    public Money? WonAmount { get; }

    /// <summary>The win rate by the options' definition, with its counts and interval.</summary>
    public WinRateResult WinRate { get; }

    /// <summary>Activities in the window.</summary>
    public int Activities { get; }

    /// <summary>"1. alice  won 3, USD 90,000.00, 3/4 won = 75.0% [...], 12 activities".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{(Rank is { } r ? r + "." : "-")} {Key}  won {WonCount}, {WonAmount}, {WinRate.Won}/{WinRate.Trials} won{(WinRate.CountRate is { } c ? $" = {c:0.0%}" : "")}, {Activities} activities"
        );
}
