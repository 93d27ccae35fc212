using System;
using SalesPipeline.Utility;

namespace SalesPipeline.Quotes;

/// <summary>Who an <see cref="ApprovalRule"/> names to approve a quote it triggers on: a level, and the role for <see cref="ApproverLevel.Role"/>.</summary>
/// <remarks>Immutable, with value equality (role names compare ordinally); safe to share across threads.</remarks>
public sealed record Approver
{
    private Approver(ApproverLevel level, string? role)
    {
        Level = level;
        Role = role;
    }

    /// <summary>The level.</summary>
    public ApproverLevel Level { get; }

    /// <summary>The role, for <see cref="ApproverLevel.Role"/>; otherwise null.</summary>
    public string? Role { get; }

    /// <summary>Nobody needs to approve.</summary>
    public static Approver Nobody { get; } = new(ApproverLevel.Nobody, null);

    /// <summary>The rep's manager (or anyone above them).</summary>
    public static Approver Manager { get; } = new(ApproverLevel.Manager, null);

    /// <summary>The manager's manager (or anyone above them).</summary>
    public static Approver NextLevelUp { get; } = new(ApproverLevel.NextLevelUp, null);

    /// <summary>A person holding <paramref name="role"/>.</summary>
    /// <param name="role">The role's name, as given to <c>SalesOrgBuilder.Role</c>; not blank.</param>
    /// <returns>The approver.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="role"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="role"/> is blank.</exception>
    public static Approver InRole(string role) => new(ApproverLevel.Role, Preconditions.CheckNotBlank(role));

    /// <summary>"nobody", "the rep's manager", "the next level up" or "role \"cfo\"".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        Level switch
        {
            ApproverLevel.Nobody => "nobody",
            ApproverLevel.Manager => "the rep's manager",
            ApproverLevel.NextLevelUp => "the next level up",
            _ => $"role \"{Role}\"",
        };
}
