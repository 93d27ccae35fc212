#:project ../../src/SalesPipeline.Core/SalesPipeline.Core.csproj
// The sales cycle, lead response time and sales velocity walkthrough of the metrics docs (docs/metrics.md):
// a Kaplan-Meier sales cycle on the published 6-MP data, lead response times, a quarter's velocity and what moved it.
using NodaTime;
using SalesPipeline;
using SalesPipeline.Activities;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Leads;
using SalesPipeline.Metrics;
using SalesPipeline.Pipelines;

var pipeline = PipelineDefinition
    .CreateBuilder("Inbound")
    .Stage("Working", 0.5m, ForecastCategory.Pipeline)
    .Won("Won")
    .Lost("Lost")
    .Build();
var start = Instant.FromUtc(2026, 1, 1, 0, 0);
var asOf = Instant.FromUtc(2026, 7, 1, 0, 0);
var n = 0;
Deal NewDeal(Instant created, decimal amount = 1_000m, string owner = "alice") =>
    Deal.Open(pipeline, new DealId($"D-{++n}"), "Deal", owner, Money.Of(amount, Currency.USD), new LocalDate(2026, 12, 31), created);

// The 6-MP group of Freireich's trial as deals: a time t (days) is a deal won t days after creation; a censored
// time t* is a deal still open at asOf, created t days before it.
double[] closedAfter = [6, 6, 6, 7, 10, 13, 16, 22, 23];
double[] openFor = [6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35];
var cycleDeals = new List<Deal>();
foreach (var days in closedAfter)
{
    cycleDeals.Add(pipeline.Win(NewDeal(start), start + Duration.FromDays((int)days), "alice"));
}
foreach (var days in openFor)
{
    cycleDeals.Add(NewDeal(asOf - Duration.FromDays((int)days)));
}

var cycle = SalesCycle.Of(cycleDeals, asOf);
Console.WriteLine(cycle);

// median 23 days (95% log-log CI 13 .. not reached); restricted mean to 35 days: 23.29; naive won mean 12.11
Check(cycle.MedianDays == 23 && cycle.MedianLowerDays == 13 && cycle.MedianUpperDays is null, "cycle median");
Check(Math.Abs(cycle.RestrictedMeanDays!.Value - 23.287395) < 1e-6, "restricted mean");
Check(Math.Abs(cycle.NaiveMeanWonDays!.Value - 109.0 / 9) < 1e-12, "naive mean");

var toWin = SalesCycle.Of(cycleDeals, asOf, new SalesCycleOptions { Outcome = SalesCycleOutcome.Won, Interval = SurvivalInterval.Log });
Console.WriteLine($"time to win: median {toWin.MedianDays} days, 95% log CI from {toWin.MedianLowerDays}");
Check(toWin.MedianLowerDays == 16, "log interval");

var created = Instant.FromUtc(2026, 4, 1, 8, 0);
Instant At(double hours) => created + Duration.FromMinutes((long)(hours * 60));
Lead[] leads =
[
    Lead.Create(new LeadId("L-1"), "Globex", LeadSource.Web, "alice", At(0)).Touch(At(1)),
    Lead.Create(new LeadId("L-2"), "Initech", LeadSource.Phone, "bob", At(10)).Touch(At(12)),
    Lead.Create(new LeadId("L-3"), "Umbrella", LeadSource.Web, "alice", At(20)),
    Lead.Create(new LeadId("L-4"), "Hooli", LeadSource.Web, "bob", At(30)).Touch(At(40)),
    Lead.Create(new LeadId("L-5"), "Stark", LeadSource.Referral, "alice", At(40)).Touch(At(70)),
    Lead.Create(new LeadId("L-6"), "Wayne", LeadSource.Web, "alice", At(70)),
    Lead.Create(new LeadId("L-7"), "Acme", LeadSource.Web, "bob", At(98)),
];
var calls = ActivityIndex.Create([Activity.ForLead(ActivityKind.Call, At(24), "alice", new LeadId("L-3"))]);

var response = LeadResponseTime.Of(leads, calls, At(100));
Console.WriteLine(response);

// 7 leads, 5 touched (1, 2, 4, 10, 30 h): median 4 h, mean 9.4 h, P90 22 h; 1 late; L-6 overdue (30 h); L-7 waiting
Check(response.MedianHours == 4 && Math.Abs(response.Percentile(0.9)!.Value - 22) < 1e-9, "response percentiles");
foreach (var owner in LeadResponseTime.By(leads, calls, At(100), Breakdown.Owner))
{
    Console.Write(owner);
}

var q1 = FiscalCalendar.Calendar.Quarters(2026)[0];
var q2 = FiscalCalendar.Calendar.Quarters(2026)[1];
var deals = new List<Deal>();
void Add(int count, Func<int, Deal> make)
{
    for (var i = 0; i < count; i++)
    {
        deals.Add(make(i));
    }
}
var q1Start = Instant.FromUtc(2026, 1, 5, 0, 0);
var q2Start = Instant.FromUtc(2026, 4, 6, 0, 0);

// Q1: 10 won for 25,000 each after 50 days, 15 lost; Q2: 10 won for 20,000 each after 40 days, 10 lost.
Add(10, _ => pipeline.Win(NewDeal(q1Start, 25_000m), q1Start + Duration.FromDays(50), "alice"));
Add(15, _ => pipeline.Lose(NewDeal(q1Start), LossReason.Price, q1Start + Duration.FromDays(20), "alice"));
Add(10, _ => pipeline.Win(NewDeal(q2Start, 20_000m, "bob"), q2Start + Duration.FromDays(40), "bob"));
Add(10, _ => pipeline.Lose(NewDeal(q2Start, 1_000m, "bob"), LossReason.Timing, q2Start + Duration.FromDays(20), "bob"));

// 40 deals created in Q1 and 10 in Q2 are still open: 40 open at the end of Q1, 50 at the end of Q2.
Add(40, _ => NewDeal(q1Start));
Add(10, _ => NewDeal(q2Start, 1_000m, "bob"));

var before = SalesVelocity.Of(deals, q1);
var after = SalesVelocity.Of(deals, q2);
Console.WriteLine(before);
Console.WriteLine(after);

// Q1: N 40 x A 25,000 x W 0.4 / C 50 = USD 8,000.00 per day; Q2: N 50 x A 20,000 x W 0.5 / C 40 = USD 12,500.00 per day

Console.WriteLine(after.RevenueOver(91)); // USD 1,137,500.00: 12,500 x 91 days of Q3
Check(after.RevenueOver(91) == Money.Of(1_137_500m, Currency.USD), "revenue over a horizon");

var change = SalesVelocity.Compare(before, after);
Console.WriteLine(change);

// Change +4,500.00 USD/day = open deals +2,268.75 + average won -2,306.25 + win rate +2,268.75 + cycle +2,268.75
Check(before.PerDay == Money.Of(8_000m, Currency.USD) && after.PerDay == Money.Of(12_500m, Currency.USD), "velocity");
Check(change.OpenDeals == Money.Of(2_268.75m, Currency.USD) && change.AverageWonAmount == Money.Of(-2_306.25m, Currency.USD), "levers");
Check(change.OpenDeals! + change.AverageWonAmount! + change.WinRate! + change.CycleLength! == change.Change, "levers add up");

foreach (var owner in SalesVelocity.By(deals, q2, Breakdown.Owner))
{
    Console.WriteLine(owner);
}

var part1 = new SalesVelocityAccumulator(q2, Currency.USD);
var part2 = new SalesVelocityAccumulator(q2, Currency.USD);
part1.AddRange(deals.Take(50));
part2.AddRange(deals.Skip(50));
part1.Merge(part2);
Check(part1.Result() == after, "merge");
Console.WriteLine("merged parts give the whole: " + (part1.Result() == after));

static void Check(bool condition, string what)
{
    if (!condition)
    {
        throw new InvalidOperationException("The example no longer gives the documented numbers: " + what);
    }
}
