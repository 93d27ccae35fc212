using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Linq;
using SalesPipeline.Deals;
using SalesPipeline.Leads;
using SalesPipeline.Utility;

namespace SalesPipeline.Organization;

/// <summary>
/// A sales organization: the company, its nested teams and their people, with the roll-up path of each person and the
/// scope each person may see (a rep their own records, a team lead the subtrees of the teams they lead and those teams'
/// pools, an admin everything), and who may assign records to which pool and rep.
/// </summary>
/// <remarks>Build one with <see cref="CreateBuilder"/>. Immutable and thread-safe.</remarks>
public sealed partial class SalesOrg : IEquatable<SalesOrg>
{
    private readonly FrozenDictionary<string, Team> teamsById;
    private readonly FrozenDictionary<string, SalesPerson> peopleById;
    private readonly FrozenDictionary<string, VisibilityScope> scopes;

    private readonly FrozenDictionary<string, SalesPerson[]> roleHolders;

    internal SalesOrg(string company, Team[] teams, SalesPerson[] people, Dictionary<string, string[]>? roles = null)
    {
        Company = company;
        Teams = Array.AsReadOnly(teams);
        People = Array.AsReadOnly(people);
        teamsById = teams.ToFrozenDictionary(t => t.Id, StringComparer.Ordinal);
        peopleById = people.ToFrozenDictionary(p => p.Id, StringComparer.Ordinal);
        scopes = people.ToFrozenDictionary(p => p.Id, ComputeScope, StringComparer.Ordinal);
        roleHolders = (roles ?? []).ToFrozenDictionary(
            r => r.Key,
            r => r.Value.Select(id => peopleById[id]).ToArray(),
            StringComparer.Ordinal
        );
        Roles = Array.AsReadOnly(roleHolders.Keys.Order(StringComparer.Ordinal).ToArray());
    }

    /// <summary>The names of the roles given with <see cref="SalesOrgBuilder.Role"/>, in ordinal order.</summary>
    public IReadOnlyList<string> Roles { get; }

    /// <summary>The people who hold a role, in the order they were given it; empty when nobody holds it.</summary>
    /// <param name="role">The role's name (ordinal).</param>
    /// <returns>The holders.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="role"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="role"/> is empty or whitespace.</exception>
    public IReadOnlyList<SalesPerson> PeopleInRole(string role)
    {
        Preconditions.CheckNotBlank(role);
        return roleHolders.TryGetValue(role, out var holders) ? Array.AsReadOnly(holders) : [];
    }

    /// <summary>
    /// The person's manager: the lead of the nearest team, from the person's own team upwards, that is led by someone
    /// else. Null for someone with no team (an admin at company level) or nobody above.
    /// </summary>
    /// <param name="personId">The person.</param>
    /// <returns>The manager's id, or null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="personId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="personId"/> is not a person in the organisation.</exception>
    /// <example>A rep in team "emea" led by "maria", whose parent "sales" is led by "olav": <c>ManagerOf("rep")</c> is
    /// "maria" and <c>ManagerOf("maria")</c> is "olav".</example>
    public string? ManagerOf(string personId)
    {
        var person = GetPerson(personId);
        for (var teamId = person.TeamId; teamId is not null; teamId = teamsById[teamId].ParentId)
        {
            var lead = teamsById[teamId].LeadId;
            if (lead is not null && lead != person.Id)
            {
                return lead;
            }
        }
        return null;
    }

    /// <summary>The chain of managers above the person, nearest first: the manager, the manager's manager, and so on.</summary>
    /// <param name="personId">The person.</param>
    /// <returns>The managers' ids; empty when the person has no manager.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="personId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="personId"/> is not a person in the organisation.</exception>
    public IReadOnlyList<string> ManagersAbove(string personId)
    {
        var chain = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { GetPerson(personId).Id };
        for (var manager = ManagerOf(personId); manager is not null && seen.Add(manager); manager = ManagerOf(manager))
        {
            chain.Add(manager);
        }
        return chain.AsReadOnly();
    }

    /// <summary>Starts a builder for an organization.</summary>
    /// <param name="company">The company's name.</param>
    /// <returns>A new, empty builder.</returns>
    public static SalesOrgBuilder CreateBuilder(string company) => new(company);

    /// <summary>The company's name (the root of the tree).</summary>
    public string Company { get; }

    /// <summary>Every team, in the order declared.</summary>
    public IReadOnlyList<Team> Teams { get; }

    /// <summary>Every person, in the order declared.</summary>
    public IReadOnlyList<SalesPerson> People { get; }

    /// <summary>Returns a person by id.</summary>
    /// <param name="personId">The id.</param>
    /// <returns>The person.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="personId"/> is null.</exception>
    /// <exception cref="ArgumentException">No such person.</exception>
    public SalesPerson GetPerson(string personId)
    {
        Preconditions.CheckNotNull(personId);
        return peopleById.TryGetValue(personId, out var p)
            ? p
            : throw new ArgumentException($"\"{personId}\" is not a person in {Company}.", nameof(personId));
    }

    // For callers that group many records by owner and must not throw for owners outside the organisation.
    internal bool HasPerson(string personId) => peopleById.ContainsKey(personId);

    internal bool HasTeam(string teamId) => teamsById.ContainsKey(teamId);

    /// <summary>Returns a team by id.</summary>
    /// <param name="teamId">The id.</param>
    /// <returns>The team.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="teamId"/> is null.</exception>
    /// <exception cref="ArgumentException">No such team.</exception>
    public Team GetTeam(string teamId)
    {
        Preconditions.CheckNotNull(teamId);
        return teamsById.TryGetValue(teamId, out var t)
            ? t
            : throw new ArgumentException($"\"{teamId}\" is not a team in {Company}.", nameof(teamId));
    }

    /// <summary>The teams a person's figures roll up through: their own team first, then its parent, up to the top; empty for a person at company level.</summary>
    /// <param name="personId">The person.</param>
    /// <returns>The path, nearest team first.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="personId"/> is null.</exception>
    /// <exception cref="ArgumentException">No such person.</exception>
    public IReadOnlyList<Team> PathOf(string personId)
    {
        var path = new List<Team>();
        for (var teamId = GetPerson(personId).TeamId; teamId is not null; teamId = teamsById[teamId].ParentId)
        {
            path.Add(teamsById[teamId]);
        }
        return path;
    }

    /// <summary>The teams directly under a team (or under the company when <paramref name="teamId"/> is null).</summary>
    /// <param name="teamId">The team, or null for the company.</param>
    /// <returns>The child teams in declared order.</returns>
    /// <exception cref="ArgumentException">No such team.</exception>
    public IReadOnlyList<Team> ChildTeams(string? teamId)
    {
        if (teamId is not null)
        {
            GetTeam(teamId);
        }
        return Teams.Where(t => t.ParentId == teamId).ToArray();
    }

    /// <summary>The people in a team and, if <paramref name="includeSubteams"/>, in every team below it.</summary>
    /// <param name="teamId">The team.</param>
    /// <param name="includeSubteams">Whether to include nested teams.</param>
    /// <returns>The people in declared order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="teamId"/> is null.</exception>
    /// <exception cref="ArgumentException">No such team.</exception>
    public IReadOnlyList<SalesPerson> MembersOf(string teamId, bool includeSubteams = true)
    {
        GetTeam(teamId);
        var teamsIn = includeSubteams ? Subtree(teamId) : new HashSet<string>(StringComparer.Ordinal) { teamId };
        return People.Where(p => p.TeamId is not null && teamsIn.Contains(p.TeamId)).ToArray();
    }

    /// <summary>What a person may see.</summary>
    /// <param name="viewerId">The person.</param>
    /// <returns>Their scope.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="viewerId"/> is null.</exception>
    /// <exception cref="ArgumentException">No such person (an unknown viewer sees nothing, so asking is a mistake).</exception>
    public VisibilityScope ScopeOf(string viewerId)
    {
        Preconditions.CheckNotNull(viewerId);
        return scopes.TryGetValue(viewerId, out var scope)
            ? scope
            : throw new ArgumentException(
                $"\"{viewerId}\" is not a person in {Company}, so they have no visibility scope.",
                nameof(viewerId)
            );
    }

    /// <summary>
    /// The deals the viewer may see, in their original order: owned deals by their owner (<see cref="VisibilityScope.Includes"/>),
    /// pooled deals by their pool (<see cref="VisibilityScope.IncludesPool"/>: a team's pool is seen by the team's lead and
    /// the leads above, the company pool by admins only). A deal's comments are seen with it.
    /// </summary>
    /// <param name="viewerId">The person.</param>
    /// <param name="deals">The deals.</param>
    /// <returns>
    /// The visible deals, evaluated lazily (the viewer is checked at once). For a list returned by an import
    /// (<see cref="ImportResult.Deals"/>) or a <see cref="DealListBuilder"/>, the result is a list of the same kind, built
    /// at once: such a list never changes, so the deals it would yield later are the ones it yields now, and every metric
    /// given the result starts from its columns as it would from the list's.
    /// </returns>
    /// <exception cref="ArgumentNullException">
    /// An argument is null; or, when the result is enumerated, a deal is (the message gives its position).
    /// </exception>
    /// <exception cref="ArgumentException">No such person.</exception>
    public IEnumerable<Deal> VisibleTo(string viewerId, IEnumerable<Deal> deals)
    {
        var scope = ScopeOf(viewerId);
        Preconditions.CheckNotNull(deals);
        // Decided from the list's columns without making its deals, and kept as columns, so that a metric over the
        // result runs on them instead of deal by deal.
        if (deals is FrameDealList framed)
        {
            return scope.Visible(framed.Frame).DealList;
        }
        return Preconditions.EachNotNull(deals, "Deal", nameof(deals)).Where(scope.CanSee);
    }

    /// <summary>The leads the viewer may see, in their original order, by the same rules as deals (owner, or pool).</summary>
    /// <param name="viewerId">The person.</param>
    /// <param name="leads">The leads.</param>
    /// <returns>The visible leads (evaluated lazily; the viewer is checked at once).</returns>
    /// <exception cref="ArgumentNullException">
    /// An argument is null; or, when the result is enumerated, a lead is (the message gives its position).
    /// </exception>
    /// <exception cref="ArgumentException">No such person.</exception>
    public IEnumerable<Lead> VisibleTo(string viewerId, IEnumerable<Lead> leads)
    {
        var scope = ScopeOf(viewerId);
        Preconditions.CheckNotNull(leads);
        return Preconditions.EachNotNull(leads, "Lead", nameof(leads)).Where(scope.CanSee);
    }

    private VisibilityScope ComputeScope(SalesPerson person)
    {
        if (person.IsAdmin)
        {
            return new VisibilityScope(person.Id, VisibilityKind.All, People.Select(p => p.Id), Teams.Select(t => t.Id));
        }
        var led = Teams.Where(t => t.LeadId == person.Id).ToArray();
        if (led.Length == 0)
        {
            return new VisibilityScope(person.Id, VisibilityKind.Own, [person.Id]);
        }
        var teamsIn = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in led)
        {
            teamsIn.UnionWith(Subtree(t.Id));
        }
        var owners = People.Where(p => p.TeamId is not null && teamsIn.Contains(p.TeamId)).Select(p => p.Id).Append(person.Id);
        // The pools a lead sees are those of the teams whose members they see: the led teams and every team below.
        return new VisibilityScope(person.Id, VisibilityKind.Teams, owners, teamsIn);
    }

    private HashSet<string> Subtree(string teamId)
    {
        var result = new HashSet<string>(StringComparer.Ordinal) { teamId };
        var frontier = new Queue<string>([teamId]);
        while (frontier.Count > 0)
        {
            var at = frontier.Dequeue();
            foreach (var child in Teams.Where(t => t.ParentId == at && result.Add(t.Id)))
            {
                frontier.Enqueue(child.Id);
            }
        }
        return result;
    }

    /// <summary>"Company: n teams, m people".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => $"{Company}: {Teams.Count} teams, {People.Count} people";

    /// <summary>Whether two organizations are the same tree: the same company name, and the same teams and people
    /// (every field) in the same declared order.</summary>
    /// <param name="other">The other organization.</param>
    /// <returns>True when equal. The order counts because reports list teams and people in it.</returns>
    public bool Equals(SalesOrg? other) =>
        other is not null
        && (
            ReferenceEquals(this, other)
            || (
                string.Equals(Company, other.Company, StringComparison.Ordinal)
                && Teams.SequenceEqual(other.Teams)
                && People.SequenceEqual(other.People)
                && Roles.SequenceEqual(other.Roles)
                && Roles.All(r => roleHolders[r].SequenceEqual(other.roleHolders[r]))
            )
        );

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as SalesOrg);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Company, Teams.Count, People.Count);

    /// <summary>Whether two organizations are equal by content (<see cref="Equals(SalesOrg?)"/>).</summary>
    /// <param name="left">An organization or null.</param>
    /// <param name="right">An organization or null.</param>
    /// <returns>True when both are null or equal.</returns>
    public static bool operator ==(SalesOrg? left, SalesOrg? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Whether two organizations differ by content.</summary>
    /// <param name="left">An organization or null.</param>
    /// <param name="right">An organization or null.</param>
    /// <returns>True when not equal.</returns>
    public static bool operator !=(SalesOrg? left, SalesOrg? right) => !(left == right);
}
