using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;
using SalesPipeline.Quotes;
using static SalesPipeline.Tests.Quotes.QuoteFixtures;

namespace SalesPipeline.Tests.Quotes;

// Findings of the issue-13 review: approvals that a role rule used to swallow, a manager approving a version she wrote,
// approvals nobody could give, and a quote in another currency than its deal.
public class QuoteApprovalReviewTests
{
    private static readonly ApprovalPolicy HierarchyAndDesk = new([
        ApprovalRule.LineDiscountAbove(20m, Approver.NextLevelUp),
        ApprovalRule.PriceUnderFloor(Approver.InRole("deal-desk")),
    ]);

    [Fact]
    public void ARoleRule_DoesNotReplaceTheHierarchicalApproval_BothAreNeeded()
    {
        // Seats at 30% off: 480 x 0.7 = 336, above 20% (next level up: victor, above maria) and under the 380 floor (deal desk).
        var quote = Draft(30m).Submit(HierarchyAndDesk, Org, Day(1), "alice");

        Assert.Equal(
            [new RequiredApproval(ApproverLevel.NextLevelUp, "victor", null), new RequiredApproval(ApproverLevel.Role, null, "deal-desk")],
            quote.OutstandingApprovals
        );
        var afterDesk = quote.Approve(Org, Day(1) + Duration.FromHours(1), "dana", "Floor waived for a three-year term.");
        Assert.Equal(QuoteStatus.PendingApproval, afterDesk.Status);
        Assert.Equal([new RequiredApproval(ApproverLevel.NextLevelUp, "victor", null)], afterDesk.OutstandingApprovals);
        var approved = afterDesk.Approve(Org, Day(1) + Duration.FromHours(2), "victor", "OK.");
        Assert.Equal(QuoteStatus.Approved, approved.Status);
        Assert.Equal(approved.Events, Quote.FromEvents(approved.Events).Events);
        Assert.Equal(QuoteStatus.Approved, Quote.FromEvents(approved.Events).Status);
    }

    [Fact]
    public void TheManagerWhoWroteTheVersion_CannotApproveIt_HerManagerCan()
    {
        // maria writes alice's quote at 12% off: it needs alice's manager, maria herself, who must not wave it through.
        var quote = Quote
            .Create("Q-18", new DealId("D-1001"), "alice", new LocalDate(2026, 3, 31), Lines(12m), T0, "maria")
            .Submit(Policy, Org, Day(1), "maria");
        Assert.Equal([new RequiredApproval(ApproverLevel.Manager, "maria", null)], quote.OutstandingApprovals);

        var refused = Assert.Throws<QuoteOperationException>(() => quote.Approve(Org, Day(2), "maria", "Fine by me."));
        Assert.Contains("maria wrote version 1", refused.Message);
        Assert.Equal(QuoteStatus.Approved, quote.Approve(Org, Day(2), "victor", "Fine.").Status);
    }

    [Fact]
    public void AStoredApprovalByTheVersionsAuthor_IsRefusedByFromEvents()
    {
        var quote = Quote
            .Create("Q-18", new DealId("D-1001"), "alice", new LocalDate(2026, 3, 31), Lines(12m), T0, "maria")
            .Submit(Policy, Org, Day(1), "maria");
        var approvedByVictor = quote.Approve(Org, Day(2), "victor", "Fine.");
        var forged = approvedByVictor.Events.Select(e => e is QuoteApproved a ? a with { By = "maria" } : e).ToArray();

        var error = Assert.Throws<ArgumentException>(() => Quote.FromEvents(forged));
        Assert.Contains("maria wrote version 1 and cannot approve it", error.Message);
    }

    [Fact]
    public void ARoleOnlyTheRepHolds_IsRefusedAtSubmit_NotLeftWaitingForever()
    {
        var org = SalesOrg
            .CreateBuilder("Acme")
            .Team("east", "East", lead: "maria")
            .Rep("maria", "Maria", "east")
            .Rep("alice", "Alice", "east")
            .Role("cfo", "alice")
            .Build();
        var policy = new ApprovalPolicy([ApprovalRule.PriceUnderFloor(Approver.InRole("cfo"))]);

        var error = Assert.Throws<ArgumentException>(() => Draft(30m).Submit(policy, org, Day(1), "alice"));
        Assert.Equal("rep", error.ParamName);
        Assert.Contains("nobody other than alice holds it", error.Message);
    }

    [Fact]
    public void NextLevelUp_WithOnlyAManagerAboveTheRep_IsRefused_NotLoweredToTheManager()
    {
        var org = SalesOrg
            .CreateBuilder("Acme")
            .Team("east", "East", lead: "maria")
            .Rep("maria", "Maria", "east")
            .Rep("alice", "Alice", "east")
            .Build();

        var error = Assert.Throws<ArgumentException>(() => Draft(25m).Submit(Policy, org, Day(1), "alice"));
        Assert.Equal("rep", error.ParamName);
        Assert.Contains("only maria is above alice", error.Message);
    }

    [Fact]
    public void SendingAQuoteInAnotherCurrencyThanItsDeal_Throws_AndChangesNothing()
    {
        var pipeline = PipelineDefinition
            .CreateBuilder("P")
            .Stage("Qualified", 0.2m)
            .Stage("Quote issued", 0.5m)
            .Won("Won")
            .Lost("Lost")
            .QuoteStages(onSent: "quote-issued")
            .Build();
        var deal = Deal.Open(
            pipeline,
            new DealId("D-1001"),
            "Globex",
            "alice",
            Money.Of(50_000m, Currency.EUR),
            new LocalDate(2026, 3, 31),
            T0
        );
        var quote = Draft(5m).Submit(Policy, Org, Day(1), "alice");

        Assert.Throws<CurrencyMismatchException>(() => pipeline.SendQuote(deal, quote, Day(2), "alice"));
        Assert.Equal(QuoteStatus.Approved, quote.Status);
        Assert.Equal("qualified", deal.StageId);
    }

    [Theory]
    [InlineData("stopped")]
    [InlineData("lost")]
    public void SendingOrAcceptingAQuoteOfADealThatIsNotOpen_Throws_AndChangesNothing(string state)
    {
        var pipeline = PipelineDefinition
            .CreateBuilder("P")
            .Stage("Qualified", 0.2m)
            .Stage("Quote issued", 0.5m)
            .Won("Won")
            .Lost("Lost")
            .QuoteStages(onSent: "quote-issued")
            .Build();
        var open = Deal.Open(pipeline, new DealId("D-1001"), "Globex", "alice", Usd_(50_000m), new LocalDate(2026, 3, 31), T0);
        var deal =
            state == "stopped"
                ? pipeline.Stop(open, StopReason.BudgetFrozen, T0 + Duration.FromHours(1), "alice")
                : pipeline.Lose(open, LossReason.Price, T0 + Duration.FromHours(1), "alice");
        var quote = Draft(5m).Submit(Policy, Org, Day(1), "alice");

        var error = Assert.Throws<ArgumentException>(() => pipeline.SendQuote(deal, quote, Day(2), "alice"));
        Assert.Equal("deal", error.ParamName);
        Assert.Contains($"Deal D-1001 is {state}", error.Message);
        Assert.Equal(QuoteStatus.Approved, quote.Status);
        Assert.Equal(state == "stopped" ? DealStatus.Stopped : DealStatus.Lost, deal.Status);
    }
}
