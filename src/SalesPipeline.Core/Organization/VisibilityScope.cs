using System.Collections.Frozen;
using System.Collections.Generic;

namespace SalesPipeline.Organization;

/// <summary>What one person may see: <see cref="Includes"/> says whether a record with a given owner is visible to them.</summary>
/// <remarks>Immutable; thread-safe. Obtain one from <see cref="SalesOrg.ScopeOf"/>.</remarks>
public sealed class VisibilityScope
{
    private readonly FrozenSet<string> owners;

    internal VisibilityScope(string viewerId, VisibilityKind kind, IEnumerable<string> owners)
    {
        ViewerId = viewerId;
        Kind = kind;
        this.owners = owners.ToFrozenSet(System.StringComparer.Ordinal);
    }

    /// <summary>The person whose scope this is.</summary>
    public string ViewerId { get; }

    /// <summary>Own, Teams or All.</summary>
    public VisibilityKind Kind { get; }

    /// <summary>The owners whose records are visible (every person in the organization for an admin, who also sees owners outside it).</summary>
    public IReadOnlySet<string> Owners => owners;

    /// <summary>Whether a record owned by <paramref name="ownerId"/> is visible.</summary>
    /// <param name="ownerId">The owner's id.</param>
    /// <returns>True when visible.</returns>
    public bool Includes(string? ownerId) => Kind == VisibilityKind.All || (ownerId is not null && owners.Contains(ownerId));

    /// <summary>"viewer: Kind (n owners)".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        Kind == VisibilityKind.All ? $"{ViewerId}: All" : $"{ViewerId}: {Kind} ({owners.Count} owner{(owners.Count == 1 ? "" : "s")})";
}
