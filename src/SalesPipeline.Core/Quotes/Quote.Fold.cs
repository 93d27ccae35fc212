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
    /// The history is empty or impossible; the message names the first bad event by position and the rule it breaks.
    /// </exception>
    /// <remarks>
    /// <para><b>What is checked</b>, event by event, with the rules the commands enforce:</para>
    /// <list type="bullet">
    /// <item>the history starts with one <see cref="QuoteCreated"/> and every later event is of the same quote id, names
    /// its actor, is in the supported range and is not dated before the previous event;</item>
    /// <item>content: the lines can be priced (at least one, one currency, one per product, discounts within the amounts,
    /// sums within <see cref="Currency.MaxAmount"/>), a revision keeps the quote's currency and changes something, and no
    /// valid-until date is before the day of the creation or revision in the quote's <see cref="Zone"/>;</item>
    /// <item>versions: a revision keeps the number only while the version was never submitted and otherwise takes the next
    /// one, so numbers never skip or repeat and no submitted content is overwritten; an accepted quote is never
    /// revised;</item>
    /// <item>submission: only a draft is submitted, and the approvals it requires are exactly those its triggered rules
    /// call for (one for the strictest hierarchical level, resolved to a person other than the rep, and one per role;
    /// none for rules that name nobody);</item>
    /// <item>approvals and rejections: only while approval is pending; an approval gives at least one outstanding
    /// required approval and none twice or not outstanding; neither the rep nor anyone who wrote the version approves or
    /// rejects it; a rejection has a comment;</item>
    /// <item>sending only an approved quote (no approval outstanding), accepting and declining only a sent one, and
    /// neither sending nor accepting on a day after the valid-until date in the quote's zone.</item>
    /// </list>
    /// <para><b>What is trusted</b>: the decision recorded at submit time. The history holds neither the approval policy
    /// nor the organisation, so which rules the content triggered (<see cref="QuoteSubmitted.Triggered"/>), the person a
    /// hierarchical approval resolved to, and whether an approver was entitled (above that person, or holding the role)
    /// are taken as recorded; <see cref="Submit"/> and <see cref="Approve"/> decided them against the policy and the
    /// organisation of the time.</para>
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
            : ValidUntilProblem(c.Content.ValidUntil, c.At, c.Zone) ?? LinesProblem(c.Content);
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
            ValueList<string>.Of(c.By),
            first.Totals,
            QuoteStatus.Draft,
            [],
            [],
            [],
            ValueList<QuoteApproval>.Copy([])!,
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
                Approvals = s.Approvals.Append(new QuoteApproval(s.Version, r.At, r.By, false, r.Comment)),
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
        // Only a never-submitted draft is revised in place, keeping when and by whom the version was started; everyone
        // who wrote its content is one of its authors, and no author approves it.
        var inPlace = r.Version == s.Version;
        var version = inPlace
            ? new QuoteVersion(r.Version, r.Content, s.Versions[^1].CreatedAt, s.Versions[^1].CreatedBy)
            : new QuoteVersion(r.Version, r.Content, r.At, r.By);
        var versions = inPlace ? s.Versions.Take(s.Versions.Count - 1).Append(version) : s.Versions.Append(version);
        return s with
        {
            Version = r.Version,
            Content = r.Content,
            VersionSubmitted = false,
            Authors =
                !inPlace ? ValueList<string>.Of(r.By)
                : s.Authors.Contains(r.By) ? s.Authors
                : s.Authors.Append(r.By),
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
            Approvals = s.Approvals.Append(new QuoteApproval(s.Version, a.At, a.By, true, a.Comment)),
        };
    }
}
