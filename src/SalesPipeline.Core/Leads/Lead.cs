using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;
using SalesPipeline.Utility;

namespace SalesPipeline.Leads;

/// <summary>
/// Raw interest before it becomes a deal: who it is, where it came from (<see cref="Source"/>), what product it is
/// about, who owns it, and where it stands (New, Working, Converted, Disqualified).
/// </summary>
/// <remarks>
/// <para>Immutable: <see cref="Touch"/>, <see cref="Disqualify"/>, <see cref="Reassign"/> and <see cref="Convert"/>
/// return new values. Converted and Disqualified are terminal; converting or disqualifying a lead that is already
/// converted or disqualified throws <see cref="InvalidOperationException"/> and changes nothing.</para>
/// <para>Every change is recorded as a <see cref="LeadEvent"/> in <see cref="History"/>, in time order (a change dated
/// before the latest event is refused); <see cref="FromEvents"/> rebuilds an equal lead from that history, so a lead
/// can be stored as its events. Two leads are equal when their histories are.</para>
/// <para>Thread-safe.</para>
/// </remarks>
public sealed partial record Lead
{
    private Lead(LeadCreated created)
    {
        Id = created.LeadId;
        Name = created.Name;
        Source = created.Source;
        Owner = created.Owner;
        Team = created.Team;
        InPoolSince = created.Owner is null ? created.At : null;
        CreatedAt = created.At;
        ProductInterest = created.ProductInterest;
        Log = ValueList<LeadEvent>.Of(created);
    }

    /// <summary>The lead's id.</summary>
    public LeadId Id { get; }

    /// <summary>Who the lead is, for example "Globex Corp (Jane Roe)".</summary>
    public string Name { get; }

    /// <summary>The channel it came from.</summary>
    public LeadSource Source { get; }

    /// <summary>The product it is about, if known.</summary>
    public string? ProductInterest { get; }

    /// <summary>
    /// The rep who owns it, or null while it waits in a pool (<see cref="Team"/>'s, or the company pool when
    /// <see cref="Team"/> is null). Breakdowns by owner show pooled leads as "(unassigned)".
    /// </summary>
    public string? Owner { get; private init; }

    /// <summary>
    /// The team whose pool the lead was last put in; kept when the team's lead then assigns a rep. Null for the company
    /// pool and for a lead that was never pooled.
    /// </summary>
    public string? Team { get; private init; }

    /// <summary>Whether the lead waits in a pool (it has no owner).</summary>
    public bool IsInPool => Owner is null;

    /// <summary>When the lead entered the pool it waits in; null while a rep owns it.</summary>
    public Instant? InPoolSince { get; private init; }

    // What reports show and group by for the owner (a pooled lead is "(unassigned)").
    internal string OwnerKey => Owner ?? Deal.UnassignedOwner;

    /// <summary>Where it stands.</summary>
    public LeadStatus Status { get; private init; }

    /// <summary>When it was created.</summary>
    public Instant CreatedAt { get; }

    /// <summary>When a rep first acted on it (a touch, or converting or disqualifying it), or null while untouched: the end of the lead response time.</summary>
    public Instant? FirstTouchAt { get; private init; }

    /// <summary>When a rep last acted on it, or null while untouched.</summary>
    public Instant? LastTouchAt { get; private init; }

    /// <summary>Why it was disqualified, while disqualified.</summary>
    public string? DisqualificationReason { get; private init; }

    /// <summary>When it was converted or disqualified, if it was.</summary>
    public Instant? ClosedAt { get; private init; }

    /// <summary>The deal it was converted into, if it was.</summary>
    public DealId? DealId { get; private init; }

    /// <summary>
    /// Every change, oldest first: <see cref="LeadCreated"/>, then touches, reassignments and at most one
    /// <see cref="LeadDisqualified"/> or <see cref="LeadConverted"/>.
    /// </summary>
    public IReadOnlyList<LeadEvent> History => Log;

    // A value list, so the record's equality compares histories by content.
    private ValueList<LeadEvent> Log { get; init; }

    // Changes may not go back before the latest recorded one, so the history stays in time order.
    private Instant LatestAt => Log[^1].At;

    /// <summary>Creates a new, untouched lead.</summary>
    /// <param name="id">The lead's id.</param>
    /// <param name="name">Who it is; not empty.</param>
    /// <param name="source">The channel it came from.</param>
    /// <param name="owner">The owning rep; not empty.</param>
    /// <param name="createdAt">When it arrived.</param>
    /// <param name="productInterest">The product it is about, if known; not empty when given.</param>
    /// <param name="by">Who (or which system) recorded it; the owner when null.</param>
    /// <returns>A lead with status New and one <see cref="LeadCreated"/> event.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/>, <paramref name="source"/> or <paramref name="owner"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is default, or a text argument is empty or whitespace.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="createdAt"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.</exception>
    public static Lead Create(
        LeadId id,
        string name,
        LeadSource source,
        string owner,
        Instant createdAt,
        string? productInterest = null,
        string? by = null
    )
    {
        Preconditions.CheckArgument(
            id.Value.Length > 0,
            nameof(id),
            "The lead id must not be default(LeadId); create it with new LeadId(\"...\")."
        );
        Preconditions.CheckNotBlank(name);
        Preconditions.CheckNotNull(source);
        Preconditions.CheckNotBlank(owner);
        if (productInterest is not null)
        {
            Preconditions.CheckNotBlank(productInterest);
        }
        CheckBy(by);
        Preconditions.CheckInstant(createdAt);
        return new Lead(new LeadCreated(id, createdAt, by ?? owner, name, source, owner, productInterest));
    }

    /// <summary>Records that a rep acted on the lead; a New lead becomes Working.</summary>
    /// <param name="at">When; not before the lead's latest event.</param>
    /// <param name="by">Who; the lead's owner when null.</param>
    /// <returns>The touched lead, with a <see cref="LeadTouched"/> event.</returns>
    /// <exception cref="ArgumentException"><paramref name="by"/> is empty or whitespace.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="at"/> is before the lead's latest event; or <paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.
    /// </exception>
    /// <exception cref="InvalidOperationException">The lead is converted or disqualified.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="by"/> is null while the lead waits in a pool (there is no owner to act for it).</exception>
    public Lead Touch(Instant at, string? by = null)
    {
        CheckBy(by);
        CheckOpen("be touched");
        CheckNotBefore(at);
        return Fold(new LeadTouched(Id, at, ActorOr(by)));
    }

    /// <summary>
    /// Creates a lead without an owner: it waits in <paramref name="team"/>'s pool (or the company pool when
    /// <paramref name="team"/> is null) until <see cref="Reassign"/> gives it to a rep.
    /// </summary>
    /// <param name="id">The lead's id.</param>
    /// <param name="name">Who the lead is; not empty.</param>
    /// <param name="source">The channel it came from.</param>
    /// <param name="team">The team whose pool it arrives in, or null for the company pool; not empty when given.</param>
    /// <param name="createdAt">When it arrived.</param>
    /// <param name="by">Who (or which system) recorded it; not empty.</param>
    /// <param name="productInterest">The product it is about, if known; not empty when given.</param>
    /// <returns>The new lead, status New, with one <see cref="LeadCreated"/> event whose owner is null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/>, <paramref name="source"/> or <paramref name="by"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is the default id, or a text argument is empty or whitespace.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="createdAt"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.</exception>
    public static Lead CreateInPool(
        LeadId id,
        string name,
        LeadSource source,
        string? team,
        Instant createdAt,
        string by,
        string? productInterest = null
    )
    {
        Preconditions.CheckArgument(
            id.Value.Length > 0,
            nameof(id),
            "The lead id must not be default(LeadId); create it with new LeadId(\"...\")."
        );
        Preconditions.CheckNotBlank(name);
        Preconditions.CheckNotNull(source);
        if (team is not null)
        {
            Preconditions.CheckNotBlank(team);
        }
        Preconditions.CheckNotBlank(by);
        if (productInterest is not null)
        {
            Preconditions.CheckNotBlank(productInterest);
        }
        Preconditions.CheckInstant(createdAt);
        return new Lead(new LeadCreated(id, createdAt, by, name, source, null, productInterest, team));
    }

    /// <summary>
    /// Puts an open lead in a pool to wait for a rep: <paramref name="teamId"/>'s pool, or the company pool when null.
    /// The lead loses its owner until <see cref="Reassign"/> gives it one. Who may do this is the organisation's rule
    /// (<see cref="Organization.SalesOrg"/>); the lead only records it.
    /// </summary>
    /// <param name="teamId">The team, or null for the company pool; not empty when given.</param>
    /// <param name="at">When; not before the lead's latest event.</param>
    /// <param name="by">Who; not empty.</param>
    /// <returns>The pooled lead, with a <see cref="LeadAssignedToPool"/> event.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="by"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="teamId"/> or <paramref name="by"/> is empty or whitespace, or the lead already waits in that pool.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="at"/> is before the lead's latest event; or <paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.
    /// </exception>
    /// <exception cref="InvalidOperationException">The lead is converted or disqualified.</exception>
    public Lead AssignToPool(string? teamId, Instant at, string by)
    {
        if (teamId is not null)
        {
            Preconditions.CheckNotBlank(teamId);
        }
        Preconditions.CheckNotBlank(by);
        CheckOpen("be put in a pool");
        CheckNotBefore(at);
        Preconditions.CheckArgument(
            !(IsInPool && Team == teamId),
            nameof(teamId),
            teamId is null ? $"Lead {Id} is already in the company pool." : $"Lead {Id} is already in team \"{teamId}\"'s pool."
        );
        return Fold(new LeadAssignedToPool(Id, at, by, teamId));
    }

    /// <summary>Gives the lead to a rep: from a pool, or from another rep (also a converted or disqualified one, so its history shows who owns it).</summary>
    /// <param name="owner">The new owner; not empty.</param>
    /// <param name="at">When; not before the lead's latest event.</param>
    /// <param name="by">Who reassigns it; the new owner when null.</param>
    /// <returns>The reassigned lead, with a <see cref="LeadReassigned"/> event.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="owner"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="owner"/> or <paramref name="by"/> is empty or whitespace.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="at"/> is before the lead's latest event; or <paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.
    /// </exception>
    public Lead Reassign(string owner, Instant at, string? by = null)
    {
        Preconditions.CheckNotBlank(owner);
        CheckBy(by);
        CheckNotBefore(at);
        return Fold(new LeadReassigned(Id, at, by ?? owner, owner));
    }

    /// <summary>Disqualifies the lead.</summary>
    /// <param name="reason">Why, for example "no budget" or "student"; not empty.</param>
    /// <param name="at">When; not before the lead's latest event.</param>
    /// <param name="by">Who; the lead's owner when null.</param>
    /// <returns>The disqualified lead, with a <see cref="LeadDisqualified"/> event.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reason"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="reason"/> or <paramref name="by"/> is empty or whitespace.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="at"/> is before the lead's latest event; or <paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.
    /// </exception>
    /// <exception cref="InvalidOperationException">The lead is already converted or disqualified.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="by"/> is null while the lead waits in a pool (there is no owner to act for it).</exception>
    public Lead Disqualify(string reason, Instant at, string? by = null)
    {
        Preconditions.CheckNotBlank(reason);
        CheckBy(by);
        CheckOpen("be disqualified");
        CheckNotBefore(at);
        return Fold(new LeadDisqualified(Id, at, ActorOr(by), reason));
    }

    /// <summary>
    /// Converts the lead into a deal in the pipeline's first open stage; the deal remembers the lead and its source.
    /// </summary>
    /// <param name="pipeline">The pipeline.</param>
    /// <param name="dealId">The new deal's id.</param>
    /// <param name="amount">The deal's expected amount; not negative.</param>
    /// <param name="expectedClose">The deal's expected close date.</param>
    /// <param name="at">When; not before the lead's latest event.</param>
    /// <param name="by">Who converts it (recorded on the <see cref="LeadConverted"/> event and as the deal's creator); the lead's owner when null.</param>
    /// <param name="dealName">The deal's name; the lead's name when null.</param>
    /// <returns>The converted lead and the new deal (owned by the lead's owner, with the lead's source and its
    /// <see cref="ProductInterest"/> as the deal's product).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pipeline"/> or <paramref name="amount"/> is null.</exception>
    /// <exception cref="ArgumentException">An id is default, or a given text is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="amount"/> is negative, or <paramref name="at"/> is before the lead's latest event; or <paramref name="expectedClose"/> is not a supported date: ISO calendar, 0001-01-01 to 9999-12-31; or <paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.
    /// </exception>
    /// <exception cref="InvalidOperationException">The lead is already converted or disqualified, or it waits in a pool (assign it to a rep first).</exception>
    public (Lead Lead, Deal Deal) Convert(
        PipelineDefinition pipeline,
        DealId dealId,
        Money amount,
        LocalDate expectedClose,
        Instant at,
        string? by = null,
        string? dealName = null
    )
    {
        // Checked here so that the exceptions name this method's parameters (Deal.Open calls them id and name).
        Preconditions.CheckNotNull(pipeline);
        Preconditions.CheckArgument(
            dealId.Value.Length > 0,
            nameof(dealId),
            "The deal id must not be default(DealId); create it with new DealId(\"...\")."
        );
        if (dealName is not null)
        {
            Preconditions.CheckNotBlank(dealName);
        }
        CheckBy(by);
        CheckOpen("be converted");
        CheckAssigned();
        CheckNotBefore(at);
        var deal = Deal.Open(pipeline, dealId, dealName ?? Name, Owner, amount, expectedClose, at, by, Id, Source, ProductInterest);
        return (Fold(new LeadConverted(Id, at, ActorOr(by), dealId)), deal);
    }

    /// <summary>
    /// Rebuilds a lead from its stored events (for example from a database), checking that they form a history the
    /// methods of this type could have made.
    /// </summary>
    /// <param name="events">The events, oldest first: one <see cref="LeadCreated"/>, then the changes.</param>
    /// <returns>The lead they describe; <c>Lead.FromEvents(lead.History)</c> equals <c>lead</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">
    /// The events are empty, do not start with exactly one <see cref="LeadCreated"/>, belong to different leads, go back
    /// in time, carry a value the matching method refuses (an empty name, owner, actor or reason, a default id), or
    /// change a converted or disqualified lead other than by reassigning it. The message names the event's index.
    /// </exception>
    public static Lead FromEvents(IEnumerable<LeadEvent> events)
    {
        Preconditions.CheckNotNull(events);
        var list = events.ToArray();
        Preconditions.CheckArgument(
            list.Length > 0,
            nameof(events),
            "A lead's history needs at least its LeadCreated event; the list was empty."
        );
        Lead? lead = null;
        for (var i = 0; i < list.Length; i++)
        {
            var e = list[i] ?? throw new ArgumentNullException(nameof(events), $"Event {i} is null.");
            try
            {
                lead = (lead, e) switch
                {
                    (null, LeadCreated { Owner: null } c) => CreateInPool(
                        c.LeadId,
                        c.Name,
                        c.Source,
                        c.Team,
                        c.At,
                        c.By,
                        c.ProductInterest
                    ),
                    (null, LeadCreated { Team: not null }) => throw new ArgumentException(
                        "a team pool is named only for a lead created without an owner."
                    ),
                    (null, LeadCreated c) => Create(c.LeadId, c.Name, c.Source, c.Owner!, c.At, c.ProductInterest, c.By),
                    (null, _) => throw new ArgumentException($"a lead's history starts with LeadCreated, not {e.GetType().Name}."),
                    (_, LeadCreated) => throw new ArgumentException("a lead has one LeadCreated event, at the start of its history."),
                    _ when e.LeadId != lead.Id => throw new ArgumentException($"it belongs to lead {e.LeadId}, not {lead.Id}."),
                    (_, LeadTouched t) => lead.Touch(t.At, t.By),
                    (_, LeadReassigned r) => lead.Reassign(r.Owner, r.At, r.By),
                    (_, LeadAssignedToPool p) => lead.AssignToPool(p.TeamId, p.At, p.By),
                    (_, LeadDisqualified d) => lead.Disqualify(d.Reason, d.At, d.By),
                    (_, LeadConverted c) => lead.MarkConverted(c),
                    _ => throw new ArgumentException($"{e.GetType().Name} is not a lead event SalesPipeline defines."),
                };
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
            {
                throw new ArgumentException(
                    $"Event {i} ({e.GetType().Name} at {e.At}) cannot follow the events before it: {ex.Message}",
                    nameof(events),
                    ex
                );
            }
        }
        return lead!;
    }

    private Lead MarkConverted(LeadConverted converted)
    {
        Preconditions.CheckArgument(
            converted.DealId.Value is { Length: > 0 },
            nameof(converted),
            "The deal id must not be default(DealId)."
        );
        CheckBy(converted.By);
        CheckOpen("be converted");
        CheckAssigned();
        CheckNotBefore(converted.At);
        return Fold(converted);
    }

    // Applies an event already checked by the caller. Converting or disqualifying is acting on the lead, so an
    // untouched lead's first touch is that event (for response time); reassigning is not acting on it.
    private Lead Fold(LeadEvent e)
    {
        var next = e switch
        {
            LeadTouched => this with { FirstTouchAt = FirstTouchAt ?? e.At, LastTouchAt = e.At, Status = LeadStatus.Working },
            LeadReassigned r => this with { Owner = r.Owner, InPoolSince = null },
            LeadAssignedToPool p => this with { Owner = null, Team = p.TeamId, InPoolSince = p.At },
            LeadDisqualified d => this with
            {
                Status = LeadStatus.Disqualified,
                DisqualificationReason = d.Reason,
                ClosedAt = d.At,
                FirstTouchAt = FirstTouchAt ?? d.At,
                LastTouchAt = d.At,
            },
            LeadConverted c => this with
            {
                Status = LeadStatus.Converted,
                ClosedAt = c.At,
                DealId = c.DealId,
                FirstTouchAt = FirstTouchAt ?? c.At,
                LastTouchAt = c.At,
            },
            _ => throw new InvalidOperationException($"{e.GetType().Name} is not folded here."),
        };
        return next with { Log = Log.Append(e) };
    }

    // Converting makes a deal owned by the lead's owner, so a pooled lead gets a rep first (Convert and FromEvents alike).
    [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(Owner))]
    private void CheckAssigned()
    {
        if (Owner is null)
        {
            throw new InvalidOperationException(
                $"Lead {Id} waits in {(Team is null ? "the company pool" : $"team \"{Team}\"'s pool")}; assign it to a rep (Reassign) before converting it, so the deal has an owner."
            );
        }
    }

    // A pooled lead has no owner to act by default, so the caller must say who acts.
    private string ActorOr(string? by) =>
        by
        ?? Owner
        ?? throw new ArgumentNullException(
            nameof(by),
            $"Lead {Id} waits in a pool, so there is no owner to act by default; name who acts."
        );

    private static void CheckBy(string? by)
    {
        if (by is not null)
        {
            Preconditions.CheckNotBlank(by, nameof(by));
        }
    }

    private void CheckOpen(string action)
    {
        if (Status is LeadStatus.Converted or LeadStatus.Disqualified)
        {
            throw new InvalidOperationException(
                $"Lead {Id} is {Status.ToString().ToLowerInvariant()}, so it cannot {action}; converted and disqualified leads are final."
            );
        }
    }

    private void CheckNotBefore(Instant at)
    {
        Preconditions.CheckInstant(at);
        Preconditions.CheckRange(
            at >= LatestAt,
            nameof(at),
            at,
            $"Lead {Id} cannot change at {at}: that is before its latest event, at {LatestAt}."
        );
    }

    /// <summary>"L-1 Globex | web | alice | Working".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Id} {Name} | {Source} | {OwnerKey} | {Status}");
}
