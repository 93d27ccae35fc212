using System;
using System.Collections.Generic;
using System.Linq;
using SalesPipeline.Calendars;
using SalesPipeline.Cli.Input;
using SalesPipeline.Targets;

namespace SalesPipeline.Cli.Reports;

/// <summary>
/// Whose figures the report shows, and the quotas that go with them: the company's without a filter; with
/// <c>--owner</c> that person's quotas; with <c>--team</c> the quotas of the team, its subteams and their members. The
/// target (of the distribution's chance and the coverage) is <c>--target</c>, else the scope's own quota for exactly the
/// fiscal quarter (the person's, the team's or the company's), else none: a filtered pipeline is never held against the
/// whole company's quota. Immutable.
/// </summary>
/// <param name="Whose">The scope as notes name it: "the company", "owner ben", "team enterprise".</param>
/// <param name="Quotas">The quotas of the scope, in the order given.</param>
/// <param name="Target">The quarter's target, or null when there is none.</param>
/// <param name="TargetSource">Where the target comes from, as captions name it ("--target", "owner ben's quota").</param>
internal sealed record ReportScope(string Whose, IReadOnlyList<Quota> Quotas, Money? Target, string TargetSource)
{
    /// <summary>The scope of <paramref name="data"/>'s filters for <paramref name="quarter"/>.</summary>
    public static ReportScope Of(Dataset data, FiscalPeriod quarter, decimal? givenTarget)
    {
        string whose;
        QuotaLevel level;
        string? subject;
        Func<Quota, bool> inScope;
        if (data.OwnerFilter is { } owner)
        {
            (whose, level, subject) = ($"owner {owner}", QuotaLevel.Person, owner);
            inScope = q => q.Level == QuotaLevel.Person && q.SubjectId == owner;
        }
        else if (data.TeamFilter is { } team)
        {
            (whose, level, subject) = ($"team {team}", QuotaLevel.Team, team);
            var teams = TeamAndSubteams(data, team);
            var members = data.Organization.MembersOf(team).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
            inScope = q =>
                (q.Level == QuotaLevel.Team && teams.Contains(q.SubjectId))
                || (q.Level == QuotaLevel.Person && members.Contains(q.SubjectId));
        }
        else
        {
            (whose, level, subject) = ("the company", QuotaLevel.Company, null);
            inScope = _ => true;
        }
        var quotas = data.Quotas.Where(inScope).ToList();
        if (givenTarget is { } given)
        {
            return new ReportScope(whose, quotas, Money.Of(given, data.Currency), "--target");
        }
        var quota = quotas.FirstOrDefault(q =>
            q.Level == level
            && (subject is null || q.SubjectId == subject)
            && q.Period.Start == quarter.Start
            && q.Period.End == quarter.End
        );
        return new ReportScope(whose, quotas, quota?.Target, quota is null ? "none" : $"{whose}'s quota");
    }

    private static HashSet<string> TeamAndSubteams(Dataset data, string team)
    {
        var teams = new HashSet<string>(StringComparer.Ordinal);
        var next = new Stack<string>([team]);
        while (next.TryPop(out var id))
        {
            if (teams.Add(id))
            {
                foreach (var child in data.Organization.ChildTeams(id))
                {
                    next.Push(child.Id);
                }
            }
        }
        return teams;
    }
}
