using System;

namespace SalesPipeline.Deals;

// The one encoding of an event into the event table as DealFrame reads it: its kind; in the argument the stage code of
// an event that names a stage, the day number of an expected close date (None for one a day number cannot hold),
// else 0; in aux an import's status and ImportedStageEntryKnown, a move's direction, else 0. DealFrameBuilder writes
// exactly this; FrameHistoryBuilder writes it too and then puts its payload codes where this leaves 0, which no kernel
// reads (a frame without deal objects shares its history's table).
internal static class EventTable
{
    internal static (FrameEventKind Kind, int Arg, byte Aux) Entry(DealEvent e, HistoryCodes<string> stages) =>
        e switch
        {
            DealCreated c => (FrameEventKind.Created, stages.Code(c.StageId), 0),
            DealImported i => (
                FrameEventKind.Imported,
                stages.Code(i.StageId),
                (byte)((byte)i.Status | (i.StageEntryKnown ? DealFrame.ImportedStageEntryKnown : 0))
            ),
            StageMoved m => (FrameEventKind.StageMoved, stages.Code(m.ToStageId), (byte)m.Direction),
            ExitCriterionAnswered => (FrameEventKind.ExitCriterionAnswered, 0, 0),
            ExitCriterionWithdrawn => (FrameEventKind.ExitCriterionWithdrawn, 0, 0),
            AmountChanged => (FrameEventKind.AmountChanged, 0, 0),
            ExpectedCloseChanged x => (FrameEventKind.ExpectedCloseChanged, FrameHistory.DayOrNone(x.ExpectedClose), 0),
            ProbabilityOverridden => (FrameEventKind.ProbabilityOverridden, 0, 0),
            ProbabilityOverrideCleared => (FrameEventKind.ProbabilityOverrideCleared, 0, 0),
            CategoryOverridden => (FrameEventKind.CategoryOverridden, 0, 0),
            CategoryOverrideCleared => (FrameEventKind.CategoryOverrideCleared, 0, 0),
            OwnerReassigned => (FrameEventKind.OwnerReassigned, 0, 0),
            DealWon w => (FrameEventKind.Won, stages.Code(w.StageId), 0),
            DealLost l => (FrameEventKind.Lost, stages.Code(l.StageId), 0),
            CompetitorNoted => (FrameEventKind.CompetitorNoted, 0, 0),
            DealReopened o => (FrameEventKind.Reopened, stages.Code(o.StageId), 0),
            CustomerChanged => (FrameEventKind.CustomerChanged, 0, 0),
            DealStopped => (FrameEventKind.Stopped, 0, 0),
            DealResumed s => (FrameEventKind.Resumed, stages.Code(s.StageId), 0),
            DealAssignedToPool => (FrameEventKind.AssignedToPool, 0, 0),
            CommentAdded => (FrameEventKind.CommentAdded, 0, 0),
            // Every event type has a kind; an architecture test checks the list against DealEvent's subclasses.
            _ => throw new InvalidOperationException($"The deal frame has no kind for {e.GetType().Name}."),
        };

    // Whether DealFrame gives an event of this kind an argument (a stage code or a day number) or aux (flags, a
    // direction): the parts of the table every frame means alike, whoever built it.
    internal static bool FrameArg(FrameEventKind kind) => FrameHistory.HasStage(kind) || kind == FrameEventKind.ExpectedCloseChanged;

    internal static bool FrameAux(FrameEventKind kind) => kind is FrameEventKind.Imported or FrameEventKind.StageMoved;
}
