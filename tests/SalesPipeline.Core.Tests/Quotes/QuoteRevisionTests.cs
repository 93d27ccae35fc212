using NodaTime;
using SalesPipeline.Quotes;
using static SalesPipeline.Tests.Quotes.QuoteFixtures;

namespace SalesPipeline.Tests.Quotes;

// Only a never-submitted draft is revised in place; a revision after any submission makes a new version, so what
// approvers saw is never overwritten. And a quote is never created or revised already expired.
public class QuoteRevisionTests
{
    [Fact]
    public void Revise_APendingQuote_MakesANewVersion_AndKeepsTheOneTheApproverWasAskedAbout()
    {
        var pending = Draft().Submit(Policy, Org, Day(1), "alice");

        var revised = pending.Revise(Lines(8m), Day(2), "alice");

        Assert.Equal(2, revised.Version);
        Assert.Equal(QuoteStatus.Draft, revised.Status);
        Assert.Equal(Lines(12m), revised.GetVersion(1).Content.Lines);
        Assert.Equal(Lines(8m), revised.GetVersion(2).Content.Lines);
        // Seats at 8% off instead of 12%: 48,000 x 4% = 1,920 more.
        Assert.Equal(Usd_(1_920m), revised.Compare(1).TotalChange);
        Assert.Empty(revised.OutstandingApprovals);
    }

    [Fact]
    public void Revise_AfterAPartialApproval_KeepsTheApprovalOnTheVersionItWasGivenFor()
    {
        // Both the manager and the deal desk (dana) must approve a 12% discount; maria approves, then the rep revises.
        var policy = new ApprovalPolicy([
            ApprovalRule.LineDiscountAbove(10m, Approver.Manager),
            ApprovalRule.LineDiscountAbove(10m, Approver.InRole("deal-desk")),
        ]);
        var partly = Draft().Submit(policy, Org, Day(1), "alice").Approve(Org, Day(2), "maria", "fine by me");

        var revised = partly.Revise(Lines(11m), Day(3), "alice");

        Assert.Equal(2, revised.Version);
        Assert.Equal([new QuoteApproval(1, Day(2), "maria", true, "fine by me")], revised.Approvals);
        Assert.Equal(Lines(12m), revised.GetVersion(1).Content.Lines);
        var resubmitted = revised.Submit(policy, Org, Day(3), "alice");
        Assert.Equal(2, resubmitted.OutstandingApprovals.Count);
    }

    [Fact]
    public void Revise_ARejectedQuote_MakesANewVersion()
    {
        var rejected = Draft().Submit(Policy, Org, Day(1), "alice").Reject(Org, Day(2), "maria", "8% at most.");

        var revised = rejected.Revise(Lines(8m), Day(3), "alice");

        Assert.Equal(2, revised.Version);
        Assert.Equal(Lines(12m), revised.GetVersion(1).Content.Lines);
        Assert.Equal(1, Assert.Single(revised.Approvals).Version);
    }

    [Fact]
    public void Revise_ADraftTwice_BeforeSubmission_StaysInVersionOne()
    {
        var revised = Draft().Revise(Lines(8m), Day(1), "alice").Revise(Lines(9m), Day(2), "alice");

        Assert.Equal(1, revised.Version);
        Assert.Equal(Lines(9m), Assert.Single(revised.Versions).Content.Lines);
        Assert.Equal(T0, revised.GetVersion(1).CreatedAt);
    }

    [Fact]
    public void Create_WithAValidUntilBeforeTheDayOfCreation_Throws_NamingValidUntil()
    {
        // T0 is 2026-03-02 09:00 UTC.
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Create(new LocalDate(2026, 3, 1), Lines(12m), T0));

        Assert.Equal("validUntil", e.ParamName);
        Assert.Equal(new LocalDate(2026, 3, 1), e.ActualValue);
        Assert.Contains(
            "The valid-until date 2026-03-01 is before 2026-03-02, the day of the change in UTC",
            e.Message,
            StringComparison.Ordinal
        );
        // The same day is fine.
        Assert.Equal(1, Create(new LocalDate(2026, 3, 2), Lines(12m), T0).Version);
    }

    [Fact]
    public void Create_ValidUntilRule_IsDecidedInTheQuotesZone()
    {
        // 2026-03-02 02:00 UTC is still March 1 in New York (UTC-5 before DST starts on March 8).
        var early = Instant.FromUtc(2026, 3, 2, 2, 0);
        var newYork = DateTimeZoneProviders.Tzdb["America/New_York"];

        var quote = Create(new LocalDate(2026, 3, 1), Lines(12m), early, newYork);

        Assert.Equal(new LocalDate(2026, 3, 1), quote.Content.ValidUntil);
        Assert.Throws<ArgumentOutOfRangeException>(() => Create(new LocalDate(2026, 3, 1), Lines(12m), early));
    }

    [Fact]
    public void Revise_WithAValidUntilBeforeTheDayOfTheRevision_Throws_AndChangesNothing()
    {
        var sent = Draft(5m).Submit(Policy, Org, Day(1), "alice").Send(Day(1), "alice");
        var events = sent.Events.ToArray();
        var afterExpiry = Instant.FromUtc(2026, 4, 2, 9, 0);

        // By default the current valid-until date (2026-03-31) is kept: before April 2, so a new one must be given.
        Assert.Equal(
            "validUntil",
            Assert.Throws<ArgumentOutOfRangeException>(() => sent.Revise(Lines(8m), afterExpiry, "alice")).ParamName
        );
        Assert.Equal(
            "validUntil",
            Assert
                .Throws<ArgumentOutOfRangeException>(() =>
                    sent.Revise(Lines(8m), afterExpiry, "alice", validUntil: new LocalDate(2026, 4, 1))
                )
                .ParamName
        );
        Assert.Equal(events, sent.Events);
        var renewed = sent.Revise(Lines(8m), afterExpiry, "alice", validUntil: new LocalDate(2026, 4, 2));
        Assert.Equal(2, renewed.Version);
    }
}
