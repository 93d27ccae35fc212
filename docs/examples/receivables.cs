#:project ../../src/SalesPipeline.Core/SalesPipeline.Core.csproj
// The receivables walkthrough of docs/receivables.md: a small book of contracts aged, their collection progress and the
// collected-cash leaderboard, the cash forecast by month with won and open deals, and DSO over a quarter.
using NodaTime;
using SalesPipeline;
using SalesPipeline.Calendars;
using SalesPipeline.Collections;
using SalesPipeline.Deals;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;

// The book
var org = SalesOrg
    .CreateBuilder("Acme")
    .Team("east", "East")
    .Team("west", "West")
    .Rep("alice", "Alice", "east")
    .Rep("bob", "Bob", "west")
    .Build();
var thirtyThenTwoMonthly = PaymentTerms.Create(
    TermsLine.Percentage(30m, DueRule.DaysAfterStart(0)),
    TermsLine.Balance(DueRule.MonthsAfterStart(1), instalments: 2)
);
var allOnSigning = PaymentTerms.Create(TermsLine.Percentage(100m, DueRule.DaysAfterStart(0)));
var halfThenGoLive = PaymentTerms.Create(
    TermsLine.Percentage(50m, DueRule.DaysAfterStart(0)),
    TermsLine.Percentage(50m, DueRule.OnMilestone("go-live"))
);
var usd = Currency.USD;
CollectionSchedule[] book =
[
    CollectionSchedule
        .Create(Money.Of(10_000m, usd), new LocalDate(2026, 1, 31), thirtyThenTwoMonthly, new ContractInfo("C-1", "Globex", "alice"))
        .Record(new Payment("WIRE-1", new LocalDate(2026, 2, 2), Money.Of(4_000m, usd))),
    CollectionSchedule.Create(Money.Of(1_000m, usd), new LocalDate(2026, 4, 10), allOnSigning, new ContractInfo("C-2", "Initech", "bob")),
    CollectionSchedule.Create(Money.Of(900m, usd), new LocalDate(2025, 12, 1), allOnSigning, new ContractInfo("C-3", "Globex", "alice")),
    CollectionSchedule
        .Create(Money.Of(2_000m, usd), new LocalDate(2026, 3, 1), halfThenGoLive, new ContractInfo("C-4", "Umbrella", "bob"))
        .Record(new Payment("CHK-4", new LocalDate(2026, 3, 1), Money.Of(1_000m, usd))),
];
var asOf = new LocalDate(2026, 4, 10);

// Aging
var aging = Aging.Of(book, asOf, organization: org);
Console.WriteLine(aging);
var custom = Aging.Of(book, asOf, AgingBuckets.Create(15, 45));
Console.WriteLine(string.Join(", ", custom.Total.Buckets.Select((m, i) => $"{custom.Buckets.Labels[i]}: {m.Amount}")));
Check(aging.Total.Total == Money.Of(7_900m, usd), "aging total");

// Collection progress
var progress = CollectionProgress.Of(book, asOf, org);
Console.WriteLine(progress);
foreach (var entry in progress.RepLeaderboard)
{
    Console.WriteLine(entry); // 1. alice USD 4,000.00 / 2. bob USD 1,000.00
}
Check(progress.Total.Due == Money.Of(12_900m, usd), "progress due");

// Cash forecast
var simple = PipelineDefinition.CreateBuilder("Simple").Stage("Proposal", 0.25m, ForecastCategory.BestCase).Won("Won").Lost("Lost").Build();
var opened = Instant.FromUtc(2026, 3, 1, 9, 0);
var wonDeal = simple.Win(
    Deal.Open(simple, new DealId("D-W"), "Wayne", "alice", Money.Of(2_000m, usd), new LocalDate(2026, 4, 30), opened),
    Instant.FromUtc(2026, 4, 20, 10, 0),
    "alice"
);
var openDeal = Deal.Open(simple, new DealId("D-O"), "Oscorp", "bob", Money.Of(10_000m, usd), new LocalDate(2026, 5, 15), opened);
var halfNowHalfIn30 = PaymentTerms.Create(
    TermsLine.Percentage(50m, DueRule.DaysAfterStart(0)),
    TermsLine.Balance(DueRule.DaysAfterStart(30))
);
var months = FiscalCalendar.Calendar.Months(2026).Skip(3).Take(2); // April and May 2026
var cash = CashForecast.Of(
    book,
    asOf,
    months,
    new CashForecastOptions
    {
        DefaultTerms = halfNowHalfIn30,
        WonDeals = [wonDeal],
        OpenDeals = [openDeal],
        Pipeline = simple,
    }
);
Console.WriteLine(cash);
Check(cash.Lines.Sum(l => l.Scheduled.Amount) == 8_900m, "forecast adds up to what is still owed");

// DSO
var dso = DaysSalesOutstanding.Of(book, FiscalCalendar.Calendar.Quarter(2026, 1));
Console.WriteLine(dso); // 6,900 / 11,000 x 90 = 56.5 days
Check(Math.Round(dso.Value!.Value, 2) == 56.45m, "DSO");

static void Check(bool condition, string what)
{
    if (!condition)
    {
        Console.Error.WriteLine("FAILED: " + what);
        Environment.Exit(1);
    }
}
