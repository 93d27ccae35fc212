using System.Collections.Generic;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Deals;

/// <summary>
/// One place a deal could go from where it is, as reported by <see cref="PipelineTransitions.PermittedMoves"/>:
/// whether it may go there now and, if not, what is missing.
/// </summary>
/// <param name="Target">The stage (an open stage, Won, Lost, or for a closed deal the open stage it would reopen into).</param>
/// <param name="IsPermitted">Whether the move is permitted now.</param>
/// <param name="Missing">What stands in the way (unmet criteria by id, policies); empty when permitted.</param>
/// <remarks>Immutable; thread-safe. A move to Lost is permitted for any open deal; the loss reason is given with the command.</remarks>
public sealed record PermittedMove(Stage Target, bool IsPermitted, IReadOnlyList<Rejection> Missing)
{
    /// <summary>"-> stage: permitted" or "-> stage: missing ...".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => IsPermitted ? $"-> {Target.Name}: permitted" : $"-> {Target.Name}: " + string.Join(" ", Missing);
}
