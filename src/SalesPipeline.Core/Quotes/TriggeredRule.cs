namespace SalesPipeline.Quotes;

/// <summary>An approval rule that a quote triggered, and why: part of an <see cref="ApprovalDecision"/> and of the <see cref="QuoteSubmitted"/> event.</summary>
/// <param name="Rule">The rule's name.</param>
/// <param name="Level">The approver level the rule names.</param>
/// <param name="Role">The role, for <see cref="ApproverLevel.Role"/>; otherwise null.</param>
/// <param name="Reason">What the quote measured against the threshold, for example "line \"seat\" is 12% off list, above 10%".</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record TriggeredRule(string Rule, ApproverLevel Level, string? Role, string Reason)
{
    /// <summary>"rule: reason".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => $"{Rule}: {Reason}";
}
