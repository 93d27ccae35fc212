#:project ../../src/SalesPipeline.Core/SalesPipeline.Core.csproj
// Bringing in 10,000 deals as they stand in another CRM (docs/pipelines-and-deals.md and docs/metrics.md, "Imported
// deals"): stages, amounts, overrides, won and lost, some with their stage history; then funnel, win rate, cycle and a
// forecast over them. The records are generated deterministically from their number, as an export would give them.
using NodaTime;
using SalesPipeline;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Metrics;
using SalesPipeline.Pipelines;

var pipeline = PipelineDefinition.Default;
var asOf = Instant.FromUtc(2026, 11, 30, 0, 0); // when the export was taken
string[] stages = ["prospecting", "qualified", "proposal", "negotiation"];

DealImport Row(int i)
{
    var created = Instant.FromUtc(2026, 1, 1, 9, 0).Plus(Duration.FromHours(i % 5_000));
    var record = new DealImport
    {
        Id = new DealId($"SF-{i:D5}"),
        Name = i % 10 == 9 ? null : $"Account {i}", // some rows have no name: "(unknown)"
        Owner = $"rep-{i % 20:D2}",
        Amount = Money.Of(5_000m + i * 7_919 % 96 * 1_000m, Currency.USD),
        StageId = stages[i % 4],
        ExpectedClose = new LocalDate(2026, 12, 1).PlusDays(i % 90),
        CreatedAt = created,
    };
    return (i % 10) switch
    {
        < 3 => record with
        {
            StageId = "won",
            Status = DealStatus.Won,
            ClosedAt = created.Plus(Duration.FromDays(20 + i % 60)),
            // A third of the closed rows know their stages: the close is added after the last one.
            History =
                i % 3 == 0
                    ?
                    [
                        new StageEntry("qualified", created.Plus(Duration.FromDays(1))),
                        new StageEntry("negotiation", created.Plus(Duration.FromDays(10))),
                    ]
                    : [],
        },
        < 6 => record with
        {
            StageId = "lost",
            Status = DealStatus.Lost,
            ClosedAt = created.Plus(Duration.FromDays(10 + i % 50)),
            LossReason = i % 2 == 0 ? LossReason.Price : null, // null: the export has no reason, so "unknown"
            History =
                i % 3 == 0
                    ?
                    [
                        new StageEntry("prospecting", created.Plus(Duration.FromDays(1))),
                        new StageEntry("proposal", created.Plus(Duration.FromDays(5))),
                    ]
                    : [],
        },
        _ => record with
        {
            ProbabilityOverride = i % 7 == 0 ? 0.90m : null,
            CategoryOverride = i % 11 == 0 ? ForecastCategory.Commit : null,
            // A third of the open rows come with their stage history: first seen in Prospecting, then where they are.
            History =
                i % 3 == 0 && i % 4 != 0
                    ?
                    [
                        new StageEntry("prospecting", created.Plus(Duration.FromDays(1))),
                        new StageEntry(stages[i % 4], created.Plus(Duration.FromDays(5))),
                    ]
                    : [],
        },
    };
}

var result = pipeline.Import(Enumerable.Range(0, 10_000).Select(Row), asOf);
Console.WriteLine(result); // read 10000: accepted 10000, rejected 0
var deals = result.GetDealsOrThrow();

Console.WriteLine(Funnel.Of(deals, pipeline));
Console.WriteLine(WinRate.Of(deals));
var cycle = SalesCycle.Of(deals, asOf); // from each record's CreatedAt; open deals are censored
Console.WriteLine($"Sales cycle: {cycle.Deals} deals, {cycle.Closed} closed, {cycle.Censored} open; median {cycle.MedianDays} days");
Console.WriteLine(
    Forecast.StageWeighted(deals, pipeline, [.. FiscalCalendar.Calendar.Quarters(2026), .. FiscalCalendar.Calendar.Quarters(2027)])
);
Console.WriteLine(LossAnalysis.Of(deals));

// A row that breaks a rule is reported with its index, id, field, value and rule; the others still come in.
var bad = pipeline.Import([Row(1) with { StageId = "closing" }, Row(2)], asOf);
Console.WriteLine(bad);

// Known changes of the amount, close date and owner (docs/pipelines-and-deals.md, "Field changes"): the first event
// carries the values before them, and each becomes an event in time order among the stage events.
var tracked = new DealImport
{
    Id = new DealId("SF-9"),
    Owner = "bob",
    Amount = Money.Of(15_000m, Currency.USD),
    StageId = "proposal",
    ExpectedClose = new LocalDate(2026, 6, 30),
    CreatedAt = Instant.FromUtc(2026, 3, 2, 9, 0),
    History =
    [
        new StageEntry("prospecting", Instant.FromUtc(2026, 3, 2, 9, 0)),
        new StageEntry("proposal", Instant.FromUtc(2026, 3, 4, 9, 0)),
    ],
    ExpectedCloseChanges =
    [
        new(Instant.FromUtc(2026, 3, 2, 19, 0), new LocalDate(2026, 4, 30), new LocalDate(2026, 5, 31)),
        new(Instant.FromUtc(2026, 3, 4, 9, 0), new LocalDate(2026, 5, 31), new LocalDate(2026, 6, 30), "carol"),
    ],
    AmountChanges = [new(Instant.FromUtc(2026, 3, 2, 14, 0), Money.Of(10_000m, Currency.USD), Money.Of(15_000m, Currency.USD))],
    OwnerChanges = [new(Instant.FromUtc(2026, 3, 3, 5, 0), "alice", "bob")],
};
var trackedDeal = pipeline.Import(tracked, asOf);
var kinds = string.Join(", ", trackedDeal.History.Select(e => e.GetType().Name));
Console.WriteLine(kinds);

// DealImported, AmountChanged, ExpectedCloseChanged, OwnerReassigned, ExpectedCloseChanged, StageMoved
if (kinds != "DealImported, AmountChanged, ExpectedCloseChanged, OwnerReassigned, ExpectedCloseChanged, StageMoved")
{
    throw new InvalidOperationException("docs/pipelines-and-deals.md example: the events of SF-9 differ from the page.");
}
var pushed = SalesPipeline
    .Health.PipelineHealth.Inspect([trackedDeal], pipeline, asOf)
    .FindingsOf(SalesPipeline.Health.FindingKind.CloseDatePushed)
    .ToList();
Console.WriteLine($"close date pushed: {pushed.Count} finding(s), {pushed[0].Measured} pushes"); // 1 finding(s), 2 pushes
if (pushed.Count != 1 || pushed[0].Measured != 2m)
{
    throw new InvalidOperationException("docs/pipelines-and-deals.md example: SF-9 is not flagged for its two pushes.");
}
