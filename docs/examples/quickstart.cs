#:project ../../src/SalesPipeline.Core/SalesPipeline.Core.csproj
// The quickstart: the default pipeline, a dozen deals moved through it (one move rejected, with its reasons),
// and the pipeline by stage with weighted amounts. Run from the repository root: dotnet run docs/examples/quickstart.cs
using NodaTime;
using SalesPipeline;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;

// The default pipeline, defined stage by stage (PipelineDefinition.Default is the same definition, ready-made).
var pipeline = PipelineDefinition
    .CreateBuilder("Default")
    .Stage("Prospecting", probability: 0.10m, category: ForecastCategory.Pipeline)
    .Stage(
        "Qualified",
        0.20m,
        ForecastCategory.Pipeline,
        exitCriteria:
        [
            new ExitCriterion("use-case", "Is there a clear use case?"),
            new ExitCriterion("technical-fit", "Does the solution meet the technical requirements?"),
            new ExitCriterion("budget", "Is the deal within the customer's budget?"),
        ]
    )
    .Stage("Proposal", 0.50m, ForecastCategory.BestCase)
    .Stage("Negotiation", 0.80m, ForecastCategory.Commit)
    .Won("Won")
    .Lost("Lost")
    .Build();
Console.WriteLine(pipeline);
Console.WriteLine(
    pipeline.ToMermaid() == PipelineDefinition.Default.ToMermaid()
        ? "(the same as PipelineDefinition.Default)"
        : "(differs from PipelineDefinition.Default)"
);
Console.WriteLine();

var monday = Instant.FromUtc(2026, 11, 2, 9, 0);
var deals = new List<Deal>();
void Open(string id, string name, string owner, decimal amount, int closeMonth, int closeDay) =>
    deals.Add(
        Deal.Open(pipeline, new DealId(id), name, owner, Money.Of(amount, Currency.USD), new LocalDate(2026, closeMonth, closeDay), monday)
    );

Open("D-1001", "Acme Corp: 500 CRM seats", "alice", 60_000m, 12, 15);
Open("D-1002", "Globex: analytics add-on", "alice", 18_500m, 12, 20);
Open("D-1003", "Initech: renewal + upsell", "bob", 42_000m, 11, 30);
Open("D-1004", "Umbrella Health: pilot", "bob", 9_900m, 12, 31);
Open("D-1005", "Stark Industries: EMEA rollout", "carol", 125_000m, 12, 18);
Open("D-1006", "Wayne Enterprises: support tier", "carol", 24_000m, 11, 28);
Open("D-1007", "Hooli: data migration", "alice", 31_250m, 12, 10);
Open("D-1008", "Soylent: 40 seats", "bob", 4_800m, 12, 5);
Open("D-1009", "Vandelay Imports: starter", "carol", 7_200m, 12, 22);
Open("D-1010", "Tyrell Corp: platform deal", "alice", 210_000m, 12, 31);
Open("D-1011", "Cyberdyne: security review", "bob", 15_000m, 12, 12);
Open("D-1012", "Massive Dynamic: POC", "carol", 12_000m, 12, 19);

var at = monday;
Deal Step(Deal deal, Func<Deal, Deal> change)
{
    at += Duration.FromHours(3);
    return change(deal);
}
Deal Qualify(Deal deal)
{
    foreach (var criterion in new[] { "use-case", "technical-fit", "budget" })
    {
        deal = Step(deal, d => pipeline.Answer(d, criterion, at, d.Owner!));
    }
    return deal;
}
Deal MoveTo(Deal deal, params string[] stages)
{
    foreach (var stage in stages)
    {
        deal = Step(deal, d => pipeline.Move(d, stage, at, d.Owner!));
    }
    return deal;
}

// Each deal's week: qualification questions answered, moves forward, a few wins and losses.
deals[0] = MoveTo(Qualify(MoveTo(deals[0], "qualified")), "proposal", "negotiation");
deals[1] = MoveTo(Qualify(MoveTo(deals[1], "qualified")), "proposal");
deals[2] = Step(MoveTo(Qualify(MoveTo(deals[2], "qualified")), "proposal", "negotiation"), d => pipeline.Win(d, at, "bob"));
deals[3] = MoveTo(deals[3], "qualified");
deals[4] = MoveTo(Qualify(MoveTo(deals[4], "qualified")), "proposal");
deals[5] = Step(MoveTo(deals[5], "qualified"), d => pipeline.Lose(d, LossReason.Price, at, "carol", competitor: "Initrode"));
deals[6] = MoveTo(Qualify(MoveTo(deals[6], "qualified")), "proposal", "negotiation");
deals[8] = MoveTo(deals[8], "qualified");
deals[9] = MoveTo(Qualify(MoveTo(deals[9], "qualified")), "proposal");
deals[10] = MoveTo(Qualify(MoveTo(deals[10], "qualified")), "proposal", "negotiation", "proposal"); // a regression

// A rep tries to jump a deal from Qualified straight to Negotiation before qualifying it: rejected, with every reason.
at += Duration.FromHours(1);
var attempt = pipeline.Apply(deals[3], DealCommand.Move("negotiation", at, "bob"));
Console.WriteLine($"Move {deals[3].Id} to negotiation: {(attempt.IsAccepted ? "accepted" : "rejected")}");
foreach (var rejection in attempt.Rejections)
{
    Console.WriteLine($"  - {rejection.Code}: {rejection.Message}");
}
Console.WriteLine($"  The deal is unchanged: still in {attempt.Deal.StageId}, {attempt.Deal.Events.Count} events.");
Console.WriteLine();

// The pipeline by stage: count, amount, and amount weighted by each deal's effective win probability.
Console.WriteLine($"{"Stage", -12} {"Deals", 5} {"Amount", 16} {"Weighted", 16}");
foreach (var stage in pipeline.Stages)
{
    var inStage = deals.Where(d => d.StageId == stage.Id).ToList();
    var amount = Money.Sum(inStage.Select(d => d.Amount), Currency.USD);
    var weighted = Money.Sum(inStage.Select(d => (d.Amount * pipeline.WinProbabilityOf(d).Value).Round()), Currency.USD);
    Console.WriteLine($"{stage.Name, -12} {inStage.Count, 5} {amount, 16} {weighted, 16}");
}
var open = deals.Where(d => d.IsOpen).ToList();
var openWeighted = Money.Sum(open.Select(d => (d.Amount * pipeline.WinProbabilityOf(d).Value).Round()), Currency.USD);
Console.WriteLine($"{"Open total", -12} {open.Count, 5} {Money.Sum(open.Select(d => d.Amount), Currency.USD), 16} {openWeighted, 16}");
Console.WriteLine();

// The history is the source of truth: every change, with when and who.
Console.WriteLine($"History of {deals[10].Id} ({deals[10].Name}):");
foreach (var e in deals[10].Events)
{
    var what = e switch
    {
        DealCreated c => $"created in {c.StageId}, {c.Amount}",
        StageMoved m => $"moved {m.Direction.ToString().ToLowerInvariant()} {m.FromStageId} -> {m.ToStageId}",
        ExitCriterionAnswered a => $"answered yes: {a.CriterionId}",
        _ => e.GetType().Name,
    };
    Console.WriteLine($"  {e.At:uuuu-MM-dd HH:mm} {e.By, -6} {what}");
}

// The figures above, worked out by hand from the moves: Prospecting D-1008 and D-1012 (4,800 + 12,000), Qualified
// D-1004 and D-1009 (9,900 + 7,200), Proposal D-1002, D-1005, D-1010 and D-1011 after its regression (18,500 + 125,000 +
// 210,000 + 15,000), Negotiation D-1001 and D-1007 (60,000 + 31,250), D-1003 won, D-1006 lost. Weighted at 10%, 20%,
// 50% and 80%: 1,680; 3,420; 9,250 + 62,500 + 105,000 + 7,500 = 184,250; 48,000 + 25,000 = 73,000.
(string Stage, int Deals, decimal Amount, decimal? Weighted)[] expected =
[
    ("prospecting", 2, 16_800m, 1_680m),
    ("qualified", 2, 17_100m, 3_420m),
    ("proposal", 4, 368_500m, 184_250m),
    ("negotiation", 2, 91_250m, 73_000m),
    ("won", 1, 42_000m, null),
    ("lost", 1, 24_000m, null),
];
foreach (var (stage, count, amount, weighted) in expected)
{
    var inStage = deals.Where(d => d.StageId == stage).ToList();
    var weightedSum = Money.Sum(inStage.Select(d => (d.Amount * pipeline.WinProbabilityOf(d).Value).Round()), Currency.USD);
    if (
        inStage.Count != count
        || Money.Sum(inStage.Select(d => d.Amount), Currency.USD) != Money.Of(amount, Currency.USD)
        || (weighted is { } w && weightedSum != Money.Of(w, Currency.USD))
    )
    {
        throw new InvalidOperationException(
            $"docs/examples/quickstart.cs: stage {stage} differs from the worked-out {count} deals, {amount}, {weighted}."
        );
    }
}

// Open: 10 deals, 16,800 + 17,100 + 368,500 + 91,250 = 493,650, weighted 1,680 + 3,420 + 184,250 + 73,000 = 262,350.
if (
    open.Count != 10
    || Money.Sum(open.Select(d => d.Amount), Currency.USD) != Money.Of(493_650m, Currency.USD)
    || openWeighted != Money.Of(262_350m, Currency.USD)
)
{
    throw new InvalidOperationException(
        $"docs/examples/quickstart.cs: the open total is {open.Count} deals weighted {openWeighted}, not 10 and USD 262,350.00."
    );
}

// The jump is refused for Qualified's three unanswered criteria and leaves D-1004 as it was: opened and moved once.
string[] unanswered = ["use-case", "technical-fit", "budget"];
if (
    pipeline.ToMermaid() != PipelineDefinition.Default.ToMermaid()
    || attempt.IsAccepted
    || !ReferenceEquals(attempt.Deal, deals[3])
    || attempt.Deal.Events.Count != 2
    || !unanswered.All(c => attempt.Rejections.Any(r => r.CriterionId == c))
)
{
    throw new InvalidOperationException("docs/examples/quickstart.cs: the refused jump of D-1004 differs.");
}

// D-1011: created, moved to Qualified, three answers, Proposal, Negotiation, back to Proposal: eight events.
if (deals[10].Events.Count != 8 || deals[10].Events[^1] is not StageMoved { Direction: MoveDirection.Backward, ToStageId: "proposal" })
{
    throw new InvalidOperationException("docs/examples/quickstart.cs: the history of D-1011 differs.");
}
