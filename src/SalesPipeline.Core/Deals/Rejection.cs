namespace SalesPipeline.Deals;

/// <summary>One reason a command was rejected: a code for programs, a plain sentence for people, and what it concerns.</summary>
/// <param name="Code">The kind of reason.</param>
/// <param name="Message">A plain sentence naming the values and the rule.</param>
/// <param name="StageId">The stage concerned, if any (for an unmet criterion, the stage it belongs to).</param>
/// <param name="CriterionId">The exit criterion concerned, if any.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record Rejection(RejectionCode Code, string Message, string? StageId = null, string? CriterionId = null)
{
    /// <summary>The message.</summary>
    /// <returns>The message.</returns>
    public override string ToString() => Message;
}
