namespace SalesPipeline.Deals;

/// <summary>Why a pipeline rejected a command.</summary>
public enum RejectionCode
{
    /// <summary>An exit criterion the move needs is not answered "yes" (see <see cref="Rejection.CriterionId"/>).</summary>
    UnmetExitCriterion,

    /// <summary>A forward move jumps over stages whose exit criteria are not met, and the pipeline does not allow skipping.</summary>
    SkippingNotAllowed,

    /// <summary>The target stage is not in this pipeline.</summary>
    UnknownStage,

    /// <summary>The deal belongs to another pipeline: its pipeline name differs, or its current stage is not in this pipeline.</summary>
    DealNotInPipeline,

    /// <summary>The exit criterion is not in this pipeline.</summary>
    UnknownExitCriterion,

    /// <summary>The deal is won or lost, and the command changes only open deals.</summary>
    DealClosed,

    /// <summary>The target of a move is the Won or Lost stage: use Win or Lose instead.</summary>
    TerminalStageTarget,

    /// <summary>The deal is already in the target stage.</summary>
    AlreadyInStage,

    /// <summary>A Lose command has no loss reason.</summary>
    MissingLossReason,

    /// <summary>Reopen was asked of a deal that is open or stopped (not won or lost).</summary>
    DealNotClosed,

    /// <summary>The pipeline does not allow reopening closed deals.</summary>
    ReopenNotAllowed,

    /// <summary>The command is dated before the deal's latest event.</summary>
    CommandBeforeLastEvent,

    /// <summary>The command would change nothing (the same amount, an already answered criterion, no override to clear, ...).</summary>
    NothingToChange,

    /// <summary>The deal is stopped: it must be resumed before it can be changed (other than lost, reassigned, pooled or commented).</summary>
    DealStopped,

    /// <summary>Resume was asked of a deal that is not stopped.</summary>
    DealNotStopped,

    /// <summary>Win or Lose was asked of a deal that waits in a pool: a decided deal keeps a rep as its owner, so assign one first.</summary>
    DealInPool,

    /// <summary>
    /// The sales organisation does not let the actor make this assignment (put the record in that pool, or give it to
    /// that rep): see <see cref="Organization.SalesOrg.TryAssignToPool"/> and <see cref="Organization.SalesOrg.TryAssignToRep"/>.
    /// </summary>
    NotPermittedByOrganization,
}
