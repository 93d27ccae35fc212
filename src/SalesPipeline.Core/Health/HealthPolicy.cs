using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using SalesPipeline.Utility;

namespace SalesPipeline.Health;

/// <summary>
/// Every threshold of <see cref="PipelineHealth"/>, with a sensible default: stale after 14 days without a touch,
/// rotting after 30 days in a stage (unless the stage or this policy says otherwise), close-date pushes limited to 1,
/// at most 40% of the open deals in one stage and 50% in the late stages (stages of probability 50% or more), leads
/// touched within 2 days, nothing waiting in a pool for more than 2 days, and a review shortlist of 3 deals.
/// </summary>
/// <remarks>
/// <para>Each property is checked when it is set: a zero or negative duration, a negative count, or a share or
/// probability outside [0, 1] throws an <see cref="ArgumentException"/> (or <see cref="ArgumentOutOfRangeException"/>)
/// whose parameter name is the property's name. So an invalid policy cannot exist. Stage ids are checked against the
/// pipeline when the policy is used.</para>
/// <para>A finding needs its measured value strictly above the limit: a deal untouched for exactly 14 days is not
/// stale, one untouched for 14 days and an hour is.</para>
/// <para>Equal by content: the rotting limits as a set of (stage, limit) pairs, the late stages element by element
/// (copies are kept). Immutable (change it with <c>with</c>); thread-safe.</para>
/// </remarks>
/// <example><code>
/// var policy = HealthPolicy.Default with
/// {
///     StaleAfter = Duration.FromDays(10),
///     RottingAfterByStage = new Dictionary&lt;string, Duration&gt; { ["negotiation"] = Duration.FromDays(14) },
/// };
/// </code></example>
public sealed record HealthPolicy
{
    /// <summary>The default policy (the values in each property's summary).</summary>
    public static HealthPolicy Default { get; } = new();

    /// <summary>An open deal with no touch (one of its own events or an activity about it) for longer than this is stale. Default 14 days.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative.</exception>
    public Duration StaleAfter
    {
        get;
        init => field = Positive(value, nameof(StaleAfter));
    } = Duration.FromDays(14);

    /// <summary>
    /// How long an open deal may stay in a stage that has no limit of its own (neither in
    /// <see cref="RottingAfterByStage"/> nor <see cref="Pipelines.Stage.RottingAfter"/>). Default 30 days.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative.</exception>
    public Duration RottingAfter
    {
        get;
        init => field = Positive(value, nameof(RottingAfter));
    } = Duration.FromDays(30);

    /// <summary>
    /// Rotting limits by open stage id; they win over the pipeline's own <see cref="Pipelines.Stage.RottingAfter"/>,
    /// which wins over <see cref="RottingAfter"/>. Empty by default.
    /// </summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    /// <exception cref="ArgumentException">A stage id is empty, or a limit is zero or negative.</exception>
    public IReadOnlyDictionary<string, Duration> RottingAfterByStage
    {
        get;
        init => field = StageLimits(value ?? throw new ArgumentNullException(nameof(RottingAfterByStage)));
    } = new ValueDictionary<string, Duration>(FrozenDictionary<string, Duration>.Empty);

    /// <summary>How many days past its expected close date an open deal may be before it is a finding. Default 0: the day after the date.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int PastExpectedCloseGraceDays
    {
        get;
        init => field = NotNegative(value, nameof(PastExpectedCloseGraceDays));
    }

    /// <summary>
    /// The typical creation-to-won duration; an open deal older than this is a finding. Default null: the median of
    /// the won deals inspected, and no age check when there are none.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative.</exception>
    public Duration? TypicalWonCycle
    {
        get;
        init => field = value is { } v ? Positive(v, nameof(TypicalWonCycle)) : null;
    }

    /// <summary>How many times an open deal's close date may be pushed to a later date before it is a finding. Default 1 (the second push is a finding).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int CloseDatePushLimit
    {
        get;
        init => field = NotNegative(value, nameof(CloseDatePushLimit));
    } = 1;

    /// <summary>The largest share of the open deals one stage may hold, in [0, 1]. Default 0.40.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [0, 1].</exception>
    public decimal MaxStageShare
    {
        get;
        init => field = Share(value, nameof(MaxStageShare));
    } = 0.40m;

    /// <summary>The most open deals one stage may hold; null (the default) for no absolute limit.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int? MaxDealsPerStage
    {
        get;
        init => field = value is { } v ? NotNegative(v, nameof(MaxDealsPerStage)) : null;
    }

    /// <summary>
    /// Open stages whose default win probability is at least this are the late stages, unless
    /// <see cref="LateStages"/> names them. Default 0.50 (Proposal and Negotiation in the default pipeline).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [0, 1].</exception>
    public decimal LateStageProbability
    {
        get;
        init => field = Share(value, nameof(LateStageProbability));
    } = 0.50m;

    /// <summary>The late stages by id, instead of <see cref="LateStageProbability"/>; null by default.</summary>
    /// <exception cref="ArgumentNullException">A stage id is null (the message gives its position).</exception>
    /// <exception cref="ArgumentException">A stage id is empty or repeated.</exception>
    public IReadOnlyList<string>? LateStages
    {
        get;
        init => field = value is null ? null : StageIds(value, nameof(LateStages));
    }

    /// <summary>The largest share of the open deals the late stages may hold together, in [0, 1]. Default 0.50.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [0, 1].</exception>
    public decimal MaxLateStageShare
    {
        get;
        init => field = Share(value, nameof(MaxLateStageShare));
    } = 0.50m;

    /// <summary>Shares of open deals (crowded stages, late-stage pile-up) are judged only with at least this many open deals. Default 10.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative.</exception>
    public int MinOpenDealsForShares
    {
        get;
        init => field = Positive(value, nameof(MinOpenDealsForShares));
    } = 10;

    /// <summary>An open lead (New or Working) with no touch for longer than this (since it arrived, if never touched) is a finding. Default 2 days.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative.</exception>
    public Duration LeadUntouchedAfter
    {
        get;
        init => field = Positive(value, nameof(LeadUntouchedAfter));
    } = Duration.FromDays(2);

    /// <summary>
    /// An open deal or lead waiting in a pool (a team's or the company's, with no owner) for longer than this since it
    /// entered the pool is a finding (<see cref="FindingKind.WaitingInPool"/>). Default 2 days, the same as
    /// <see cref="LeadUntouchedAfter"/>: a pooled record waits for a person to pick it up, which is as urgent as a first
    /// touch. On by default because it changes no earlier report: only records put in a pool are checked.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative.</exception>
    public Duration PoolWaitAfter
    {
        get;
        init => field = Positive(value, nameof(PoolWaitAfter));
    } = Duration.FromDays(2);

    /// <summary>How many deals the review shortlist holds. Default 3.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative.</exception>
    public int ShortlistSize
    {
        get;
        init => field = Positive(value, nameof(ShortlistSize));
    } = 3;

    /// <summary>The time zone in which the as-of instant and won instants become dates (close dates, coverage). Default UTC.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public DateTimeZone Zone
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(Zone));
    } = DateTimeZone.Utc;

    private static Duration Positive(Duration value, string name)
    {
        Preconditions.CheckRange(value > Duration.Zero, name, value, $"HealthPolicy.{name} must be a positive duration; it was {value}.");
        return value;
    }

    private static int Positive(int value, string name)
    {
        Preconditions.CheckRange(value > 0, name, value, $"HealthPolicy.{name} must be at least 1; it was {value}.");
        return value;
    }

    private static int NotNegative(int value, string name)
    {
        Preconditions.CheckRange(value >= 0, name, value, $"HealthPolicy.{name} must not be negative; it was {value}.");
        return value;
    }

    private static decimal Share(decimal value, string name)
    {
        Preconditions.CheckRange(
            value is >= 0m and <= 1m,
            name,
            value,
            $"HealthPolicy.{name} must be between 0 and 1 inclusive; it was {value.ToString(CultureInfo.InvariantCulture)}."
        );
        return value;
    }

    private static ValueDictionary<string, Duration> StageLimits(IReadOnlyDictionary<string, Duration> value)
    {
        const string name = nameof(RottingAfterByStage);
        foreach (var (stageId, limit) in value)
        {
            Preconditions.CheckArgument(
                !string.IsNullOrWhiteSpace(stageId),
                name,
                $"HealthPolicy.{name} has an empty stage id \"{stageId}\"."
            );
            Preconditions.CheckArgument(
                limit > Duration.Zero,
                name,
                $"HealthPolicy.{name} gives stage \"{stageId}\" the limit {limit}; it must be a positive duration."
            );
        }
        return new ValueDictionary<string, Duration>(value.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static ValueList<string> StageIds(IReadOnlyList<string> value, string name)
    {
        var ids = Preconditions.CheckNoNullElement(value, "Stage id", name);
        for (var i = 0; i < ids.Length; i++)
        {
            Preconditions.CheckArgument(
                !string.IsNullOrWhiteSpace(ids[i]),
                name,
                $"HealthPolicy.{name} has an empty stage id at position {i}: \"{ids[i]}\"."
            );
        }
        var repeated = ids.GroupBy(id => id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        Preconditions.CheckArgument(repeated is null, name, $"HealthPolicy.{name} names stage \"{repeated?.Key}\" more than once.");
        return ValueList<string>.Copy(ids)!;
    }
}
