using NodaTime;

namespace SalesPipeline.Leads;

/// <summary>
/// One change to a lead, with when it happened and who made it. A lead's history is the ordered list of its events
/// (<see cref="Lead.History"/>); the lead is their fold (<see cref="Lead.FromEvents"/>). Events are never rewritten or
/// dropped.
/// </summary>
/// <remarks>
/// Immutable records with value equality, safe to share across threads and to persist. The set of event types is
/// closed: only SalesPipeline defines them.
/// </remarks>
public abstract record LeadEvent
{
    private protected LeadEvent(LeadId leadId, Instant at, string by)
    {
        LeadId = leadId;
        At = at;
        By = by;
    }

    /// <summary>The lead the event belongs to.</summary>
    public LeadId LeadId { get; init; }

    /// <summary>When it happened.</summary>
    public Instant At { get; init; }

    /// <summary>Who did it (a person or system id).</summary>
    public string By { get; init; }
}

/// <summary>The lead arrived.</summary>
/// <param name="LeadId">The lead.</param>
/// <param name="At">When it arrived.</param>
/// <param name="By">Who (or which system) recorded it.</param>
/// <param name="Name">Who the lead is.</param>
/// <param name="Source">The channel it came from.</param>
/// <param name="Owner">The rep who owns it, or null when it arrived in a pool (<paramref name="Team"/>'s, or the company's).</param>
/// <param name="ProductInterest">The product it is about, if known.</param>
/// <param name="Team">The team whose pool it arrived in, when <paramref name="Owner"/> is null; null for the company pool or an owned lead.</param>
public sealed record LeadCreated(
    LeadId LeadId,
    Instant At,
    string By,
    string Name,
    LeadSource Source,
    string? Owner,
    string? ProductInterest = null,
    string? Team = null
) : LeadEvent(LeadId, At, By);

/// <summary>
/// The lead was put in a pool to wait for a rep: a team's pool (<paramref name="TeamId"/>), or the company pool (null).
/// It has no owner until <see cref="LeadReassigned"/> assigns one.
/// </summary>
/// <param name="LeadId">The lead.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
/// <param name="TeamId">The team whose pool it is in, or null for the company pool.</param>
public sealed record LeadAssignedToPool(LeadId LeadId, Instant At, string By, string? TeamId) : LeadEvent(LeadId, At, By);

/// <summary>A rep acted on the lead (a call, an e-mail); a New lead becomes Working.</summary>
/// <param name="LeadId">The lead.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record LeadTouched(LeadId LeadId, Instant At, string By) : LeadEvent(LeadId, At, By);

/// <summary>The lead was given to another rep.</summary>
/// <param name="LeadId">The lead.</param>
/// <param name="At">When.</param>
/// <param name="By">Who reassigned it.</param>
/// <param name="Owner">The new owner.</param>
public sealed record LeadReassigned(LeadId LeadId, Instant At, string By, string Owner) : LeadEvent(LeadId, At, By);

/// <summary>The lead was disqualified (final).</summary>
/// <param name="LeadId">The lead.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
/// <param name="Reason">Why, for example "no budget".</param>
public sealed record LeadDisqualified(LeadId LeadId, Instant At, string By, string Reason) : LeadEvent(LeadId, At, By);

/// <summary>The lead was converted into a deal (final).</summary>
/// <param name="LeadId">The lead.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
/// <param name="DealId">The deal it became.</param>
public sealed record LeadConverted(LeadId LeadId, Instant At, string By, DealId DealId) : LeadEvent(LeadId, At, By);
