using SalesPipeline.Quotes;
using static SalesPipeline.Tests.Quotes.QuoteFixtures;

namespace SalesPipeline.Tests.Quotes;

public class ApprovalPolicyTests
{
    [Fact]
    public void Decide_TwelvePercentOff_NeedsAlicesManager()
    {
        var decision = Policy.Decide(QuoteTotals.Of(Lines(12m)), "alice", Org);

        // Seats: 100 x 480 = 48,000 less 12% = 42,240: 12% off list, above 10% (manager) but not 20%; no floor is broken
        // (42,240 >= 100 x 380 = 38,000).
        var triggered = Assert.Single(decision.Triggered);
        Assert.Equal("line discount above 10%", triggered.Rule);
        Assert.Equal("line \"seat\" is 12% off list, above 10%", triggered.Reason);
        Assert.Equal([new RequiredApproval(ApproverLevel.Manager, "maria", null)], decision.Required);
        Assert.Equal("needs manager maria: line discount above 10%: line \"seat\" is 12% off list, above 10%", decision.ToString());
    }

    [Fact]
    public void Decide_SeveralRules_TheStrictestWins_AndEveryTriggeredRuleIsNamed()
    {
        // 25% off seats: 100 x 480 x 0.75 = 36,000, under the floor 38,000; above 10% and above 20%.
        var decision = Policy.Decide(QuoteTotals.Of(Lines(25m)), "alice", Org);

        Assert.Equal(["line discount above 10%", "line discount above 20%", "price under floor"], decision.Triggered.Select(t => t.Rule));
        Assert.Equal([new RequiredApproval(ApproverLevel.NextLevelUp, "victor", null)], decision.Required);
        Assert.Equal("line \"seat\" nets USD 36,000.00, under its floor USD 38,000.00", decision.Triggered[2].Reason);
    }

    [Fact]
    public void Decide_ARoleRule_IsStricterThanTheHierarchy_AndOnlyTheRoleMayApprove()
    {
        var policy = new ApprovalPolicy([
            ApprovalRule.LineDiscountAbove(10m, Approver.NextLevelUp),
            ApprovalRule.TotalAbove(Usd_(50_000m), Approver.InRole("deal-desk")),
        ]);
        var pending = Quote
            .Create("Q-9", new DealId("D-9"), "alice", new NodaTime.LocalDate(2026, 3, 31), Lines(12m), T0, "alice")
            .Submit(policy, Org, Day(1), "alice");

        Assert.Equal([new RequiredApproval(ApproverLevel.Role, null, "deal-desk")], pending.RequiredApprovals);
        Assert.Equal(2, pending.TriggeredRules.Count);
        Assert.Contains(
            "someone in role \"deal-desk\"",
            Assert.Throws<QuoteOperationException>(() => pending.Approve(Org, Day(2), "victor")).Reason,
            StringComparison.Ordinal
        );
        Assert.Equal(QuoteStatus.Approved, pending.Approve(Org, Day(2), "dana").Status);
    }

    [Fact]
    public void Decide_NothingTriggered_NeedsNobody()
    {
        var decision = Policy.Decide(QuoteTotals.Of(Lines(10m)), "alice", Org);

        Assert.Empty(decision.Triggered);
        Assert.False(decision.IsApprovalRequired);
        Assert.Equal("no approval needed", decision.ToString());
    }

    [Fact]
    public void Decide_ARuleNamingNobody_IsListedButRequiresNothing()
    {
        var policy = new ApprovalPolicy([ApprovalRule.TotalAbove(Usd_(50_000m), Approver.Nobody)]);

        // 42,240 + 6,000 + 9,600 = 57,840 > 50,000.
        var decision = policy.Decide(QuoteTotals.Of(Lines(12m)), "alice", Org);

        Assert.Equal("the total is USD 57,840.00, above USD 50,000.00", Assert.Single(decision.Triggered).Reason);
        Assert.Empty(decision.Required);
    }

    [Fact]
    public void Decide_NextLevelUpOfATeamLead_IsTheTopOfTheChain()
    {
        // maria's manager is victor, at the top: the next level up escalates no further than victor.
        var decision = Policy.Decide(QuoteTotals.Of(Lines(25m)), "maria", Org);

        Assert.Equal("victor", Assert.Single(decision.Required).PersonId);
    }

    [Fact]
    public void Decide_NobodyAboveTheRep_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Policy.Decide(QuoteTotals.Of(Lines(12m)), "victor", Org));

        Assert.Equal("rep", e.ParamName);
        Assert.Contains("nobody is above victor in Acme", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_RepOutsideTheOrg_Throws()
    {
        Assert.Equal("rep", Assert.Throws<ArgumentException>(() => Policy.Decide(QuoteTotals.Of(Lines(12m)), "zoe", Org)).ParamName);
    }

    [Fact]
    public void Check_AmountRuleInAnotherCurrency_Throws()
    {
        var policy = new ApprovalPolicy([ApprovalRule.TotalDiscountAbove(Money.Of(1m, Currency.EUR), Approver.Manager)]);

        Assert.Throws<CurrencyMismatchException>(() => policy.Check(QuoteTotals.Of(Lines(12m))));
    }

    [Fact]
    public void Check_ThresholdsAreStrict()
    {
        // Exactly 10% off does not trigger "above 10%"; a discount off list of exactly 4,800 does not trigger "above 4,800".
        var policy = new ApprovalPolicy([
            ApprovalRule.LineDiscountAbove(10m, Approver.Manager),
            ApprovalRule.TotalDiscountAbove(Usd_(4_800m), Approver.Manager),
        ]);

        Assert.Empty(policy.Check(QuoteTotals.Of(Lines(10m))));
    }

    [Fact]
    public void Rules_BadThresholds_Throw()
    {
        Assert.Equal(
            "percent",
            Assert.Throws<ArgumentOutOfRangeException>(() => ApprovalRule.LineDiscountAbove(100.5m, Approver.Manager)).ParamName
        );
        Assert.Equal(
            "amount",
            Assert.Throws<ArgumentOutOfRangeException>(() => ApprovalRule.TotalAbove(Usd_(-1m), Approver.Manager)).ParamName
        );
        Assert.Equal("role", Assert.Throws<ArgumentException>(() => Approver.InRole(" ")).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => ApprovalRule.PriceUnderFloor(Approver.Manager, "")).ParamName);
    }
}
