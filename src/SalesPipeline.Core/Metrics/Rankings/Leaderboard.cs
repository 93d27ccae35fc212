using System;
using System.Collections.Generic;
using System.Text;
using SalesPipeline.Activities;
using SalesPipeline.Deals;

namespace SalesPipeline.Metrics;

/// <summary>
/// Reps or teams ranked by won amount, won count, activities or win rate over a window, with a deterministic order.
/// </summary>
/// <remarks>
/// <para>Order: by the measure, highest first; then by its secondary measure (won amount: won count; won count: won
/// amount; activities: won count; win rate: the sample size, larger first); then by id in ordinal order. Ranks use
/// standard competition ranking: entries equal on both the measure and the secondary measure share a rank, and the
/// next rank skips ("1, 2, 2, 4"); the id only orders tied entries on the page.</para>
/// <para>By win rate, entries whose sample (<see cref="WinRateResult.Trials"/>) is below the minimum are not ranked:
/// they are listed in <see cref="Unranked"/>, in ordinal id order, because a rate of 2 out of 2 says little.</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
public sealed record Leaderboard
{
    internal Leaderboard(
        LeaderboardMeasure measure,
        LeaderboardLevel level,
        int minimumSample,
        IReadOnlyList<LeaderboardEntry> ranked,
        IReadOnlyList<LeaderboardEntry> unranked
    )
    {
        Measure = measure;
        Level = level;
        MinimumSample = minimumSample;
        Ranked = ranked;
        Unranked = unranked;
    }

    /// <summary>The default minimum sample for ranking by win rate: 10 trials (decided deals by default).</summary>
    public const int DefaultMinimumSample = 10;

    /// <summary>What the entries are ranked by.</summary>
    public LeaderboardMeasure Measure { get; }

    /// <summary>Reps or teams.</summary>
    public LeaderboardLevel Level { get; }

    /// <summary>The minimum sample for ranking by win rate (unused by the other measures).</summary>
    public int MinimumSample { get; }

    /// <summary>The ranked entries, best first.</summary>
    public IReadOnlyList<LeaderboardEntry> Ranked { get; }

    /// <summary>Entries below the minimum sample (win rate only), in ordinal id order.</summary>
    public IReadOnlyList<LeaderboardEntry> Unranked { get; }

    /// <summary>Ranks reps or teams over the deals and activities the options' window takes.</summary>
    /// <param name="deals">The deals.</param>
    /// <param name="activities">The activities (only counted by <see cref="LeaderboardMeasure.Activities"/> and shown on every entry).</param>
    /// <param name="measure">What to rank by.</param>
    /// <param name="level">Reps or teams; teams need <see cref="WinRateOptions.Organization"/>.</param>
    /// <param name="options">The window, zone, currency and organisation; <see cref="WinRateOptions.Default"/> when null.</param>
    /// <param name="minimumSample">The fewest trials (decided deals by default) a win rate needs to be ranked; at least 1.</param>
    /// <returns>The leaderboard.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="deals"/>, <paramref name="activities"/> or an element is null.</exception>
    /// <exception cref="ArgumentException">Teams without an organisation, or inconsistent options.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An enum argument is undefined, or <paramref name="minimumSample"/> is below 1.</exception>
    /// <exception cref="MissingExchangeRateException">A deal's currency cannot be converted to the reporting currency.</exception>
    public static Leaderboard Of(
        IEnumerable<Deal> deals,
        IEnumerable<Activity> activities,
        LeaderboardMeasure measure,
        LeaderboardLevel level = LeaderboardLevel.Rep,
        WinRateOptions? options = null,
        int minimumSample = DefaultMinimumSample
    )
    {
        var accumulator = new LeaderboardAccumulator(level, options).AddAll(deals);
        accumulator.AddRange(activities);
        return accumulator.Result(measure, minimumSample);
    }

    /// <summary>A heading, the ranked entries, and the unranked ones.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder($"{Level} by {Measure}\n");
        foreach (var entry in Ranked)
        {
            text.Append(entry).Append('\n');
        }
        if (Unranked.Count > 0)
        {
            text.Append($"below the minimum sample of {MinimumSample}:\n");
            foreach (var entry in Unranked)
            {
                text.Append(entry).Append('\n');
            }
        }
        return text.ToString().TrimEnd('\n');
    }
}
