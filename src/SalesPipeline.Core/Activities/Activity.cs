using System;
using System.Globalization;
using NodaTime;
using SalesPipeline.Utility;

namespace SalesPipeline.Activities;

/// <summary>
/// Something a rep did about one deal or one lead: a call, email, meeting, demo or other activity, when, and how it
/// ended. Activities count toward the deal's or lead's last-touch time (see <see cref="ActivityIndex"/>) and feed
/// the activity reports.
/// </summary>
/// <remarks>
/// An activity concerns exactly one deal or exactly one lead; create it with <see cref="ForDeal"/> or
/// <see cref="ForLead"/>. An immutable value with value equality; thread-safe.
/// </remarks>
/// <example><code>
/// var demo = Activity.ForDeal(ActivityKind.Demo, Instant.FromUtc(2026, 3, 2, 15, 0), "alice", new DealId("D-1"),
///     ActivityOutcome.Completed);
/// </code></example>
public sealed record Activity
{
    private Activity(ActivityKind kind, Instant at, string rep, DealId? deal, LeadId? lead, ActivityOutcome? outcome)
    {
        Preconditions.CheckInstant(at);
        Preconditions.CheckRange(
            Enum.IsDefined(kind),
            nameof(kind),
            kind,
            $"The activity kind must be Call, Email, Meeting, Demo or Other; it was {(int)kind}."
        );
        Kind = kind;
        At = at;
        Rep = Preconditions.CheckNotBlank(rep);
        Deal = deal;
        Lead = lead;
        Outcome = outcome;
    }

    /// <summary>The kind of activity.</summary>
    public ActivityKind Kind { get; }

    /// <summary>When it happened.</summary>
    public Instant At { get; }

    /// <summary>The rep who did it.</summary>
    public string Rep { get; }

    /// <summary>The deal it concerns, or null when it concerns a lead.</summary>
    public DealId? Deal { get; }

    /// <summary>The lead it concerns, or null when it concerns a deal.</summary>
    public LeadId? Lead { get; }

    /// <summary>How it ended, if recorded.</summary>
    public ActivityOutcome? Outcome { get; }

    /// <summary>Records an activity about a deal.</summary>
    /// <param name="kind">What was done.</param>
    /// <param name="at">When.</param>
    /// <param name="rep">The rep who did it; not empty.</param>
    /// <param name="deal">The deal it concerns; not the default id.</param>
    /// <param name="outcome">How it ended, if known.</param>
    /// <returns>The activity.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rep"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="rep"/> is empty, or <paramref name="deal"/> is the default id.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="kind"/> is not a defined kind; or <paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.
    /// </exception>
    public static Activity ForDeal(ActivityKind kind, Instant at, string rep, DealId deal, ActivityOutcome? outcome = null)
    {
        Preconditions.CheckArgument(
            deal.Value.Length > 0,
            nameof(deal),
            "The deal id must not be default(DealId); create it with new DealId(\"...\")."
        );
        return new Activity(kind, at, rep, deal, null, outcome);
    }

    /// <summary>Records an activity about a lead.</summary>
    /// <param name="kind">What was done.</param>
    /// <param name="at">When.</param>
    /// <param name="rep">The rep who did it; not empty.</param>
    /// <param name="lead">The lead it concerns; not the default id.</param>
    /// <param name="outcome">How it ended, if known.</param>
    /// <returns>The activity.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rep"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="rep"/> is empty, or <paramref name="lead"/> is the default id.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="kind"/> is not a defined kind; or <paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.
    /// </exception>
    public static Activity ForLead(ActivityKind kind, Instant at, string rep, LeadId lead, ActivityOutcome? outcome = null)
    {
        Preconditions.CheckArgument(
            lead.Value.Length > 0,
            nameof(lead),
            "The lead id must not be default(LeadId); create it with new LeadId(\"...\")."
        );
        return new Activity(kind, at, rep, null, lead, outcome);
    }

    /// <summary>"2026-03-02T15:00:00Z alice Demo D-1 (completed)".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{At} {Rep} {Kind} {(Deal is { } d ? d.Value : Lead!.Value.Value)}{(Outcome is null ? "" : $" ({Outcome})")}"
        );
}
