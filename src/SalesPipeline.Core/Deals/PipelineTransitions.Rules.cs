using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Deals;

public static partial class PipelineTransitions
{
    // Decides a command: returns the event it would add, or fills rejections with every reason it may not.
    // Allocates nothing on the accepted path beyond the event itself, because Apply runs millions of times.
    private static DealEvent? Decide(PipelineDefinition pipeline, Deal deal, DealCommand command, ref List<Rejection>? rejections)
    {
        var e = DecideEvent(pipeline, deal, command, ref rejections);
        return e is null || command.Cause is null ? e : e with { Cause = command.Cause };
    }

    private static DealEvent? DecideEvent(PipelineDefinition pipeline, Deal deal, DealCommand command, ref List<Rejection>? rejections)
    {
        if (command.At < deal.LastEventAt)
        {
            Reject(
                ref rejections,
                RejectionCode.CommandBeforeLastEvent,
                $"The command is dated {command.At}, before the deal's latest event at {deal.LastEventAt}; events are recorded in time order."
            );
        }
        if (!string.Equals(deal.Pipeline, pipeline.Name, System.StringComparison.Ordinal))
        {
            Reject(
                ref rejections,
                RejectionCode.DealNotInPipeline,
                $"Deal {deal.Id} (in stage \"{deal.StageId}\") belongs to pipeline \"{deal.Pipeline}\", not \"{pipeline.Name}\"; apply its commands with the pipeline it was opened in.",
                deal.StageId
            );
            return null;
        }
        if (!pipeline.StagesById.TryGetValue(deal.StageId, out var current))
        {
            Reject(
                ref rejections,
                RejectionCode.DealNotInPipeline,
                $"Deal {deal.Id} is in stage \"{deal.StageId}\", which pipeline \"{pipeline.Name}\" does not have; apply its commands with the pipeline it was opened in (\"{deal.Pipeline}\").",
                deal.StageId
            );
            return null;
        }
        var id = deal.Id;
        var at = command.At;
        var by = command.By;
        switch (command)
        {
            case ReassignOwner r:
                if (r.Owner == deal.Owner)
                {
                    Reject(ref rejections, RejectionCode.NothingToChange, $"Deal {id} is already owned by \"{r.Owner}\".");
                }
                return new OwnerReassigned(id, at, by, r.Owner);

            case ReopenDeal r:
                return DecideReopen(pipeline, deal, r, ref rejections);

            case ChangeCustomer c:
                if (c.Customer.Equals(deal.Customer))
                {
                    Reject(ref rejections, RejectionCode.NothingToChange, $"Deal {id} is already for customer {c.Customer}.");
                }
                return new CustomerChanged(id, at, by, c.Customer);

            case AddComment c:
                return new CommentAdded(id, at, by, c.Text, c.ActivityId);

            case AssignToPool p:
                if (deal.IsClosed)
                {
                    Reject(
                        ref rejections,
                        RejectionCode.DealClosed,
                        $"Deal {id} is {deal.Status.ToString().ToLowerInvariant()}; a decided deal keeps the owner it was decided under (reassign it to a rep instead).",
                        deal.StageId
                    );
                    return null;
                }
                if (deal.IsInPool && deal.Team == p.TeamId)
                {
                    Reject(
                        ref rejections,
                        RejectionCode.NothingToChange,
                        p.TeamId is null
                            ? $"Deal {id} is already in the company pool."
                            : $"Deal {id} is already in team \"{p.TeamId}\"'s pool."
                    );
                }
                return new DealAssignedToPool(id, at, by, p.TeamId);

            case ResumeDeal r:
                return DecideResume(pipeline, deal, r, ref rejections);

            case LoseDeal when deal.Status == DealStatus.Stopped:
                // A pause can end in no purchase: losing a stopped deal needs no resumption first.
                break;

            default:
                if (deal.Status == DealStatus.Stopped)
                {
                    Reject(
                        ref rejections,
                        RejectionCode.DealStopped,
                        $"Deal {id} is stopped ({deal.StopReason}); resume it before changing it.",
                        deal.StageId
                    );
                    return null;
                }
                if (!deal.IsOpen)
                {
                    Reject(
                        ref rejections,
                        RejectionCode.DealClosed,
                        $"Deal {id} is {(deal.Status == DealStatus.Won ? "won" : "lost")}; reopen it before changing it.",
                        deal.StageId
                    );
                    return null;
                }
                break;
        }

        if (deal.IsInPool && command is WinDeal or LoseDeal)
        {
            // A decision is credited to a rep (quota, win rate by owner), and a decided deal cannot be pooled: so a
            // deal waiting in a pool gets a rep first. Other reasons are still gathered below.
            Reject(
                ref rejections,
                RejectionCode.DealInPool,
                $"Deal {id} waits in {(deal.Team is null ? "the company pool" : $"team \"{deal.Team}\"'s pool")} without an owner; assign it to a rep before it is {(command is WinDeal ? "won" : "lost")}."
            );
        }

        switch (command)
        {
            case MoveToStage m:
                return DecideMove(pipeline, deal, current, m, ref rejections);

            case WinDeal:
                if (pipeline.Policies.RequireExitCriteriaToWin)
                {
                    CheckForward(pipeline, deal, current, pipeline.WonStage, ref rejections);
                }
                return new DealWon(id, at, by, pipeline.WonStage.Id);

            case StopDeal s:
                return new DealStopped(id, at, by, s.Reason);

            case LoseDeal l:
                if (l.Reason is null)
                {
                    Reject(
                        ref rejections,
                        RejectionCode.MissingLossReason,
                        $"Losing deal {id} needs a loss reason (price, timing, competitor, no-decision, budget, product-fit, other, or your own)."
                    );
                    return null;
                }
                return new DealLost(id, at, by, pipeline.LostStage.Id, l.Reason, l.Competitor);

            case AnswerExitCriterion a:
                if (!pipeline.CriteriaById.ContainsKey(a.CriterionId))
                {
                    Reject(
                        ref rejections,
                        RejectionCode.UnknownExitCriterion,
                        $"Pipeline \"{pipeline.Name}\" has no exit criterion \"{a.CriterionId}\".",
                        criterionId: a.CriterionId
                    );
                }
                else if (deal.IsAnswered(a.CriterionId))
                {
                    Reject(
                        ref rejections,
                        RejectionCode.NothingToChange,
                        $"Exit criterion \"{a.CriterionId}\" of deal {id} is already answered yes.",
                        criterionId: a.CriterionId
                    );
                }
                return new ExitCriterionAnswered(id, at, by, a.CriterionId);

            case WithdrawExitCriterion w:
                if (!pipeline.CriteriaById.ContainsKey(w.CriterionId))
                {
                    Reject(
                        ref rejections,
                        RejectionCode.UnknownExitCriterion,
                        $"Pipeline \"{pipeline.Name}\" has no exit criterion \"{w.CriterionId}\".",
                        criterionId: w.CriterionId
                    );
                }
                else if (!deal.IsAnswered(w.CriterionId))
                {
                    Reject(
                        ref rejections,
                        RejectionCode.NothingToChange,
                        $"Exit criterion \"{w.CriterionId}\" of deal {id} is not answered, so there is nothing to withdraw.",
                        criterionId: w.CriterionId
                    );
                }
                return new ExitCriterionWithdrawn(id, at, by, w.CriterionId);

            case ChangeAmount c:
                if (c.Amount.Equals(deal.Amount))
                {
                    Reject(ref rejections, RejectionCode.NothingToChange, $"Deal {id} already has amount {deal.Amount}.");
                }
                return new AmountChanged(id, at, by, c.Amount);

            case ChangeExpectedClose c:
                if (c.ExpectedClose == deal.ExpectedClose)
                {
                    Reject(
                        ref rejections,
                        RejectionCode.NothingToChange,
                        $"Deal {id} already expects to close on {deal.ExpectedClose:uuuu-MM-dd}."
                    );
                }
                return new ExpectedCloseChanged(id, at, by, c.ExpectedClose);

            case OverrideProbability p:
                if (deal.ProbabilityOverride == p.Probability && deal.ProbabilityOverrideSource == p.Source)
                {
                    Reject(
                        ref rejections,
                        RejectionCode.NothingToChange,
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"Deal {id} already has probability override {p.Probability} ({p.Source})."
                        )
                    );
                }
                return new ProbabilityOverridden(id, at, by, p.Probability, p.Source);

            case ClearProbabilityOverride:
                if (deal.ProbabilityOverride is null)
                {
                    Reject(ref rejections, RejectionCode.NothingToChange, $"Deal {id} has no probability override to clear.");
                }
                return new ProbabilityOverrideCleared(id, at, by);

            case OverrideCategory c:
                if (deal.CategoryOverride == c.Category)
                {
                    Reject(ref rejections, RejectionCode.NothingToChange, $"Deal {id} already has category override {c.Category}.");
                }
                return new CategoryOverridden(id, at, by, c.Category);

            case NoteCompetitor c:
                if (deal.HasCompetitor(c.Competitor))
                {
                    Reject(ref rejections, RejectionCode.NothingToChange, $"Competitor \"{c.Competitor}\" is already noted on deal {id}.");
                }
                return new CompetitorNoted(id, at, by, c.Competitor);

            case ClearCategoryOverride:
                if (deal.CategoryOverride is null)
                {
                    Reject(ref rejections, RejectionCode.NothingToChange, $"Deal {id} has no category override to clear.");
                }
                return new CategoryOverrideCleared(id, at, by);

            default:
                throw new System.ArgumentException($"Unknown command type {command.GetType().Name}.", nameof(command));
        }
    }

    private static StageMoved? DecideMove(
        PipelineDefinition pipeline,
        Deal deal,
        Stage current,
        MoveToStage m,
        ref List<Rejection>? rejections
    )
    {
        if (!pipeline.StagesById.TryGetValue(m.StageId, out var target))
        {
            Reject(
                ref rejections,
                RejectionCode.UnknownStage,
                $"Pipeline \"{pipeline.Name}\" has no stage \"{m.StageId}\"; its stages are {string.Join(", ", pipeline.Stages.Select(s => s.Id))}.",
                m.StageId
            );
            return null;
        }
        if (!target.IsOpen)
        {
            Reject(
                ref rejections,
                RejectionCode.TerminalStageTarget,
                $"\"{target.Name}\" is the {target.Kind} stage; use {(target.Kind == StageKind.Won ? "Win" : "Lose")} instead of a move.",
                target.Id
            );
            return null;
        }
        if (target == current)
        {
            Reject(ref rejections, RejectionCode.AlreadyInStage, $"Deal {deal.Id} is already in stage \"{current.Name}\".", current.Id);
            return null;
        }
        if (target.Index > current.Index)
        {
            CheckForward(pipeline, deal, current, target, ref rejections);
        }
        return MoveEvent(deal.Id, m.At, m.By, current, target);
    }

    // The one place a move's direction and skipped-stage count come from: the stages' positions in the pipeline. Used by
    // commands and by imported histories alike, so neither trusts a caller's direction.
    internal static StageMoved MoveEvent(DealId id, Instant at, string by, Stage from, Stage to) =>
        to.Index > from.Index
            ? new StageMoved(id, at, by, from.Id, to.Id, MoveDirection.Forward, to.Index - from.Index - 1)
            : new StageMoved(id, at, by, from.Id, to.Id, MoveDirection.Backward, 0);

    // A forward move (or a win) needs the leaving stage's criteria, and the skipped stages' too unless skipping is allowed.
    private static void CheckForward(PipelineDefinition pipeline, Deal deal, Stage current, Stage target, ref List<Rejection>? rejections)
    {
        AddUnmet(deal, current, ref rejections);
        if (pipeline.Policies.AllowSkipping || target.Index - current.Index <= 1)
        {
            return;
        }
        var before = rejections?.Count ?? 0;
        for (var i = current.Index + 1; i < target.Index; i++)
        {
            AddUnmet(deal, pipeline.OpenStages[i], ref rejections);
        }
        if ((rejections?.Count ?? 0) > before)
        {
            var skipped = string.Join(
                ", ",
                pipeline.OpenStages.Skip(current.Index + 1).Take(target.Index - current.Index - 1).Select(s => $"\"{s.Name}\"")
            );
            rejections!.Insert(
                before,
                new Rejection(
                    RejectionCode.SkippingNotAllowed,
                    $"Pipeline \"{pipeline.Name}\" does not allow skipping stages: going from \"{current.Name}\" to \"{target.Name}\" skips {skipped}, whose exit criteria are not all met; answer them or move one stage at a time.",
                    target.Id
                )
            );
        }
    }

    private static void AddUnmet(Deal deal, Stage stage, ref List<Rejection>? rejections)
    {
        foreach (var criterion in stage.ExitCriteria)
        {
            if (!deal.IsAnswered(criterion.Id))
            {
                Reject(
                    ref rejections,
                    RejectionCode.UnmetExitCriterion,
                    $"Exit criterion \"{criterion.Id}\" of stage \"{stage.Name}\" is not answered yes ({criterion.Question}).",
                    stage.Id,
                    criterion.Id
                );
            }
        }
    }

    private static DealReopened? DecideReopen(PipelineDefinition pipeline, Deal deal, ReopenDeal r, ref List<Rejection>? rejections)
    {
        if (!deal.IsClosed)
        {
            Reject(
                ref rejections,
                RejectionCode.DealNotClosed,
                $"Deal {deal.Id} is {deal.Status.ToString().ToLowerInvariant()}; only a won or lost deal can be reopened{(deal.Status == DealStatus.Stopped ? " (resume a stopped deal)" : "")}."
            );
        }
        if (!pipeline.Policies.AllowReopen)
        {
            Reject(
                ref rejections,
                RejectionCode.ReopenNotAllowed,
                $"Pipeline \"{pipeline.Name}\" does not allow reopening won or lost deals."
            );
        }
        var stageId = r.StageId ?? deal.LastOpenStageId;
        if (r.StageId is null && deal.IsImported && stageId == Unknown.Stage)
        {
            Reject(
                ref rejections,
                RejectionCode.UnknownStage,
                $"Deal {deal.Id} was imported as {deal.Status.ToString().ToLowerInvariant()} without its stage history, so the stage it closed from is unknown; name the open stage to reopen it into.",
                stageId
            );
        }
        else if (!pipeline.StagesById.TryGetValue(stageId, out var target))
        {
            Reject(
                ref rejections,
                RejectionCode.UnknownStage,
                $"Pipeline \"{pipeline.Name}\" has no stage \"{stageId}\"; its stages are {string.Join(", ", pipeline.Stages.Select(s => s.Id))}.",
                stageId
            );
        }
        else if (!target.IsOpen)
        {
            Reject(
                ref rejections,
                RejectionCode.TerminalStageTarget,
                $"A deal is reopened into an open stage; \"{target.Name}\" is the {target.Kind} stage.",
                target.Id
            );
        }
        else if (pipeline.StagesById.TryGetValue(deal.LastOpenStageId, out var lastOpen) && target.Index > lastOpen.Index)
        {
            // Reopening further along than the deal ever got is a forward move: it needs the same exit criteria.
            CheckForward(pipeline, deal, lastOpen, target, ref rejections);
        }
        return new DealReopened(deal.Id, r.At, r.By, stageId);
    }

    private static DealResumed? DecideResume(PipelineDefinition pipeline, Deal deal, ResumeDeal r, ref List<Rejection>? rejections)
    {
        if (deal.Status != DealStatus.Stopped)
        {
            Reject(
                ref rejections,
                RejectionCode.DealNotStopped,
                $"Deal {deal.Id} is {deal.Status.ToString().ToLowerInvariant()}; only a stopped deal can be resumed."
            );
            return null;
        }
        var stageId = r.StageId ?? deal.StageId;
        if (!pipeline.StagesById.TryGetValue(stageId, out var target))
        {
            Reject(
                ref rejections,
                RejectionCode.UnknownStage,
                $"Pipeline \"{pipeline.Name}\" has no stage \"{stageId}\"; its stages are {string.Join(", ", pipeline.Stages.Select(s => s.Id))}.",
                stageId
            );
            return null;
        }
        if (!target.IsOpen)
        {
            Reject(
                ref rejections,
                RejectionCode.TerminalStageTarget,
                $"A deal is resumed in an open stage; \"{target.Name}\" is the {target.Kind} stage (win or lose the resumed deal instead).",
                target.Id
            );
            return null;
        }
        if (pipeline.StagesById.TryGetValue(deal.StageId, out var stoppedIn) && target.Index > stoppedIn.Index)
        {
            // Resuming further along than the deal got is a forward move: it needs the same exit criteria.
            CheckForward(pipeline, deal, stoppedIn, target, ref rejections);
        }
        return new DealResumed(deal.Id, r.At, r.By, stageId);
    }

    private static void Reject(
        ref List<Rejection>? rejections,
        RejectionCode code,
        string message,
        string? stageId = null,
        string? criterionId = null
    ) => (rejections ??= []).Add(new Rejection(code, message, stageId, criterionId));
}
