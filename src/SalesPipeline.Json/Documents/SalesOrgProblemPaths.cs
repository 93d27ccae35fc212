using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SalesPipeline.Organization;

namespace SalesPipeline.Json.Documents;

// SalesOrgBuilder reports problems as sentences that name the team or person by id ("Team \"dach\" has parent \"emea\",
// which is not a team."). The field is found by rebuilding each sentence's opening from the values read, item by item;
// a problem this does not recognise is still an error, named at the document. Paths are relative to the document.
// Blank names and ids never reach the builder: the document refuses them first, at their field.
internal static class SalesOrgProblemPaths
{
    public static string Locate(string problem, IReadOnlyList<Team> teams, IReadOnlyList<SalesPerson> people)
    {
        bool Opens(string opening) => problem.StartsWith(opening, StringComparison.Ordinal);
        for (var i = 0; i < teams.Count; i++)
        {
            var (team, path) = (teams[i], At("teams", i));
            if (Opens($"Team \"{team.Id}\" has parent \"{team.ParentId}\",") || Opens($"Teams \"{team.Id}\" -> "))
            {
                return $"{path}.parent";
            }
            if (Opens($"Team \"{team.Id}\" is led by \"{team.LeadId}\","))
            {
                return $"{path}.lead";
            }
        }
        for (var i = 0; i < people.Count; i++)
        {
            var (person, path) = (people[i], At("people", i));
            if (Opens($"Rep \"{person.Id}\" has no team;") || Opens($"Person \"{person.Id}\" is in team \"{person.TeamId}\","))
            {
                return $"{path}.team";
            }
        }
        return Repeated(problem, "Team id", teams.Select((t, i) => (t.Id, At("teams", i))))
            ?? Repeated(problem, "Person id", people.Select((p, i) => (p.Id, At("people", i))))
            ?? "";
    }

    private static string At(string list, int index) => $".{list}[{index.ToString(CultureInfo.InvariantCulture)}]";

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
