using System;
using System.Collections.Generic;
using System.Linq;
using SalesPipeline.Organization;

namespace SalesPipeline.Json.Documents;

// SalesOrgBuilder reports problems as sentences that name the team or person by id ("Team \"dach\" has parent \"emea\",
// which is not a team."). The field is found by rebuilding each sentence's opening from the values read, item by item;
// a problem this does not recognise is still an error, named at "$".
internal static class SalesOrgProblemPaths
{
    public static string Locate(
        string problem,
        IReadOnlyList<(Team Team, string Path)> teams,
        IReadOnlyList<(SalesPerson Person, string Path)> people
    )
    {
        bool Opens(string opening) => problem.StartsWith(opening, StringComparison.Ordinal);
        if (Opens("The company name"))
        {
            return "$.company";
        }
        foreach (var (team, path) in teams)
        {
            if (Opens($"Team \"{team.Id}\" (\"{team.Name}\") needs"))
            {
                return $"{path}.{(string.IsNullOrWhiteSpace(team.Id) ? "id" : "name")}";
            }
            if (Opens($"Team \"{team.Id}\" has parent \"{team.ParentId}\",") || Opens($"Teams \"{team.Id}\" -> "))
            {
                return $"{path}.parent";
            }
            if (Opens($"Team \"{team.Id}\" is led by \"{team.LeadId}\","))
            {
                return $"{path}.lead";
            }
        }
        foreach (var (person, path) in people)
        {
            if (Opens($"Person \"{person.Id}\" (\"{person.Name}\") needs"))
            {
                return $"{path}.{(string.IsNullOrWhiteSpace(person.Id) ? "id" : "name")}";
            }
            if (Opens($"Rep \"{person.Id}\" has no team;") || Opens($"Person \"{person.Id}\" is in team \"{person.TeamId}\","))
            {
                return $"{path}.team";
            }
        }
        return Repeated(problem, "Team id", teams.Select(t => (t.Team.Id, t.Path)))
            ?? Repeated(problem, "Person id", people.Select(p => (p.Person.Id, p.Path)))
            ?? "$";
    }

    // A repeated id is named where it is repeated: at the second item that has it.
    private static string? Repeated(string problem, string opening, IEnumerable<(string Id, string Path)> items)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, path) in items)
        {
            if (!seen.Add(id) && problem.StartsWith($"{opening} \"{id}\" is used", StringComparison.Ordinal))
            {
                return $"{path}.id";
            }
        }
        return null;
    }
}
