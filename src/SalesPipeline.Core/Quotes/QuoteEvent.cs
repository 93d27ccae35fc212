using System.Collections.Generic;
using NodaTime;
using SalesPipeline.Utility;

namespace SalesPipeline.Quotes;

/// <summary>
/// One change to a quote, with when it happened and who made it. A quote's history is the ordered list of its events;
/// the quote itself is their fold (<see cref="Quote.FromEvents"/>). Events are never rewritten or dropped, so every
/// version, approval and rejection stays in the history.
/// </summary>
/// <remarks>
/// Events are immutable records with value equality (their lists compare by content), safe to share across threads and
/// to persist. The set of event types is closed: only SalesPipeline defines them.
/// </remarks>
public abstract record QuoteEvent
{
    private protected QuoteEvent(string quoteId, Instant at, string by)
    {
        QuoteId = quoteId;
        At = at;
        By = by;
    }

    /// <summary>The quote the event belongs to.</summary>
    public string QuoteId { get; init; }

    /// <summary>When it happened.</summary>
    public Instant At { get; init; }

    /// <summary>Who did it (a person or system id).</summary>
    public string By { get; init; }

    // An event's list, copied and compared by content; a null element is refused where it is set, by position.
    private protected static ValueList<T> ListOf<T>(IEnumerable<T> items, string itemName, string paramName)
        where T : class => ValueList<T>.Copy(Preconditions.CheckNoNullElement(items, itemName, paramName))!;
}

/// <summary>The quote was created as version 1, a draft.</summary>
/// <param name="QuoteId">The quote.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
/// <param name="DealId">The deal the quote is for.</param>
/// <param name="Rep">The rep who owns the quote (approvals are resolved from them).</param>
/// <param name="Content">Version 1: validity, lines and quote discount.</param>
/// <param name="Zone">
/// The time zone whose calendar decides the quote's days for its whole life: whether a valid-until date is before the
/// day of creation or of a revision, and whether the quote had expired when it was sent, accepted or looked at.
/// </param>
/// <exception cref="System.ArgumentNullException"><paramref name="Content"/> or <paramref name="Zone"/> is null.</exception>
public sealed record QuoteCreated(string QuoteId, Instant At, string By, DealId DealId, string Rep, QuoteContent Content, DateTimeZone Zone)
    : QuoteEvent(QuoteId, At, By)
{
    /// <summary>Version 1's content.</summary>
    public QuoteContent Content
    {
        get => content;
        init => content = Preconditions.CheckNotNull(value, nameof(Content));
    }

    private readonly QuoteContent content = Preconditions.CheckNotNull(Content);

    /// <summary>The quote's time zone.</summary>
    public DateTimeZone Zone
    {
        get => zone;
        init => zone = Preconditions.CheckNotNull(value, nameof(Zone));
    }

    private readonly DateTimeZone zone = Preconditions.CheckNotNull(Zone);
}

/// <summary>
/// The quote's lines, discount or validity changed. <paramref name="Version"/> is the version after the change: the same
/// version only while the quote is a draft that was never submitted; the next one once that version had been submitted
/// (pending approval, approved, rejected, sent, declined or expired), so the content that approvers or the customer saw
/// is never overwritten.
/// </summary>
/// <param name="QuoteId">The quote.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
/// <param name="Version">The version the quote has after the change.</param>
/// <param name="Content">The new content: validity, lines and quote discount.</param>
/// <exception cref="System.ArgumentNullException"><paramref name="Content"/> is null.</exception>
public sealed record QuoteRevised(string QuoteId, Instant At, string By, int Version, QuoteContent Content) : QuoteEvent(QuoteId, At, By)
{
    /// <summary>The new content.</summary>
    public QuoteContent Content
    {
        get => content;
        init => content = Preconditions.CheckNotNull(value, nameof(Content));
    }

    private readonly QuoteContent content = Preconditions.CheckNotNull(Content);
}

/// <summary>
/// The draft was submitted: the approval policy's decision is recorded. With no required approval the quote is
/// approved at once; otherwise it waits for them.
/// </summary>
/// <param name="QuoteId">The quote.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
/// <param name="Triggered">Every rule the quote triggered, with what it measured.</param>
/// <param name="Required">The approvals required; empty when none.</param>
/// <exception cref="System.ArgumentNullException">A list or an element of one is null.</exception>
public sealed record QuoteSubmitted(
    string QuoteId,
    Instant At,
    string By,
    IReadOnlyList<TriggeredRule> Triggered,
    IReadOnlyList<RequiredApproval> Required
) : QuoteEvent(QuoteId, At, By)
{
    /// <summary>The triggered rules (compared by content).</summary>
    public IReadOnlyList<TriggeredRule> Triggered
    {
        get => triggered;
        init => triggered = ListOf(value, "Triggered rule", nameof(Triggered));
    }

    private readonly IReadOnlyList<TriggeredRule> triggered = ListOf(Triggered, "Triggered rule", nameof(Triggered));

    /// <summary>The required approvals (compared by content).</summary>
    public IReadOnlyList<RequiredApproval> Required
    {
        get => required;
        init => required = ListOf(value, "Required approval", nameof(Required));
    }

    private readonly IReadOnlyList<RequiredApproval> required = ListOf(Required, "Required approval", nameof(Required));
}

/// <summary>An entitled approver approved the quote; once every required approval is given, the quote is approved.</summary>
/// <param name="QuoteId">The quote.</param>
/// <param name="At">When.</param>
/// <param name="By">The approver.</param>
/// <param name="Satisfies">The required approvals this approval gives (at least one).</param>
/// <param name="Comment">The approver's comment, if any.</param>
/// <exception cref="System.ArgumentNullException"><paramref name="Satisfies"/> or an element of it is null.</exception>
public sealed record QuoteApproved(string QuoteId, Instant At, string By, IReadOnlyList<RequiredApproval> Satisfies, string? Comment = null)
    : QuoteEvent(QuoteId, At, By)
{
    /// <summary>The required approvals given (compared by content).</summary>
    public IReadOnlyList<RequiredApproval> Satisfies
    {
        get => satisfies;
        init => satisfies = ListOf(value, "Approval", nameof(Satisfies));
    }

    private readonly IReadOnlyList<RequiredApproval> satisfies = ListOf(Satisfies, "Approval", nameof(Satisfies));
}

/// <summary>An entitled approver rejected the quote; it is a draft again, to be revised and resubmitted.</summary>
/// <param name="QuoteId">The quote.</param>
/// <param name="At">When.</param>
/// <param name="By">The approver.</param>
/// <param name="Comment">Why.</param>
public sealed record QuoteRejected(string QuoteId, Instant At, string By, string Comment) : QuoteEvent(QuoteId, At, By);

/// <summary>The approved quote was sent to the customer.</summary>
/// <param name="QuoteId">The quote.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record QuoteSent(string QuoteId, Instant At, string By) : QuoteEvent(QuoteId, At, By);

/// <summary>The customer accepted the sent quote (final).</summary>
/// <param name="QuoteId">The quote.</param>
/// <param name="At">When.</param>
/// <param name="By">Who recorded it.</param>
public sealed record QuoteAccepted(string QuoteId, Instant At, string By) : QuoteEvent(QuoteId, At, By);

/// <summary>The customer declined the sent quote; it may be revised into a new version.</summary>
/// <param name="QuoteId">The quote.</param>
/// <param name="At">When.</param>
/// <param name="By">Who recorded it.</param>
/// <param name="Reason">Why, if known.</param>
public sealed record QuoteDeclined(string QuoteId, Instant At, string By, string? Reason = null) : QuoteEvent(QuoteId, At, By);
