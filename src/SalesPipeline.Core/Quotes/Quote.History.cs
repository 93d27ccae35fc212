using System;
using System.Globalization;
using System.Linq;
using NodaTime;
using SalesPipeline.Utility;

namespace SalesPipeline.Quotes;

// The structural rules of a quote's history: what the commands enforce, less what needs the approval policy or the
// organisation (see FromEvents). Each returns the broken rule as a clause of a sentence, or null. Commands record only
// through Append, so they can never record what FromEvents would refuse.
public sealed partial class Quote
{
    private string? CheckCanFold(QuoteEvent e) =>
        e is QuoteCreated ? "a quote is created only once."
        : e.QuoteId != Id ? $"it belongs to quote {e.QuoteId}, not {Id}."
        : Preconditions.InstantProblem(e.At) is { } range ? range
        : e.At < LastEventAt ? $"it is dated before the previous event ({LastEventAt})."
        : string.IsNullOrWhiteSpace(e.By) ? "it names no actor."
        : e switch
        {
            QuoteRevised r => RevisionProblem(r),
            QuoteSubmitted sub => SubmissionProblem(sub),
            QuoteApproved a => ApprovalProblem(a),
            QuoteRejected r => RejectionProblem(r),
            QuoteSent when Status == QuoteStatus.PendingApproval =>
                $"it sends the quote while approvals are outstanding ({string.Join(", ", state.Outstanding)}).",
            QuoteSent when Status != QuoteStatus.Approved => $"only an approved quote can be sent; the quote is {Describe(Status)}.",
            QuoteSent sent => ExpiryProblem(sent.At, "sent"),
            QuoteAccepted or QuoteDeclined when Status != QuoteStatus.Sent =>
                $"only a sent quote can be accepted or declined; the quote is {Describe(Status)}.",
            QuoteAccepted accepted => ExpiryProblem(accepted.At, "accepted"),
            QuoteDeclined d when d.Reason is not null && string.IsNullOrWhiteSpace(d.Reason) => "its reason is empty.",
            QuoteDeclined => null,
            _ => $"{e.GetType().Name} is not a SalesPipeline quote event.",
        };

    // Only a draft that was never submitted keeps its version: once approvers (or the customer) have seen a version, a
    // change makes the next one, and the version they saw stays as it was, with its approvals and rejections.
    private int RevisedVersion => Status == QuoteStatus.Draft && !state.VersionSubmitted ? Version : Version + 1;

    private string? RevisionProblem(QuoteRevised r) =>
        Status == QuoteStatus.Accepted ? "the quote is accepted; an accepted quote is final (start a new quote)."
        : r.Version != RevisedVersion
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"a revision of v{Version} while {Describe(Status)}{(state.VersionSubmitted && Status == QuoteStatus.Draft ? " after a submission" : "")} makes v{RevisedVersion}, not v{r.Version}."
            )
        : Preconditions.DateProblem(r.Content.ValidUntil)
            ?? ValidUntilProblem(r.Content.ValidUntil, r.At, Zone)
            ?? LinesProblem(r.Content)
            ?? (
                !ReferenceEquals(r.Content.Lines[0].Currency, Currency)
                    ? $"its lines are in {r.Content.Lines[0].Currency.Code}; the quote is in {Currency.Code}."
                : r.Content == Content ? "the revision changes nothing (same lines, discount and validity)."
                : null
            );

    private string? SubmissionProblem(QuoteSubmitted sub)
    {
        if (Status != QuoteStatus.Draft)
        {
            return $"only a draft can be submitted; the quote is {Describe(Status)}.";
        }
        if (sub.Triggered.FirstOrDefault(t => RuleProblem(t) is not null) is { } badRule)
        {
            return $"its triggered rule \"{badRule.Rule}\" {RuleProblem(badRule)}";
        }
        if (sub.Required.FirstOrDefault(r => RequiredProblem(r) is not null) is { } badRequired)
        {
            return $"its required approval {badRequired} {RequiredProblem(badRequired)}";
        }
        var calledFor = ApprovalPolicy.Deciding(sub.Triggered).Select(t => (t.Level, t.Role)).ToArray();
        return sub.Required.Select(r => (r.Level, r.Role)).SequenceEqual(calledFor)
            ? null
            : $"it requires [{string.Join(", ", sub.Required)}], but its triggered rules call for [{string.Join(", ", calledFor.Select(c => c.Role is null ? c.Level.ToString() : "role " + c.Role))}]: one approval for the strictest hierarchical level and one per role.";
    }

    private static string? RuleProblem(TriggeredRule t) =>
        string.IsNullOrWhiteSpace(t.Rule) || string.IsNullOrWhiteSpace(t.Reason) ? "has no name or no reason."
        : !Enum.IsDefined(t.Level) ? $"names the undefined approver level {(int)t.Level}."
        : (t.Level == ApproverLevel.Role) != (t.Role is not null) ? "names a role only if its level is Role, and then a role."
        : t.Role is not null && string.IsNullOrWhiteSpace(t.Role) ? "names a blank role."
        : null;

    private string? RequiredProblem(RequiredApproval r) =>
        r.Level is ApproverLevel.Manager or ApproverLevel.NextLevelUp
            ? string.IsNullOrWhiteSpace(r.PersonId) || r.Role is not null
                ? "names no person, or a role besides."
                : r.PersonId == Rep
                    ? $"resolves to the rep {Rep}, who never approves their own quote."
                    : null
            : r.Level == ApproverLevel.Role
                ? string.IsNullOrWhiteSpace(r.Role) || r.PersonId is not null
                    ? "names no role, or a person besides."
                    : null
                : $"is at level {r.Level}, which requires nobody.";

    private string? ApprovalProblem(QuoteApproved a) =>
        Status != QuoteStatus.PendingApproval
            ? $"only a quote pending approval can be approved or rejected; the quote is {Describe(Status)}."
        : a.Satisfies.Count == 0 ? "it gives none of the required approvals."
        : a.Satisfies.Distinct().Count() != a.Satisfies.Count ? "it gives the same required approval twice."
        : a.Satisfies.FirstOrDefault(r => !state.Outstanding.Contains(r)) is { } extra
            ? $"it gives approval {extra}, which the quote does not wait for."
        : ApproverProblem(a.By, "approve")
            ?? (a.Comment is not null && string.IsNullOrWhiteSpace(a.Comment) ? "its comment is empty." : null);

    private string? RejectionProblem(QuoteRejected r) =>
        Status != QuoteStatus.PendingApproval
            ? $"only a quote pending approval can be approved or rejected; the quote is {Describe(Status)}."
        : string.IsNullOrWhiteSpace(r.Comment) ? "a rejection needs a comment."
        : ApproverProblem(r.By, "reject");

    // Neither the rep nor anyone who wrote the version under approval decides on it: a manager who revises a rep's quote
    // deeper than her own limit must not wave it through herself.
    private string? ApproverProblem(string by, string what) =>
        by == Rep ? $"{by} owns the quote and cannot {what} it."
        : state.Authors.Contains(by) ? $"{by} wrote version {Version} and cannot {what} it."
        : null;

    // Send and Accept are refused by this check too (through Append): one rule, one message.
    private string? ExpiryProblem(Instant at, string what) =>
        DayOf(at) is var day && day > Content.ValidUntil
            ? $"it expired after {Content.ValidUntil:uuuu-MM-dd} and cannot be {what} on {day:uuuu-MM-dd} ({Zone.Id}); revise it with a new valid-until date."
            : null;

    // A quote is never created or revised already expired: its valid-until date is the day of the change or later, in
    // the quote's zone.
    private static string? ValidUntilProblem(LocalDate validUntil, Instant at, DateTimeZone zone) =>
        at.InZone(zone).Date is var day && validUntil < day
            ? $"The valid-until date {validUntil:uuuu-MM-dd} is before {day:uuuu-MM-dd}, the day of the change in {zone.Id}; a quote's validUntil must be that day or later."
            : null;

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
}
