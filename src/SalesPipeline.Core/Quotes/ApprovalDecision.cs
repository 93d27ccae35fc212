using System.Collections.Generic;

namespace SalesPipeline.Quotes;

/// <summary>
/// What an <see cref="ApprovalPolicy"/> decided for a quote: every rule that triggered, and the approvals required.
/// </summary>
/// <remarks>
/// <para>Among the hierarchical rules that trigger, the strictest wins (Manager &lt; NextLevelUp): a quote that triggers
/// a manager rule and a next-level-up rule needs one approval, from the next level up (or above). Every role named by a
/// triggered rule needs one approval of its own as well, since roles cannot be ranked against the hierarchy or each
/// other: a next-level-up rule and a "deal-desk" rule need two approvals. Rules that name nobody are listed but require
/// nothing.</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
public sealed class ApprovalDecision
{
    internal ApprovalDecision(IReadOnlyList<TriggeredRule> triggered, IReadOnlyList<RequiredApproval> required)
    {
        Triggered = triggered;
        Required = required;
    }

    /// <summary>Every rule the quote triggered, in the policy's order, with what it measured.</summary>
    public IReadOnlyList<TriggeredRule> Triggered { get; }

    /// <summary>The approvals required before the quote can be sent; empty when it needs none.</summary>
    public IReadOnlyList<RequiredApproval> Required { get; }

    /// <summary>Whether the quote needs any approval.</summary>
    public bool IsApprovalRequired => Required.Count > 0;

    /// <summary>"no approval needed" or "needs manager maria: line discount above 10%: line "seat" is 12% off list, above 10%".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        (IsApprovalRequired ? "needs " + string.Join(" and ", Required) : "no approval needed")
        + (Triggered.Count == 0 ? "" : ": " + string.Join("; ", Triggered));
}
