using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using SalesPipeline.Organization;
using SalesPipeline.Utility;

namespace SalesPipeline.Quotes;

public sealed partial class Quote
{
    /// <summary>Creates a quote for a deal: version 1, a draft.</summary>
    /// <param name="id">The quote's id, for example "Q-17"; not blank.</param>
    /// <param name="dealId">The deal the quote is for.</param>
    /// <param name="rep">The rep who owns the quote (approvals are resolved from them); not blank.</param>
    /// <param name="validUntil">The last day the customer may accept it.</param>
    /// <param name="lines">The lines: at least one, one currency, one per product (make them with <see cref="PriceBook.Line"/>).</param>
    /// <param name="at">When.</param>
    /// <param name="by">Who.</param>
    /// <param name="quoteDiscount">A quote-level discount, if any.</param>
    /// <param name="zone">The time zone whose calendar decides the quote's days for its whole life (<see cref="Zone"/>); UTC by default.</param>
    /// <returns>The quote.</returns>
    /// <exception cref="ArgumentNullException">A text argument, <paramref name="lines"/> or a line is null.</exception>
    /// <exception cref="ArgumentException">A text argument is blank; <paramref name="dealId"/> is the default; the lines are empty or repeat a product.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="at"/> or <paramref name="validUntil"/> is outside the supported range; <paramref name="validUntil"/>
    /// is before the day of <paramref name="at"/> in <paramref name="zone"/> (a quote is never created expired); the quote
    /// discount is above the lines; or a sum of the lines is beyond <see cref="Currency.MaxAmount"/> (see
    /// <see cref="QuoteTotals.Of"/>).
    /// </exception>
    /// <exception cref="CurrencyMismatchException">The lines or the quote discount mix currencies.</exception>
    public static Quote Create(
        string id,
        DealId dealId,
        string rep,
        LocalDate validUntil,
        IEnumerable<QuoteLine> lines,
        Instant at,
        string by,
        Discount? quoteDiscount = null,
        DateTimeZone? zone = null
    )
    {
        Preconditions.CheckNotBlank(id);
        Preconditions.CheckArgument(
            dealId.Value.Length > 0,
            nameof(dealId),
            "A quote needs the id of its deal; the default DealId was given."
        );
        Preconditions.CheckNotBlank(rep);
        Preconditions.CheckDate(validUntil);
        var content = new QuoteContent(validUntil, QuoteTotals.CheckLines(lines), quoteDiscount);
        content.Totals();
        Preconditions.CheckInstant(at);
        Preconditions.CheckNotBlank(by);
        var tz = zone ?? DateTimeZone.Utc;
        CheckValidUntil(validUntil, at, tz);
        var (quote, _) = Start(new QuoteCreated(id, at, by, dealId, rep, content, tz));
        return quote!;
    }

    /// <summary>
    /// Changes the lines, the quote discount or the validity. A draft that was never submitted is changed in its version;
    /// once the version was submitted (pending approval, approved, rejected, sent, declined or expired) the change makes
    /// the next version, a draft that must be submitted again, and the version approvers and the customer saw is kept as
    /// it was, with its approvals and rejections.
    /// </summary>
    /// <param name="lines">The new lines.</param>
    /// <param name="at">When.</param>
    /// <param name="by">Who.</param>
    /// <param name="quoteDiscount">The new quote-level discount, or null for none.</param>
    /// <param name="validUntil">The new last day of validity; by default the current one. Not before the day of <paramref name="at"/> in the quote's <see cref="Zone"/>.</param>
    /// <returns>The revised quote.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lines"/>, a line or <paramref name="by"/> is null.</exception>
    /// <exception cref="ArgumentException">The lines are invalid (see <see cref="Create"/>) or <paramref name="by"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="at"/> is before <see cref="LastEventAt"/> or outside the supported range; <paramref name="validUntil"/>
    /// (or the current valid-until date, when none is given) is outside the supported range or before the day of
    /// <paramref name="at"/> in the quote's zone; the quote discount is above the lines; or a sum of the lines is beyond
    /// <see cref="Currency.MaxAmount"/> (see <see cref="QuoteTotals.Of"/>).
    /// </exception>
    /// <exception cref="CurrencyMismatchException">The lines are in another currency than the quote.</exception>
    /// <exception cref="QuoteOperationException">The quote is accepted, or the revision changes nothing.</exception>
    public Quote Revise(IEnumerable<QuoteLine> lines, Instant at, string by, Discount? quoteDiscount = null, LocalDate? validUntil = null)
    {
        var array = QuoteTotals.CheckLines(lines);
        if (!ReferenceEquals(array[0].Currency, Currency))
        {
            throw new CurrencyMismatchException(Currency, array[0].Currency, "revise a quote with");
        }
        var content = new QuoteContent(Preconditions.CheckDate(validUntil ?? Content.ValidUntil, nameof(validUntil)), array, quoteDiscount);
        content.Totals();
        CheckCommand(at, by);
        CheckValidUntil(content.ValidUntil, at, Zone);
        // An accepted quote, or a revision that changes nothing, is refused by the history's rules (Then).
        return Then(new QuoteRevised(Id, at, by, RevisedVersion, content));
    }

    /// <summary>
    /// Submits the draft: the policy decides who must approve it. With nobody to approve, the quote is approved at once;
    /// otherwise it waits for the approvals (<see cref="OutstandingApprovals"/>).
    /// </summary>
    /// <param name="policy">The approval policy.</param>
    /// <param name="org">The sales organisation the approvers are found in.</param>
    /// <param name="at">When.</param>
    /// <param name="by">Who.</param>
    /// <returns>The submitted quote.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="by"/> is blank; the rep is not a person of <paramref name="org"/>; or a required approval has nobody to
    /// give it (no manager above the rep, no second level for next level up, a role nobody but the rep holds).
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before <see cref="LastEventAt"/> or outside the supported range.</exception>
    /// <exception cref="CurrencyMismatchException">An amount rule of the policy is in another currency than the quote.</exception>
    /// <exception cref="QuoteOperationException">The quote is not a draft.</exception>
    public Quote Submit(ApprovalPolicy policy, SalesOrg org, Instant at, string by)
    {
        Preconditions.CheckNotNull(policy);
        Preconditions.CheckNotNull(org);
        CheckCommand(at, by);
        Refuse(Status != QuoteStatus.Draft, $"only a draft can be submitted; the quote is {Describe(Status)}.");
        var decision = policy.Decide(Totals, Rep, org);
        return Then(new QuoteSubmitted(Id, at, by, decision.Triggered, decision.Required));
    }

    /// <summary>
    /// Records an approval by <paramref name="by"/>, who must be entitled to give at least one outstanding approval: the
    /// resolved manager (or next level up) or anyone above them, or a holder of a required role; never the quote's rep.
    /// The quote is approved once no approval is outstanding.
    /// </summary>
    /// <param name="org">The sales organisation (for who is above whom and who holds which role).</param>
    /// <param name="at">When.</param>
    /// <param name="by">The approver.</param>
    /// <param name="comment">The approver's comment, if any; not blank when given.</param>
    /// <returns>The quote with the approval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="org"/> or <paramref name="by"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="by"/> is blank, or <paramref name="comment"/> is given but blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before <see cref="LastEventAt"/> or outside the supported range.</exception>
    /// <exception cref="QuoteOperationException">The quote is not pending approval, or <paramref name="by"/> may not give any outstanding approval.</exception>
    public Quote Approve(SalesOrg org, Instant at, string by, string? comment = null)
    {
        Preconditions.CheckNotNull(org);
        CheckCommand(at, by);
        if (comment is not null)
        {
            Preconditions.CheckNotBlank(comment);
        }
        var satisfied = Entitled(org, by, "approve");
        return Then(new QuoteApproved(Id, at, by, satisfied, comment));
    }

    /// <summary>Records a rejection by an entitled approver (as for <see cref="Approve"/>); the quote returns to draft.</summary>
    /// <param name="org">The sales organisation.</param>
    /// <param name="at">When.</param>
    /// <param name="by">The approver.</param>
    /// <param name="comment">Why; not blank.</param>
    /// <returns>The rejected quote, a draft again.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="by"/> or <paramref name="comment"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before <see cref="LastEventAt"/> or outside the supported range.</exception>
    /// <exception cref="QuoteOperationException">The quote is not pending approval, or <paramref name="by"/> may not give any outstanding approval.</exception>
    public Quote Reject(SalesOrg org, Instant at, string by, string comment)
    {
        Preconditions.CheckNotNull(org);
        CheckCommand(at, by);
        Preconditions.CheckNotBlank(comment);
        Entitled(org, by, "reject");
        return Then(new QuoteRejected(Id, at, by, comment));
    }

    /// <summary>Sends the approved quote to the customer.</summary>
    /// <param name="at">When.</param>
    /// <param name="by">Who.</param>
    /// <returns>The sent quote.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="by"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="by"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before <see cref="LastEventAt"/> or outside the supported range.</exception>
    /// <exception cref="QuoteOperationException">The quote is not approved (a draft must be submitted first), or it has expired.</exception>
    public Quote Send(Instant at, string by)
    {
        CheckCommand(at, by);
        Refuse(
            Status != QuoteStatus.Approved,
            Status switch
            {
                QuoteStatus.Draft =>
                    "a draft cannot be sent; submit it first, so the approval policy can decide whether it needs approval.",
                QuoteStatus.PendingApproval => $"it is pending approval; it still needs {string.Join(" and ", OutstandingApprovals)}.",
                _ => $"only an approved quote can be sent; the quote is {Describe(Status)}.",
            }
        );
        return Then(new QuoteSent(Id, at, by));
    }

    /// <summary>Records the customer's acceptance of the sent quote.</summary>
    /// <param name="at">When.</param>
    /// <param name="by">Who records it.</param>
    /// <returns>The accepted quote.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="by"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="by"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before <see cref="LastEventAt"/> or outside the supported range.</exception>
    /// <exception cref="QuoteOperationException">The quote is not sent, or it has expired.</exception>
    public Quote Accept(Instant at, string by)
    {
        CheckCommand(at, by);
        Refuse(Status != QuoteStatus.Sent, $"only a sent quote can be accepted; the quote is {Describe(Status)}.");
        return Then(new QuoteAccepted(Id, at, by));
    }

    /// <summary>Records that the customer declined the sent quote.</summary>
    /// <param name="at">When.</param>
    /// <param name="by">Who records it.</param>
    /// <param name="reason">Why, if known; not blank when given.</param>
    /// <returns>The declined quote.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="by"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="by"/> is blank, or <paramref name="reason"/> is given but blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before <see cref="LastEventAt"/> or outside the supported range.</exception>
    /// <exception cref="QuoteOperationException">The quote is not sent.</exception>
    public Quote Decline(Instant at, string by, string? reason = null)
    {
        CheckCommand(at, by);
        if (reason is not null)
        {
            Preconditions.CheckNotBlank(reason);
        }
        Refuse(Status != QuoteStatus.Sent, $"only a sent quote can be declined; the quote is {Describe(Status)}.");
        return Then(new QuoteDeclined(Id, at, by, reason));
    }

    private RequiredApproval[] Entitled(SalesOrg org, string by, string what)
    {
        Refuse(Status != QuoteStatus.PendingApproval, $"only a quote pending approval can be {what}d; the quote is {Describe(Status)}.");
        if (ApproverProblem(by, what) is { } problem)
        {
            Refuse(true, problem);
        }
        var satisfied = ApprovalPolicy.SatisfiedBy(OutstandingApprovals, by, Rep, org);
        Refuse(satisfied.Length == 0, $"{by} may not {what} it; it needs {string.Join(" and ", OutstandingApprovals.Select(Who))}.");
        return satisfied;
    }

    private static string Who(RequiredApproval r) =>
        r.Level switch
        {
            ApproverLevel.Manager => $"the approval of {r.PersonId} (the rep's manager) or someone above them",
            ApproverLevel.NextLevelUp => $"the approval of {r.PersonId} (the next level up) or someone above them",
            _ => $"the approval of someone in role \"{r.Role}\"",
        };

    private void CheckCommand(Instant at, string by)
    {
        Preconditions.CheckInstant(at);
        Preconditions.CheckNotBlank(by);
        Preconditions.CheckRange(
            at >= LastEventAt,
            nameof(at),
            at,
            $"A command on quote {Id} may not be dated before its latest event ({LastEventAt}); it was {at}."
        );
    }

    private static void CheckValidUntil(LocalDate validUntil, Instant at, DateTimeZone zone)
    {
        var problem = ValidUntilProblem(validUntil, at, zone);
        Preconditions.CheckRange(problem is null, nameof(validUntil), validUntil, problem!);
    }

    private void Refuse(bool refused, string reason)
    {
        if (refused)
        {
            throw new QuoteOperationException(Id, Version, reason);
        }
    }

    // Commands have checked the arguments and the state; the fold checks the event once more, so a command can never
    // record what FromEvents would refuse.
    private Quote Then(QuoteEvent e)
    {
        var (next, problem) = Append(e);
        return next ?? throw new QuoteOperationException(Id, Version, problem!);
    }
}
