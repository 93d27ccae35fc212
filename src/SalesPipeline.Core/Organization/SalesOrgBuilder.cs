using System;
using System.Collections.Generic;
using System.Linq;

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

    internal SalesOrgBuilder(string company) => this.company = company;

    /// <summary>Adds a team.</summary>
    /// <param name="id">The stable id; unique among teams.</param>
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
    /// <param name="id">The stable id deals use as owner; unique among people.</param>
    /// <param name="name">The display name.</param>
    /// <param name="team">The team's id.</param>
    /// <returns>This builder.</returns>
    public SalesOrgBuilder Rep(string id, string name, string team)
    {
        people.Add(new SalesPerson(id, name, team, IsAdmin: false));
        return this;
    }

    /// <summary>Adds an administrator, who sees every deal and lead.</summary>
    /// <param name="id">The stable id; unique among people.</param>
    /// <param name="name">The display name.</param>
    /// <param name="team">The team the admin belongs to, if any.</param>
    /// <returns>This builder.</returns>
    public SalesOrgBuilder Admin(string id, string name, string? team = null)
    {
        people.Add(new SalesPerson(id, name, team, IsAdmin: true));
        return this;
    }

    /// <summary>Validates everything and builds the organization.</summary>
    /// <returns>The organization.</returns>
    /// <exception cref="SalesOrgDefinitionException">
    /// There are problems (all listed): an empty company name or id, a repeated team or person id, an unknown parent
    /// team, a cycle of parent teams, an unknown team lead, or a person in an unknown team.
    /// </exception>
    public SalesOrg Build()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(company))
        {
            problems.Add("The company name must not be empty.");
        }
        foreach (var t in teams.Where(t => string.IsNullOrWhiteSpace(t.Id) || string.IsNullOrWhiteSpace(t.Name)))
        {
            problems.Add($"Team \"{t.Id}\" (\"{t.Name}\") needs a non-empty id and name.");
        }
        foreach (var p in people.Where(p => string.IsNullOrWhiteSpace(p.Id) || string.IsNullOrWhiteSpace(p.Name)))
        {
            problems.Add($"Person \"{p.Id}\" (\"{p.Name}\") needs a non-empty id and name.");
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
        foreach (var p in people.Where(p => p.TeamId is not null && !teamIds.Contains(p.TeamId)))
        {
            problems.Add($"Person \"{p.Id}\" is in team \"{p.TeamId}\", which is not a team.");
        }
        if (problems.Count == 0)
        {
            var parentOf = teams.ToDictionary(t => t.Id, t => t.ParentId, StringComparer.Ordinal);
            foreach (var t in teams)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                for (string? at = t.Id; at is not null; at = parentOf[at])
                {
                    if (!seen.Add(at))
                    {
                        problems.Add($"Team \"{t.Id}\" is its own ancestor (parents form a cycle through \"{at}\").");
                        break;
                    }
                }
            }
        }
        if (problems.Count > 0)
        {
            throw new SalesOrgDefinitionException(company, problems);
        }
        return new SalesOrg(company.Trim(), teams.ToArray(), people.ToArray());
    }
}
