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
    Console.WriteLine(move); // -> Prospecting: permitted, -> Proposal: Exit criterion "use-case" ..., -> Won: ..., -> Lost: permitted
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
