namespace SalesPipeline.Quotes;

/// <summary>
/// One approval a quote needs before it can be sent: from a person of the hierarchy (the resolved manager or next level
/// up, or anyone above them), or from a holder of a role.
/// </summary>
/// <param name="Level"><see cref="ApproverLevel.Manager"/>, <see cref="ApproverLevel.NextLevelUp"/> or <see cref="ApproverLevel.Role"/>.</param>
/// <param name="PersonId">For Manager and NextLevelUp, the person it resolved to when the quote was submitted; otherwise null.</param>
/// <param name="Role">For Role, the role; otherwise null.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record RequiredApproval(ApproverLevel Level, string? PersonId, string? Role)
{
    /// <summary>"manager maria", "next level up victor" or "role deal-desk".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        Level switch
        {
            ApproverLevel.Manager => $"manager {PersonId}",
            ApproverLevel.NextLevelUp => $"next level up {PersonId}",
            _ => $"role {Role}",
        };
}
