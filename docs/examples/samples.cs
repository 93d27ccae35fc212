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

// The page's figures, worked out from the sample's deals and quotas rather than read from the reports above.
var open = sample.Deals.Where(d => d.IsOpen).ToList();
var openInQualified = open.Count(d => d.StageId == "qualified");
var crowded = health.FindingsOf(FindingKind.CrowdedStage).ToList();
if (open.Count != 303 || openInQualified != 149 || crowded.Count != 1)
{
    throw new InvalidOperationException(
        $"docs/samples.md example: {openInQualified} of {open.Count} open deals in qualified, {crowded.Count} crowded stage(s); the page says 149 of 303, one."
    );
}

// 149 / 303 = 0.49174... = 49.2%, above the limit of 40%.
if (crowded[0].Message != "149 of the 303 open deals (49.2%) are in stage qualified (limit 40%).")
{
    throw new InvalidOperationException($"docs/samples.md example: the crowded stage reads \"{crowded[0].Message}\".");
}

// Nathan's quota is USD 240,000 with nothing won yet in Q3, so coverage = 35,500 / 240,000 = 0.1479 (0.15x), and at a
// 21% win rate the pipeline must be 1 / 0.21 = 4.7619 (4.76x) times what remains.
var nathan = attainment[q3, "nathan"];
var nathanOpen = Money.Sum(open.Where(d => d.Owner == "nathan" && q3.Contains(d.ExpectedClose)).Select(d => d.Amount), sample.Currency);
if (
    nathanOpen != Money.Of(35_500m, sample.Currency)
    || nathan.OpenPipeline != nathanOpen
    || nathan.Target != Money.Of(240_000m, sample.Currency)
    || !nathan.Won.IsZero
    || decimal.Round(nathan.Coverage!.Value, 2) != 0.15m
    || decimal.Round(nathan.RequiredCoverage!.Value, 2) != 4.76m
)
{
    throw new InvalidOperationException(
        $"docs/samples.md example: Nathan's Q3 line is {nathan}; the page says USD 35,500 open of 240,000, 0.15x of 4.76x."
    );
}

// The aging buckets of the page's table: current, 1-30, 31-60, 61-90 and over 90 days overdue.
decimal[] buckets = [65_350m, 391_725m, 241_587.50m, 147_562.50m, 268_550m];
if (!aging.Total.Buckets.Select(b => b.Amount).SequenceEqual(buckets))
{
    throw new InvalidOperationException($"docs/samples.md example: the aging buckets are {string.Join(", ", aging.Total.Buckets)}.");
}
