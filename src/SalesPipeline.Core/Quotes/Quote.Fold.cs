using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SalesPipeline.Utility;

namespace SalesPipeline.Quotes;

public sealed partial class Quote
{
    /// <summary>Rebuilds a quote from its stored history, checking that the history is one the commands could have made.</summary>
    /// <param name="events">The events, oldest first, starting with <see cref="QuoteCreated"/>.</param>
    /// <returns>The quote.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> or an event is null.</exception>
    /// <exception cref="ArgumentException">
    /// The history is empty or impossible; the message names the first bad event by position and the rule it breaks
    /// (a quote sent before it was approved, an approval it did not need, an event of another quote, one dated before
    /// the previous event, ...).
    /// </exception>
    /// <remarks>
    /// The checks are structural: the approvers' entitlement depends on the organisation at the time, which the history
    /// does not hold; <see cref="Approve"/> checks it when the approval is given.
    /// </remarks>
    public static Quote FromEvents(IEnumerable<QuoteEvent> events) =>
        Fold(Preconditions.CheckNoNullElement(events, "Event"), nameof(events));

    private static Quote Fold(IEnumerable<QuoteEvent> events, string paramName)
    {
        Quote? quote = null;
        var i = 0;
        foreach (var e in events)
        {
            string? problem;
            if (quote is null)
            {
                (quote, problem) = e is QuoteCreated created ? Start(created) : (null, "a quote's history starts with QuoteCreated.");
            }
            else
            {
                (quote, problem) = quote!.Append(e);
            }
            if (problem is not null)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Event {i} ({e.GetType().Name}) cannot be folded: {problem}"),
                    paramName
                );
            }
            i++;
        }
        return quote ?? throw new ArgumentException("A quote's history needs at least its QuoteCreated event; it was empty.", paramName);
    }

    private static (Quote?, string?) Start(QuoteCreated c)
    {
        var problem =
            string.IsNullOrWhiteSpace(c.QuoteId) ? "the quote has no id."
            : c.DealId.Value.Length == 0 ? "it has the default deal id."
            : string.IsNullOrWhiteSpace(c.Rep) ? "the quote has no rep."
            : string.IsNullOrWhiteSpace(c.By) ? "it names no actor."
            : (Preconditions.InstantProblem(c.At) ?? Preconditions.DateProblem(c.Content.ValidUntil)) is { } range ? range
            : LinesProblem(c.Content);
        if (problem is not null)
        {
            return (null, problem);
        }
        var first = new QuoteVersion(1, c.Content, c.At, c.By);
        var state = new State(
            c.QuoteId,
            c.DealId,
            c.Rep,
            c.Zone,
            1,
            c.Content,
            false,
            first.Totals,
            QuoteStatus.Draft,
            [],
            [],
            [],
            [],
            new[] { first }.AsReadOnly(),
            null,
            null,
            null,
            null
        );
        return (new Quote(state, [c]), null);
    }

    // The one place that says what each event does to a quote; commands, FromEvents and AsOf all go through it.
    private (Quote?, string?) Append(QuoteEvent e)
    {
        if (CheckCanFold(e) is { } problem)
        {
            return (null, problem);
        }
        var s = state;
        var next = e switch
        {
            QuoteRevised r => Revised(s, r),
            QuoteSubmitted sub => s with
            {
                Status = sub.Required.Count == 0 ? QuoteStatus.Approved : QuoteStatus.PendingApproval,
                VersionSubmitted = true,
                Triggered = sub.Triggered,
                Required = sub.Required,
                Outstanding = sub.Required,
                SubmittedAt = sub.At,
                ApprovedAt = sub.Required.Count == 0 ? sub.At : null,
            },
            QuoteApproved a => Approved(s, a),
            QuoteRejected r => s with
            {
                Status = QuoteStatus.Draft,
                Outstanding = [],
                Approvals = Append(s.Approvals, new QuoteApproval(s.Version, r.At, r.By, false, r.Comment)),
            },
            QuoteSent sent => s with { Status = QuoteStatus.Sent, SentAt = sent.At },
            QuoteAccepted a => s with { Status = QuoteStatus.Accepted, DecidedAt = a.At },
            QuoteDeclined d => s with { Status = QuoteStatus.Declined, DecidedAt = d.At },
            _ => throw new InvalidOperationException($"Unchecked quote event {e.GetType().Name}."),
        };
        var log = new QuoteEvent[events.Length + 1];
        events.CopyTo(log, 0);
        log[^1] = e;
        return (new Quote(next, log), null);
    }

    private static State Revised(State s, QuoteRevised r)
    {
        // A revision in place keeps when and by whom the version was started.
        var version =
            r.Version == s.Version
                ? new QuoteVersion(r.Version, r.Content, s.Versions[^1].CreatedAt, s.Versions[^1].CreatedBy)
                : new QuoteVersion(r.Version, r.Content, r.At, r.By);
        var versions = r.Version == s.Version ? s.Versions.Take(s.Versions.Count - 1).Append(version) : s.Versions.Append(version);
        return s with
        {
            Version = r.Version,
            Content = r.Content,
            VersionSubmitted = r.Version == s.Version && s.VersionSubmitted,
            Totals = version.Totals,
            Status = QuoteStatus.Draft,
            Triggered = [],
            Required = [],
            Outstanding = [],
            Versions = versions.ToArray().AsReadOnly(),
            SubmittedAt = null,
            ApprovedAt = null,
            SentAt = null,
            DecidedAt = null,
        };
    }

    private static State Approved(State s, QuoteApproved a)
    {
        var outstanding = s.Outstanding.Where(r => !a.Satisfies.Contains(r)).ToArray().AsReadOnly();
        return s with
        {
            Outstanding = outstanding,
            Status = outstanding.Count == 0 ? QuoteStatus.Approved : QuoteStatus.PendingApproval,
            ApprovedAt = outstanding.Count == 0 ? a.At : null,
            Approvals = Append(s.Approvals, new QuoteApproval(s.Version, a.At, a.By, true, a.Comment)),
        };
    }

    // Structural rules of a history: the same rules the commands enforce, without the organisation.
    private string? CheckCanFold(QuoteEvent e) =>
        e is QuoteCreated ? "a quote is created only once."
        : e.QuoteId != Id ? $"it belongs to quote {e.QuoteId}, not {Id}."
        : Preconditions.InstantProblem(e.At) is { } range ? range
        : e.At < LastEventAt ? $"it is dated before the previous event ({LastEventAt})."
        : string.IsNullOrWhiteSpace(e.By) ? "it names no actor."
        : e switch
        {
            QuoteRevised when Status == QuoteStatus.Accepted => "the quote is accepted; an accepted quote is final.",
            QuoteRevised r when r.Version != RevisedVersion => string.Create(
                CultureInfo.InvariantCulture,
                $"a revision of v{Version} while {Describe(Status)} makes v{RevisedVersion}, not v{r.Version}."
            ),
            QuoteRevised r => Preconditions.DateProblem(r.Content.ValidUntil) ?? LinesProblem(r.Content),
            QuoteSubmitted when Status != QuoteStatus.Draft => $"only a draft can be submitted; the quote is {Describe(Status)}.",
            QuoteSubmitted sub
                when sub.Triggered is null || sub.Required is null || sub.Triggered.Contains(null!) || sub.Required.Contains(null!) =>
                "its triggered rules or required approvals are missing.",
            QuoteSubmitted => null,
            QuoteApproved or QuoteRejected when Status != QuoteStatus.PendingApproval =>
                $"only a quote pending approval can be approved or rejected; the quote is {Describe(Status)}.",
            QuoteApproved a when a.Satisfies is null || a.Satisfies.Count == 0 => "it gives none of the required approvals.",
            QuoteApproved a when a.Satisfies.FirstOrDefault(r => !state.Outstanding.Contains(r)) is { } extra =>
                $"it gives approval {extra}, which the quote does not wait for.",
            QuoteApproved a when a.By == Rep => $"the rep {Rep} cannot approve their own quote.",
            QuoteApproved a when a.By == state.Versions[^1].CreatedBy =>
                $"{a.By} wrote version {state.Versions[^1].Number} and cannot approve it.",
            QuoteApproved a when a.Comment is not null && string.IsNullOrWhiteSpace(a.Comment) => "its comment is empty.",
            QuoteApproved => null,
            QuoteRejected r when string.IsNullOrWhiteSpace(r.Comment) => "a rejection needs a comment.",
            QuoteRejected r when r.By == Rep => $"the rep {Rep} cannot reject their own quote.",
            QuoteRejected => null,
            QuoteSent when Status != QuoteStatus.Approved => $"only an approved quote can be sent; the quote is {Describe(Status)}.",
            QuoteSent => null,
            QuoteAccepted or QuoteDeclined when Status != QuoteStatus.Sent =>
                $"only a sent quote can be accepted or declined; the quote is {Describe(Status)}.",
            QuoteDeclined d when d.Reason is not null && string.IsNullOrWhiteSpace(d.Reason) => "its reason is empty.",
            QuoteAccepted or QuoteDeclined => null,
            _ => $"{e.GetType().Name} is not a SalesPipeline quote event.",
        };

    // A revision stays in the version while the quote is being prepared, and starts the next once it was approved.
    private int RevisedVersion => Status is QuoteStatus.Draft or QuoteStatus.PendingApproval ? Version : Version + 1;

    private static string Describe(QuoteStatus status) =>
        status switch
        {
            QuoteStatus.PendingApproval => "pending approval",
            _ => status.ToString().ToLowerInvariant(),
        };

    private static string? LinesProblem(QuoteContent content)
    {
        try
        {
            content.Totals();
            return null;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return "its lines cannot be priced: " + ex.Message;
        }
    }

    private static System.Collections.ObjectModel.ReadOnlyCollection<T> Append<T>(IReadOnlyList<T> list, T item) =>
        list.Append(item).ToArray().AsReadOnly();
}
