using SalesPipeline.Deals;
using SalesPipeline.Pipelines;
using static SalesPipeline.Tests.Deals.DealFixtures;

namespace SalesPipeline.Tests.Deals;

// Stopped deals on the Multi pipeline: Discovery (need, contact) > Demo (demo-done) > Proposal (pricing, legal) >
// Negotiation, no skipping. The deal reaches Demo at H(2) and is stopped there at H(3).
public sealed class StoppedDealTests
{
    private static readonly PipelineDefinition Pipeline = Multi();

    private static Deal InDemo(bool demoDone = false)
    {
        var deal = Run(
            Pipeline,
            NewDeal(Pipeline),
            DealCommand.Answer("need", H(1), "alice"),
            DealCommand.Answer("contact", H(1), "alice"),
            DealCommand.Move("demo", H(2), "alice")
        );
        return demoDone ? Run(Pipeline, deal, DealCommand.Answer("demo-done", H(2), "alice")) : deal;
    }

    private static Deal StoppedInDemo(bool demoDone = false) =>
        Run(Pipeline, InDemo(demoDone), DealCommand.Stop(StopReason.BudgetFrozen, H(3), "alice"));

    [Fact]
    public void Stop_KeepsTheStageAndItsEntry_RecordsReasonAndTime_AndLeavesEveryForecast()
    {
        var deal = StoppedInDemo();

        Assert.Equal(DealStatus.Stopped, deal.Status);
        Assert.False(deal.IsOpen);
        Assert.False(deal.IsClosed);
        Assert.Equal("demo", deal.StageId);
        Assert.Equal("demo", deal.LastOpenStageId);
        Assert.Equal(H(2), deal.StageEnteredAt); // stopping is not a stage change
        Assert.Equal(H(3), deal.StoppedAt);
        Assert.Equal(StopReason.BudgetFrozen, deal.StopReason);
        Assert.Null(deal.ClosedAt);
        Assert.Equal(new DealStopped(deal.Id, H(3), "alice", StopReason.BudgetFrozen), deal.Events[^1]);
        // Demo's own values are 0.30 and Pipeline; a stopped deal weighs 0 and is Omitted.
        Assert.Equal(0m, Pipeline.WinProbabilityOf(deal).Value);
        Assert.Equal(ForecastCategory.Omitted, Pipeline.ForecastCategoryOf(deal).Value);
        Assert.Equal("D-1 Acme: 500 seats | alice | USD 60,000.00 | stopped in demo (budget-frozen) | close 2026-06-30", deal.ToString());
    }

    [Fact]
    public void Resume_ByDefault_ReturnsToTheStageItStoppedIn_WhichItNeverLeft()
    {
        var deal = Pipeline.Resume(StoppedInDemo(), H(5), "maria");

        Assert.Equal(DealStatus.Open, deal.Status);
        Assert.Equal("demo", deal.StageId);
        Assert.Equal("demo", deal.LastOpenStageId);
        Assert.Equal(H(2), deal.StageEnteredAt); // entered Demo at H(2); the stop and resume there do not move it
        Assert.Null(deal.StopReason);
        Assert.Null(deal.StoppedAt);
        Assert.Equal(new DealResumed(deal.Id, H(5), "maria", "demo"), deal.Events[^1]);
        Assert.Equal(0.30m, Pipeline.WinProbabilityOf(deal).Value);
    }

    [Fact]
    public void Resume_InAnEarlierStage_NeedsNoCriteria()
    {
        var deal = Pipeline.Resume(StoppedInDemo(), H(5), "maria", "discovery");

        Assert.Equal("discovery", deal.StageId);
        Assert.Equal("discovery", deal.LastOpenStageId);
        Assert.Equal(DealStatus.Open, deal.Status);
    }

    [Fact]
    public void Resume_InALaterStage_NeedsTheExitCriteriaOfTheStageItStoppedIn()
    {
        var stopped = StoppedInDemo();

        var refused = Pipeline.Apply(stopped, DealCommand.Resume(H(5), "maria", "proposal"));

        Assert.Same(stopped, refused.Deal);
        Assert.Equal([(RejectionCode.UnmetExitCriterion, (string?)"demo", (string?)"demo-done")], Keys(refused.Rejections));

        var resumed = Pipeline.Resume(StoppedInDemo(demoDone: true), H(5), "maria", "proposal");
        Assert.Equal("proposal", resumed.StageId);
    }

    [Fact]
    public void Resume_SkippingAStageWhoseCriteriaAreUnmet_IsRefusedWithEveryReason()
    {
        // Demo's criterion is met, Proposal's two are not, and the pipeline does not allow skipping.
        var refused = Pipeline.Apply(StoppedInDemo(demoDone: true), DealCommand.Resume(H(5), "maria", "negotiation"));

        Assert.Equal(
            [
                (RejectionCode.UnmetExitCriterion, (string?)"proposal", (string?)"legal"),
                (RejectionCode.UnmetExitCriterion, "proposal", "pricing"),
                (RejectionCode.SkippingNotAllowed, "negotiation", null),
            ],
            Keys(refused.Rejections)
        );
    }

    [Theory]
    [InlineData("nowhere", RejectionCode.UnknownStage)]
    [InlineData("closed-won", RejectionCode.TerminalStageTarget)]
    public void Resume_IntoAStageThatIsNotOpen_IsRefused(string stageId, RejectionCode code)
    {
        var stopped = StoppedInDemo();
        var target = stageId == "closed-won" ? Pipeline.WonStage.Id : stageId;

        var refused = Pipeline.Apply(stopped, DealCommand.Resume(H(5), "maria", target));

        Assert.Same(stopped, refused.Deal);
        Assert.Equal([code], refused.Rejections.Select(r => r.Code));
    }

    [Fact]
    public void Resume_OfAnOpenDeal_IsRefused()
    {
        var refused = Pipeline.Apply(InDemo(), DealCommand.Resume(H(5), "maria"));

        Assert.Equal([RejectionCode.DealNotStopped], refused.Rejections.Select(r => r.Code));
    }

    [Fact]
    public void Lose_FromStopped_ClosesTheDealFromTheStageItStoppedIn_AndReopenReturnsThere()
    {
        var lost = Pipeline.Apply(StoppedInDemo(), DealCommand.Lose(LossReason.Budget, H(4), "alice")).GetDealOrThrow();

        Assert.Equal(DealStatus.Lost, lost.Status);
        Assert.Equal(Pipeline.LostStage.Id, lost.StageId);
        Assert.Equal("demo", lost.LastOpenStageId);
        Assert.Equal(H(4), lost.ClosedAt);
        Assert.Equal(LossReason.Budget, lost.LossReason);
        Assert.Null(lost.StopReason);
        Assert.Null(lost.StoppedAt);

        var reopened = Pipeline.Reopen(lost, H(6), "maria");
        Assert.Equal("demo", reopened.StageId);
        Assert.Equal(DealStatus.Open, reopened.Status);
    }

    [Fact]
    public void Reopen_OfAStoppedDeal_IsRefusedAsNotClosed()
    {
        var stopped = StoppedInDemo();

        var refused = Pipeline.Apply(stopped, DealCommand.Reopen(H(5), "maria"));

        Assert.Same(stopped, refused.Deal);
        Assert.Equal([RejectionCode.DealNotClosed], refused.Rejections.Select(r => r.Code));
        Assert.Contains("resume a stopped deal", refused.Rejections[0].Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> RefusedWhileStopped =>
        new(
            "move",
            "answer",
            "withdraw",
            "amount",
            "close",
            "probability",
            "clear-probability",
            "category",
            "clear-category",
            "win",
            "competitor",
            "stop"
        );

    private static DealCommand Command(string name) =>
        name switch
        {
            "move" => DealCommand.Move("discovery", H(5), "alice"),
            "answer" => DealCommand.Answer("demo-done", H(5), "alice"),
            "withdraw" => DealCommand.Withdraw("need", H(5), "alice"),
            "amount" => DealCommand.ChangeAmountTo(Money.Of(1m, Currency.USD), H(5), "alice"),
            "close" => DealCommand.ChangeExpectedCloseTo(Close.PlusDays(1), H(5), "alice"),
            "probability" => DealCommand.OverrideProbabilityTo(0.5m, H(5), "alice"),
            "clear-probability" => DealCommand.ClearProbability(H(5), "alice"),
            "category" => DealCommand.OverrideCategoryTo(ForecastCategory.Commit, H(5), "alice"),
            "clear-category" => DealCommand.ClearCategory(H(5), "alice"),
            "win" => DealCommand.Win(H(5), "alice"),
            "competitor" => DealCommand.NoteCompetitor("Globex", H(5), "alice"),
            "stop" => DealCommand.Stop(StopReason.OnHold, H(5), "alice"),
            "resume" => DealCommand.Resume(H(5), "alice"),
            "lose" => DealCommand.Lose(LossReason.Timing, H(5), "alice"),
            "reassign" => DealCommand.Reassign("bob", H(5), "maria"),
            "pool" => DealCommand.AssignToPool("emea", H(5), "maria"),
            "customer" => DealCommand.ChangeCustomer(new Customer("ACC-1", "Acme"), H(5), "alice"),
            "comment" => DealCommand.Comment("Budget frozen until Q3.", H(5), "maria"),
            _ => throw new ArgumentException(name),
        };

    [Theory]
    [MemberData(nameof(RefusedWhileStopped))]
    public void EveryOtherCommand_OnAStoppedDeal_IsRefusedAsStopped_AndChangesNothing(string name)
    {
        var stopped = StoppedInDemo();

        var refused = Pipeline.Apply(stopped, Command(name));

        Assert.Same(stopped, refused.Deal);
        Assert.Null(refused.Event);
        Assert.Equal([(RejectionCode.DealStopped, (string?)"demo", (string?)null)], Keys(refused.Rejections));
    }

    [Theory]
    [InlineData("resume")]
    [InlineData("lose")]
    [InlineData("reassign")]
    [InlineData("pool")]
    [InlineData("customer")]
    [InlineData("comment")]
    public void TheDocumentedCommands_OnAStoppedDeal_AreAccepted(string name)
    {
        var result = Pipeline.Apply(StoppedInDemo(), Command(name));

        Assert.True(result.IsAccepted, result.ToString());
        Assert.Equal(H(5), result.Deal.LastEventAt);
        var stillStopped = name is "reassign" or "pool" or "customer" or "comment";
        Assert.Equal(stillStopped, result.Deal.Status == DealStatus.Stopped);
    }

    [Fact]
    public void Stop_OfAWonDeal_IsRefusedAsClosed()
    {
        var won = Won();

        var refused = Default.Apply(won, DealCommand.Stop(StopReason.OnHold, H(8), "alice"));

        Assert.Equal([RejectionCode.DealClosed], refused.Rejections.Select(r => r.Code));
    }

    [Fact]
    public void AsOf_AcrossStopAndResume_RebuildsEachState()
    {
        var deal = Pipeline.Resume(StoppedInDemo(), H(5), "maria", "discovery");

        Assert.Equal(DealStatus.Open, deal.AsOf(H(2)).Status);
        Assert.Equal(DealStatus.Stopped, deal.AsOf(H(3)).Status);
        Assert.Equal(H(3), deal.AsOf(H(4)).StoppedAt);
        Assert.Equal(StopReason.BudgetFrozen, deal.AsOf(H(4)).StopReason);
        Assert.Equal("demo", deal.AsOf(H(4)).StageId);
        Assert.Equal("discovery", deal.AsOf(H(5)).StageId);
        Assert.Null(deal.AsOf(H(5)).StoppedAt);
        Assert.Equal(StoppedInDemo(), deal.AsOf(H(4)));
    }

    [Fact]
    public void FromEvents_BothOverloads_RebuildAStoppedResumedAndLostHistory()
    {
        var deal = Run(
            Pipeline,
            StoppedInDemo(),
            DealCommand.Resume(H(5), "maria"),
            DealCommand.Stop(StopReason.CustomerPaused, H(6), "alice"),
            DealCommand.Lose(LossReason.NoDecision, H(7), "alice")
        );

        Assert.Equal(deal, Deal.FromEvents(deal.Events));
        Assert.Equal(deal, Deal.FromEvents(Pipeline, deal.Events));
    }

    [Fact]
    public void FromEvents_AResumeOfAnOpenDeal_OrAWinOfAStoppedOne_IsRefused()
    {
        var open = InDemo();
        var stopped = StoppedInDemo();

        var resumeOpen = open.Events.Append(new DealResumed(open.Id, H(4), "maria", "demo")).ToArray();
        var winStopped = stopped.Events.Append(new DealWon(open.Id, H(4), "maria", Pipeline.WonStage.Id)).ToArray();

        Assert.Contains(
            "not stopped",
            Assert.Throws<ArgumentException>(() => Deal.FromEvents(resumeOpen)).Message,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "stopped; resume it",
            Assert.Throws<ArgumentException>(() => Deal.FromEvents(winStopped)).Message,
            StringComparison.Ordinal
        );
        // A resumption further along than the criteria allow is what the pipeline refuses.
        var skip = stopped.Events.Append(new DealResumed(open.Id, H(4), "maria", "proposal")).ToArray();
        Assert.Equal(skip.Length, Deal.FromEvents(skip).Events.Count);
        Assert.Contains(
            "demo-done",
            Assert.Throws<ArgumentException>(() => Deal.FromEvents(Pipeline, skip)).Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void PermittedMoves_OfAStoppedDeal_AreTheResumptionsAndLost()
    {
        var moves = Pipeline.PermittedMoves(StoppedInDemo());

        // Discovery and Demo are permitted, Proposal misses demo-done, Negotiation misses demo-done, pricing, legal (and
        // skipping); Won is not offered; Lost is.
        Assert.Equal(["discovery", "demo", "proposal", "negotiation", Pipeline.LostStage.Id], moves.Select(m => m.Target.Id));
        Assert.Equal([true, true, false, false, true], moves.Select(m => m.IsPermitted));
    }

    [Fact]
    public void StopReason_TrimsItsCode_AndRefusesABlankOne()
    {
        Assert.Equal("paused-by-legal", new StopReason("  paused-by-legal ").Code);
        Assert.Equal(new StopReason("on-hold"), StopReason.OnHold);
        Assert.Equal("code", Assert.Throws<ArgumentException>(() => new StopReason(" ")).ParamName);
    }
}
