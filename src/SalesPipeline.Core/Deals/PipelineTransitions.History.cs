using System;
using System.Collections.Generic;
using System.Linq;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Deals;

public static partial class PipelineTransitions
{
    // Checks a structurally valid history (Deal.FromEvents folds it) against the pipeline, one event at a time: the first
    // event, then each later one on the deal as it stood before it. A problem is the reason the pipeline would not have
    // produced the event; null when it would.
    //
    // A created deal's history is made by commands only, so each later event must be exactly what Apply makes of the
    // matching command on the deal as it stood: the same rules (criteria, skipping, reopening, time order), and the
    // direction, skip count and stage ids derived by the pipeline rather than believed. An imported deal's stage
    // changes come from another system, which kept no exit criteria: there stage moves, wins, losses and reopenings
    // are checked for stage ids and kinds and for the derived direction and skips, not for the policies.
    internal static string? CheckHistoryStart(PipelineDefinition pipeline, DealEvent first)
    {
        var pipelineName = first switch
        {
            DealCreated c => c.Pipeline,
            DealImported i => i.Pipeline,
            _ => throw new InvalidOperationException("Deal.FromEvents has checked the first event."),
        };
        if (!string.Equals(pipelineName, pipeline.Name, StringComparison.Ordinal))
        {
            return $"the deal belongs to pipeline \"{pipelineName}\", not \"{pipeline.Name}\".";
        }
        return first switch
        {
            DealCreated c when c.StageId != pipeline.FirstOpenStage.Id =>
                $"a deal is created in the pipeline's first open stage \"{pipeline.FirstOpenStage.Id}\", not \"{c.StageId}\".",
            DealImported i when !pipeline.StagesById.TryGetValue(i.StageId, out _) =>
                $"pipeline \"{pipeline.Name}\" has no stage \"{i.StageId}\" (its stages: {string.Join(", ", pipeline.Stages.Select(s => s.Id))}).",
            DealImported i when StatusOf(pipeline.StagesById[i.StageId]) != i.Status =>
                $"stage \"{i.StageId}\" is {pipeline.StagesById[i.StageId].Kind}, so the imported deal's status is {StatusOf(pipeline.StagesById[i.StageId])}, not {i.Status}.",
            _ => null,
        };
    }

    // The check of each event after the first; see CheckHistoryStart.
    internal static string? CheckHistoryStep(PipelineDefinition pipeline, Deal deal, DealEvent e) =>
        deal.IsImported && e is StageMoved or DealWon or DealLost or DealReopened
            ? CheckObservedStageChange(pipeline, deal, e)
            : CheckCommandEvent(pipeline, deal, e);

    private static string? CheckCommandEvent(PipelineDefinition pipeline, Deal deal, DealEvent e)
    {
        DealCommand command;
        try
        {
            command = CommandFor(e) with { Cause = e.Cause };
        }
        catch (ArgumentException ex)
        {
            return ex.Message;
        }
        List<Rejection>? rejections = null;
        var made = Decide(pipeline, deal, command, ref rejections);
        if (rejections is not null)
        {
            return "the pipeline rejects it: " + string.Join(" ", rejections.Select(r => r.Message));
        }
        return made!.Equals(e) ? null : $"it records {Describe(e)}, but the pipeline makes {Describe(made)} of it.";
    }

    private static string? CheckObservedStageChange(PipelineDefinition pipeline, Deal deal, DealEvent e)
    {
        if (!pipeline.StagesById.TryGetValue(deal.StageId, out var from))
        {
            return $"the deal is in stage \"{deal.StageId}\", which pipeline \"{pipeline.Name}\" does not have.";
        }
        var stageId = e switch
        {
            StageMoved m => m.ToStageId,
            DealWon w => w.StageId,
            DealLost l => l.StageId,
            DealReopened r => r.StageId,
            _ => throw new InvalidOperationException("Only stage changes are checked here."),
        };
        if (!pipeline.StagesById.TryGetValue(stageId, out var to))
        {
            return $"pipeline \"{pipeline.Name}\" has no stage \"{stageId}\".";
        }
        // Wins, losses and reopenings carry nothing the pipeline derives beyond their stage's kind; a move carries its
        // direction and skips.
        DealEvent? expected = e switch
        {
            StageMoved m when to.IsOpen => MoveEvent(m.DealId, m.At, m.By, from, to) with { Cause = m.Cause },
            DealWon when to.Kind == StageKind.Won => e,
            DealLost when to.Kind == StageKind.Lost => e,
            DealReopened when to.IsOpen => e,
            _ => null,
        };
        return expected is null ? $"{e.GetType().Name} cannot lead to stage \"{stageId}\", which is {to.Kind}."
            : expected.Equals(e) ? null
            : $"it records {Describe(e)}, but the pipeline makes {Describe(expected)} of it.";
    }

    // The command whose acceptance records this event.
    private static DealCommand CommandFor(DealEvent e) =>
        e switch
        {
            StageMoved m => DealCommand.Move(m.ToStageId, m.At, m.By),
            ExitCriterionAnswered a => DealCommand.Answer(a.CriterionId, a.At, a.By),
            ExitCriterionWithdrawn w => DealCommand.Withdraw(w.CriterionId, w.At, w.By),
            AmountChanged a => DealCommand.ChangeAmountTo(a.Amount, a.At, a.By),
            ExpectedCloseChanged c => DealCommand.ChangeExpectedCloseTo(c.ExpectedClose, c.At, c.By),
            ProbabilityOverridden p => DealCommand.OverrideProbabilityTo(p.Probability, p.At, p.By, p.Source),
            ProbabilityOverrideCleared c => DealCommand.ClearProbability(c.At, c.By),
            CategoryOverridden c => DealCommand.OverrideCategoryTo(c.Category, c.At, c.By),
            CategoryOverrideCleared c => DealCommand.ClearCategory(c.At, c.By),
            OwnerReassigned o => DealCommand.Reassign(o.Owner, o.At, o.By),
            DealWon w => DealCommand.Win(w.At, w.By),
            DealLost l => DealCommand.Lose(l.Reason, l.At, l.By, l.Competitor),
            CompetitorNoted c => DealCommand.NoteCompetitor(c.Competitor, c.At, c.By),
            DealReopened r => DealCommand.Reopen(r.At, r.By, r.StageId),
            CustomerChanged c => DealCommand.ChangeCustomer(c.Customer, c.At, c.By),
            DealStopped st => DealCommand.Stop(st.Reason, st.At, st.By),
            DealResumed r => DealCommand.Resume(r.At, r.By, r.StageId),
            DealAssignedToPool p => DealCommand.AssignToPool(p.TeamId, p.At, p.By),
            CommentAdded c => DealCommand.Comment(c.Text, c.At, c.By, c.ActivityId),
            _ => throw new ArgumentException($"no command records a {e.GetType().Name} after the deal's first event."),
        };

    private static string Describe(DealEvent e) =>
        e switch
        {
            StageMoved m =>
                $"a {m.Direction.ToString().ToLowerInvariant()} move {m.FromStageId} -> {m.ToStageId} skipping {m.StagesSkipped}",
            DealWon w => $"a win into \"{w.StageId}\"",
            DealLost l => $"a loss into \"{l.StageId}\"",
            _ => e.ToString(),
        };
}
