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
/// team later is found by a query made later. A deal waiting in a pool has no owner, so no owner list matches it: find
/// pooled deals with <see cref="InPool"/>, <see cref="Unassigned"/> and <see cref="Team"/>.</para>
/// <para>Examples: <c>DealQuery.InPool("emea")</c> (what waits in team emea's pool),
/// <c>DealQuery.ForCustomer("ACC-1042") with { Status = DealStatus.Open }</c> (the customer's open deals),
/// <c>DealQuery.All with { Status = DealStatus.Stopped }</c> (every stopped deal).</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
public sealed record DealQuery
{
    private readonly string? pipeline;
    private readonly IReadOnlyList<string>? owners;
    private readonly string? team;
    private readonly string? customerAccountId;

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

    /// <summary>
    /// Only deals without an owner, waiting in a pool (true), only deals with an owner (false), or either (null).
    /// </summary>
    public bool? Unassigned { get; init; }

    /// <summary>
    /// Only deals whose team (<see cref="Deal.Team"/>: the team whose pool the deal was last put in, kept when a rep is
    /// then assigned) is this id (ordinal), or null for any. Combine with <see cref="Unassigned"/> = true for what still
    /// waits in that team's pool.
    /// </summary>
    /// <exception cref="ArgumentException">The value is empty or whitespace.</exception>
    public string? Team
    {
        get => team;
        init => team = value is null ? null : Preconditions.CheckNotBlank(value, nameof(Team));
    }

    /// <summary>
    /// Only deals with a team (true), only deals without one (false: never pooled, or last put in the company pool), or
    /// either (null).
    /// </summary>
    public bool? HasTeam { get; init; }

    /// <summary>Only deals for the customer with this account id (ordinal), or null for any; deals without a customer never match.</summary>
    /// <exception cref="ArgumentException">The value is empty or whitespace.</exception>
    public string? CustomerAccountId
    {
        get => customerAccountId;
        init => customerAccountId = value is null ? null : Preconditions.CheckNotBlank(value, nameof(CustomerAccountId));
    }

    /// <summary>The deals waiting in a pool: a team's, or the company pool when <paramref name="teamId"/> is null.</summary>
    /// <param name="teamId">The team whose pool, or null for the company pool.</param>
    /// <returns>The query: <see cref="Unassigned"/> = true and the team (or <see cref="HasTeam"/> = false).</returns>
    /// <exception cref="ArgumentException"><paramref name="teamId"/> is empty or whitespace.</exception>
    public static DealQuery InPool(string? teamId) =>
        teamId is null
            ? new() { Unassigned = true, HasTeam = false }
            : new() { Unassigned = true, Team = Preconditions.CheckNotBlank(teamId) };

    /// <summary>The deals of one customer, by its account id.</summary>
    /// <param name="accountId">The customer's account id.</param>
    /// <returns>The query.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="accountId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="accountId"/> is empty or whitespace.</exception>
    public static DealQuery ForCustomer(string accountId) => new() { CustomerAccountId = Preconditions.CheckNotBlank(accountId) };

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
            && (ExpectedClose is null || ExpectedClose.Contains(row.ExpectedClose))
            && (Unassigned is null || Unassigned == (row.Owner is null))
            && (Team is null || string.Equals(Team, row.Team, StringComparison.Ordinal))
            && (HasTeam is null || HasTeam == (row.Team is not null))
            && (CustomerAccountId is null || string.Equals(CustomerAccountId, row.Customer?.AccountId, StringComparison.Ordinal));
    }
}
