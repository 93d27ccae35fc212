using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Pipelines;
using static SalesPipeline.Tests.Deals.DealFixtures;

namespace SalesPipeline.Tests.Deals;

// Apply: one or more tests per rejection code, each checking the code, what it concerns and that the message names it.
public sealed partial class PipelineDefinitionTransitionsTests
{
    private static Rejection Single(TransitionResult result, RejectionCode code)
    {
        Assert.False(result.IsAccepted);
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(code, rejection.Code);
        return rejection;
    }

    [Fact]
    public void Apply_MoveForwardWithNothingAnswered_ListsEveryUnmetCriterionOfTheLeavingStage()
    {
        var deal = InQualified();

        var result = Default.Apply(deal, DealCommand.Move("proposal", H(2), "alice"));

        Assert.False(result.IsAccepted);
        Assert.All(result.Rejections, r => Assert.Equal(RejectionCode.UnmetExitCriterion, r.Code));
        Assert.All(result.Rejections, r => Assert.Equal("qualified", r.StageId));
        Assert.Equal(["budget", "technical-fit", "use-case"], result.Rejections.Select(r => r.CriterionId).Order(StringComparer.Ordinal));
        Assert.All(result.Rejections, r => Assert.Contains($"\"{r.CriterionId}\"", r.Message, StringComparison.Ordinal));
        Assert.All(result.Rejections, r => Assert.Contains("Qualified", r.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Apply_MoveForwardWithOneCriterionAnswered_ListsOnlyTheOtherTwo()
    {
        var deal = Run(Default, InQualified(), DealCommand.Answer("technical-fit", H(2), "alice"));

        var result = Default.Apply(deal, DealCommand.Move("proposal", H(3), "alice"));

        Assert.Equal(
            [(RejectionCode.UnmetExitCriterion, "qualified", "budget"), (RejectionCode.UnmetExitCriterion, "qualified", "use-case")],
            Keys(result.Rejections)
        );
    }

    [Fact]
    public void Apply_MoveForwardAfterWithdrawingAnAnswer_IsRejectedForThatCriterion()
    {
        var deal = Run(Default, QualifiedAnswered(), DealCommand.Withdraw("budget", H(5), "bob"));

        var result = Default.Apply(deal, DealCommand.Move("proposal", H(6), "alice"));

        var rejection = Single(result, RejectionCode.UnmetExitCriterion);
        Assert.Equal(("qualified", "budget"), (rejection.StageId, rejection.CriterionId));
    }

    [Fact]
    public void Apply_JumpOverStageWithUnmetCriteria_RejectsSkippingAndListsTheSkippedStagesCriteria()
    {
        // Prospecting has no criteria; the jump to Proposal skips Qualified, whose three criteria are unmet.
        var result = Default.Apply(NewDeal(), DealCommand.Move("proposal", H(1), "alice"));

        Assert.Equal(
            [
                (RejectionCode.UnmetExitCriterion, "qualified", "budget"),
                (RejectionCode.UnmetExitCriterion, "qualified", "technical-fit"),
                (RejectionCode.UnmetExitCriterion, "qualified", "use-case"),
                (RejectionCode.SkippingNotAllowed, "proposal", null),
            ],
            Keys(result.Rejections)
        );
        var skipping = result.Rejections.Single(r => r.Code == RejectionCode.SkippingNotAllowed);
        Assert.Contains("\"Prospecting\"", skipping.Message, StringComparison.Ordinal);
        Assert.Contains("\"Proposal\"", skipping.Message, StringComparison.Ordinal);
        Assert.Contains("\"Qualified\"", skipping.Message, StringComparison.Ordinal);
        Assert.Contains("Default", skipping.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_JumpWithUnmetLeavingAndSkippedCriteria_ListsBoth()
    {
        // Discovery (need, contact) -> Proposal skips Demo (demo-done); pricing and legal belong to the target and do not count.
        var pipeline = Multi();
        var deal = Run(pipeline, NewDeal(pipeline), DealCommand.Answer("need", H(1), "alice"));

        var result = pipeline.Apply(deal, DealCommand.Move("proposal", H(2), "alice"));

        Assert.Equal(
            [
                (RejectionCode.UnmetExitCriterion, "demo", "demo-done"),
                (RejectionCode.UnmetExitCriterion, "discovery", "contact"),
                (RejectionCode.SkippingNotAllowed, "proposal", null),
            ],
            Keys(result.Rejections)
        );
    }

    [Fact]
    public void Apply_JumpWhenSkippedStagesCriteriaAreMet_IsAcceptedAndCountsTheSkippedStages()
    {
        var pipeline = Multi();
        var deal = Run(
            pipeline,
            NewDeal(pipeline),
            DealCommand.Answer("need", H(1), "alice"),
            DealCommand.Answer("contact", H(1), "alice"),
            DealCommand.Answer("demo-done", H(2), "alice"),
            DealCommand.Answer("pricing", H(2), "alice"),
            DealCommand.Answer("legal", H(2), "alice")
        );

        var result = pipeline.Apply(deal, DealCommand.Move("negotiation", H(3), "bob"));

        Assert.True(result.IsAccepted);
        Assert.Equal(new StageMoved(new DealId("D-1"), H(3), "bob", "discovery", "negotiation", MoveDirection.Forward, 2), result.Event);
        Assert.Equal("negotiation", result.Deal.StageId);
        Assert.Equal(H(3), result.Deal.StageEnteredAt);
    }

    [Fact]
    public void Apply_JumpWithAllowSkipping_NeedsOnlyTheLeavingStagesCriteria()
    {
        var pipeline = Multi(allowSkipping: true);
        var deal = Run(
            pipeline,
            NewDeal(pipeline),
            DealCommand.Answer("need", H(1), "alice"),
            DealCommand.Answer("contact", H(1), "alice")
        );

        // Demo (demo-done) and Proposal (pricing, legal) are skipped with none of their criteria answered.
        var result = pipeline.Apply(deal, DealCommand.Move("negotiation", H(2), "alice"));

        Assert.True(result.IsAccepted, result.ToString());
        var moved = Assert.IsType<StageMoved>(result.Event);
        Assert.Equal((MoveDirection.Forward, 2), (moved.Direction, moved.StagesSkipped));
    }

    [Fact]
    public void Apply_JumpWithAllowSkippingButLeavingStageUnmet_ListsOnlyTheLeavingStagesCriteria()
    {
        var pipeline = Multi(allowSkipping: true);

        var result = pipeline.Apply(NewDeal(pipeline), DealCommand.Move("negotiation", H(1), "alice"));

        Assert.Equal(
            [(RejectionCode.UnmetExitCriterion, "discovery", "contact"), (RejectionCode.UnmetExitCriterion, "discovery", "need")],
            Keys(result.Rejections)
        );
    }

    [Fact]
    public void Apply_MoveToUnknownStage_IsRejectedNamingTheStage()
    {
        var rejection = Single(Default.Apply(NewDeal(), DealCommand.Move("closing", H(1), "alice")), RejectionCode.UnknownStage);

        Assert.Equal("closing", rejection.StageId);
        Assert.Null(rejection.CriterionId);
        Assert.Contains("\"closing\"", rejection.Message, StringComparison.Ordinal);
        Assert.Contains("Default", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_DealOpenedInAnotherPipeline_IsRejectedAsNotInPipeline()
    {
        var deal = NewDeal(Multi()); // in "discovery", a stage Default does not have

        var rejection = Single(Default.Apply(deal, DealCommand.Move("proposal", H(1), "alice")), RejectionCode.DealNotInPipeline);

        Assert.Equal("discovery", rejection.StageId);
        Assert.Contains("\"discovery\"", rejection.Message, StringComparison.Ordinal);
        Assert.Contains("\"Default\"", rejection.Message, StringComparison.Ordinal);
        Assert.Contains("\"Multi\"", rejection.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("answer")]
    [InlineData("withdraw")]
    public void Apply_UnknownCriterion_IsRejectedNamingTheCriterion(string kind)
    {
        DealCommand command =
            kind == "answer" ? DealCommand.Answer("budgett", H(1), "alice") : DealCommand.Withdraw("budgett", H(1), "alice");

        var rejection = Single(Default.Apply(NewDeal(), command), RejectionCode.UnknownExitCriterion);

        Assert.Equal("budgett", rejection.CriterionId);
        Assert.Contains("\"budgett\"", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_AnswerCriterionOfAnotherStage_IsAccepted()
    {
        // Criteria are pipeline-wide ids: a deal in Discovery may already answer Proposal's "pricing".
        var pipeline = Multi();

        var deal = Run(pipeline, NewDeal(pipeline), DealCommand.Answer("pricing", H(1), "alice"));

        Assert.Equal(["pricing"], deal.AnsweredCriteria);
        Assert.True(deal.IsAnswered("pricing"));
    }

    [Fact]
    public void Apply_MoveWonDeal_IsRejectedAsClosed()
    {
        var rejection = Single(Default.Apply(Won(), DealCommand.Move("proposal", H(8), "alice")), RejectionCode.DealClosed);

        Assert.Equal("won", rejection.StageId);
        Assert.Contains("D-1", rejection.Message, StringComparison.Ordinal);
        Assert.Contains("won", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_ChangeAmountOfLostDeal_IsRejectedAsClosed()
    {
        var command = DealCommand.ChangeAmountTo(Money.Of(1_000m, Currency.USD), H(3), "alice");

        var rejection = Single(Default.Apply(Lost(), command), RejectionCode.DealClosed);

        Assert.Equal("lost", rejection.StageId);
        Assert.Contains("lost", rejection.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("answer")]
    [InlineData("probability")]
    [InlineData("win")]
    public void Apply_AnyOtherChangeToWonDeal_IsRejectedAsClosed(string kind)
    {
        var at = H(8);
        DealCommand command = kind switch
        {
            "answer" => DealCommand.Answer("budget", at, "alice"),
            "probability" => DealCommand.OverrideProbabilityTo(0.3m, at, "alice"),
            _ => DealCommand.Win(at, "alice"),
        };
        var deal = Won();

        var result = Default.Apply(deal, command);

        // Whatever else might be wrong with the command, the closed deal is one reason.
        Assert.Contains(result.Rejections, r => r.Code == RejectionCode.DealClosed && r.StageId == "won");
        Assert.Same(deal, result.Deal);
    }

    [Theory]
    [InlineData("won", "Win")]
    [InlineData("lost", "Lose")]
    public void Apply_MoveToTerminalStage_IsRejectedPointingToWinOrLose(string target, string advice)
    {
        var deal = Run(Default, QualifiedAnswered(), DealCommand.Move("proposal", H(5), "alice"));

        var rejection = Single(Default.Apply(deal, DealCommand.Move(target, H(6), "alice")), RejectionCode.TerminalStageTarget);

        Assert.Equal(target, rejection.StageId);
        Assert.Contains(advice, rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_MoveToCurrentStage_IsRejectedAsAlreadyInStage()
    {
        var rejection = Single(Default.Apply(InQualified(), DealCommand.Move("qualified", H(2), "alice")), RejectionCode.AlreadyInStage);

        Assert.Equal("qualified", rejection.StageId);
        Assert.Contains("\"Qualified\"", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_LoseWithoutReason_IsRejectedAsMissingLossReason()
    {
        var rejection = Single(Default.Apply(NewDeal(), DealCommand.Lose(null, H(1), "alice", "Globex")), RejectionCode.MissingLossReason);

        Assert.Contains("D-1", rejection.Message, StringComparison.Ordinal);
        Assert.Contains("loss reason", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_ReopenOpenDeal_IsRejectedAsNotClosed()
    {
        var rejection = Single(Default.Apply(InQualified(), DealCommand.Reopen(H(2), "alice")), RejectionCode.DealNotClosed);

        Assert.Contains("D-1", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_ReopenWhenPipelineForbidsIt_IsRejected()
    {
        var pipeline = Multi(allowReopen: false, requireCriteriaToWin: false);
        var deal = Run(pipeline, NewDeal(pipeline), DealCommand.Win(H(1), "alice"));

        var rejection = Single(pipeline.Apply(deal, DealCommand.Reopen(H(2), "alice")), RejectionCode.ReopenNotAllowed);

        Assert.Contains("\"Multi\"", rejection.Message, StringComparison.Ordinal);
        Assert.Equal(DealStatus.Won, deal.Status);
    }

    [Fact]
    public void Apply_ReopenOpenDealWhenPipelineForbidsIt_ListsBothReasons()
    {
        var pipeline = Multi(allowReopen: false);

        var result = pipeline.Apply(NewDeal(pipeline), DealCommand.Reopen(H(1), "alice"));

        Assert.Equal([RejectionCode.DealNotClosed, RejectionCode.ReopenNotAllowed], Keys(result.Rejections).Select(k => k.Code));
    }

    [Theory]
    [InlineData("won", RejectionCode.TerminalStageTarget, "\"Won\"")]
    [InlineData("lost", RejectionCode.TerminalStageTarget, "\"Lost\"")]
    [InlineData("closing", RejectionCode.UnknownStage, "\"closing\"")]
    public void Apply_ReopenIntoTerminalOrUnknownStage_IsRejected(string stageId, RejectionCode expected, string named)
    {
        var rejection = Single(Default.Apply(Lost(), DealCommand.Reopen(H(3), "alice", stageId)), expected);

        Assert.Equal(stageId, rejection.StageId);
        Assert.Contains(named, rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_CommandDatedBeforeLatestEvent_IsRejectedNamingBothInstants()
    {
        var deal = InQualified(); // latest event at H(1) = 2026-03-02T10:00:00Z

        var result = Default.Apply(deal, DealCommand.Answer("budget", T0.Plus(Duration.FromMinutes(30)), "alice"));

        var rejection = Single(result, RejectionCode.CommandBeforeLastEvent);
        Assert.Contains("2026-03-02T09:30:00Z", rejection.Message, StringComparison.Ordinal);
        Assert.Contains("2026-03-02T10:00:00Z", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_CommandDatedAtTheLatestEventsInstant_IsAccepted()
    {
        var deal = InQualified();

        Assert.True(Default.Apply(deal, DealCommand.Answer("budget", H(1), "alice")).IsAccepted);
    }

    [Theory]
    [InlineData("same-amount")]
    [InlineData("same-close-date")]
    [InlineData("answer-twice")]
    [InlineData("withdraw-unanswered")]
    [InlineData("clear-missing-probability")]
    [InlineData("clear-missing-category")]
    [InlineData("reassign-same-owner")]
    public void Apply_CommandThatChangesNothing_IsRejected(string kind)
    {
        var at = H(5);
        var deal = Run(
            Default,
            InQualified(),
            DealCommand.Answer("budget", H(2), "alice"),
            DealCommand.OverrideProbabilityTo(0.35m, H(3), "alice"),
            DealCommand.OverrideCategoryTo(ForecastCategory.Commit, H(3), "alice")
        );
        if (kind.StartsWith("clear-missing", StringComparison.Ordinal))
        {
            deal = Run(Default, deal, DealCommand.ClearProbability(H(4), "alice"), DealCommand.ClearCategory(H(4), "alice"));
        }
        (DealCommand command, string named) = kind switch
        {
            "same-amount" => (DealCommand.ChangeAmountTo(Money.Of(60_000.00m, Currency.USD), at, "alice"), "60,000.00"),
            "same-close-date" => (DealCommand.ChangeExpectedCloseTo(new LocalDate(2026, 6, 30), at, "alice"), "2026-06-30"),
            "answer-twice" => (DealCommand.Answer("budget", at, "alice"), "\"budget\""),
            "withdraw-unanswered" => (DealCommand.Withdraw("use-case", at, "alice"), "\"use-case\""),
            "clear-missing-probability" => (DealCommand.ClearProbability(at, "alice"), "probability"),
            "clear-missing-category" => (DealCommand.ClearCategory(at, "alice"), "category"),
            _ => ((DealCommand)DealCommand.Reassign("alice", at, "bob"), "\"alice\""),
        };

        var rejection = Single(Default.Apply(deal, command), RejectionCode.NothingToChange);

        Assert.Contains(named, rejection.Message, StringComparison.Ordinal);
        Assert.Contains("D-1", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_SameProbabilityFromAnotherSource_IsAccepted()
    {
        var deal = Run(Default, NewDeal(), DealCommand.OverrideProbabilityTo(0.35m, H(1), "alice"));

        var result = Default.Apply(deal, DealCommand.OverrideProbabilityTo(0.35m, H(2), "scorer", ValueSource.Model));

        Assert.True(result.IsAccepted);
        Assert.Equal(ValueSource.Model, result.Deal.ProbabilityOverrideSource);
    }

    [Fact]
    public void Apply_EarlyMoveWithUnmetCriteria_ListsEveryReason()
    {
        var deal = InQualified();

        var result = Default.Apply(deal, DealCommand.Move("proposal", T0, "alice"));

        Assert.Equal(
            [
                (RejectionCode.UnmetExitCriterion, "qualified", "budget"),
                (RejectionCode.UnmetExitCriterion, "qualified", "technical-fit"),
                (RejectionCode.UnmetExitCriterion, "qualified", "use-case"),
                (RejectionCode.CommandBeforeLastEvent, null, null),
            ],
            Keys(result.Rejections)
        );
    }

    [Fact]
    public void Apply_EarlyReassignToSameOwner_ListsBothReasons()
    {
        var result = Default.Apply(InQualified(), DealCommand.Reassign("alice", T0, "bob"));

        Assert.Equal(
            new[] { RejectionCode.NothingToChange, RejectionCode.CommandBeforeLastEvent }.Order(),
            result.Rejections.Select(r => r.Code).Order()
        );
    }

    [Fact]
    public void Apply_Rejected_ReturnsTheSameDealInstanceAndNoEvent()
    {
        var deal = InQualified();

        var result = Default.Apply(deal, DealCommand.Move("proposal", H(2), "alice"));

        Assert.False(result.IsAccepted);
        Assert.Same(deal, result.Deal);
        Assert.Null(result.Event);
        Assert.Equal(2, result.Deal.Events.Count);
        Assert.StartsWith("rejected: ", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_Accepted_ReturnsNewDealWhoseLastEventIsTheEvent()
    {
        var deal = InQualified();

        var result = Default.Apply(deal, DealCommand.Answer("budget", H(2), "bob"));

        Assert.True(result.IsAccepted);
        Assert.Empty(result.Rejections);
        Assert.NotSame(deal, result.Deal);
        Assert.Equal(new ExitCriterionAnswered(new DealId("D-1"), H(2), "bob", "budget"), result.Event);
        Assert.Same(result.Event, result.Deal.Events[^1]);
        Assert.Equal(3, result.Deal.Events.Count);
    }

    [Fact]
    public void Apply_NullArguments_Throw()
    {
        Assert.Equal("deal", Assert.Throws<ArgumentNullException>(() => Default.Apply(null!, DealCommand.Win(H(1), "a"))).ParamName);
        Assert.Equal("command", Assert.Throws<ArgumentNullException>(() => Default.Apply(NewDeal(), null!)).ParamName);
    }

    [Theory]
    [InlineData("ApplyOrThrow")]
    [InlineData("Move")]
    [InlineData("Answer")]
    [InlineData("Win")]
    [InlineData("Lose")]
    [InlineData("Reopen")]
    public void ThrowingShortcut_WhenRejected_ThrowsWithTheSameRejectionsAsApply(string shortcut)
    {
        var deal = InQualified();
        var early = T0; // before the latest event, so every command is rejected for at least that reason
        (DealCommand Command, Func<Deal> Call) pair = shortcut switch
        {
            "ApplyOrThrow" => (
                DealCommand.Move("negotiation", early, "bob"),
                () => Default.ApplyOrThrow(deal, DealCommand.Move("negotiation", early, "bob"))
            ),
            "Move" => (DealCommand.Move("negotiation", early, "bob"), () => Default.Move(deal, "negotiation", early, "bob")),
            "Answer" => (DealCommand.Answer("nope", early, "bob"), () => Default.Answer(deal, "nope", early, "bob")),
            "Win" => (DealCommand.Win(early, "bob"), () => Default.Win(deal, early, "bob")),
            "Lose" => (DealCommand.Lose(LossReason.Price, early, "bob"), () => Default.Lose(deal, LossReason.Price, early, "bob")),
            _ => (DealCommand.Reopen(early, "bob"), () => Default.Reopen(deal, early, "bob")),
        };
        var expected = Default.Apply(deal, pair.Command).Rejections;
        Assert.NotEmpty(expected);

        var ex = Assert.Throws<InvalidTransitionException>(pair.Call);

        Assert.Equal(expected, ex.Rejections);
        Assert.Equal(new DealId("D-1"), ex.DealId);
        Assert.All(expected, r => Assert.Contains(r.Message, ex.Message, StringComparison.Ordinal));
    }
}
