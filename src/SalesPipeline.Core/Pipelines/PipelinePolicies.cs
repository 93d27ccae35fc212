namespace SalesPipeline.Pipelines;

/// <summary>
/// The rules a pipeline applies to moves between stages.
/// </summary>
/// <param name="AllowSkipping">
/// Whether a deal may jump forward over stages without meeting the skipped stages' exit criteria. Either way the exit
/// criteria of the stage the deal leaves must be met. When false, a jump over stages is permitted only if every skipped
/// stage's criteria are met too (as if the deal had passed through them).
/// </param>
/// <param name="AllowReopen">Whether a won or lost deal may be reopened.</param>
/// <param name="RequireExitCriteriaToWin">
/// Whether winning a deal needs the exit criteria of its current stage (and, unless skipping is allowed, of the open
/// stages after it). When false, a deal may be won from any open stage.
/// </param>
/// <remarks>Immutable and safe to share across threads.</remarks>
public sealed record PipelinePolicies(bool AllowSkipping = false, bool AllowReopen = true, bool RequireExitCriteriaToWin = true)
{
    /// <summary>The default: no skipping without the skipped stages' criteria, reopening allowed, criteria required to win.</summary>
    public static PipelinePolicies Default { get; } = new();
}
