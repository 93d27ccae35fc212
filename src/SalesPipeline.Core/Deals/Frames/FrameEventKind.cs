namespace SalesPipeline.Deals;

// One code per deal event type, so the frame's history walks switch on a byte instead of testing types. The frame
// keeps the stage an event names in its argument (a stage code), or the new day number for ExpectedCloseChanged.
internal enum FrameEventKind : byte
{
    Created,
    Imported,
    StageMoved,
    ExitCriterionAnswered,
    ExitCriterionWithdrawn,
    AmountChanged,
    ExpectedCloseChanged,
    ProbabilityOverridden,
    ProbabilityOverrideCleared,
    CategoryOverridden,
    CategoryOverrideCleared,
    OwnerReassigned,
    Won,
    Lost,
    CompetitorNoted,
    Reopened,
    CustomerChanged,
    Stopped,
    Resumed,
    AssignedToPool,
    CommentAdded,
}
