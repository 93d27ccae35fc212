using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using SalesPipeline.Activities;
using SalesPipeline.Statistics;
using SalesPipeline.Utility;

namespace SalesPipeline.Metrics;

/// <summary>Which activities the activity-to-progress ratio judges, and how long a deal has to move forward after one.</summary>
/// <remarks>
/// <para>Defaults: meetings and demos, 14 days, no-shows and cancellations left out (they did not take place), no
/// window, UTC, judged on all the history given (no <see cref="AsOf"/>), 95% intervals.</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
public sealed record ActivityProgressOptions
{
    private readonly ActivityKind[] kinds = [ActivityKind.Meeting, ActivityKind.Demo];

    // In the order the setter keeps (by code), so options listing the same outcomes equal the default.
    private readonly ActivityOutcome[] excludedOutcomes = [ActivityOutcome.Cancelled, ActivityOutcome.NoShow];
    private readonly Duration within = Duration.FromDays(14);
    private readonly double confidence = 0.95;

    /// <summary>The default options.</summary>
    public static ActivityProgressOptions Default { get; } = new();

    /// <summary>The kinds of activity judged; meetings and demos by default. Not empty.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    /// <exception cref="ArgumentException">The list is empty or holds an undefined kind.</exception>
    public IReadOnlyList<ActivityKind> Kinds
    {
        get => ValueList<ActivityKind>.Copy(kinds)!; // prints as [Meeting, Demo] in ToString
        init
        {
            Preconditions.CheckNotNull(value, nameof(Kinds));
            Preconditions.CheckArgument(
                value.Count > 0 && value.All(Enum.IsDefined),
                nameof(Kinds),
                $"Kinds must name at least one defined activity kind; it was [{string.Join(", ", value.Select(k => (int)k))}]."
            );
            kinds = value.Distinct().Order().ToArray();
        }
    }

    /// <summary>Outcomes whose activities are left out (they did not take place); no-show and cancelled by default.</summary>
    /// <exception cref="ArgumentNullException">The value or an element is null.</exception>
    public IReadOnlyList<ActivityOutcome> ExcludedOutcomes
    {
        get => ValueList<ActivityOutcome>.Copy(excludedOutcomes)!;
        init
        {
            excludedOutcomes = Preconditions
                .CheckNoNullElement(value, "Outcome", nameof(ExcludedOutcomes))
                .Distinct()
                .OrderBy(o => o.Code, StringComparer.Ordinal)
                .ToArray();
        }
    }

    /// <summary>How long after the activity a forward move or a win still counts as progress; 14 days by default. Positive.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative.</exception>
    public Duration Within
    {
        get => within;
        init =>
            within =
                value > Duration.Zero
                    ? value
                    : throw new ArgumentOutOfRangeException(nameof(Within), value, $"Within must be positive; it was {value}.");
    }

    /// <summary>
    /// When the history ends: events after it are ignored, and an activity whose <see cref="Within"/> period has not
    /// ended by then and has not led to progress yet is pending (not judged). Null: the history is complete.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.</exception>
    public Instant? AsOf
    {
        get;
        init => field = Preconditions.CheckInstant(value, nameof(AsOf));
    }

    /// <summary>The first day (inclusive) of the window activities are taken from, by their date in <see cref="Zone"/>.</summary>
    /// <exception cref="System.ArgumentOutOfRangeException">The value is not a supported date: ISO calendar, 0001-01-01 to 9999-12-31.</exception>
    public LocalDate? Start
    {
        get;
        init => field = Preconditions.CheckDate(value, nameof(Start));
    }

    /// <summary>The day after the window (exclusive).</summary>
    /// <exception cref="System.ArgumentOutOfRangeException">The value is not a supported date: ISO calendar, 0001-01-01 to 9999-12-31.</exception>
    public LocalDate? End
    {
        get;
        init => field = Preconditions.CheckDate(value, nameof(End));
    }

    /// <summary>The zone that turns an activity's instant into a date for the window; UTC by default.</summary>
    public DateTimeZone Zone { get; init; } = DateTimeZone.Utc;

    /// <summary>The confidence level of the Wilson intervals; strictly between 0 and 1, 0.95 by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not strictly between 0 and 1.</exception>
    public double Confidence
    {
        get => confidence;
        init => confidence = ConfidenceLevel.Check(value, nameof(Confidence));
    }

    /// <summary>Whether two option sets judge alike (lists compared by content).</summary>
    /// <param name="other">The other options.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(ActivityProgressOptions? other) =>
        other is not null
        && kinds.SequenceEqual(other.kinds)
        && excludedOutcomes.SequenceEqual(other.excludedOutcomes)
        && within == other.within
        && AsOf == other.AsOf
        && Start == other.Start
        && End == other.End
        && Equals(Zone, other.Zone)
        && confidence.Equals(other.confidence);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(kinds.Length, excludedOutcomes.Length, within, AsOf, Start, End, confidence);

    internal bool Judges(Activity activity) =>
        kinds.Contains(activity.Kind)
        && (activity.Outcome is null || !excludedOutcomes.Contains(activity.Outcome))
        && activity.At.InZone(Zone).Date is var date
        && (Start is not { } start || date >= start)
        && (End is not { } end || date < end);

    internal void Check(string paramName)
    {
        Preconditions.CheckArgument(
            Zone is not null,
            paramName,
            "ActivityProgressOptions.Zone must not be null; use DateTimeZone.Utc for UTC."
        );
        if (Start is { } start && End is { } end)
        {
            Preconditions.CheckArgument(
                start < end,
                paramName,
                $"The window [{start:uuuu-MM-dd}, {end:uuuu-MM-dd}) is empty: Start must be before End (End is exclusive)."
            );
        }
    }
}
