using System.Collections.Generic;
using System.Linq;
using SalesPipeline.Deals;

namespace SalesPipeline.Pipelines;

public sealed partial class PipelineDefinition
{
    // Decides a command: returns the event it would add, or fills rejections with every reason it may not.
    // Allocates nothing on the accepted path beyond the event itself, because Apply runs millions of times.
    private DealEvent? Decide(Deal deal, DealCommand command, ref List<Rejection>? rejections)
    {
        if (command.At < deal.LastEventAt)
        {
            Reject(
                ref rejections,
                RejectionCode.CommandBeforeLastEvent,
                $"The command is dated {command.At}, before the deal's latest event at {deal.LastEventAt}; events are recorded in time order."
            );
        }
        if (!string.Equals(deal.Pipeline, Name, System.StringComparison.Ordinal))
        {
            Reject(
                ref rejections,
                RejectionCode.DealNotInPipeline,
                $"Deal {deal.Id} (in stage \"{deal.StageId}\") belongs to pipeline \"{deal.Pipeline}\", not \"{Name}\"; apply its commands with the pipeline it was opened in.",
                deal.StageId
            );
            return null;
        }
        if (!stagesById.TryGetValue(deal.StageId, out var current))
        {
            Reject(
                ref rejections,
                RejectionCode.DealNotInPipeline,
                $"Deal {deal.Id} is in stage \"{deal.StageId}\", which pipeline \"{Name}\" does not have; apply its commands with the pipeline it was opened in (\"{deal.Pipeline}\").",
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
                return DecideReopen(deal, r, ref rejections);
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

        switch (command)
        {
            case MoveToStage m:
                return DecideMove(deal, current, m, ref rejections);

            case WinDeal:
                if (Policies.RequireExitCriteriaToWin)
                {
                    CheckForward(deal, current, WonStage, ref rejections);
                }
                return new DealWon(id, at, by, WonStage.Id);

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
                return new DealLost(id, at, by, LostStage.Id, l.Reason, l.Competitor);

            case AnswerExitCriterion a:
                if (!criteriaById.ContainsKey(a.CriterionId))
                {
                    Reject(
                        ref rejections,
                        RejectionCode.UnknownExitCriterion,
                        $"Pipeline \"{Name}\" has no exit criterion \"{a.CriterionId}\".",
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
                if (!criteriaById.ContainsKey(w.CriterionId))
                {
                    Reject(
                        ref rejections,
                        RejectionCode.UnknownExitCriterion,
                        $"Pipeline \"{Name}\" has no exit criterion \"{w.CriterionId}\".",
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
                        $"Deal {id} already has probability override {p.Probability} ({p.Source})."
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

    private StageMoved? DecideMove(Deal deal, Stage current, MoveToStage m, ref List<Rejection>? rejections)
    {
        if (!stagesById.TryGetValue(m.StageId, out var target))
        {
            Reject(
                ref rejections,
                RejectionCode.UnknownStage,
                $"Pipeline \"{Name}\" has no stage \"{m.StageId}\"; its stages are {string.Join(", ", Stages.Select(s => s.Id))}.",
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
            CheckForward(deal, current, target, ref rejections);
            return new StageMoved(deal.Id, m.At, m.By, current.Id, target.Id, MoveDirection.Forward, target.Index - current.Index - 1);
        }
        return new StageMoved(deal.Id, m.At, m.By, current.Id, target.Id, MoveDirection.Backward, 0);
    }

    // A forward move (or a win) needs the leaving stage's criteria, and the skipped stages' too unless skipping is allowed.
    private void CheckForward(Deal deal, Stage current, Stage target, ref List<Rejection>? rejections)
    {
        AddUnmet(deal, current, ref rejections);
        if (Policies.AllowSkipping || target.Index - current.Index <= 1)
        {
            return;
        }
        var before = rejections?.Count ?? 0;
        for (var i = current.Index + 1; i < target.Index; i++)
        {
            AddUnmet(deal, OpenStages[i], ref rejections);
        }
        if ((rejections?.Count ?? 0) > before)
        {
            var skipped = string.Join(
                ", ",
                OpenStages.Skip(current.Index + 1).Take(target.Index - current.Index - 1).Select(s => $"\"{s.Name}\"")
            );
            rejections!.Insert(
                before,
                new Rejection(
                    RejectionCode.SkippingNotAllowed,
                    $"Pipeline \"{Name}\" does not allow skipping stages: going from \"{current.Name}\" to \"{target.Name}\" skips {skipped}, whose exit criteria are not all met; answer them or move one stage at a time.",
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

    private DealReopened? DecideReopen(Deal deal, ReopenDeal r, ref List<Rejection>? rejections)
    {
        if (deal.IsOpen)
        {
            Reject(ref rejections, RejectionCode.DealNotClosed, $"Deal {deal.Id} is open; only a won or lost deal can be reopened.");
        }
        if (!Policies.AllowReopen)
        {
            Reject(ref rejections, RejectionCode.ReopenNotAllowed, $"Pipeline \"{Name}\" does not allow reopening won or lost deals.");
        }
        var stageId = r.StageId ?? deal.LastOpenStageId;
        if (!stagesById.TryGetValue(stageId, out var target))
        {
            Reject(
                ref rejections,
                RejectionCode.UnknownStage,
                $"Pipeline \"{Name}\" has no stage \"{stageId}\"; its stages are {string.Join(", ", Stages.Select(s => s.Id))}.",
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
        else if (stagesById.TryGetValue(deal.LastOpenStageId, out var lastOpen) && target.Index > lastOpen.Index)
        {
            // Reopening further along than the deal ever got is a forward move: it needs the same exit criteria.
            CheckForward(deal, lastOpen, target, ref rejections);
        }
        return new DealReopened(deal.Id, r.At, r.By, stageId);
    }

    private static void Reject(
        ref List<Rejection>? rejections,
        RejectionCode code,
        string message,
        string? stageId = null,
        string? criterionId = null
    ) => (rejections ??= []).Add(new Rejection(code, message, stageId, criterionId));
}
