using System.Collections.Frozen;
using System.Collections.Generic;
using SalesPipeline.Deals;
using SalesPipeline.Leads;
using SalesPipeline.Utility;

namespace SalesPipeline.Organization;

/// <summary>
/// What one person may see: <see cref="Includes"/> says whether a record with a given owner is visible to them,
/// <see cref="IncludesPool"/> whether a pool's records are, and <see cref="CanSee(Deal)"/> applies the right one to a record.
/// </summary>
/// <remarks>
/// <para>An owned record is seen by its owner, by the leads of the owner's team and of every team above it, and by
/// admins. A pooled record (no owner) is seen by the leads of its pool's team and of every team above it, and by admins;
/// the company pool by admins only. A rep does not see their team's pool: the team's lead hands its records out.</para>
/// <para>Immutable; thread-safe. Obtain one from <see cref="SalesOrg.ScopeOf"/>.</para>
/// </remarks>
public sealed partial class VisibilityScope
{
    private readonly FrozenSet<string> owners;
    private readonly FrozenSet<string> pools;

    internal VisibilityScope(string viewerId, VisibilityKind kind, IEnumerable<string> owners, IEnumerable<string>? pools = null)
    {
        ViewerId = viewerId;
        Kind = kind;
        this.owners = owners.ToFrozenSet(System.StringComparer.Ordinal);
        this.pools = (pools ?? []).ToFrozenSet(System.StringComparer.Ordinal);
    }

    /// <summary>
    /// The teams whose pools are visible: for a team lead the teams they lead and every team below them; every team for
    /// an admin (who also sees the company pool and pools of teams outside the organization); none for a rep.
    /// </summary>
    public IReadOnlySet<string> PoolTeams => pools;

    /// <summary>Whether the records waiting in a pool are visible.</summary>
    /// <param name="teamId">The pool's team, or null for the company pool.</param>
    /// <returns>True when visible: always for an admin; for anyone else only a team pool in <see cref="PoolTeams"/>.</returns>
    public bool IncludesPool(string? teamId) => Kind == VisibilityKind.All || (teamId is not null && pools.Contains(teamId));

    /// <summary>Whether a deal is visible: by its owner, or by its pool while it has none. Its comments go with it.</summary>
    /// <param name="deal">The deal.</param>
    /// <returns>True when visible.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="deal"/> is null.</exception>
    public bool CanSee(Deal deal) => Sees(Preconditions.CheckNotNull(deal).Owner, deal.Team);

    /// <summary>Whether a lead is visible: by its owner, or by its pool while it has none.</summary>
    /// <param name="lead">The lead.</param>
    /// <returns>True when visible.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="lead"/> is null.</exception>
    public bool CanSee(Lead lead) => Sees(Preconditions.CheckNotNull(lead).Owner, lead.Team);

    // A record is where its owner is, or (ownerless) in its team's pool.
    internal bool Sees(string? owner, string? team) => owner is null ? IncludesPool(team) : Includes(owner);

    /// <summary>The person whose scope this is.</summary>
    public string ViewerId { get; }

    /// <summary>Own, Teams or All.</summary>
    public VisibilityKind Kind { get; }

    /// <summary>The owners whose records are visible (every person in the organization for an admin, who also sees owners outside it).</summary>
    public IReadOnlySet<string> Owners => owners;

    /// <summary>Whether a record owned by <paramref name="ownerId"/> is visible.</summary>
    /// <param name="ownerId">The owner's id; null (a pooled record) is visible to admins only: use <see cref="CanSee(Deal)"/> or <see cref="IncludesPool"/> for pooled records.</param>
    /// <returns>True when visible.</returns>
    public bool Includes(string? ownerId) => Kind == VisibilityKind.All || (ownerId is not null && owners.Contains(ownerId));

    /// <summary>"viewer: Kind (n owners)".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        Kind == VisibilityKind.All ? $"{ViewerId}: All" : $"{ViewerId}: {Kind} ({owners.Count} owner{(owners.Count == 1 ? "" : "s")})";
}
