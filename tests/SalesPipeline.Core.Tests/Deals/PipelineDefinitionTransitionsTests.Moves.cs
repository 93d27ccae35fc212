using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Pipelines;
using static SalesPipeline.Tests.Deals.DealFixtures;

namespace SalesPipeline.Tests.Deals;

// Accepted transitions: moves, winning, losing, reopening, reassigning.
public sealed partial class PipelineDefinitionTransitionsTests
{
    private static readonly DealId D1 = new("D-1");

    [Fact]
    public void Move_ToNextStageWithCriteriaMet_RecordsForwardMoveWithNoSkips()
    {
        var deal = Default.Move(QualifiedAnswered(), "proposal", H(5), "bob");

        Assert.Equal(new StageMoved(D1, H(5), "bob", "qualified", "proposal", MoveDirection.Forward, 0), deal.Events[^1]);
        Assert.Equal("proposal", deal.StageId);
        Assert.Equal("proposal", deal.LastOpenStageId);
        Assert.Equal(H(5), deal.StageEnteredAt);
        Assert.Equal(DealStatus.Open, deal.Status);
    }

    [Fact]
    public void Move_BackwardWithCriteriaUnmet_IsAcceptedAndRecordedAsBackward()
    {
        // In Negotiation with budget withdrawn: going back to Prospecting passes Qualified but needs nothing.
        var deal = Run(
            Default,
            QualifiedAnswered(),
            DealCommand.Move("proposal", H(5), "alice"),
            DealCommand.Move("negotiation", H(6), "alice"),
            DealCommand.Withdraw("budget", H(7), "alice"),
            DealCommand.Withdraw("use-case", H(7), "alice")
        );

        var result = Default.Apply(deal, DealCommand.Move("prospecting", H(8), "carol"));

        Assert.True(result.IsAccepted, result.ToString());
        Assert.Equal(new StageMoved(D1, H(8), "carol", "negotiation", "prospecting", MoveDirection.Backward, 0), result.Event);
        Assert.Equal("prospecting", result.Deal.StageId);
        Assert.Equal(["technical-fit"], result.Deal.AnsweredCriteria); // answers are kept across moves
    }

    [Fact]
    public void Win_FromLastStageWithCriteriaRequired_IsAccepted()
    {
        var deal = Won();

        Assert.Equal(new DealWon(D1, H(7), "alice", "won"), deal.Events[^1]);
        Assert.Equal(DealStatus.Won, deal.Status);
        Assert.False(deal.IsOpen);
        Assert.Equal("won", deal.StageId);
        Assert.Equal("negotiation", deal.LastOpenStageId);
        Assert.Equal(H(7), deal.ClosedAt);
        Assert.Equal(H(7), deal.StageEnteredAt);
    }

    [Fact]
    public void Win_FromStageWithUnmetCriteria_IsRejectedListingThem()
    {
        var result = Default.Apply(InQualified(), DealCommand.Win(H(2), "alice"));

        // Proposal and Negotiation, which the win jumps over, have no criteria: only Qualified's are missing.
        Assert.Equal(
            [
                (RejectionCode.UnmetExitCriterion, "qualified", "budget"),
                (RejectionCode.UnmetExitCriterion, "qualified", "technical-fit"),
                (RejectionCode.UnmetExitCriterion, "qualified", "use-case"),
            ],
            Keys(result.Rejections)
        );
    }

    [Fact]
    public void Win_FromQualifiedWithCriteriaMet_IsAcceptedBecauseSkippedStagesHaveNoCriteria()
    {
        var deal = Default.Win(QualifiedAnswered(), H(5), "alice");

        Assert.Equal(DealStatus.Won, deal.Status);
        Assert.Equal("qualified", deal.LastOpenStageId);
    }

    [Fact]
    public void Win_JumpingOverStagesWithUnmetCriteria_IsRejectedAsSkipping()
    {
        var pipeline = Multi();
        var deal = Run(
            pipeline,
            NewDeal(pipeline),
            DealCommand.Answer("need", H(1), "a"),
            DealCommand.Answer("contact", H(1), "a"),
            DealCommand.Answer("pricing", H(1), "a")
        );

        var result = pipeline.Apply(deal, DealCommand.Win(H(2), "alice"));

        Assert.Equal(
            [
                (RejectionCode.UnmetExitCriterion, "demo", "demo-done"),
                (RejectionCode.UnmetExitCriterion, "proposal", "legal"),
                (RejectionCode.SkippingNotAllowed, "closed-won", null),
            ],
            Keys(result.Rejections)
        );
    }

    [Fact]
    public void Win_WithAllowSkipping_NeedsOnlyTheCurrentStagesCriteria()
    {
        var pipeline = Multi(allowSkipping: true);
        var deal = Run(pipeline, NewDeal(pipeline), DealCommand.Answer("need", H(1), "a"));

        Assert.Equal(
            [(RejectionCode.UnmetExitCriterion, "discovery", "contact")],
            Keys(pipeline.Apply(deal, DealCommand.Win(H(2), "a")).Rejections)
        );
        var won = pipeline.Win(Run(pipeline, deal, DealCommand.Answer("contact", H(2), "a")), H(3), "a");
        Assert.Equal(DealStatus.Won, won.Status);
    }

    [Fact]
    public void Win_WithoutRequireExitCriteriaToWin_IsAcceptedFromAnyStageWithNothingAnswered()
    {
        var pipeline = Multi(requireCriteriaToWin: false);

        var result = pipeline.Apply(NewDeal(pipeline), DealCommand.Win(H(1), "alice"));

        Assert.True(result.IsAccepted, result.ToString());
        Assert.Equal(new DealWon(D1, H(1), "alice", "closed-won"), result.Event);
        Assert.Equal("closed-won", result.Deal.StageId);
        Assert.Equal("discovery", result.Deal.LastOpenStageId);
    }

    [Fact]
    public void Lose_RecordsReasonAndCompetitor()
    {
        var deal = Lost();

        Assert.Equal(new DealLost(D1, H(2), "alice", "lost", LossReason.Price, "Globex"), deal.Events[^1]);
        Assert.Equal(DealStatus.Lost, deal.Status);
        Assert.Equal("lost", deal.StageId);
        Assert.Equal("qualified", deal.LastOpenStageId);
        Assert.Equal(LossReason.Price, deal.LossReason);
        Assert.Equal("Globex", deal.Competitor);
        Assert.Equal(H(2), deal.ClosedAt);
    }

    [Fact]
    public void Lose_FromStageWithUnmetCriteriaAndNoCompetitor_IsAccepted()
    {
        var pipeline = Multi();

        var deal = pipeline.Lose(NewDeal(pipeline), new LossReason(" no-budget "), H(1), "alice");

        Assert.Equal("no-budget", deal.LossReason!.Code);
        Assert.Null(deal.Competitor);
        Assert.Equal("closed-lost", deal.StageId);
    }

    [Fact]
    public void Reopen_WithoutStage_ReturnsToTheLastOpenStageAndClearsTheLoss()
    {
        var deal = Default.Reopen(Lost(), H(3), "manager");

        Assert.Equal(new DealReopened(D1, H(3), "manager", "qualified"), deal.Events[^1]);
        Assert.Equal(DealStatus.Open, deal.Status);
        Assert.Equal("qualified", deal.StageId);
        Assert.Equal("qualified", deal.LastOpenStageId);
        Assert.Null(deal.LossReason);
        Assert.Null(deal.Competitor);
        Assert.Null(deal.ClosedAt);
        Assert.Equal(H(3), deal.StageEnteredAt);
    }

    [Fact]
    public void Reopen_WonDealIntoGivenStage_GoesThere()
    {
        var deal = Default.Reopen(Won(), H(8), "manager", "proposal");

        Assert.Equal(("proposal", "proposal", DealStatus.Open), (deal.StageId, deal.LastOpenStageId, deal.Status));
        Assert.Null(deal.ClosedAt);
        // The event history keeps the win.
        Assert.Contains(deal.Events, e => e is DealWon);
    }

    [Fact]
    public void Reopen_LostDeal_IsSubjectToTheRulesAgainAndCanThenBeWon()
    {
        var deal = Default.Reopen(Lost(), H(3), "manager"); // back in Qualified, nothing answered

        Assert.Equal(3, Default.Apply(deal, DealCommand.Win(H(4), "alice")).Rejections.Count);
        var won = Run(
            Default,
            deal,
            DealCommand.Answer("use-case", H(4), "alice"),
            DealCommand.Answer("technical-fit", H(4), "alice"),
            DealCommand.Answer("budget", H(4), "alice"),
            DealCommand.Win(H(5), "alice")
        );

        Assert.Equal(DealStatus.Won, won.Status);
        Assert.Null(won.LossReason);
        Assert.Equal(
            [typeof(DealCreated), typeof(StageMoved), typeof(DealLost), typeof(DealReopened)],
            won.Events.Take(4).Select(e => e.GetType())
        );
    }

    [Theory]
    [InlineData("won")]
    [InlineData("lost")]
    public void Reassign_ClosedDeal_IsAccepted(string which)
    {
        var deal = which == "won" ? Won() : Lost();

        var reassigned = Default.ApplyOrThrow(deal, DealCommand.Reassign("dave", H(9), "manager"));

        Assert.Equal("dave", reassigned.Owner);
        Assert.Equal(deal.Status, reassigned.Status);
        Assert.Equal(new OwnerReassigned(D1, H(9), "manager", "dave"), reassigned.Events[^1]);
        Assert.Equal(deal.Events, reassigned.Events.Take(deal.Events.Count));
    }

    [Fact]
    public void ChangeAmountAndCloseDate_AreRecorded()
    {
        var amount = SalesPipeline.Money.Of(75_000m, SalesPipeline.Currency.USD);

        var deal = Run(
            Default,
            NewDeal(),
            DealCommand.ChangeAmountTo(amount, H(1), "alice"),
            DealCommand.ChangeExpectedCloseTo(new LocalDate(2026, 9, 30), H(2), "alice")
        );

        Assert.Equal(amount, deal.Amount);
        Assert.Equal(new LocalDate(2026, 9, 30), deal.ExpectedClose);
        Assert.Equal(new AmountChanged(D1, H(1), "alice", amount), deal.Events[1]);
        Assert.Equal(new ExpectedCloseChanged(D1, H(2), "alice", new LocalDate(2026, 9, 30)), deal.Events[2]);
    }
}
