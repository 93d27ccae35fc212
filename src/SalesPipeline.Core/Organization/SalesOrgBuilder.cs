using System;
using System.Collections.Generic;
using System.Linq;
using SalesPipeline.Utility;

namespace SalesPipeline.Organization;

/// <summary>
/// Collects the teams and people of a sales organization and builds an immutable, validated <see cref="SalesOrg"/>.
/// </summary>
/// <remarks>
/// Nothing is checked until <see cref="Build"/>, which reports every problem at once. Mutable and not thread-safe; the
/// organization it builds is immutable and thread-safe.
/// <example><code>
/// var org = SalesOrg.CreateBuilder("Acme")
///     .Team("emea", "EMEA", lead: "erin")
///     .Team("dach", "DACH", parent: "emea", lead: "dan")
///     .Rep("erin", "Erin", team: "emea")
///     .Rep("dan", "Dan", team: "dach")
///     .Rep("alice", "Alice", team: "dach")
///     .Admin("carol", "Carol")
///     .Build();
/// </code></example>
/// </remarks>
public sealed class SalesOrgBuilder
{
    private readonly string company;
    private readonly List<Team> teams = [];
    private readonly List<SalesPerson> people = [];
    private readonly List<(string Role, string[] People)> roles = [];

    internal SalesOrgBuilder(string company) => this.company = company;

    /// <summary>Adds a team.</summary>
    /// <param name="id">The stable id; unique among teams, and not confusable with another team's id (see <see cref="Build"/>).</param>
    /// <param name="name">The display name.</param>
    /// <param name="parent">The parent team's id, or null for a team directly under the company.</param>
    /// <param name="lead">The id of the person who leads it (declared with <see cref="Rep"/> or <see cref="Admin"/>), if any.</param>
    /// <returns>This builder.</returns>
    public SalesOrgBuilder Team(string id, string name, string? parent = null, string? lead = null)
    {
        teams.Add(new Team(id, name, parent, lead));
        return this;
    }

    /// <summary>Adds a person who belongs to a team (a rep, or a team lead who also owns deals).</summary>
    /// <param name="id">The stable id deals use as owner; unique among people, and not confusable with another person's id (see <see cref="Build"/>).</param>
    /// <param name="name">The display name.</param>
    /// <param name="team">The team's id.</param>
    /// <returns>This builder.</returns>
    public SalesOrgBuilder Rep(string id, string name, string team)
    {
        people.Add(new SalesPerson(id, name, team, IsAdmin: false));
        return this;
    }

    /// <summary>Adds an administrator, who sees every deal and lead.</summary>
    /// <param name="id">The stable id; unique among people, and not confusable with another person's id (see <see cref="Build"/>).</param>
    /// <param name="name">The display name.</param>
    /// <param name="team">The team the admin belongs to, if any.</param>
    /// <returns>This builder.</returns>
    public SalesOrgBuilder Admin(string id, string name, string? team = null)
    {
        people.Add(new SalesPerson(id, name, team, IsAdmin: true));
        return this;
    }

    /// <summary>
    /// Gives a named role (for example "finance" or "deal-desk") to people declared with <see cref="Rep"/> or
    /// <see cref="Admin"/>; quote approval policies can name a role as the approver. Calling it again for the same role
    /// adds more holders.
    /// </summary>
    /// <param name="role">The role's name (ordinal); not empty.</param>
    /// <param name="personIds">The people who hold it; at least one.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="role"/> or <paramref name="personIds"/> or one of its elements is null.</exception>
    /// <remarks>Whether the role name is empty and the people exist is checked by <see cref="Build"/>, with every other problem.</remarks>
    public SalesOrgBuilder Role(string role, params string[] personIds)
    {
        Preconditions.CheckNotNull(role);
        roles.Add((role, Preconditions.CheckNoNullElement(personIds, "Person id")));
        return this;
    }

    /// <summary>Validates everything and builds the organization.</summary>
    /// <returns>The organization.</returns>
    /// <exception cref="SalesOrgDefinitionException">
    /// There are problems (all listed): an empty company name or id, a repeated team or person id, an unknown parent
    /// team, a cycle of parent teams, an unknown team lead, a person in an unknown team, two team ids or two person ids
    /// that are confusable (Unicode TR39 skeletons), a role with an empty name, no holder or an undeclared holder, or a team or person id that mixes scripts (TR39 "highly
    /// restrictive") or holds an invisible or control character.
    /// </exception>
    public SalesOrg Build()
    {
        var problems = new List<string>();
        if (LookAlikes.IsBlank(company))
        {
            problems.Add("The company name must not be empty.");
        }
        foreach (var t in teams.Where(t => string.IsNullOrWhiteSpace(t.Id) || LookAlikes.IsBlank(t.Name)))
        {
            problems.Add(
                $"Team \"{t.Id}\" (\"{LookAlikes.Visible(t.Name ?? "")}\") needs a non-empty id and a name with a visible character."
            );
        }
        foreach (var p in people.Where(p => string.IsNullOrWhiteSpace(p.Id) || LookAlikes.IsBlank(p.Name)))
        {
            problems.Add(
                $"Person \"{p.Id}\" (\"{LookAlikes.Visible(p.Name ?? "")}\") needs a non-empty id and a name with a visible character."
            );
        }
        foreach (
            var g in teams.Where(t => !string.IsNullOrWhiteSpace(t.Id)).GroupBy(t => t.Id, StringComparer.Ordinal).Where(g => g.Count() > 1)
        )
        {
            problems.Add($"Team id \"{g.Key}\" is used {g.Count()} times; each team needs its own.");
        }
        foreach (
            var g in people
                .Where(p => !string.IsNullOrWhiteSpace(p.Id))
                .GroupBy(p => p.Id, StringComparer.Ordinal)
                .Where(g => g.Count() > 1)
        )
        {
            problems.Add($"Person id \"{g.Key}\" is used {g.Count()} times; each person needs their own.");
        }
        LookAlikes.CheckIds(teams.Where(t => !string.IsNullOrWhiteSpace(t.Id)).Select(t => t.Id), "team id", problems);
        LookAlikes.CheckIds(people.Where(p => !string.IsNullOrWhiteSpace(p.Id)).Select(p => p.Id), "person id", problems);
        var teamIds = teams.Select(t => t.Id).Where(id => id is not null).ToHashSet(StringComparer.Ordinal);
        var personIds = people.Select(p => p.Id).Where(id => id is not null).ToHashSet(StringComparer.Ordinal);
        foreach (var t in teams)
        {
            if (t.ParentId is not null && !teamIds.Contains(t.ParentId))
            {
                problems.Add($"Team \"{t.Id}\" has parent \"{t.ParentId}\", which is not a team.");
            }
            if (t.LeadId is not null && !personIds.Contains(t.LeadId))
            {
                problems.Add($"Team \"{t.Id}\" is led by \"{t.LeadId}\", who is not declared with Rep(...) or Admin(...).");
            }
        }
        foreach (var p in people.Where(p => !p.IsAdmin && p.TeamId is null))
        {
            problems.Add($"Rep \"{p.Id}\" has no team; every rep belongs to a team (use Admin(...) for people at company level).");
        }
        foreach (var p in people.Where(p => p.TeamId is not null && !teamIds.Contains(p.TeamId)))
        {
            problems.Add($"Person \"{p.Id}\" is in team \"{p.TeamId}\", which is not a team.");
        }
        // Cycles are looked for even when there are other problems, so that every problem is reported at once: a
        // repeated id keeps its first declaration, and a walk stops at an unknown parent (reported above).
        var parentOf = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var t in teams.Where(t => t.Id is not null))
        {
            parentOf.TryAdd(t.Id, t.ParentId);
        }
        var inReportedCycle = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in parentOf.Keys)
        {
            // Walk up from the team; it is in a cycle exactly when the walk comes back to it. A team merely below a
            // cycle is not reported: the cycle is, once, by its first member.
            var chain = new List<string> { id };
            var seen = new HashSet<string>(StringComparer.Ordinal) { id };
            for (var at = parentOf[id]; at is not null && parentOf.TryGetValue(at, out var next); at = next)
            {
                if (at == id)
                {
                    if (!inReportedCycle.Overlaps(chain))
                    {
                        inReportedCycle.UnionWith(chain);
                        problems.Add(
                            $"Teams {string.Join(" -> ", chain.Append(id).Select(c => $"\"{c}\""))} form a cycle of parents; each team must be under the company through its parents."
                        );
                    }
                    break;
                }
                if (!seen.Add(at))
                {
                    break;
                }
                chain.Add(at);
            }
        }
        foreach (var (role, holders) in roles)
        {
            if (string.IsNullOrWhiteSpace(role))
            {
                problems.Add("A role's name must not be empty.");
            }
            if (holders.Length == 0)
            {
                problems.Add($"Role \"{role}\" is given to nobody; name at least one person.");
            }
            foreach (var holder in holders.Where(h => h is null || !personIds.Contains(h)))
            {
                problems.Add($"Role \"{role}\" is given to \"{holder}\", who is not declared with Rep(...) or Admin(...).");
            }
        }
        if (problems.Count > 0)
        {
            throw new SalesOrgDefinitionException(company, problems);
        }
        var roleTable = roles
            .GroupBy(r => r.Role, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(r => r.People).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        return new SalesOrg(company.Trim(), teams.ToArray(), people.ToArray(), roleTable);
    }
}
