#:project ../../src/SalesPipeline.Core/SalesPipeline.Core.csproj
// The opening walkthrough of docs/metrics.md: activities and the last-touch rule, breakdowns, and one call of each
// metric on the same six deals. The sections' own walkthroughs are metrics-winrate.cs, metrics-funnel.cs and
// metrics-cycle.cs.
using NodaTime;
using SalesPipeline;
using SalesPipeline.Activities;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Leads;
using SalesPipeline.Metrics;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;

var pipeline = PipelineDefinition.Default;
var monday = Instant.FromUtc(2026, 1, 5, 9, 0);
Instant Day(int day) => monday.Plus(Duration.FromDays(day));

// Six deals opened on 5 January 2026: three won, two lost, one still open.
Deal Opened(string id, string owner, decimal amount, LeadSource source) =>
    Deal.Open(
        pipeline,
        new DealId(id),
        id,
        owner,
        Money.Of(amount, Currency.USD),
        new LocalDate(2026, 3, 31),
        monday,
        source: source,
        product: "CRM Suite"
    );
Deal Qualified(Deal deal, int day)
{
    foreach (var criterion in new[] { "use-case", "technical-fit", "budget" })
    {
        deal = pipeline.ApplyOrThrow(deal, DealCommand.Answer(criterion, Day(day), deal.Owner!));
    }
    return pipeline.Move(deal, "proposal", Day(day), deal.Owner!);
}
var deals = new List<Deal>
{
    pipeline.Win(Qualified(Opened("D-1", "alice", 30_000m, LeadSource.Web), 10), Day(30), "alice"),
    pipeline.Win(Qualified(Opened("D-2", "alice", 20_000m, LeadSource.Referral), 12), Day(40), "alice"),
    pipeline.Win(Qualified(Opened("D-3", "bob", 10_000m, LeadSource.Web), 8), Day(20), "bob"),
    pipeline.Lose(Opened("D-4", "bob", 25_000m, LeadSource.Web), LossReason.Price, Day(15), "bob", competitor: "Globex"),
    pipeline.Lose(Qualified(Opened("D-5", "alice", 15_000m, LeadSource.Web), 9), LossReason.NoDecision, Day(50), "alice"),
    Qualified(Opened("D-6", "bob", 40_000m, LeadSource.Referral), 14),
};

// Activities count toward a deal's last touch: the latest of its own events and the activities about it.
var activities = ActivityIndex.Create([
    Activity.ForDeal(ActivityKind.Call, Day(20), "bob", new DealId("D-6"), ActivityOutcome.Connected),
    Activity.ForDeal(ActivityKind.Demo, Day(25), "bob", new DealId("D-6"), ActivityOutcome.Completed),
]);
var openDeal = deals[5];
Console.WriteLine($"D-6 last touched {activities.LastTouchOf(openDeal)}"); // D-6 last touched 2026-01-30T09:00:00Z
Console.WriteLine($"... and as of 22 January {activities.LastTouchOf(openDeal, Day(17))}"); // ... and as of 22 January 2026-01-19T09:00:00Z

// Every breakdown groups deals by the same keys; a team includes its sub-teams.
var org = SalesOrg
    .CreateBuilder("Acme")
    .Team("emea", "EMEA")
    .Team("dach", "DACH", parent: "emea")
    .Rep("alice", "Alice", "dach")
    .Rep("bob", "Bob", "emea")
    .Build();
Console.WriteLine(string.Join(", ", BreakdownKeys.Of(deals[0], Breakdown.Team, org))); // dach, emea
Console.WriteLine(string.Join(", ", BreakdownKeys.Of(deals[0], Breakdown.Source))); // web

// Win rate: 3 won of 5 decided = 60% by count; by value 60,000 of 100,000 = 60%.
var rate = WinRate.Of(deals);
Console.WriteLine($"win rate {rate.CountRate:P0} by count, {rate.ValueRate:P0} by value"); // win rate 60 % by count, 60 % by value

// Funnel: all six reached Prospecting; D-4 was lost there. The other five jumped to Proposal with Qualified's criteria
// met, which counts as reaching Qualified (see "Funnel" below). Proposal: 3 won, 1 lost, 1 still there.
var funnel = Funnel.Of(deals, pipeline);
Console.WriteLine(funnel);

// Sales cycle: five closed after 15, 20, 30, 40 and 50 days; D-6 is censored at the as-of instant (day 60).
var cycle = SalesCycle.Of(deals, Day(60));
Console.WriteLine($"median cycle {cycle.MedianDays} days"); // median cycle 30 days

// Velocity over Q1 2026 (1 January to 31 March), read at the end of the window.
// N = 1 open (D-6), A = 60,000 / 3 = 20,000, W = 3 / 5, C = (30 + 40 + 20) / 3 = 30 days: V = 1 x 20,000 x 0.6 / 30 = 400 a day.
var velocity = SalesVelocity.Of(deals, FiscalCalendar.Calendar.Quarter(2026, 1));
Console.WriteLine(velocity);

// The figures the page states, worked out by hand there (and repeated here where they are not obvious).
static void Check(bool holds, string what)
{
    if (!holds)
    {
        throw new InvalidOperationException("docs/metrics.md example: " + what);
    }
}

// D-6's last touch: the demo on day 25 (30 January); as of day 17 (22 January), its move to Proposal on day 14.
Check(
    activities.LastTouchOf(openDeal) == Day(25) && Day(25) == Instant.FromUtc(2026, 1, 30, 9, 0),
    "D-6 was not last touched by the demo."
);
Check(
    activities.LastTouchOf(openDeal, Day(17)) == Instant.FromUtc(2026, 1, 19, 9, 0),
    "D-6 as of 22 January was not last touched by its move."
);
Check(
    string.Join(", ", BreakdownKeys.Of(deals[0], Breakdown.Team, org)) == "dach, emea"
        && string.Join(", ", BreakdownKeys.Of(deals[0], Breakdown.Source)) == "web",
    "D-1's team and source keys differ."
);

// 3 won of 5 decided; 30,000 + 20,000 + 10,000 = 60,000 won of 60,000 + 25,000 + 15,000 = 100,000 decided.
Check(rate.CountRate == 0.6m && rate.ValueRate == 0.6m, $"the win rate is {rate.CountRate} by count, {rate.ValueRate} by value.");
var prospecting = funnel["prospecting"];
var proposal = funnel["proposal"];
Check(prospecting.Reached == 6 && prospecting.Lost == 1 && funnel["qualified"].Reached == 5, "the funnel's first stages differ.");
Check(proposal.Reached == 5 && proposal.Won == 3 && proposal.Lost == 1 && proposal.StillIn == 1, "the funnel's Proposal differs.");

// Kaplan-Meier: S(15) = 5/6, S(20) = 2/3, S(30) = 1/2: the median is 30 days.
Check(cycle.MedianDays == 30, $"the median cycle is {cycle.MedianDays} days.");

// N = 1, A = 20,000, W = 0.6, C = 30: V = 1 x 20,000 x 0.6 / 30 = 400.00 a day.
Check(
    velocity.OpenDeals == 1
        && velocity.AverageWonAmount == Money.Of(20_000m, Currency.USD)
        && velocity.WinRate == 0.6m
        && velocity.AverageCycleDays == 30m
        && velocity.PerDay == Money.Of(400m, Currency.USD),
    $"the velocity is {velocity}."
);
