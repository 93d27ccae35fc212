#:project ../../src/SalesPipeline.Core/SalesPipeline.Core.csproj
// The walkthrough of docs/targets.md: an annual quota broken into quarters, months and weeks, a team's quota split among
// its reps, and the sales plan completion report (target vs won vs pipeline). Every figure printed is checked against
// the value worked out by hand in the page, so the script fails if the two ever disagree.
using NodaTime;
using SalesPipeline;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;
using SalesPipeline.Targets;

static void Expect(object actual, object expected)
{
    if (!Equals(actual, expected))
    {
        throw new InvalidOperationException($"Expected {expected} but got {actual}.");
    }
}

static Money Usd(decimal amount) => Money.Of(amount, Currency.USD);

// ---- Fiscal calendar -------------------------------------------------------------------------------------------------

var july = FiscalCalendar.StartingIn(7);
var ides = new LocalDate(2026, 3, 15);
Console.WriteLine(july.QuarterContaining(ides)); // FY2026 Q3 (2026-01-01..2026-03-31)
Console.WriteLine(july.MonthContaining(ides)); // FY2026 M09 (2026-03) (2026-03-01..2026-03-31)
Console.WriteLine(july.WeekContaining(ides)); // FY2026 W37 (2026-03-09..2026-03-15)
Console.WriteLine(FiscalCalendar.Calendar.QuarterContaining(ides)); // 2026-Q1 (2026-01-01..2026-03-31)
Console.WriteLine(FiscalCalendar.Calendar.WithFiscalYearLabels().QuarterContaining(ides)); // FY2026 Q1 (2026-01-01..2026-03-31)
Expect(july.QuarterContaining(ides).ToString(), "FY2026 Q3 (2026-01-01..2026-03-31)");
Expect(july.MonthContaining(ides).ToString(), "FY2026 M09 (2026-03) (2026-03-01..2026-03-31)");
Expect(july.WeekContaining(ides).ToString(), "FY2026 W37 (2026-03-09..2026-03-15)");
Expect(FiscalCalendar.Calendar.QuarterContaining(ides).Label, "2026-Q1");
Expect(FiscalCalendar.Calendar.WithFiscalYearLabels().QuarterContaining(ides).Label, "FY2026 Q1");
Expect(FiscalCalendar.Calendar.WeekContaining(new LocalDate(2028, 2, 29)).ToString(), "2028 W10 (2028-02-28..2028-03-05)");
Expect(FiscalCalendar.StartingIn(2).WeekContaining(new LocalDate(2028, 2, 29)).ToString(), "FY2029 W05 (2028-02-28..2028-03-05)");
Expect(FiscalCalendar.StartingIn(10).MonthContaining(new LocalDate(2028, 2, 29)).Label, "FY2028 M05 (2028-02)");

// ---- Breaking an annual quota down -----------------------------------------------------------------------------------

var calendar = FiscalCalendar.Calendar;
var annual = Quota.ForTeam("emea", calendar.Year(2026), Money.Of(1_200_000m, Currency.USD));

var even = Quota.Decompose(annual, calendar);
Console.WriteLine(even.Quarters[0].Target); // USD 300,000.00
Console.WriteLine(even.Months[0].Target); // USD 100,000.00
Console.WriteLine(even.Weeks.Count); // 53: Jan 1-4, Jan 5-11, ..., Dec 28-31

decimal[] seasonal = [6, 6, 8, 8, 8, 10, 6, 6, 8, 10, 12, 12];
var plan = Quota.Decompose(annual, calendar, seasonal);
Console.WriteLine(plan);

Expect(even.Quarters[0].Target, Usd(300_000m));
Expect(even.Months[0].Target, Usd(100_000m));
Expect(even.Weeks.Count, 53);
Expect(plan.Months[0].Target, Usd(72_000m));
Expect(plan.Months[11].Target, Usd(144_000m));
Expect(plan.Quarters[1].Target, Usd(312_000m));
Expect(plan.Quarters[3].Target, Usd(408_000m));

var hundred = Quota.Decompose(Quota.ForPerson("alice", calendar.Year(2026), Usd(100m)), calendar);
Console.WriteLine(string.Join(", ", hundred.Months.Take(3).Select(m => m.Target))); // USD 8.34, USD 8.33, USD 8.33
Console.WriteLine(hundred.Quarters[0].Target); // USD 25.00

var yen = Quota.Decompose(Quota.ForPerson("kenji", calendar.Year(2026), Money.Of(1_000_000m, Currency.JPY)), calendar);
Console.WriteLine(string.Join(", ", yen.Months.Take(3).Select(m => m.Target))); // JPY 83,334, JPY 83,333, JPY 83,333

var fourFourFive = Quota.Decompose(annual, calendar, [4m, 4m, 5m, 4m, 4m, 5m, 4m, 4m, 5m, 4m, 4m, 5m]);
Console.WriteLine(string.Join(", ", fourFourFive.Months.Take(3).Select(m => m.Target))); // 92,307.69, 92,307.69, 115,384.62

var small = Quota.Decompose(Quota.ForPerson("alice", calendar.Year(2026), Usd(3_720m)), calendar);
Console.WriteLine(string.Join(", ", small.Weeks.Take(2).Select(w => w.Target))); // USD 40.00, USD 70.00

Expect(string.Join(", ", hundred.Months.Take(3).Select(m => m.Target)), "USD 8.34, USD 8.33, USD 8.33");
Expect(hundred.Quarters[0].Target, Usd(25m));
Expect(string.Join(", ", yen.Months.Take(3).Select(m => m.Target)), "JPY 83,334, JPY 83,333, JPY 83,333");
Expect(string.Join(", ", fourFourFive.Months.Take(3).Select(m => m.Target.Amount)), "92307.69, 92307.69, 115384.62");
Expect(fourFourFive.Quarters[0].Target, Usd(300_000m));
Expect(string.Join(", ", small.Weeks.Take(2).Select(w => w.Target)), "USD 40.00, USD 70.00");
Expect(small.Weeks[^1].Target, Usd(40m));

// ---- A team's quota among its reps -----------------------------------------------------------------------------------

var q1 = plan.Quarters[0]; // EMEA's Q1: USD 240,000.00
var reps = q1.SplitAmong(["alice", "bob", "erin"], [40m, 35m, 25m]);
Console.WriteLine(string.Join(", ", reps.Select(r => r.Target))); // USD 96,000.00, USD 84,000.00, USD 60,000.00

var assigned = QuotaAssignment.Of(q1, [reps[0], reps[1], Quota.ForPerson("erin", q1.Period, Usd(80_000m))]);
Console.WriteLine(assigned); // ... assigned USD 260,000.00 to 3 people (USD 20,000.00 over-assigned)

Expect(string.Join(", ", reps.Select(r => r.Target)), "USD 96,000.00, USD 84,000.00, USD 60,000.00");
Expect(assigned.Difference, Usd(20_000m));

// ---- Attainment --------------------------------------------------------------------------------------------------------

var pipeline = PipelineDefinition.Default;
var org = SalesOrg
    .CreateBuilder("Acme")
    .Team("emea", "EMEA", lead: "erin")
    .Rep("erin", "Erin", "emea")
    .Rep("alice", "Alice", "emea")
    .Rep("bob", "Bob", "emea")
    .Team("apac", "APAC")
    .Rep("dave", "Dave", "apac")
    .Build();
var at = Instant.FromUtc(2026, 1, 5, 9, 0);
Instant Next() => at += Duration.FromHours(1);

Deal Open(string id, string owner, decimal amount, LocalDate close, string stage)
{
    var deal = Deal.Open(pipeline, new DealId(id), id, owner, Usd(amount), close, Next());
    foreach (var criterion in new[] { "use-case", "technical-fit", "budget" })
    {
        deal = pipeline.Answer(deal, criterion, Next(), owner);
    }
    foreach (var s in pipeline.OpenStages.Skip(1).TakeWhile(s => pipeline.GetStage(stage).Index >= s.Index))
    {
        deal = pipeline.Move(deal, s.Id, Next(), owner);
    }
    return deal;
}

Deal Won(string id, string owner, decimal amount, Instant wonAt) =>
    pipeline.Win(Open(id, owner, amount, new LocalDate(2026, 12, 31), "negotiation"), wonAt, owner);

Deal[] deals =
[
    Won("Stark", "alice", 120_000m, Instant.FromUtc(2026, 2, 10, 12, 0)),
    Open("Globex", "alice", 400_000m, new LocalDate(2026, 3, 15), "proposal"),
    Open("Acme", "alice", 50_000m, new LocalDate(2026, 3, 20), "negotiation"),
    Won("Initech", "bob", 250_000m, Instant.FromUtc(2026, 3, 31, 23, 30)),
    Open("Hooli", "bob", 100_000m, new LocalDate(2026, 2, 28), "qualified"), // overdue on March 1
    Won("Umbrella", "bob", 30_000m, Instant.FromUtc(2026, 4, 1, 1, 0)), // Q2
    Won("Wayne", "dave", 50_000m, Instant.FromUtc(2026, 1, 20, 9, 0)),
    Open("Tyrell", "dave", 100_000m, new LocalDate(2026, 3, 10), "prospecting"),
];

var quarter = calendar.Quarter(2026, 1);
Quota[] quotas =
[
    Quota.ForPerson("alice", quarter, Usd(300_000m)),
    Quota.ForPerson("bob", quarter, Usd(200_000m)),
    Quota.ForTeam("emea", quarter, Usd(450_000m)),
    Quota.ForCompany("Acme", quarter, Usd(600_000m)),
];
var options = new AttainmentOptions
{
    ForecastOptions = new ForecastOptions { AsOf = new LocalDate(2026, 3, 1), Organization = org },
    WinRate = 0.25m, // the historical win rate, for example from WinRate.Of(closedDeals)
};

var report = Attainment.Of(deals, pipeline, quotas, options);
Console.WriteLine(report);

var alice = report[quarter, "alice"];

// Prints 0.4 USD 180,000.00 2.5 4 USD 270,000.00
Console.WriteLine($"{alice.CompletionRate} {alice.Gap} {alice.Coverage} {alice.RequiredCoverage} {alice.PipelineGap}");

Expect((alice.Won, alice.CompletionRate, alice.Gap), (Usd(120_000m), (decimal?)0.4m, Usd(180_000m)));
Expect((alice.OpenPipeline, alice.WeightedPipeline), (Usd(450_000m), Usd(240_000m)));
Expect(
    (alice.Coverage, alice.RequiredCoverage, alice.CoverageGap, alice.PipelineGap),
    ((decimal?)2.5m, (decimal?)4m, (decimal?)1.5m, Usd(270_000m))
);
var bob = report[quarter, "bob"];
Expect((bob.Won, bob.CompletionRate, bob.Gap, bob.Coverage), (Usd(250_000m), (decimal?)1.25m, Usd(-50_000m), (decimal?)null));
var emea = report[quarter, "emea"];
Expect((emea.Won, emea.Gap, emea.Coverage, emea.PipelineGap), (Usd(370_000m), Usd(80_000m), (decimal?)5.625m, Usd(-130_000m)));
var acme = report[quarter, "Acme"];
Expect(
    (acme.Won, acme.CompletionRate, acme.OpenPipeline, acme.WeightedPipeline, acme.PipelineGap),
    (Usd(420_000m), (decimal?)0.7m, Usd(550_000m), Usd(250_000m), Usd(170_000m))
);

// Every level of a plan at once: the year, quarters, months and weeks overlap, and each is measured on its own days.
var alicePlan = Quota.Decompose(Quota.ForPerson("alice", calendar.Year(2026), Usd(1_200_000m)), calendar);
var byLevel = Attainment.Of(deals, pipeline, alicePlan.All(), options);
Console.WriteLine(byLevel[calendar.Month(2026, 2), "alice"]);

Expect(byLevel[calendar.Month(2026, 2), "alice"].Won, Usd(120_000m));
Expect(byLevel[calendar.Year(2026), "alice"].OpenPipeline, Usd(450_000m));
Console.WriteLine("All figures match docs/targets.md.");
