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

// The figures the page states, worked out by hand.
static void Check(bool holds, string what)
{
    if (!holds)
    {
        throw new InvalidOperationException("docs/metrics.md example (win rate): " + what);
    }
}

// 8 won of 10 decided; 80,000 won of 80,000 + 10,000 + 30,000 = 120,000 decided. Wilson at 95% for 8/10:
// (0.8 + 1.96^2/20 -+ 1.96 sqrt(0.8 x 0.2/10 + 1.96^2/400)) / (1 + 1.96^2/10) = (0.99208 -+ 0.31362) / 1.38415 = [0.4902, 0.9433].
Check(rate.Won == 8 && rate.Lost == 2 && rate.CountRate == 0.8m, $"the Q1 rate is {rate}.");
Check(rate.WonValue == Money.Of(80_000m, Currency.USD) && rate.LostValue == Money.Of(40_000m, Currency.USD), $"the values are {rate}.");
Check(
    rate.CountInterval is { } ci && Math.Round(ci.Lower, 3) == 0.490 && Math.Round(ci.Upper, 3) == 0.943,
    $"the interval is {rate.CountInterval}."
);

// By creation: eight won of the eleven created in Q1.
Check(created.CountRate == 8m / 11m, $"the rate by creation is {created.CountRate}.");
var byOwner = WinRate.By(deals, Breakdown.Owner, q1);
Check(byOwner["alice"] is { Won: 5, Lost: 0 } && byOwner["bob"] is { Won: 3, Lost: 2 }, "alice is not 5/5 or bob not 3/5.");

// Globex competed for D5 (won), D10 (lost to them) and D11 (open); the other seven won and D9 lost have none.
var byCompetitor = WinRate.ByCompetitor(deals, q1);
Check(byCompetitor["Globex"] is { Won: 1, Lost: 1 } && byCompetitor["(none)"] is { Won: 7, Lost: 1 }, "the rates by competitor differ.");
Check(string.Join(", ", board.Ranked.Select(e => $"{e.Rank}. {e.Key}")) == "1. alice, 2. bob", "the leaderboard differs.");

// Two losses: price 10,000 and competitor 30,000: one each (50%), 25% and 75% of the 40,000 lost.
var byReason = losses.Reasons.ToDictionary(r => r.Reason, r => r.Figures);
Check(
    byReason[LossReason.Price] == new LossFigures(1, Money.Of(10_000m, Currency.USD), 0.5m, 0.25m)
        && byReason[LossReason.Competitor] == new LossFigures(1, Money.Of(30_000m, Currency.USD), 0.5m, 0.75m),
    "the loss reasons differ."
);
var globex = competitors["Globex"]!;
Check(
    globex.Deals == 3
        && globex.OpenDeals == 1
        && globex.Rate is { Won: 1, Lost: 1 }
        && globex.LostTo == 1
        && globex.LostToValue == Money.Of(30_000m, Currency.USD),
    $"Globex is {globex}."
);

// Of the demo (followed by D1's move on day 2) and the meeting (after D1 was won on day 7) one progressed: 1/2. Wilson
// for 1/2: (0.5 + 1.96^2/4 -+ 1.96 sqrt(0.5 x 0.5/2 + 1.96^2/16)) / (1 + 1.96^2/2) = (1.4604 -+ 1.1843) / 2.9208
// = [0.0945, 0.9055].
Check(progress.Total is { Activities: 2, Progressed: 1, Pending: 0 } && progress.Total.Rate == 0.5m, $"the progress is {progress.Total}.");
Check(
    progress.Total.Interval is { } pi && Math.Round(pi.Lower, 3) == 0.095 && Math.Round(pi.Upper, 3) == 0.905,
    $"the progress interval is {progress.Total.Interval}."
);
Check(ActivityReport.Of(activities, months).CountOf("alice", months[0].Label) == 3, "alice's January is not three activities.");
