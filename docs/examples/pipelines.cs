#:project ../../src/SalesPipeline.Core/SalesPipeline.Core.csproj
// Every code block of docs/pipelines-and-deals.md, in order; CI runs this file and a test checks the blocks still match it.
using NodaTime;
using SalesPipeline;
using SalesPipeline.Deals;
using SalesPipeline.Leads;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;

// Defining a pipeline
var enterprise = PipelineDefinition
    .CreateBuilder("Enterprise")
    .Stage("Discovery", 0.10m, ForecastCategory.Pipeline, exitCriteria: [new("pain", "Has the customer named a pain we solve?")])
    .Stage("Qualified", 0.25m, exitCriteria: ["use-case", "technical-fit", "budget"], rottingAfter: Duration.FromDays(21))
    .Stage("Proposal", 0.50m, ForecastCategory.BestCase, exitCriteria: ["proposal-accepted"])
    .Stage("Negotiation", 0.80m, ForecastCategory.Commit, exitCriteria: ["legal-approved"])
    .Won("Closed Won")
    .Lost("Closed Lost")
    .AllowReopen(false)
    .Build();
Console.WriteLine(enterprise); // Enterprise: Discovery > Qualified > Proposal > Negotiation > Closed Won | Closed Lost

// Every problem at once
try
{
    PipelineDefinition.CreateBuilder("Broken").Stage("Demo", 1.5m).Stage("demo", 0.2m).Won("Won").Build();
}
catch (PipelineDefinitionException e)
{
    Console.WriteLine(e.Problems.Count); // 4: no Lost stage; probability 1.5; the name "Demo" used twice, and so its id "demo"
}

// Names and ids that look alike
try
{
    PipelineDefinition
        .CreateBuilder("Look-alikes")
        .Stage("Proposal", 0.5m)
        .Stage("Pr\u043Eposal", 0.6m) // with a Cyrillic "о" (U+043E)
        .Won("Won")
        .Lost("Lost")
        .Build();
}
catch (PipelineDefinitionException e)
{
    Console.WriteLine(e.Problems.Count); // 3: the id "prоposal" mixes Latin and Cyrillic; it and "proposal" are confusable; so are the names
}

// Drawing it
Console.WriteLine(PipelineDefinition.Default.ToMermaid());

// Opening and moving a deal
var pipeline = PipelineDefinition.Default;
var at = Instant.FromUtc(2026, 11, 2, 9, 0);
var deal = Deal.Open(
    pipeline,
    new DealId("D-7"),
    "Initech: renewal",
    "bob",
    Money.Of(42_000m, Currency.USD),
    new LocalDate(2026, 12, 18),
    at
);
var result = pipeline.Apply(deal, DealCommand.Move("qualified", at.Plus(Duration.FromHours(1)), "bob"));
deal = result.Deal; // accepted: one StageMoved event more

// A rejected command
var early = pipeline.Apply(deal, DealCommand.Win(at.Plus(Duration.FromHours(2)), "bob"));
foreach (var rejection in early.Rejections)
{
    Console.WriteLine($"{rejection.Code} {rejection.CriterionId}"); // UnmetExitCriterion use-case, technical-fit, budget
}
Console.WriteLine(ReferenceEquals(early.Deal, deal)); // True: a rejected command changes nothing

// Where can it go?
foreach (var move in pipeline.PermittedMoves(deal))
{
    Console.WriteLine(move); // -> Prospecting: permitted, -> Proposal: Exit criterion "use-case" ..., -> Negotiation: ..., -> Won: ..., -> Lost: permitted
}

// Overrides and where values come from
deal = pipeline.ApplyOrThrow(deal, DealCommand.OverrideProbabilityTo(0.35m, at.Plus(Duration.FromHours(3)), "bob"));
deal = pipeline.ApplyOrThrow(deal, DealCommand.OverrideCategoryTo(ForecastCategory.BestCase, at.Plus(Duration.FromHours(3)), "bob"));
Console.WriteLine(pipeline.WinProbabilityOf(deal)); // 0.35 (Manual)
Console.WriteLine(pipeline.ForecastCategoryOf(deal)); // BestCase (Manual)

// Win, lose, reopen
foreach (var criterion in new[] { "use-case", "technical-fit", "budget" })
{
    deal = pipeline.Answer(deal, criterion, at.Plus(Duration.FromHours(4)), "bob");
}
var lost = pipeline.Lose(deal, LossReason.Competitor, at.Plus(Duration.FromDays(10)), "bob", competitor: "Initrode");
var reopened = pipeline.Reopen(lost, at.Plus(Duration.FromDays(30)), "carol"); // back in Qualified
var won = pipeline.Win(reopened, at.Plus(Duration.FromDays(45)), "bob");
Console.WriteLine($"{won.Status} after {won.Events.Count} events"); // Won after 10 events

// The history
var asOfLoss = won.AsOf(at.Plus(Duration.FromDays(20)));
Console.WriteLine($"{asOfLoss.Status} {asOfLoss.LossReason} {asOfLoss.Competitor}"); // Lost competitor Initrode
var restored = Deal.FromEvents(pipeline, won.Events); // for example, events loaded from your database
Console.WriteLine(restored == won); // True

// Leads
var lead = Lead.Create(new LeadId("L-31"), "Globex (Hank Scorpio)", LeadSource.Web, "alice", at, productInterest: "Analytics");
lead = lead.Touch(at.Plus(Duration.FromMinutes(42)));
var (converted, fromLead) = lead.Convert(
    pipeline,
    new DealId("D-8"),
    Money.Of(18_500m, Currency.USD),
    new LocalDate(2027, 1, 29),
    at.Plus(Duration.FromDays(2))
);
Console.WriteLine($"{converted.Status} -> {fromLead.Id} in {fromLead.StageId}, source {fromLead.Source}"); // Converted -> D-8 in prospecting, source web

// The sales organization
var org = SalesOrg
    .CreateBuilder("Acme")
    .Team("emea", "EMEA", lead: "erin")
    .Team("dach", "DACH", parent: "emea", lead: "dan")
    .Rep("erin", "Erin", team: "emea")
    .Rep("dan", "Dan", team: "dach")
    .Rep("alice", "Alice", team: "dach")
    .Rep("bob", "Bob", team: "emea")
    .Admin("carol", "Carol")
    .Build();
var visible = org.VisibleTo("dan", new[] { won, fromLead }).ToList();
Console.WriteLine(string.Join(", ", visible.Select(d => d.Id))); // D-8 (alice is in DACH; bob is not)
Console.WriteLine(org.ScopeOf("erin")); // erin: Teams (4 owners)

// The values the page states, checked. The broken builder has four problems (no Lost stage, probability 1.5 outside
// 0..1, the name "Demo" twice and so its id "demo" twice); the look-alikes three (a mixed-script id, and the ids and
// the names confusable).
static void Check(bool holds, string what)
{
    if (!holds)
    {
        throw new InvalidOperationException("docs/pipelines-and-deals.md example: " + what);
    }
}
static int ProblemsOf(Func<PipelineDefinition> build)
{
    try
    {
        build();
        return 0;
    }
    catch (PipelineDefinitionException e)
    {
        return e.Problems.Count;
    }
}
Check(enterprise.ToString() == "Enterprise: Discovery > Qualified > Proposal > Negotiation > Closed Won | Closed Lost", $"{enterprise}");
Check(
    ProblemsOf(() => PipelineDefinition.CreateBuilder("Broken").Stage("Demo", 1.5m).Stage("demo", 0.2m).Won("Won").Build()) == 4,
    "not 4 problems."
);
Check(
    ProblemsOf(() =>
        PipelineDefinition.CreateBuilder("Look-alikes").Stage("Proposal", 0.5m).Stage("Pr\u043Eposal", 0.6m).Won("Won").Lost("Lost").Build()
    ) == 3,
    "not 3 look-alike problems."
);

// Opened (DealCreated) and moved (StageMoved): two events; the early win is refused for Qualified's three criteria.
Check(
    result.IsAccepted && result.Deal.Events.Count == 2 && result.Deal.StageId == "qualified",
    "the move to qualified was not one event more."
);
Check(
    !early.IsAccepted
        && early.Rejections.All(r => r.Code == RejectionCode.UnmetExitCriterion)
        && string.Join(", ", early.Rejections.Select(r => r.CriterionId)) == "use-case, technical-fit, budget"
        && ReferenceEquals(early.Deal, result.Deal),
    "the early win is not refused for use-case, technical-fit and budget."
);

// From Qualified with nothing answered: back to Prospecting and to Lost are free; Proposal, the jump to Negotiation and
// Won need Qualified's criteria.
var moves = pipeline.PermittedMoves(result.Deal);
Check(
    string.Join(", ", moves.Select(m => $"{m.Target.Id}={m.IsPermitted}"))
        == "prospecting=True, proposal=False, negotiation=False, won=False, lost=True",
    $"the permitted moves are {string.Join(", ", moves)}."
);
Check(
    pipeline.WinProbabilityOf(deal).ToString() == "0.35 (Manual)" && pipeline.ForecastCategoryOf(deal).ToString() == "BestCase (Manual)",
    "the overrides do not read 0.35 (Manual) and BestCase (Manual)."
);

// Created, moved, two overrides, three answers, lost, reopened, won: ten events.
Check(
    won.Status == DealStatus.Won && won.Events.Count == 10 && reopened.StageId == "qualified",
    $"{won.Status} after {won.Events.Count} events."
);
Check(
    asOfLoss.Status == DealStatus.Lost
        && asOfLoss.LossReason == LossReason.Competitor
        && asOfLoss.Competitor == "Initrode"
        && restored == won,
    "the deal as of day 20 is not lost to Initrode, or its events do not restore it."
);
Check(
    converted.Status == LeadStatus.Converted
        && fromLead.Id == new DealId("D-8")
        && fromLead.StageId == "prospecting"
        && fromLead.Source == LeadSource.Web,
    "the converted lead differs."
);

// Dan sees DACH (dan, alice): alice's D-8, not bob's D-7. Erin sees EMEA and DACH: erin, dan, alice and bob.
Check(visible.Count == 1 && visible[0].Id == new DealId("D-8"), "dan sees other deals than D-8.");
Check(org.ScopeOf("erin").ToString() == "erin: Teams (4 owners)", $"erin's scope is {org.ScopeOf("erin")}.");
