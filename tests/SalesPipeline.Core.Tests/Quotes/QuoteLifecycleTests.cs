using NodaTime;
using SalesPipeline.Quotes;
using static SalesPipeline.Tests.Quotes.QuoteFixtures;

namespace SalesPipeline.Tests.Quotes;

public class QuoteLifecycleTests
{
    [Fact]
    public void Create_IsVersionOneDraft_WithItsTotals()
    {
        var quote = Draft();

        Assert.Equal(QuoteStatus.Draft, quote.Status);
        Assert.Equal(1, quote.Version);
        Assert.Equal(Usd_(57_840m), quote.Total);
        Assert.Equal("Q-17 v1 (Draft) for D-1001 by alice: 3 lines, total USD 57,840.00", quote.ToString());
    }

    [Fact]
    public void Submit_NeedingApproval_WaitsForTheManager_WhoApproves()
    {
        var pending = Draft().Submit(Policy, Org, Day(1), "alice");

        Assert.Equal(QuoteStatus.PendingApproval, pending.Status);
        Assert.Equal([new RequiredApproval(ApproverLevel.Manager, "maria", null)], pending.OutstandingApprovals);

        var approved = pending.Approve(Org, Day(2), "maria", "OK: three-year term.");

        Assert.Equal(QuoteStatus.Approved, approved.Status);
        Assert.Equal(Day(2), approved.ApprovedAt);
        Assert.Equal([new QuoteApproval(1, Day(2), "maria", true, "OK: three-year term.")], approved.Approvals);
        Assert.Empty(approved.OutstandingApprovals);
    }

    [Fact]
    public void Submit_NeedingNobody_IsApprovedAtOnce()
    {
        var quote = Draft(seatDiscount: 5m).Submit(Policy, Org, Day(1), "alice");

        Assert.Equal(QuoteStatus.Approved, quote.Status);
        Assert.Equal(Day(1), quote.ApprovedAt);
        Assert.Equal(QuoteStatus.Sent, quote.Send(Day(1), "alice").Status);
    }

    [Fact]
    public void Approve_BySomeoneAboveTheManager_Counts()
    {
        var approved = Draft().Submit(Policy, Org, Day(1), "alice").Approve(Org, Day(2), "victor");

        Assert.Equal(QuoteStatus.Approved, approved.Status);
    }

    [Theory]
    [InlineData("alice", "alice owns the quote and cannot approve it.")]
    [InlineData("bob", "bob may not approve it; it needs the approval of maria (the rep's manager) or someone above them.")]
    [InlineData("carl", "carl may not approve it; it needs the approval of maria (the rep's manager) or someone above them.")]
    public void Approve_ByAnyoneNotEntitled_Throws_AndChangesNothing(string approver, string reason)
    {
        var pending = Draft().Submit(Policy, Org, Day(1), "alice");
        var events = pending.Events.ToArray();

        var e = Assert.Throws<QuoteOperationException>(() => pending.Approve(Org, Day(2), approver, "fine"));

        Assert.Equal(reason, e.Reason);
        Assert.Equal("Quote Q-17 v1: " + reason, e.Message);
        Assert.Equal(events, pending.Events);
        Assert.Equal(QuoteStatus.PendingApproval, pending.Status);
    }

    [Fact]
    public void Send_WithoutApproval_Throws()
    {
        var draft = Draft();
        var pending = draft.Submit(Policy, Org, Day(1), "alice");

        Assert.Contains(
            "submit it first",
            Assert.Throws<QuoteOperationException>(() => draft.Send(Day(1), "alice")).Reason,
            StringComparison.Ordinal
        );
        Assert.Equal(
            "it is pending approval; it still needs manager maria.",
            Assert.Throws<QuoteOperationException>(() => pending.Send(Day(2), "alice")).Reason
        );
    }

    [Fact]
    public void Reject_ReturnsToDraft_WithTheComment_AndTheQuoteMustBeResubmitted()
    {
        var rejected = Draft().Submit(Policy, Org, Day(1), "alice").Reject(Org, Day(2), "maria", "Too much off; 8% at most.");

        Assert.Equal(QuoteStatus.Draft, rejected.Status);
        Assert.Equal([new QuoteApproval(1, Day(2), "maria", false, "Too much off; 8% at most.")], rejected.Approvals);
        Assert.Throws<QuoteOperationException>(() => rejected.Send(Day(3), "alice"));
        Assert.Equal(
            "comment",
            Assert.Throws<ArgumentException>(() => Draft().Submit(Policy, Org, Day(1), "alice").Reject(Org, Day(2), "maria", " ")).ParamName
        );
    }

    [Fact]
    public void Revise_ASentQuote_MakesANewVersionThatNeedsApprovalAgain()
    {
        var sent = Draft().Submit(Policy, Org, Day(1), "alice").Approve(Org, Day(2), "maria").Send(Day(3), "alice");

        var revised = sent.Revise(Lines(12m), Day(5), "alice", Discount.Percentage(5m));

        Assert.Equal(2, revised.Version);
        Assert.Equal(QuoteStatus.Draft, revised.Status);
        Assert.Equal([1, 2], revised.Versions.Select(v => v.Number));
        Assert.Equal(Usd_(57_840m), revised.GetVersion(1).Totals.Total);
        // 57,840 less 5% (2,892.00) = 54,948.00.
        Assert.Equal(Usd_(54_948m), revised.Total);
        Assert.Throws<QuoteOperationException>(() => revised.Send(Day(5), "alice"));
        Assert.Equal(QuoteStatus.PendingApproval, revised.Submit(Policy, Org, Day(5), "alice").Status);
    }

    [Fact]
    public void Revise_ADraft_StaysInItsVersion_ButTheHistoryKeepsBoth()
    {
        var revised = Draft().Revise(Lines(8m), Day(1), "alice");

        Assert.Equal(1, revised.Version);
        Assert.Single(revised.Versions);
        Assert.Equal(2, revised.Events.Count);
        Assert.Equal(Lines(12m), ((QuoteCreated)revised.Events[0]).Content.Lines);
    }

    [Fact]
    public void Revise_NothingChanged_OrAccepted_Throws()
    {
        Assert.Contains(
            "changes nothing",
            Assert.Throws<QuoteOperationException>(() => Draft().Revise(Lines(12m), Day(1), "alice")).Reason,
            StringComparison.Ordinal
        );
        var accepted = Draft(5m).Submit(Policy, Org, Day(1), "alice").Send(Day(1), "alice").Accept(Day(2), "alice");
        Assert.Contains(
            "final",
            Assert.Throws<QuoteOperationException>(() => accepted.Revise(Lines(8m), Day(3), "alice")).Reason,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Compare_ListsChangedAddedAndRemovedLines()
    {
        var v1 = Draft().Submit(Policy, Org, Day(1), "alice").Approve(Org, Day(2), "maria").Send(Day(3), "alice");
        var lines = Lines(15m, seats: 120m).Where(l => l.ProductId != "support").ToArray();

        var comparison = v1.Revise(lines, Day(4), "alice").Compare(1);

        // Seats: 120 x 480 = 57,600 less 15% = 48,960 (was 42,240); support removed; onboarding unchanged.
        Assert.Equal(2, comparison.Changes.Count);
        var seats = comparison.Changes[0];
        Assert.Equal(LineChangeKind.Changed, seats.Kind);
        Assert.Equal(["quantity 100 -> 120", "discount 12% -> 15%", "net USD 42,240.00 -> USD 48,960.00"], seats.Differences);
        Assert.Equal(Usd_(6_720m), seats.NetChange);
        Assert.Equal(LineChangeKind.Removed, comparison.Changes[1].Kind);
        Assert.Equal(Usd_(-9_600m), comparison.Changes[1].NetChange);
        // 48,960 + 6,000 = 54,960, was 57,840.
        Assert.Equal(Usd_(-2_880m), comparison.TotalChange);
    }

    [Fact]
    public void Expiry_IsDecidedByTheDateGiven()
    {
        var sent = Draft(5m).Submit(Policy, Org, Day(1), "alice").Send(Day(1), "alice");

        Assert.Equal(QuoteStatus.Sent, sent.StatusOn(new LocalDate(2026, 3, 31)));
        Assert.Equal(QuoteStatus.Expired, sent.StatusOn(new LocalDate(2026, 4, 1)));
        var late = Instant.FromUtc(2026, 4, 1, 0, 30);
        Assert.Contains(
            "expired after 2026-03-31 and cannot be accepted on 2026-04-01",
            Assert.Throws<QuoteOperationException>(() => sent.Accept(late, "alice")).Reason,
            StringComparison.Ordinal
        );
        Assert.Equal(QuoteStatus.Expired, sent.AsOf(late)!.Value.Status);
        Assert.Null(sent.AsOf(T0 - Duration.FromSeconds(1)));
    }

    [Fact]
    public void Expiry_IsDecidedInTheQuotesZone_ByEveryCommandAndReport()
    {
        var newYork = DateTimeZoneProviders.Tzdb["America/New_York"];
        var sent = Create(new LocalDate(2026, 3, 31), Lines(5m), T0, newYork).Submit(Policy, Org, Day(1), "alice").Send(Day(1), "alice");
        // 2026-04-01 00:30 UTC is 2026-03-31 20:30 in New York (EDT, UTC-4): still the last valid day there.
        var late = Instant.FromUtc(2026, 4, 1, 0, 30);

        Assert.Same(newYork, sent.Zone);
        Assert.Same(newYork, ((QuoteCreated)sent.Events[0]).Zone);
        Assert.Equal(QuoteStatus.Sent, sent.AsOf(late)!.Value.Status);
        Assert.Equal(QuoteStatus.Accepted, sent.Accept(late, "alice").Status);
        // 04:30 UTC is 00:30 on April 1 in New York: expired there too.
        var later = Instant.FromUtc(2026, 4, 1, 4, 30);
        Assert.Equal(QuoteStatus.Expired, sent.AsOf(later)!.Value.Status);
        Assert.Throws<QuoteOperationException>(() => sent.Accept(later, "alice"));
        Assert.Equal(DateTimeZone.Utc, Draft().Zone);
    }

    [Fact]
    public void Command_DatedBeforeTheLastEvent_Throws()
    {
        var pending = Draft().Submit(Policy, Org, Day(1), "alice");

        Assert.Equal("at", Assert.Throws<ArgumentOutOfRangeException>(() => pending.Approve(Org, Day(0), "maria")).ParamName);
    }

    [Fact]
    public void FromEvents_RebuildsTheQuote()
    {
        var quote = Draft()
            .Submit(Policy, Org, Day(1), "alice")
            .Approve(Org, Day(2), "maria", "ok")
            .Send(Day(3), "alice")
            .Revise(Lines(15m), Day(4), "alice")
            .Submit(Policy, Org, Day(4), "alice");

        var rebuilt = Quote.FromEvents(quote.Events);

        Assert.Equal(quote.Events, rebuilt.Events);
        Assert.Equal(quote.Status, rebuilt.Status);
        Assert.Equal(quote.Version, rebuilt.Version);
        Assert.Equal(quote.Total, rebuilt.Total);
        Assert.Equal(quote.Approvals, rebuilt.Approvals);
    }

    [Fact]
    public void FromEvents_SentWithoutApproval_Throws_NamingTheEvent()
    {
        var created = Draft().Events[0];
        var pending = Draft().Submit(Policy, Org, Day(1), "alice").Events[1];

        var e = Assert.Throws<ArgumentException>(() => Quote.FromEvents([created, pending, new QuoteSent("Q-17", Day(2), "alice")]));

        Assert.Equal("events", e.ParamName);
        Assert.Contains(
            "Event 2 (QuoteSent) cannot be folded: it sends the quote while approvals are outstanding (manager maria).",
            e.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void FromEvents_ApprovalNotWaitedFor_Throws()
    {
        var q = Draft().Submit(Policy, Org, Day(1), "alice");
        var forged = new QuoteApproved("Q-17", Day(2), "bob", [new RequiredApproval(ApproverLevel.Manager, "bob", null)]);

        var e = Assert.Throws<ArgumentException>(() => Quote.FromEvents([.. q.Events, forged]));

        Assert.Contains("which the quote does not wait for", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Events_CompareTheirListsByContent()
    {
        Assert.Equal(Draft().Events[0], Draft().Events[0]);
        Assert.Equal(Draft().Events[0].GetHashCode(), Draft().Events[0].GetHashCode());
    }
}
