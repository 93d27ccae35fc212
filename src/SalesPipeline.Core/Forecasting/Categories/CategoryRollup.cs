using System;
using System.Collections.Generic;
using System.Linq;
using SalesPipeline.Calendars;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;
using SalesPipeline.Utility;

namespace SalesPipeline.Forecasting;

// Rolls owners' category amounts up the organization (person -> teams -> company), gross and adjusted.
internal static class CategoryRollup
{
    private const string Unassigned = "(unassigned)";
    private static readonly ForecastCategory[] Adjustable = [ForecastCategory.Commit, ForecastCategory.BestCase, ForecastCategory.Pipeline];

    internal static CategoryForecast Build(
        SalesOrg org,
        FiscalPeriod[] periods,
        Currency currency,
        Dictionary<int, Dictionary<string, CategoryAmounts>> owners,
        CategoryAmounts overdue,
        CategoryAdjustment[] adjustments,
        bool allowSelfAdjustment
    )
    {
        var inForce = new Dictionary<(string Subject, int Period, ForecastCategory Category), CategoryAdjustment>();
        var history = new Dictionary<(string Subject, int Period), List<CategoryAdjustment>>();
        for (var i = 0; i < adjustments.Length; i++)
        {
            var a = adjustments[i] ?? throw new ArgumentNullException(nameof(adjustments), $"Adjustment {i} is null.");
            var period = Array.IndexOf(periods, a.Period);
            Check(period >= 0, i, $"its period {a.Period} is not one of the forecast's periods");
            Check(a.Amount.Currency == currency, i, $"its amount {a.Amount} is not in the reporting currency {currency.Code}");
            var managers = ManagersOf(org, a.SubjectId, i);
            var self = allowSelfAdjustment && a.By == a.SubjectId && org.People.Any(p => p.Id == a.SubjectId);
            Check(
                managers.Contains(a.By) || self,
                i,
                $"\"{a.By}\" may not adjust \"{a.SubjectId}\"; only {(managers.Count == 0 ? "nobody" : string.Join(" or ", managers.Select(m => $"\"{m}\"")))} may{(allowSelfAdjustment ? "" : " (self-adjustment is not allowed)")}"
            );
            var key = (a.SubjectId, period, a.Category);
            if (!inForce.TryGetValue(key, out var current) || a.At >= current.At)
            {
                inForce[key] = a;
            }
            if (!history.TryGetValue((a.SubjectId, period), out var list))
            {
                history[(a.SubjectId, period)] = list = [];
            }
            list.Add(a);
        }

        var lines = new List<CategoryLine>();
        var zero = CategoryAmounts.Zero(currency);
        for (var p = 0; p < periods.Length; p++)
        {
            var byOwner = owners.TryGetValue(p, out var m) ? m : new Dictionary<string, CategoryAmounts>(StringComparer.Ordinal);
            var known = org.People.Select(x => x.Id).ToHashSet(StringComparer.Ordinal);
            var unassigned = byOwner.Where(kv => !known.Contains(kv.Key)).Aggregate(zero, (acc, kv) => acc.Plus(kv.Value));
            var gross = new Dictionary<string, CategoryAmounts>(StringComparer.Ordinal);
            var adjusted = new Dictionary<string, CategoryAmounts>(StringComparer.Ordinal);

            CategoryAmounts Adjust(string id, CategoryAmounts amounts)
            {
                foreach (var c in Adjustable)
                {
                    if (inForce.TryGetValue((id, p, c), out var a))
                    {
                        amounts = amounts.With(c, a.Amount);
                    }
                }
                return amounts;
            }

            (CategoryAmounts Gross, CategoryAmounts Adjusted) Person(SalesPerson person)
            {
                var own = byOwner.TryGetValue(person.Id, out var amounts) ? amounts : zero;
                return (gross[person.Id] = own, adjusted[person.Id] = Adjust(person.Id, own));
            }

            (CategoryAmounts Gross, CategoryAmounts Adjusted) Children(string? teamId)
            {
                var (g, a) = (zero, zero);
                foreach (var person in org.People.Where(x => x.TeamId == teamId))
                {
                    var r = Person(person);
                    (g, a) = (g.Plus(r.Gross), a.Plus(r.Adjusted));
                }
                foreach (var team in org.Teams.Where(t => t.ParentId == teamId))
                {
                    var r = Children(team.Id);
                    gross[team.Id] = r.Gross;
                    adjusted[team.Id] = Adjust(team.Id, r.Adjusted);
                    (g, a) = (g.Plus(r.Gross), a.Plus(adjusted[team.Id]));
                }
                return (g, a);
            }

            var company = Children(null);
            IReadOnlyList<CategoryAdjustment> Own(string id) => history.TryGetValue((id, p), out var h) ? h.AsReadOnly() : [];
            lines.Add(
                new CategoryLine(
                    periods[p],
                    CategoryNodeKind.Company,
                    org.Company,
                    null,
                    company.Gross.Plus(unassigned),
                    company.Adjusted.Plus(unassigned),
                    []
                )
            );
            foreach (var team in org.Teams)
            {
                lines.Add(
                    new CategoryLine(
                        periods[p],
                        CategoryNodeKind.Team,
                        team.Id,
                        team.ParentId ?? org.Company,
                        gross[team.Id],
                        adjusted[team.Id],
                        Own(team.Id)
                    )
                );
            }
            foreach (var person in org.People)
            {
                lines.Add(
                    new CategoryLine(
                        periods[p],
                        CategoryNodeKind.Person,
                        person.Id,
                        person.TeamId ?? org.Company,
                        gross[person.Id],
                        adjusted[person.Id],
                        Own(person.Id)
                    )
                );
            }
            if (byOwner.Keys.Any(k => !known.Contains(k)))
            {
                lines.Add(new CategoryLine(periods[p], CategoryNodeKind.Unassigned, Unassigned, org.Company, unassigned, unassigned, []));
            }
        }
        return new CategoryForecast(currency, lines.AsReadOnly(), overdue, Array.AsReadOnly(adjustments));
    }

    // The subject's manager: the lead of the nearest team above the subject whose lead is someone else; admins when none.
    internal static IReadOnlyList<string> ManagersOf(SalesOrg org, string subjectId, int index)
    {
        var person = org.People.FirstOrDefault(p => p.Id == subjectId);
        var team = org.Teams.FirstOrDefault(t => t.Id == subjectId);
        Check(person is null || team is null, index, $"\"{subjectId}\" is both a person and a team; give them different ids");
        Check(person is not null || team is not null, index, $"\"{subjectId}\" is neither a person nor a team of {org.Company}");
        var exclude = person?.Id ?? team!.LeadId;
        for (var teamId = person is not null ? person.TeamId : team!.ParentId; teamId is not null; teamId = org.GetTeam(teamId).ParentId)
        {
            var lead = org.GetTeam(teamId).LeadId;
            if (lead is not null && lead != exclude && lead != person?.Id)
            {
                return [lead];
            }
        }
        return org.People.Where(p => p.IsAdmin && p.Id != person?.Id).Select(p => p.Id).ToArray();
    }

    private static void Check(bool ok, int index, string rule)
    {
        if (!ok)
        {
            Preconditions.CheckArgument(false, "adjustments", $"Adjustment {index} is not valid: {rule}.");
        }
    }
}
