using System;
using System.Globalization;
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
/// <para>Thread-safe.</para>
/// </remarks>
public sealed record Lead
{
    private Lead(LeadId id, string name, LeadSource source, string owner, Instant createdAt, string? productInterest)
    {
        Id = id;
        Name = name;
        Source = source;
        Owner = owner;
        CreatedAt = createdAt;
        ProductInterest = productInterest;
    }

    /// <summary>The lead's id.</summary>
    public LeadId Id { get; }

    /// <summary>Who the lead is, for example "Globex Corp (Jane Roe)".</summary>
    public string Name { get; }

    /// <summary>The channel it came from.</summary>
    public LeadSource Source { get; }

    /// <summary>The product it is about, if known.</summary>
    public string? ProductInterest { get; }

    /// <summary>The rep who owns it.</summary>
    public string Owner { get; private init; }

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

    /// <summary>Creates a new, untouched lead.</summary>
    /// <param name="id">The lead's id.</param>
    /// <param name="name">Who it is; not empty.</param>
    /// <param name="source">The channel it came from.</param>
    /// <param name="owner">The owning rep; not empty.</param>
    /// <param name="createdAt">When it arrived.</param>
    /// <param name="productInterest">The product it is about, if known; not empty when given.</param>
    /// <returns>A lead with status New.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/>, <paramref name="source"/> or <paramref name="owner"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is default, or a text argument is empty or whitespace.</exception>
    public static Lead Create(LeadId id, string name, LeadSource source, string owner, Instant createdAt, string? productInterest = null)
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
        return new Lead(id, name, source, owner, createdAt, productInterest);
    }

    /// <summary>Records that a rep acted on the lead; a New lead becomes Working.</summary>
    /// <param name="at">When; not before the lead was created or last touched.</param>
    /// <returns>The touched lead.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before <see cref="CreatedAt"/> or <see cref="LastTouchAt"/>.</exception>
    /// <exception cref="InvalidOperationException">The lead is converted or disqualified.</exception>
    public Lead Touch(Instant at)
    {
        CheckOpen("be touched");
        CheckNotBefore(at, LastTouchAt ?? CreatedAt);
        return this with { FirstTouchAt = FirstTouchAt ?? at, LastTouchAt = at, Status = LeadStatus.Working };
    }

    /// <summary>Gives the lead to another rep.</summary>
    /// <param name="owner">The new owner; not empty.</param>
    /// <returns>The reassigned lead.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="owner"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="owner"/> is empty or whitespace.</exception>
    public Lead Reassign(string owner) => this with { Owner = Preconditions.CheckNotBlank(owner) };

    /// <summary>Disqualifies the lead.</summary>
    /// <param name="reason">Why, for example "no budget" or "student"; not empty.</param>
    /// <param name="at">When; not before the lead was created or last touched.</param>
    /// <returns>The disqualified lead.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reason"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is empty or whitespace.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before the lead's latest instant.</exception>
    /// <exception cref="InvalidOperationException">The lead is already converted or disqualified.</exception>
    public Lead Disqualify(string reason, Instant at)
    {
        Preconditions.CheckNotBlank(reason);
        CheckOpen("be disqualified");
        CheckNotBefore(at, LastTouchAt ?? CreatedAt);
        return this with
        {
            Status = LeadStatus.Disqualified,
            DisqualificationReason = reason,
            ClosedAt = at,
            FirstTouchAt = FirstTouchAt ?? at,
            LastTouchAt = at,
        };
    }

    /// <summary>
    /// Converts the lead into a deal in the pipeline's first open stage; the deal remembers the lead and its source.
    /// </summary>
    /// <param name="pipeline">The pipeline.</param>
    /// <param name="dealId">The new deal's id.</param>
    /// <param name="amount">The deal's expected amount; not negative.</param>
    /// <param name="expectedClose">The deal's expected close date.</param>
    /// <param name="at">When; not before the lead's latest instant.</param>
    /// <param name="by">Who converts it; the lead's owner when null.</param>
    /// <param name="dealName">The deal's name; the lead's name when null.</param>
    /// <returns>The converted lead and the new deal (owned by the lead's owner, with the lead's source and its
    /// <see cref="ProductInterest"/> as the deal's product).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pipeline"/> or <paramref name="amount"/> is null.</exception>
    /// <exception cref="ArgumentException">An id is default, or a given text is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative, or <paramref name="at"/> is before the lead's latest instant.</exception>
    /// <exception cref="InvalidOperationException">The lead is already converted or disqualified.</exception>
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
        CheckOpen("be converted");
        CheckNotBefore(at, LastTouchAt ?? CreatedAt);
        var deal = Deal.Open(pipeline, dealId, dealName ?? Name, Owner, amount, expectedClose, at, by, Id, Source, ProductInterest);
        // Converting is acting on the lead, so an untouched lead's first touch is its conversion (for response time).
        return (
            this with
            {
                Status = LeadStatus.Converted,
                ClosedAt = at,
                DealId = dealId,
                FirstTouchAt = FirstTouchAt ?? at,
                LastTouchAt = at,
            },
            deal
        );
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

    private void CheckNotBefore(Instant at, Instant earliest)
    {
        Preconditions.CheckRange(
            at >= earliest,
            nameof(at),
            at,
            $"Lead {Id} cannot change at {at}: that is before its latest recorded instant {earliest}."
        );
    }

    /// <summary>"L-1 Globex | web | alice | Working".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Id} {Name} | {Source} | {Owner} | {Status}");
}
