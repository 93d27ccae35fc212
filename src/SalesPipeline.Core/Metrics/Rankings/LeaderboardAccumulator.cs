using System;
using System.Collections.Generic;
using System.Linq;
using SalesPipeline.Activities;
using SalesPipeline.Deals;
using SalesPipeline.Statistics;
using SalesPipeline.Utility;

namespace SalesPipeline.Metrics;

/// <summary>
/// Accumulates leaderboard figures (won count and amount, win rate, activities) per rep or team from deals and
/// activities, and merges with other accumulators: the merge of the parts ranks exactly like the whole.
/// </summary>
/// <remarks>
/// <para>A deal counts toward won count and amount when it is won with its close date in the window, and toward the
/// win rate by the options' definition (<see cref="WinRateOptions.Definition"/>); an activity counts when its date (in
/// the options' zone) is in the window. Reps are deal owners and activity reps; teams are the teams on their paths.</para>
/// <para>Mutable and not thread-safe: use one per thread and <see cref="Merge"/> them.</para>
/// </remarks>
public sealed partial class LeaderboardAccumulator : IFrameAccumulator<LeaderboardAccumulator>
{
    private readonly LeaderboardLevel level;
    private readonly WinRateOptions options;
    private readonly DealScope scope;
    private readonly DealScope closed;
    private readonly WinRateAccumulator rates;
    private readonly Dictionary<string, (WinRateCell Rate, int WonCount, decimal WonValue, int Activities)> cells = new(
        StringComparer.Ordinal
    );

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="level">Reps or teams; teams need <see cref="WinRateOptions.Organization"/>.</param>
    /// <param name="options">Options; <see cref="WinRateOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException">Teams without an organisation, or inconsistent options.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not defined.</exception>
    public LeaderboardAccumulator(LeaderboardLevel level = LeaderboardLevel.Rep, WinRateOptions? options = null)
    {
        Preconditions.CheckRange(Enum.IsDefined(level), nameof(level), level, $"The level must be Rep or Team; it was {(int)level}.");
        Preconditions.CheckArgument(
            level != LeaderboardLevel.Team || options?.Organization is not null,
            nameof(options),
            "A leaderboard of teams needs the sales organisation; set WinRateOptions.Organization."
        );
        this.level = level;
        this.options = options ?? WinRateOptions.Default;
        rates = new WinRateAccumulator(this.options);
        scope = new DealScope(this.options);
        closed = new DealScope(this.options with { Definition = WinRateDefinition.Decided });
    }

    /// <summary>Adds one deal.</summary>
    /// <param name="deal">The deal.</param>
    /// <exception cref="ArgumentNullException"><paramref name="deal"/> is null.</exception>
    /// <exception cref="MissingExchangeRateException">The deal's currency cannot be converted to the reporting currency.</exception>
    public void Add(Deal deal)
    {
        Preconditions.CheckNotNull(deal);
        var outcome = scope.Classify(deal, out _);
        var won = closed.Classify(deal, out _) == DealOutcome.Won;
        if (outcome == DealOutcome.Excluded && !won)
        {
            return;
        }
        var amount = rates.Value.Convert(deal.Amount);
        var keys = BreakdownKeys.Of(deal, level == LeaderboardLevel.Rep ? Breakdown.Owner : Breakdown.Team, options.Organization);
        foreach (var key in keys)
        {
            var cell = cells.GetValueOrDefault(key);
            cells[key] = (
                cell.Rate.Add(outcome, amount),
                cell.WonCount + (won ? 1 : 0),
                cell.WonValue + (won ? amount : 0m),
                cell.Activities
            );
        }
    }

    /// <summary>Adds one activity, when its date is in the window.</summary>
    /// <param name="activity">The activity.</param>
    /// <exception cref="ArgumentNullException"><paramref name="activity"/> is null.</exception>
    public void Add(Activity activity)
    {
        Preconditions.CheckNotNull(activity);
        if (!options.InWindow(activity.At.InZone(options.Zone).Date))
        {
            return;
        }
        foreach (var key in KeysOf(activity.Rep))
        {
            var cell = cells.GetValueOrDefault(key);
            cells[key] = cell with { Activities = cell.Activities + 1 };
        }
    }

    /// <summary>Adds every deal.</summary>
    /// <param name="deals">The deals.</param>
    /// <exception cref="ArgumentNullException"><paramref name="deals"/> or one of them is null.</exception>
    /// <exception cref="MissingExchangeRateException">A deal's currency cannot be converted to the reporting currency.</exception>
    /// <remarks>A list of deals is added on the columnar frame when that gives exactly what adding each deal would.</remarks>
    public void AddRange(IEnumerable<Deal> deals) => FrameAddRange.Run(this, deals);

    bool IFrameAccumulator<LeaderboardAccumulator>.IsEmpty => cells.Count == 0 && rates.IsEmpty;

    LeaderboardAccumulator IFrameAccumulator<LeaderboardAccumulator>.Fresh() => new(level, options);

    bool IFrameAccumulator<LeaderboardAccumulator>.TryAdd(DealFrame frame) => TryAdd(frame);

    bool IFrameAccumulator<LeaderboardAccumulator>.MergesLikeAdd(LeaderboardAccumulator framed)
    {
        if (!rates.MergesLikeAdd(framed.rates))
        {
            return false;
        }
        foreach (var (key, theirs) in framed.cells)
        {
            if (
                cells.TryGetValue(key, out var mine)
                && !(
                    WinRateAccumulator.CellExactly(mine.Rate, theirs.Rate)
                    && FrameAddRange.CountsExactly(mine.WonCount, theirs.WonCount)
                    && FrameAddRange.SumsExactly(mine.WonValue, theirs.WonValue)
                    && FrameAddRange.CountsExactly(mine.Activities, theirs.Activities)
                )
            )
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Adds every activity.</summary>
    /// <param name="activities">The activities.</param>
    /// <exception cref="ArgumentNullException"><paramref name="activities"/> or one of them is null.</exception>
    public void AddRange(IEnumerable<Activity> activities)
    {
        Preconditions.AddEach(activities, Add, "Activity");
    }

    /// <summary>Adds everything another accumulator has seen; the other is left unchanged.</summary>
    /// <param name="other">An accumulator with the same level and options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException">The other accumulator was set up differently.</exception>
    /// <exception cref="MissingExchangeRateException">The two inferred different reporting currencies.</exception>
    public void Merge(LeaderboardAccumulator other)
    {
        Preconditions.CheckNotNull(other);
        Preconditions.CheckSameSetup(nameof(other), ("the level", other.level == level), ("the options", other.options == options));
        rates.Merge(other.rates);
        foreach (var (key, theirs) in other.cells)
        {
            var mine = cells.GetValueOrDefault(key);
            cells[key] = (
                mine.Rate.Plus(theirs.Rate),
                mine.WonCount + theirs.WonCount,
                mine.WonValue + theirs.WonValue,
                mine.Activities + theirs.Activities
            );
        }
    }

    /// <summary>Ranks the reps or teams seen so far.</summary>
    /// <param name="measure">What to rank by.</param>
    /// <param name="minimumSample">For <see cref="LeaderboardMeasure.WinRate"/>, the fewest trials an entry needs to be ranked; at least 1.</param>
    /// <returns>The leaderboard; every rep or team seen appears once, ranked or unranked.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="measure"/> is undefined, or <paramref name="minimumSample"/> is below 1.</exception>
    public Leaderboard Result(LeaderboardMeasure measure, int minimumSample = Leaderboard.DefaultMinimumSample)
    {
        Preconditions.CheckRange(
            Enum.IsDefined(measure),
            nameof(measure),
            measure,
            $"The measure must be WonAmount, WonCount, Activities or WinRate; it was {(int)measure}."
        );
        Preconditions.CheckRange(
            minimumSample >= 1,
            nameof(minimumSample),
            minimumSample,
            $"The minimum sample must be at least 1 so every ranked rate is defined; it was {minimumSample}."
        );
        var entries = cells
            .Select(kv =>
            {
                var rate = rates.Rate(kv.Value.Rate);
                var amount = rates.Value.ToMoney(kv.Value.WonValue);
                var scores = Scores(measure, kv.Value.WonCount, amount?.Amount ?? 0m, rate, kv.Value.Activities);
                return (Key: kv.Key, kv.Value.WonCount, Amount: amount, Rate: rate, kv.Value.Activities, Scores: scores);
            })
            .ToArray();
        var rankable = entries.Where(e => measure != LeaderboardMeasure.WinRate || e.Rate.Trials >= minimumSample);
        var ranked = CompetitionRanking
            .Rank(rankable, e => e.Scores, e => e.Key)
            .Select(r => new LeaderboardEntry(r.Rank, r.Item.Key, r.Item.WonCount, r.Item.Amount, r.Item.Rate, r.Item.Activities))
            .ToArray();
        var unranked = entries
            .Where(e => measure == LeaderboardMeasure.WinRate && e.Rate.Trials < minimumSample)
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => new LeaderboardEntry(null, e.Key, e.WonCount, e.Amount, e.Rate, e.Activities))
            .ToArray();
        return new Leaderboard(measure, level, minimumSample, ranked, unranked);
    }

    private static (decimal Primary, decimal Secondary) Scores(
        LeaderboardMeasure measure,
        int wonCount,
        decimal wonAmount,
        WinRateResult rate,
        int activities
    ) =>
        measure switch
        {
            LeaderboardMeasure.WonAmount => (wonAmount, wonCount),
            LeaderboardMeasure.WonCount => (wonCount, wonAmount),
            LeaderboardMeasure.Activities => (activities, wonCount),
            _ => (rate.CountRate ?? -1m, rate.Trials),
        };

    // The one team rule of BreakdownKeys, applied to an activity's rep.
    private string[] KeysOf(string rep)
    {
        if (level == LeaderboardLevel.Rep)
        {
            return [rep];
        }
        return BreakdownKeys.Teams(rep, options.Organization);
    }
}
