using NodaTime;

namespace SalesPipeline.Quotes;

/// <summary>One approval or rejection of a quote version, with who, when and the comment.</summary>
/// <param name="Version">The version approved or rejected.</param>
/// <param name="At">When.</param>
/// <param name="By">The approver.</param>
/// <param name="Approved">True for an approval, false for a rejection.</param>
/// <param name="Comment">The comment (always present on a rejection).</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record QuoteApproval(int Version, Instant At, string By, bool Approved, string? Comment)
{
    /// <summary>"v2 approved by maria at ...: comment".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        $"v{Version} {(Approved ? "approved" : "rejected")} by {By} at {At}" + (Comment is null ? "" : $": {Comment}");
}
