using System.Collections.Generic;
using System.Linq;
using NodaTime;
using SalesPipeline.Activities;
using SalesPipeline.Deals;
using SalesPipeline.Leads;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Samples.Generation;

/// <summary>
/// Generates the sample: one pass over the business days of the two years, opening each rep's new deals (and the leads
/// they came from) day by day, walking each deal through the pipeline to its close or to the as-of instant, then the
/// contracts and payments of the won deals and the quotas.
/// </summary>
/// <remarks>Not thread-safe: one instance per <see cref="SampleData.Create"/> call, used once.</remarks>
internal sealed partial class SampleGenerator
{
    private readonly SampleRandom random = new(SampleCatalog.Seed);
    private readonly SampleClock clock;
    private readonly Instant asOf;
    private readonly Instant start;
    private readonly PipelineDefinition pipeline = SampleCatalog.BuildPipeline();
    private readonly SalesOrg organization = SampleCatalog.BuildOrganization();
    private readonly IReadOnlyList<string> customers = SampleCatalog.CustomerNames();
    private readonly string[] openStageIds;
    private readonly List<DealPlan> plans = [];
    private readonly List<Activity> activities = [];
    private readonly List<Lead> leads = [];
    private int nextDeal = 10_001;
    private int nextLead = 50_001;

    private SampleGenerator(DateTimeZone zone)
    {
        clock = new SampleClock(zone, random);
        asOf = SampleCatalog.AsOf.AtStartOfDayInZone(zone).ToInstant();
        start = SampleCatalog.FirstDay.AtStartOfDayInZone(zone).ToInstant();
        openStageIds = pipeline.OpenStages.Select(s => s.Id).ToArray();
    }

    public static SampleData Generate()
    {
        var zone = DateTimeZoneProviders.Tzdb[SampleCatalog.ZoneId];
        var generator = new SampleGenerator(zone);
        return generator.Run(zone);
    }

    private SampleData Run(DateTimeZone zone)
    {
        for (var day = SampleCatalog.FirstDay; day < SampleCatalog.AsOf; day = day.PlusDays(1))
        {
            if (day.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
            {
                continue;
            }
            // The day's new deals are planned in the order they are opened, so that deal ids follow creation time.
            var opened = new List<(Instant At, RepSpec Rep)>();
            foreach (var rep in SampleCatalog.Reps)
            {
                if (OpensDeal(rep, day))
                {
                    opened.Add((clock.OfficeHours(day), rep));
                }
                OpenLostLeadsOf(rep, day);
            }
            var story = StoryDealOn(day);
            // OrderBy is stable (List.Sort is not, and its order of ties is not promised across runtimes).
            foreach (var (at, rep) in opened.OrderBy(o => o.At))
            {
                if (story is { } s && s.At <= at)
                {
                    s.Plan();
                    story = null;
                }
                PlanDeal(rep, SampleCatalog.TeamOf(rep), at);
            }
            story?.Plan();
        }
        var deals = pipeline.Import(plans.Select(p => p.ToImport()), asOf).GetDealsOrThrow();
        var byId = plans.ToDictionary(p => p.Id);
        var contracts = Contracts(deals, byId);
        return new SampleData(
            SampleCatalog.AsOf,
            asOf,
            zone,
            Currency.USD,
            SampleCatalog.Calendar,
            pipeline,
            organization,
            deals,
            // Read-only views, so that no caller can change a shared sample (OrderBy is stable: ties keep their order).
            leads.OrderBy(l => l.CreatedAt).ThenBy(l => l.Id.Value, System.StringComparer.Ordinal).ToList().AsReadOnly(),
            activities.OrderBy(a => a.At).ToList().AsReadOnly(),
            Quotas(),
            contracts
        );
    }
}
