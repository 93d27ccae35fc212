#:project ../../src/SalesPipeline.Core/SalesPipeline.Core.csproj
// The pipeline-health walkthrough of docs/health.md: a small team's pipeline on 1 April 2026, its warning signs, the
// coverage of its Q2 target, and the review shortlists. CI runs this file; a test checks the page's blocks match it.
using NodaTime;
using SalesPipeline;
using SalesPipeline.Activities;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Health;
using SalesPipeline.Leads;
using SalesPipeline.Pipelines;

var pipeline = PipelineDefinition.Default;
Instant At(int month, int day) => Instant.FromUtc(2026, month, day, 9, 0);
string[] criteria = ["use-case", "technical-fit", "budget"];

// Opens a deal and moves it straight to its stage (answering Qualified's questions on the way).
Deal Open(string id, string name, string owner, decimal amount, LocalDate close, Instant created, string stage)
{
    var deal = Deal.Open(pipeline, new DealId(id), name, owner, Money.Of(amount, Currency.USD), close, created);
    if (stage == "prospecting")
    {
        return deal;
    }
    foreach (var criterion in criteria)
    {
        deal = pipeline.Answer(deal, criterion, created, owner);
    }
    return pipeline.Move(deal, stage, created, owner);
}

Deal Won(string id, string name, decimal amount, Instant created, Instant won) =>
    pipeline.Win(Open(id, name, "alice", amount, new LocalDate(2026, 3, 31), created, "negotiation"), won, "alice");

// The team's deals
var initech = Open("D-103", "Initech", "bob", 50_000m, new LocalDate(2026, 4, 30), At(3, 10), "negotiation");
initech = pipeline.ApplyOrThrow(initech, DealCommand.ChangeExpectedCloseTo(new LocalDate(2026, 5, 15), At(3, 12), "bob"));
initech = pipeline.ApplyOrThrow(initech, DealCommand.ChangeExpectedCloseTo(new LocalDate(2026, 6, 15), At(3, 20), "bob"));
Deal[] deals =
[
    Open("D-101", "Acme", "alice", 100_000m, new LocalDate(2026, 5, 15), At(3, 15), "proposal"),
    Open("D-102", "Globex", "alice", 80_000m, new LocalDate(2026, 3, 20), At(2, 1), "proposal"),
    initech,
    Open("D-104", "Hooli", "bob", 300_000m, new LocalDate(2026, 6, 30), At(3, 1), "prospecting"),
    Open("D-105", "Umbrella", "alice", 250_000m, new LocalDate(2026, 6, 15), At(3, 28), "negotiation"),
    Won("D-090", "Stark", 20_000m, At(1, 5), At(1, 25)), // won in 20 days
    Won("D-091", "Wayne", 30_000m, At(1, 5), At(2, 4)), // 30 days
    Won("D-092", "Tyrell", 40_000m, At(1, 5), At(2, 14)), // 40 days
];
var activities = ActivityIndex.Create([
    Activity.ForDeal(ActivityKind.Meeting, At(3, 31), "alice", new DealId("D-105"), ActivityOutcome.Completed),
]);
var leads = new[] { Lead.Create(new LeadId("L-17"), "Cyberdyne (Miles Dyson)", LeadSource.Web, "bob", At(3, 27)) };

// The policy: the defaults, with two changes for a small team
var policy = HealthPolicy.Default with
{
    MinOpenDealsForShares = 5, // judge stage shares from 5 open deals (default 10)
    RottingAfterByStage = new Dictionary<string, Duration> { ["negotiation"] = Duration.FromDays(21) },
};

// Inspect as of 1 April 2026, with the Q2 target and a 30% win rate
var report = PipelineHealth.Inspect(
    deals,
    pipeline,
    asOf: Instant.FromUtc(2026, 4, 1, 9, 0),
    policy,
    new HealthInputs
    {
        Activities = activities,
        Leads = leads,
        Coverage = new CoverageGoal(FiscalCalendar.Calendar.Quarter(2026, 2), Money.Of(600_000m, Currency.USD), winRate: 0.30m),
    }
);
Console.WriteLine(report);

// Pipeline health as of 2026-04-01T09:00:00Z: 5 open deals, 4 at risk, 13 findings
// pipeline: 4 of the 5 open deals (80%) are in the late stages proposal, negotiation (limit 50%).
// pipeline: Open pipeline USD 700,000.00 expected to close in 2026-Q2 covers 1.16x the remaining target USD 600,000.00; at a 30% win rate it needs 3.33x.
// D-101: No touch for 17 days (limit 14 days).
// D-102: No touch for 59 days (limit 14 days).
// D-102: In stage proposal for 59 days (limit 30 days).
// D-102: Expected close date passed 12 days ago (grace 0 days).
// D-102: Open for 59 days, longer than the typical won cycle of 30 days.
// D-103: In stage negotiation for 22 days (limit 21 days).
// D-103: Close date pushed out 2 times (limit 1).
// D-104: No touch for 31 days (limit 14 days).
// D-104: In stage prospecting for 31 days (limit 30 days).
// D-104: Open for 31 days, longer than the typical won cycle of 30 days.
// L-17: Never touched since it arrived 5 days ago (limit 2 days).

// The review shortlists: the whole team's, and Bob's
Console.WriteLine(report.Shortlist);
Console.WriteLine(report.ShortlistFor("bob"));

// The numbers behind the checks
Console.WriteLine($"Typical won cycle: {report.TypicalWonCycle} ({report.TypicalCycleSource})"); // 30:00:00:00 (MedianOfWonDeals)
Console.WriteLine(report.Coverage); // 2026-Q2: open USD 700,000.00 / remaining USD 600,000.00 = 1.16x (needs 3.33x at 30%)

// The walkthrough's numbers, checked
Check(report.Findings.Count == 13, "13 findings");
Check(report.Shortlist.Deals.Select(d => d.Name).SequenceEqual(["Acme", "Globex", "Initech"]), "shortlist Acme, Globex, Initech");
Check(report.ShortlistFor("bob").Deals.Select(d => d.Name).SequenceEqual(["Initech", "Hooli"]), "Bob: Initech, Hooli");
Check(report.TypicalWonCycle == Duration.FromDays(30), "typical cycle 30 days");
Check(report.Coverage!.OpenPipeline == Money.Of(700_000m, Currency.USD), "open pipeline 700,000");

static void Check(bool condition, string what)
{
    if (!condition)
    {
        throw new InvalidOperationException("The walkthrough's numbers changed: " + what);
    }
}
