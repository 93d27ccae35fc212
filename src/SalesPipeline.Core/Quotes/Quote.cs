using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using SalesPipeline.Utility;

namespace SalesPipeline.Quotes;

/// <summary>
/// A quote for a deal: versioned lines with their totals, the approval they need, and where the quote is in its
/// lifecycle. It is the fold of its <see cref="Events"/>, like a deal: every command returns a new quote with one more
/// event, and <see cref="FromEvents"/> rebuilds it from a stored history.
/// </summary>
/// <remarks>
/// <para>A quote that needs approval can never be sent without it: only an approved quote may be sent, a quote is
/// approved only when every approval its policy required has been given by an entitled approver, and any revision
/// returns it to draft, to be submitted again: in place while the version was never submitted, otherwise as a new
/// version, so no content approvers or the customer saw is ever overwritten.</para>
/// <para>Expiry is never read from a clock: <see cref="StatusOn"/> says Expired for a quote not yet accepted or declined
/// once the given date is past the current content's <see cref="QuoteContent.ValidUntil"/>, and sending or accepting
/// later than that day in the quote's <see cref="Zone"/> is refused. The zone is recorded at creation, so every command
/// and report agrees on the day an instant falls on.</para>
/// <para>Instances are immutable and safe to share across threads.</para>
/// </remarks>
public sealed partial class Quote
{
    private readonly State state;
    private readonly QuoteEvent[] events;

    private Quote(State state, QuoteEvent[] events)
    {
        this.state = state;
        this.events = events;
    }

    // Everything the fold tracks; a record so that each event makes a changed copy.
    private sealed record State(
        string Id,
        DealId DealId,
        string Rep,
        DateTimeZone Zone,
        int Version,
        QuoteContent Content,
        bool VersionSubmitted,
        ValueList<string> Authors,
        QuoteTotals Totals,
        QuoteStatus Status,
        IReadOnlyList<TriggeredRule> Triggered,
        IReadOnlyList<RequiredApproval> Required,
        IReadOnlyList<RequiredApproval> Outstanding,
        ValueList<QuoteApproval> Approvals,
        System.Collections.ObjectModel.ReadOnlyCollection<QuoteVersion> Versions,
        Instant? SubmittedAt,
        Instant? ApprovedAt,
        Instant? SentAt,
        Instant? DecidedAt
    );

    /// <summary>The quote's id.</summary>
    public string Id => state.Id;

    /// <summary>The deal the quote is for.</summary>
    public DealId DealId => state.DealId;

    /// <summary>The rep who owns the quote.</summary>
    public string Rep => state.Rep;

    /// <summary>
    /// The time zone whose calendar decides the quote's days (set at creation, UTC by default): a valid-until date may
    /// not be before the day of creation or revision, and the quote has expired once that day is past
    /// <see cref="QuoteContent.ValidUntil"/>, whether it is sent, accepted or looked at (<see cref="AsOf"/>,
    /// <see cref="QuoteReports.ByStatus"/>).
    /// </summary>
    public DateTimeZone Zone => state.Zone;

    /// <summary>The current version, from 1.</summary>
    public int Version => state.Version;

    /// <summary>The current version's content: the last day the customer may accept it, its lines and its quote-level discount.</summary>
    public QuoteContent Content => state.Content;

    /// <summary>The current version's priced lines and totals.</summary>
    public QuoteTotals Totals => state.Totals;

    /// <summary>The current version's total before taxes.</summary>
    public Money Total => state.Totals.Total;

    /// <summary>The quote's currency.</summary>
    public Currency Currency => state.Totals.Currency;

    /// <summary>The recorded status (never <see cref="QuoteStatus.Expired"/>; see <see cref="StatusOn"/>).</summary>
    public QuoteStatus Status => state.Status;

    /// <summary>The rules the current version triggered when it was submitted; empty before submission.</summary>
    public IReadOnlyList<TriggeredRule> TriggeredRules => state.Triggered;

    /// <summary>The approvals the current version required when it was submitted; empty before submission or when none were needed.</summary>
    public IReadOnlyList<RequiredApproval> RequiredApprovals => state.Required;

    /// <summary>The required approvals not yet given; empty unless <see cref="Status"/> is PendingApproval.</summary>
    public IReadOnlyList<RequiredApproval> OutstandingApprovals => state.Outstanding;

    /// <summary>Every approval and rejection of every version, in order.</summary>
    public IReadOnlyList<QuoteApproval> Approvals => state.Approvals;

    /// <summary>Every version, oldest first, each as it last stood.</summary>
    public IReadOnlyList<QuoteVersion> Versions => state.Versions;

    /// <summary>When the current version was last submitted, or null.</summary>
    public Instant? SubmittedAt => state.SubmittedAt;

    /// <summary>When the current version was approved (the last required approval, or the submission when none was needed), or null.</summary>
    public Instant? ApprovedAt => state.ApprovedAt;

    /// <summary>When the current version was sent, or null.</summary>
    public Instant? SentAt => state.SentAt;

    /// <summary>When the customer accepted or declined the current version, or null.</summary>
    public Instant? DecidedAt => state.DecidedAt;

    /// <summary>When the quote was created.</summary>
    public Instant CreatedAt => events[0].At;

    /// <summary>The instant of the latest event; a command may not be dated before it.</summary>
    public Instant LastEventAt => events[^1].At;

    /// <summary>The history, oldest first.</summary>
    public IReadOnlyList<QuoteEvent> Events => events.AsReadOnly();

    /// <summary>Whether the customer accepted the quote.</summary>
    public bool IsAccepted => state.Status == QuoteStatus.Accepted;

    /// <summary>One version by number.</summary>
    /// <param name="number">The version, from 1 to <see cref="Version"/>.</param>
    /// <returns>The version.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The quote has no such version.</exception>
    public QuoteVersion GetVersion(int number)
    {
        Preconditions.CheckRange(
            number >= 1 && number <= state.Versions.Count,
            nameof(number),
            number,
            $"Quote {Id} has versions 1 to {state.Versions.Count}; there is no version {number}."
        );
        return state.Versions[number - 1];
    }

    /// <summary>Compares two versions of this quote line by line.</summary>
    /// <param name="fromVersion">The earlier version's number.</param>
    /// <param name="toVersion">The later version's number; by default the current version.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The quote has no such version.</exception>
    public QuoteComparison Compare(int fromVersion, int? toVersion = null) =>
        QuoteComparison.Between(GetVersion(fromVersion), GetVersion(toVersion ?? Version));

    /// <summary>The status on a date: <see cref="QuoteStatus.Expired"/> when the quote is not accepted or declined and <paramref name="asOf"/> is after the current <see cref="QuoteContent.ValidUntil"/>; otherwise <see cref="Status"/>.</summary>
    /// <param name="asOf">The date.</param>
    /// <returns>The status.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is not a supported date: ISO calendar, 0001-01-01 to 9999-12-31.</exception>
    /// <remarks>The status as recorded by then is not reconstructed: ask a quote folded from the events up to then (<see cref="AsOf"/>).</remarks>
    public QuoteStatus StatusOn(LocalDate asOf) =>
        Preconditions.CheckDate(asOf) > Content.ValidUntil && state.Status is not (QuoteStatus.Accepted or QuoteStatus.Declined)
            ? QuoteStatus.Expired
            : state.Status;

    /// <summary>The quote as it was at an instant (its events up to and including it), with its status on that instant's day in the quote's <see cref="Zone"/>.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The quote then and its status then, or null when it did not exist yet.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="instant"/> is not a supported instant.</exception>
    public (Quote Quote, QuoteStatus Status)? AsOf(Instant instant)
    {
        Preconditions.CheckInstant(instant);
        var count = 0;
        while (count < events.Length && events[count].At <= instant)
        {
            count++;
        }
        if (count == 0)
        {
            return null;
        }
        var then = count == events.Length ? this : Fold(events.Take(count), "events");
        return (then, then.StatusOn(DayOf(instant)));
    }

    /// <summary>"Q-17 v2 (sent) for D-1001 by alice: 3 lines, total USD 51,832.00".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => $"{Id} v{Version} ({Status}) for {DealId} by {Rep}: {Content.Lines.Count} lines, total {Total}";

    // The calendar day of an instant in the quote's zone: the one place that turns instants into quote days.
    private LocalDate DayOf(Instant instant) => instant.InZone(state.Zone).Date;
}
