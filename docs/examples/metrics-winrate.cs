#:project ../../src/SalesPipeline.Core/SalesPipeline.Core.csproj
// The win-rate, leaderboard, loss, competitor and activity walkthrough of docs/metrics.md: ten deals closed
// in Q1 2026, one still open, a few meetings and demos.
using NodaTime;
using SalesPipeline;
using SalesPipeline.Activities;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Metrics;
using SalesPipeline.Pipelines;

var pipeline = PipelineDefinition.CreateBuilder("Simple").Stage("Discovery", 0.2m).Stage("Proposal", 0.5m).Won("Won").Lost("Lost").Build();
var start = Instant.FromUtc(2026, 1, 5, 9, 0);
Deal NewDeal(string id, string owner, decimal amount) =>
    Deal.Open(pipeline, new DealId(id), id, owner, Money.Of(amount, Currency.USD), new LocalDate(2026, 3, 31), start);
Instant OnDay(int day) => start.Plus(Duration.FromDays(day));

// Eight won at USD 10,000: alice five, bob three. D5 had Globex competing.
var deals = new List<Deal>();
for (var i = 1; i <= 8; i++)
{
    var deal = NewDeal($"D{i}", i <= 5 ? "alice" : "bob", 10_000m);
    if (i == 5)
    {
        deal = pipeline.ApplyOrThrow(deal, DealCommand.NoteCompetitor("Globex", OnDay(1), "alice"));
    }
    deal = pipeline.Move(deal, "proposal", OnDay(2 * i), deal.Owner!);
    deals.Add(pipeline.Win(deal, OnDay(2 * i + 5), deal.Owner!));
}

// Two lost: D9 on price from Discovery (USD 10,000), D10 to Globex from Proposal (USD 30,000). D11 is still open.
deals.Add(pipeline.Lose(NewDeal("D9", "bob", 10_000m), LossReason.Price, OnDay(20), "bob"));
var d10 = pipeline.Move(NewDeal("D10", "bob", 30_000m), "proposal", OnDay(3), "bob");
deals.Add(pipeline.Lose(d10, LossReason.Competitor, OnDay(25), "bob", competitor: "Globex"));
deals.Add(pipeline.ApplyOrThrow(NewDeal("D11", "alice", 50_000m), DealCommand.NoteCompetitor("Globex", OnDay(4), "alice")));

var q1 = new WinRateOptions().Within(FiscalCalendar.Calendar.Quarter(2026, 1));
var rate = WinRate.Of(deals, q1);
Console.WriteLine(rate); // 8/10 won = 80.0% [49.0%, 94.3%]; by value 66.7% (USD 80,000.00 of USD 120,000.00)

var created = WinRate.Of(deals, q1 with { Definition = WinRateDefinition.Created });
Console.WriteLine(created.CountRate); // 8 of 11 created in Q1: 0.7272...

Console.WriteLine(WinRate.By(deals, Breakdown.Owner, q1)); // alice 5/5, bob 3/5
Console.WriteLine(WinRate.ByCompetitor(deals, q1)); // Globex 1/2, (none) 7/8

var board = Leaderboard.Of(deals, [], LeaderboardMeasure.WinRate, options: q1, minimumSample: 5);
Console.WriteLine(board); // 1. alice (5/5), 2. bob (3/5)

var losses = LossAnalysis.Of(deals, q1);
Console.WriteLine(losses); // price 1 (50%), USD 10,000 (25%); competitor 1 (50%), USD 30,000 (75%)

var competitors = CompetitorAnalysis.Of(deals, q1);
Console.WriteLine(competitors["Globex"]); // 3 deals (1 open), 1/2 won, lost to them 1, USD 30,000.00

var d1 = deals[0];
Activity[] activities =
[
    Activity.ForDeal(ActivityKind.Demo, OnDay(0), "alice", d1.Id, ActivityOutcome.Completed), // D1 moves on day 2
    Activity.ForDeal(ActivityKind.Meeting, OnDay(10), "alice", d1.Id, ActivityOutcome.Completed), // won on day 7: before it
    Activity.ForDeal(ActivityKind.Call, OnDay(1), "alice", d1.Id, ActivityOutcome.Connected), // not a meeting or demo
];
var progress = ActivityProgress.Of(deals, activities);
Console.WriteLine(progress.Total); // 1/2 = 50.0% [9.5%, 90.5%], 0 pending

var months = FiscalCalendar.Calendar.Months(2026);
Console.WriteLine(ActivityReport.Of(activities, months).CountOf("alice", months[0].Label)); // 3
