#:project ../../src/SalesPipeline.Core/SalesPipeline.Core.csproj
// The forecasting walkthrough of docs/forecasting.md: stage-weighted and category forecasts of a small team's quarter,
// a manager's adjustment, the deals where the two views disagree, and stage calibration from closed deals.
using NodaTime;
using SalesPipeline;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;
using SalesPipeline.Statistics;

var pipeline = PipelineDefinition.Default;
var org = SalesOrg
    .CreateBuilder("Acme")
    .Team("emea", "EMEA", lead: "erin")
    .Rep("erin", "Erin", "emea")
    .Rep("alice", "Alice", "emea")
    .Rep("bob", "Bob", "emea")
    .Admin("carol", "Carol")
    .Build();
var start = Instant.FromUtc(2026, 1, 5, 9, 0);
var at = start;
Instant Next() => at += Duration.FromHours(1);

Deal Open(
    string id,
    string owner,
    decimal amount,
    LocalDate close,
    string stage,
    decimal? probability = null,
    ForecastCategory? category = null
)
{
    var deal = Deal.Open(pipeline, new DealId(id), id, owner, Money.Of(amount, Currency.USD), close, Next());
    foreach (var criterion in new[] { "use-case", "technical-fit", "budget" })
    {
        deal = pipeline.Answer(deal, criterion, Next(), owner);
    }
    foreach (var s in pipeline.OpenStages.Skip(1).TakeWhile(s => pipeline.GetStage(stage).Index >= s.Index))
    {
        deal = pipeline.Move(deal, s.Id, Next(), owner);
    }
    if (probability is { } p)
    {
        deal = pipeline.ApplyOrThrow(deal, DealCommand.OverrideProbabilityTo(p, Next(), owner));
    }
    if (category is { } c)
    {
        deal = pipeline.ApplyOrThrow(deal, DealCommand.OverrideCategoryTo(c, Next(), owner));
    }
    return deal;
}

Deal[] deals =
[
    Open("Acme renewal", "alice", 60_000m, new LocalDate(2026, 2, 20), "negotiation"),
    Open("Globex expansion", "alice", 120_000m, new LocalDate(2026, 3, 25), "proposal"),
    Open("Initech pilot", "bob", 15_000m, new LocalDate(2026, 1, 30), "qualified", category: ForecastCategory.Commit),
    Open("Umbrella platform", "bob", 250_000m, new LocalDate(2026, 3, 31), "negotiation", category: ForecastCategory.Pipeline),
    Open("Hooli add-on", "erin", 8_000m, new LocalDate(2026, 2, 10), "prospecting"),
    pipeline.Win(
        Open("Stark support", "bob", 24_000m, new LocalDate(2026, 1, 15), "negotiation"),
        Instant.FromUtc(2026, 1, 14, 16, 0),
        "bob"
    ),
];

var months = FiscalCalendar.Calendar.Months(2026).Take(3).ToList();
Console.WriteLine("Stage-weighted, Q1 2026 by month:");
Console.WriteLine(Forecast.StageWeighted(deals, pipeline, months));

var q1 = FiscalCalendar.Calendar.Quarter(2026, 1);
var adjustment = new CategoryAdjustment(
    "bob",
    q1,
    ForecastCategory.Commit,
    Money.Of(0m, Currency.USD),
    "erin",
    Next(),
    "pilot slipped to Q2"
);
var byCategory = Forecast.ByCategory(deals, pipeline, [q1], org, [adjustment]);
Console.WriteLine("By category, Q1 2026 (gross, and EMEA's adjusted commit after Erin's adjustment of Bob):");
Console.WriteLine(byCategory);

Console.WriteLine("Where the two views disagree:");
Console.WriteLine(Forecast.Compare(deals, pipeline, q1));

// The honest range of the quarter: one large deal (Umbrella, 250,000 at 80%) dominates, so P10 and P90 are far apart.
var distribution = Forecast.Distribution(deals, pipeline, q1);
Console.WriteLine(distribution);

// P(revenue <= P50) is at least 0.5: CumulativeProbability is the function Percentile inverts.
var median = distribution.P50;
Console.WriteLine($"P(revenue <= {median}) = {distribution.CumulativeProbability(median):0.####}");
if (distribution.CumulativeProbability(median) < 0.5)
{
    throw new InvalidOperationException("CumulativeProbability(P50) must be at least 0.5.");
}

// Calibration needs closed deals: lose a few and win a few more, then ask what the stages really convert at.
Deal[] history =
[
    .. deals,
    pipeline.Lose(Open("Soylent", "alice", 9_000m, new LocalDate(2026, 1, 20), "proposal"), LossReason.Price, Next(), "alice"),
    pipeline.Lose(Open("Tyrell", "bob", 40_000m, new LocalDate(2026, 1, 22), "qualified"), LossReason.NoDecision, Next(), "bob"),
    pipeline.Win(Open("Wayne", "erin", 30_000m, new LocalDate(2026, 1, 25), "negotiation"), Next(), "erin"),
];
Console.WriteLine(StageCalibration.FromHistory(history, pipeline));

// The same smoothing from plain (won, reached) counts, here of four reps: maximum likelihood by default.
var repPrior = BetaBinomial.Fit([(12, 40), (25, 50), (30, 45), (5, 30)]);
Console.WriteLine(repPrior);
Console.WriteLine($"5 of 30 smoothed: {repPrior.PosteriorMean(5, 30):0.000}");

// The Brier score, its Murphy decomposition and the skill score of any list of (probability, outcome) pairs.
Console.WriteLine(ReliabilityTable.Of([(0.1, false), (0.1, true), (0.15, false), (0.7, true), (0.8, true), (0.8, false)]));

// An exact (Clopper-Pearson) interval instead of Wilson, for 0 won of 10.
Console.WriteLine(BinomialInterval.Of(0, 10, 0.95, BinomialIntervalMethod.ClopperPearson));
