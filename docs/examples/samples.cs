#:project ../../src/SalesPipeline.Samples/SalesPipeline.Samples.csproj
// The sample data set of docs/samples.md: generated, then its warning signs as the health check, attainment and aging
// see them on 1 July 2026. CI runs this file.
using SalesPipeline;
using SalesPipeline.Activities;
using SalesPipeline.Collections;
using SalesPipeline.Health;
using SalesPipeline.Samples;
using SalesPipeline.Targets;

var sample = SampleData.Create();
var health = PipelineHealth.Inspect(
    sample.Deals,
    sample.Pipeline,
    sample.AsOfInstant,
    sample.HealthPolicy,
    new HealthInputs { Activities = ActivityIndex.Create(sample.Activities), Leads = sample.Leads }
);
Console.WriteLine(health.Shortlist);

Console.WriteLine($"{sample.Organization}; {sample.Deals.Count} deals, {sample.Leads.Count} leads, {sample.Activities.Count} activities");
foreach (var finding in health.FindingsOf(FindingKind.CrowdedStage))
{
    Console.WriteLine(finding.Message); // 149 of the 303 open deals (49.2%) are in stage qualified (limit 40%).
}

// Q3 2026 coverage per rep, at a 21% win rate: Nathan's is far below what his quota needs.
var q3 = sample.Calendar.QuarterContaining(sample.AsOf);
var attainment = Attainment.Of(
    sample.Deals,
    sample.Pipeline,
    sample.Quotas.Where(q => q.Period == q3 && q.Level == QuotaLevel.Person),
    new AttainmentOptions
    {
        ForecastOptions = new()
        {
            AsOf = sample.AsOf,
            Organization = sample.Organization,
            Zone = sample.Zone,
        },
        WinRate = 0.21m,
    }
);
Console.WriteLine(attainment[q3, "nathan"]); // ... open USD 35,500.00 ... coverage 0.15x (required 4.76x)

var aging = Aging.Of(sample.Contracts, sample.AsOf, organization: sample.Organization);
for (var i = 0; i < aging.Buckets.Count; i++)
{
    Console.WriteLine($"{aging.Buckets.Labels[i], -8} {aging.Total.Buckets[i]}");
}
