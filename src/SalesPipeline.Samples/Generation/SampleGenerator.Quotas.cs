using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using SalesPipeline.Targets;

namespace SalesPipeline.Samples.Generation;

internal sealed partial class SampleGenerator
{
    /// <summary>
    /// Quarterly quotas from Q3 2024 to Q3 2026 (the quarter the as-of date opens): each rep's, growing 4% a quarter from
    /// the segment's base; each team's and the company's as the sum of their reps' (so every assignment adds up).
    /// </summary>
    private static ReadOnlyCollection<Quota> Quotas()
    {
        var quotas = new List<Quota>();
        var calendar = SampleCatalog.Calendar;
        var quarter = calendar.QuarterContaining(SampleCatalog.FirstDay);
        var last = calendar.QuarterContaining(SampleCatalog.AsOf);
        for (var index = 0; quarter.Start <= last.Start; index++)
        {
            var people = SampleCatalog
                .Reps.Select(rep => Quota.ForPerson(rep.Id, quarter, Money.Of(QuarterlyQuota(rep, index), Currency.USD)))
                .ToArray();
            quotas.AddRange(people);
            foreach (var team in SampleCatalog.Teams)
            {
                var members = people.Where(q => SampleCatalog.Reps.First(r => r.Id == q.SubjectId).Team == team.Id);
                quotas.Add(Quota.ForTeam(team.Id, quarter, Money.Sum(members.Select(q => q.Target), Currency.USD)));
            }
            quotas.Add(Quota.ForCompany(SampleCatalog.Company, quarter, Money.Sum(people.Select(q => q.Target), Currency.USD)));
            quarter = calendar.QuarterContaining(quarter.End.PlusDays(1));
        }
        return quotas.AsReadOnly();
    }

    private static decimal QuarterlyQuota(RepSpec rep, int quarterIndex)
    {
        var team = SampleCatalog.TeamOf(rep);
        var baseQuota = team.Segment switch
        {
            Segment.Enterprise => 360_000m,
            Segment.MidMarket => 180_000m,
            _ => 95_000m,
        };
        // Rounded to 5,000: quotas are set in round numbers.
        return System.Math.Round(baseQuota * (1m + 0.04m * quarterIndex) / 5_000m, System.MidpointRounding.AwayFromZero) * 5_000m;
    }
}
