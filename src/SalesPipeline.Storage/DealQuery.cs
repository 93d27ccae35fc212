using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Organization;
using SalesPipeline.Utility;

namespace SalesPipeline.Storage;

/// <summary>
/// Which deals to list or load from the current-state table: every condition given must hold (null = any).
/// </summary>
/// <remarks>
/// <para>Start from <see cref="All"/>, <see cref="ForOwner"/> or <see cref="ForTeam"/> and narrow with <c>with</c>:
/// <c>DealQuery.ForTeam(org, "emea") with { Status = DealStatus.Open }</c>. A team is resolved to its members through the
/// <see cref="SalesOrg"/> when the query is made (deals are stored by owner, not by team): a deal whose owner joins the
/// team later is found by a query made later.</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
public sealed record DealQuery
{
    private readonly string? pipeline;
    private readonly IReadOnlyList<string>? owners;

    /// <summary>Every deal.</summary>
    public static DealQuery All { get; } = new();

    /// <summary>Only deals of this pipeline (by name, ordinal), or null for any.</summary>
    /// <exception cref="ArgumentException">The value is empty or whitespace.</exception>
    public string? Pipeline
    {
        get => pipeline;
        init => pipeline = value is null ? null : Preconditions.CheckNotBlank(value, nameof(Pipeline));
    }

    /// <summary>Only deals owned by one of these reps (ordinal), or null for any owner. An empty list matches no deal.</summary>
    /// <exception cref="ArgumentException">An owner is null, empty or whitespace.</exception>
    public IReadOnlyList<string>? Owners
    {
        get => owners;
        init
        {
            if (value is not null)
            {
                var copy = value.ToArray();
                Preconditions.CheckArgument(
                    copy.All(o => !string.IsNullOrWhiteSpace(o)),
                    nameof(Owners),
                    "An owner must not be null, empty or whitespace."
                );
                owners = Array.AsReadOnly(copy.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray());
            }
            else
            {
                owners = null;
            }
        }
    }

    /// <summary>Only deals with this status, or null for any.</summary>
    public DealStatus? Status { get; init; }

    /// <summary>Only deals whose expected close date falls in this range (both ends inclusive), or null for any.</summary>
    public DateInterval? ExpectedClose { get; init; }

    /// <summary>The deals of one rep.</summary>
    /// <param name="owner">The rep's id.</param>
    /// <returns>The query.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="owner"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="owner"/> is empty or whitespace.</exception>
    public static DealQuery ForOwner(string owner) => new() { Owners = [Preconditions.CheckNotBlank(owner)] };

    /// <summary>
    /// The deals owned by the members of a team (and of the teams below it when <paramref name="includeSubteams"/>), as the
    /// organization stands now.
    /// </summary>
    /// <param name="organization">The sales organization.</param>
    /// <param name="teamId">The team's id.</param>
    /// <param name="includeSubteams">Whether members of the teams below count too.</param>
    /// <returns>The query; a team without members matches no deal.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="organization"/> or <paramref name="teamId"/> is null.</exception>
    /// <exception cref="ArgumentException">The organization has no team <paramref name="teamId"/>.</exception>
    public static DealQuery ForTeam(SalesOrg organization, string teamId, bool includeSubteams = true)
    {
        Preconditions.CheckNotNull(organization);
        return new() { Owners = organization.MembersOf(teamId, includeSubteams).Select(p => p.Id).ToArray() };
    }

    /// <summary>Whether a summary row matches the query (the rule the store's SQL applies).</summary>
    /// <param name="row">The row.</param>
    /// <returns>True when every given condition holds.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="row"/> is null.</exception>
    public bool Matches(DealSummary row)
    {
        Preconditions.CheckNotNull(row);
        return (Pipeline is null || string.Equals(Pipeline, row.Pipeline, StringComparison.Ordinal))
            && (Owners is null || Owners.Contains(row.Owner, StringComparer.Ordinal))
            && (Status is null || Status == row.Status)
            && (ExpectedClose is null || ExpectedClose.Contains(row.ExpectedClose));
    }
}
