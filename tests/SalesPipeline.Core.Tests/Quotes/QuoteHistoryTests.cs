using NodaTime;
using SalesPipeline.Quotes;
using static SalesPipeline.Tests.Quotes.QuoteFixtures;

namespace SalesPipeline.Tests.Quotes;

// Quote.FromEvents refuses every history the commands could not have made, naming the event by position and the rule;
// each case below starts from a history the commands made and changes one event.
public class QuoteHistoryTests
{
    private static readonly QuoteContent V1 = Draft().Content;

    private static QuoteContent Content(decimal seatDiscount, LocalDate? validUntil = null) =>
        new(validUntil ?? new LocalDate(2026, 3, 31), Lines(seatDiscount));

    private static void Refused(IEnumerable<QuoteEvent> history, string expected)
    {
        var e = Assert.Throws<ArgumentException>(() => Quote.FromEvents(history));
        Assert.Equal("events", e.ParamName);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    private static QuoteEvent[] Pending() => [.. Draft().Submit(Policy, Org, Day(1), "alice").Events];

    [Fact]
    public void AnEventOfAnotherQuote_IsRefused() =>
        Refused(
            [.. Pending(), new QuoteApproved("Q-99", Day(2), "maria", [new RequiredApproval(ApproverLevel.Manager, "maria", null)])],
            "Event 2 (QuoteApproved) cannot be folded: it belongs to quote Q-99, not Q-17."
        );

    [Fact]
    public void AnApprovalAnsweringNoOutstandingApproval_IsRefused() =>
        // The quote waits for maria (the manager); victor's next-level-up approval was never required.
        Refused(
            [.. Pending(), new QuoteApproved("Q-17", Day(2), "victor", [new RequiredApproval(ApproverLevel.NextLevelUp, "victor", null)])],
            "it gives approval next level up victor, which the quote does not wait for."
        );

    [Fact]
    public void AnApprovalGivingTheSameApprovalTwice_IsRefused()
    {
        var manager = new RequiredApproval(ApproverLevel.Manager, "maria", null);
        Refused(
            [.. Pending(), new QuoteApproved("Q-17", Day(2), "maria", [manager, manager])],
            "it gives the same required approval twice."
        );
    }

    [Fact]
    public void AnApprovalOrRejectionByTheRep_IsRefused()
    {
        var manager = new RequiredApproval(ApproverLevel.Manager, "maria", null);
        Refused([.. Pending(), new QuoteApproved("Q-17", Day(2), "alice", [manager])], "alice owns the quote and cannot approve it.");
        Refused([.. Pending(), new QuoteRejected("Q-17", Day(2), "alice", "no")], "alice owns the quote and cannot reject it.");
    }

    [Fact]
    public void AnApprovalOrRejection_BySomeoneWhoRevisedTheDraftInPlace_IsRefused()
    {
        // alice created the draft; maria (her manager) deepened the discount in place before it was ever submitted, so
        // maria wrote version 1 too and may not approve or reject it, by command or in a stored history.
        var pending = Draft().Revise(Lines(15m), Day(1), "maria").Submit(Policy, Org, Day(1), "alice");
        var manager = new RequiredApproval(ApproverLevel.Manager, "maria", null);

        Assert.Equal(1, pending.Version);
        Assert.Equal(
            "maria wrote version 1 and cannot approve it.",
            Assert.Throws<QuoteOperationException>(() => pending.Approve(Org, Day(2), "maria")).Reason
        );
        Refused([.. pending.Events, new QuoteApproved("Q-17", Day(2), "maria", [manager])], "maria wrote version 1 and cannot approve it.");
        Refused([.. pending.Events, new QuoteRejected("Q-17", Day(2), "maria", "no")], "maria wrote version 1 and cannot reject it.");
        Assert.Equal(QuoteStatus.Approved, pending.Approve(Org, Day(2), "victor").Status);
    }

    [Fact]
    public void ASendWhileApprovalsAreOutstanding_IsRefused() =>
        Refused(
            [.. Pending(), new QuoteSent("Q-17", Day(2), "alice")],
            "Event 2 (QuoteSent) cannot be folded: it sends the quote while approvals are outstanding (manager maria)."
        );

    [Fact]
    public void ASendOrAcceptanceAfterTheValidUntilDayInTheQuotesZone_IsRefused()
    {
        var newYork = DateTimeZoneProviders.Tzdb["America/New_York"];
        var created = new QuoteCreated("Q-17", T0, "alice", new DealId("D-1001"), "alice", Content(5m), newYork);
        var submitted = Quote.FromEvents([created]).Submit(Policy, Org, Day(1), "alice");
        // 2026-04-01 03:59 UTC is still March 31 in New York (UTC-4); 04:00 UTC is April 1 there.
        var lastMinute = Instant.FromUtc(2026, 4, 1, 3, 59);
        var dayAfter = Instant.FromUtc(2026, 4, 1, 4, 0);

        Assert.Equal(QuoteStatus.Sent, Quote.FromEvents([.. submitted.Events, new QuoteSent("Q-17", lastMinute, "alice")]).Status);
        Refused(
            [.. submitted.Events, new QuoteSent("Q-17", dayAfter, "alice")],
            "it expired after 2026-03-31 and cannot be sent on 2026-04-01 (America/New_York)"
        );
        var sent = submitted.Send(lastMinute, "alice");
        Refused(
            [.. sent.Events, new QuoteAccepted("Q-17", dayAfter, "alice")],
            "it expired after 2026-03-31 and cannot be accepted on 2026-04-01 (America/New_York)"
        );
    }

    [Fact]
    public void AValidUntilBeforeTheDayOfCreationOrRevision_IsRefused()
    {
        Refused(
            [
                new QuoteCreated(
                    "Q-17",
                    T0,
                    "alice",
                    new DealId("D-1001"),
                    "alice",
                    Content(12m, new LocalDate(2026, 3, 1)),
                    DateTimeZone.Utc
                ),
            ],
            "Event 0 (QuoteCreated) cannot be folded: The valid-until date 2026-03-01 is before 2026-03-02, the day of the change in UTC"
        );
        // Revised on 2026-03-12 to be valid until 2026-03-10.
        Refused(
            [Draft().Events[0], new QuoteRevised("Q-17", Day(10), "alice", 1, Content(8m, new LocalDate(2026, 3, 10)))],
            "Event 1 (QuoteRevised) cannot be folded: The valid-until date 2026-03-10 is before 2026-03-12"
        );
    }

    [Theory]
    [InlineData(3, "a revision of v1 while sent makes v2, not v3.")]
    [InlineData(1, "a revision of v1 while sent makes v2, not v1.")]
    public void AVersionNumberThatSkipsOrRepeats_IsRefused(int version, string expected)
    {
        var sent = Draft(5m).Submit(Policy, Org, Day(1), "alice").Send(Day(1), "alice");
        Refused([.. sent.Events, new QuoteRevised("Q-17", Day(2), "alice", version, Content(8m))], expected);
    }

    [Fact]
    public void ARevisionInPlaceOfASubmittedVersion_IsRefused()
    {
        // Pending approval, and after a rejection: the version was submitted, so a revision makes v2.
        Refused(
            [.. Pending(), new QuoteRevised("Q-17", Day(2), "alice", 1, Content(8m))],
            "a revision of v1 while pending approval makes v2, not v1."
        );
        var rejected = Draft().Submit(Policy, Org, Day(1), "alice").Reject(Org, Day(2), "maria", "8% at most");
        Refused(
            [.. rejected.Events, new QuoteRevised("Q-17", Day(3), "alice", 1, Content(8m))],
            "a revision of v1 while draft after a submission makes v2, not v1."
        );
    }

    [Fact]
    public void ARevisionInAnotherCurrency_OrChangingNothing_IsRefused()
    {
        QuoteLine[] euros = [Book.Line("seat", 100m, Currency.EUR, Today)];
        Refused(
            [Draft().Events[0], new QuoteRevised("Q-17", Day(1), "alice", 1, new QuoteContent(new LocalDate(2026, 3, 31), euros))],
            "its lines are in EUR; the quote is in USD."
        );
        Refused([Draft().Events[0], new QuoteRevised("Q-17", Day(1), "alice", 1, V1)], "the revision changes nothing");
    }

    [Fact]
    public void ASubmissionRequiringWhatItsRulesDoNotCallFor_IsRefused()
    {
        var draft = Draft().Events[0];
        var triggered = Policy.Check(Draft().Totals); // the 12% seat discount triggers the manager rule only
        var manager = new RequiredApproval(ApproverLevel.Manager, "maria", null);

        Assert.Equal([ApproverLevel.Manager], triggered.Select(t => t.Level));
        // Nothing required although a manager rule triggered.
        Refused(
            [draft, new QuoteSubmitted("Q-17", Day(1), "alice", triggered, [])],
            "it requires [], but its triggered rules call for [Manager]"
        );
        // A next-level-up approval where the strictest rule that triggered names the manager.
        Refused(
            [
                draft,
                new QuoteSubmitted("Q-17", Day(1), "alice", triggered, [new RequiredApproval(ApproverLevel.NextLevelUp, "victor", null)]),
            ],
            "it requires [next level up victor], but its triggered rules call for [Manager]"
        );
        // The same approval twice.
        Refused(
            [draft, new QuoteSubmitted("Q-17", Day(1), "alice", triggered, [manager, manager])],
            "it requires [manager maria, manager maria]"
        );
        // An approval required although no rule triggered.
        Refused(
            [draft, new QuoteSubmitted("Q-17", Day(1), "alice", [], [manager])],
            "it requires [manager maria], but its triggered rules call for []"
        );
        // An approval resolved to the rep.
        Refused(
            [draft, new QuoteSubmitted("Q-17", Day(1), "alice", triggered, [new RequiredApproval(ApproverLevel.Manager, "alice", null)])],
            "its required approval manager alice resolves to the rep alice, who never approves their own quote."
        );
        // A role approval that names a person.
        Refused(
            [
                draft,
                new QuoteSubmitted("Q-17", Day(1), "alice", triggered, [new RequiredApproval(ApproverLevel.Role, "dana", "deal-desk")]),
            ],
            "its required approval role deal-desk names no role, or a person besides."
        );
    }

    [Fact]
    public void TheDecisionRecordedAtSubmit_IsTrusted_AsLongAsItIsConsistent()
    {
        // The history holds neither the policy nor the organisation: a recorded requirement of bob's approval (whoever
        // bob was then) is folded, and bob's approval completes it.
        var triggered = Policy.Check(Draft().Totals);
        var bob = new RequiredApproval(ApproverLevel.Manager, "bob", null);

        var quote = Quote.FromEvents([
            Draft().Events[0],
            new QuoteSubmitted("Q-17", Day(1), "alice", triggered, [bob]),
            new QuoteApproved("Q-17", Day(2), "bob", [bob]),
        ]);

        Assert.Equal(QuoteStatus.Approved, quote.Status);
    }
}
