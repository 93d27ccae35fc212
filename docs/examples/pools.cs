#:project ../../src/SalesPipeline.Core/SalesPipeline.Core.csproj
// Every code block of docs/pools.md, in order: a deal from the company pool to a team to a rep, with its customer, a
// manager's comment, a pause and a win; a lead through a team's pool. CI runs this file; Expect(...) stops it with a
// non-zero exit code if a documented figure ever changes.
using NodaTime;
using SalesPipeline;
using SalesPipeline.Deals;
using SalesPipeline.Leads;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;

static void Expect(bool condition, string what)
{
    if (!condition)
    {
        throw new InvalidOperationException("docs/pools.md is out of date: " + what);
    }
}

// The organisation
var initech = SalesOrg
    .CreateBuilder("Initech")
    .Team("sales", "Sales", lead: "olav")
    .Team("emea", "EMEA", parent: "sales", lead: "maria")
    .Team("emea-north", "EMEA North", parent: "emea", lead: "nils")
    .Team("apac", "APAC", parent: "sales", lead: "chen")
    .Rep("olav", "Olav", "sales")
    .Rep("maria", "Maria", "emea")
    .Rep("nils", "Nils", "emea-north")
    .Rep("bob", "Bob", "emea-north")
    .Rep("chen", "Chen", "apac")
    .Rep("kim", "Kim", "apac")
    .Admin("ada", "Ada")
    .Build();
string[] everyone = ["olav", "maria", "nils", "bob", "chen", "kim", "ada"];
string[] Seeing(Deal d) => everyone.Where(v => initech.VisibleTo(v, [d]).Any()).ToArray();
Expect(initech.ManagerOf("bob") == "nils" && initech.ManagerOf("nils") == "maria", "managers");
Expect(string.Join(",", initech.ManagersAbove("bob")) == "nils,maria,olav", "the chain above bob");

// A deal arrives in the company pool
var pipeline = PipelineDefinition.Default;
var globex = new Customer("ACC-1042", "Globex");
var deal = Deal.OpenInPool(
    pipeline,
    new DealId("D-1"),
    "Globex: 40 seats",
    team: null,
    Money.Of(48_000m, Currency.EUR),
    new LocalDate(2026, 6, 30),
    Instant.FromUtc(2026, 3, 2, 9, 0),
    "web-form",
    customer: globex
);
Console.WriteLine(deal); // D-1 Globex: 40 seats | (unassigned) | EUR 48,000.00 | prospecting | close 2026-06-30
Expect(deal.IsInPool && deal.Team is null && deal.InPoolSince == Instant.FromUtc(2026, 3, 2, 9, 0), "company pool");
Expect(string.Join(",", Seeing(deal)) == "ada", "only admins see the company pool");

// To a team's pool, then to a rep
deal = initech.AssignToPool(pipeline, deal, "emea", Instant.FromUtc(2026, 3, 2, 10, 0), "ada");
Expect(string.Join(",", Seeing(deal)) == "olav,maria,ada", "EMEA's pool: its lead and those above");

var refused = initech.TryAssignToRep(pipeline, deal, "kim", Instant.FromUtc(2026, 3, 2, 11, 0), "chen");
Console.WriteLine(refused.Rejections[0].Message); // chen cannot see deal D-1 (in team "emea"'s pool), so cannot assign it.
Expect(refused.Rejections[0].Code == RejectionCode.NotPermittedByOrganization && refused.Deal == deal, "refused, unchanged");

var waited = Instant.FromUtc(2026, 3, 3, 9, 0) - deal.InPoolSince!.Value;
deal = initech.AssignToRep(pipeline, deal, "bob", Instant.FromUtc(2026, 3, 3, 9, 0), "maria");
Console.WriteLine(waited.TotalHours); // 23: from 10:00 on 2 March to 09:00 on 3 March in EMEA's pool
Expect(waited.TotalHours == 23 && deal.Owner == "bob" && deal.Team == "emea" && deal.InPoolSince is null, "assigned");
Expect(string.Join(",", Seeing(deal)) == "olav,maria,nils,bob,ada", "bob's deal: bob and his managers");

// A manager's comment
deal = pipeline.Comment(deal, "Large logo: bring me in on pricing.", Instant.FromUtc(2026, 3, 3, 9, 30), "maria", "ACT-31");
Expect(deal.Comments.Single().ActivityId == "ACT-31", "the comment is on activity ACT-31");

// The deal moves; a quote drives the move to Proposal
deal = pipeline.Move(deal, "qualified", Instant.FromUtc(2026, 3, 9, 9, 0), "bob");
foreach (var criterion in new[] { "use-case", "technical-fit", "budget" })
{
    deal = pipeline.Answer(deal, criterion, Instant.FromUtc(2026, 3, 20, 9, 0), "bob");
}
deal = pipeline
    .Apply(deal, DealCommand.Move("proposal", Instant.FromUtc(2026, 3, 24, 9, 0), "bob") with { Cause = "quote Q-17 v1" })
    .GetDealOrThrow();
Expect(deal.Events[^1].Cause == "quote Q-17 v1", "the cause is on the event");
Expect(pipeline.WinProbabilityOf(deal).Value * deal.Amount.Amount == 24_000m, "48,000 x 0.50 in the forecast");

// The customer pauses
deal = pipeline.Stop(deal, StopReason.BudgetFrozen, Instant.FromUtc(2026, 4, 10, 9, 0), "bob");
Console.WriteLine(deal); // D-1 Globex: 40 seats | bob | EUR 48,000.00 | stopped in proposal (budget-frozen) | close 2026-06-30
Expect(!deal.IsOpen && !deal.IsClosed && deal.StageId == "proposal", "stopped in Proposal");
Expect(pipeline.WinProbabilityOf(deal).Value == 0m, "a stopped deal weighs nothing");
Expect(pipeline.ForecastCategoryOf(deal).Value == ForecastCategory.Omitted, "and is in no category");
var move = pipeline.Apply(deal, DealCommand.ChangeAmountTo(Money.Of(40_000m, Currency.EUR), Instant.FromUtc(2026, 4, 12, 9, 0), "bob"));
Expect(move.Rejections.Single().Code == RejectionCode.DealStopped, "a stopped deal is resumed before it changes");

// Resumed, renamed, won
var resumedAt = Instant.FromUtc(2026, 5, 21, 9, 0);
deal = pipeline.Resume(deal, resumedAt, "bob");
var paused = resumedAt - Instant.FromUtc(2026, 4, 10, 9, 0);
Expect(paused.Days == 41 && deal.StageId == "proposal" && deal.StopReason is null, "41 days stopped, back in Proposal");

// It never left Proposal: the stage entry stays, and the rotting check leaves the 41 days out.
Expect(deal.StageEnteredAt < Instant.FromUtc(2026, 4, 10, 9, 0), "still in the stay that began before the stop");
deal = pipeline.ChangeCustomer(deal, new Customer("ACC-1042", "Globex Europe GmbH"), Instant.FromUtc(2026, 5, 22, 9, 0), "bob");
deal = pipeline.Win(deal, Instant.FromUtc(2026, 6, 12, 9, 0), "bob");
Expect(deal.Status == DealStatus.Won && deal.Customer!.Name == "Globex Europe GmbH", "won for the renamed account");
var pooledAfterWin = initech.TryAssignToPool(pipeline, deal, "emea", Instant.FromUtc(2026, 6, 13, 9, 0), "ada");
Expect(pooledAfterWin.Rejections.Single().Code == RejectionCode.DealClosed, "a decided deal keeps its owner");
Expect(
    Deal.FromEvents(pipeline, deal.Events) == deal && deal.AsOf(Instant.FromUtc(2026, 4, 30, 0, 0)).Status == DealStatus.Stopped,
    "history"
);

// A lead through a team's pool
var lead = Lead.CreateInPool(new LeadId("L-9"), "Hooli (Gavin B.)", LeadSource.Web, "apac", Instant.FromUtc(2026, 3, 2, 9, 0), "web-form");
Expect(!initech.CanAssignToRep("maria", lead, "bob"), "maria does not see APAC's pool");
lead = initech.AssignToRep(lead, "kim", Instant.FromUtc(2026, 3, 2, 12, 0), "chen");
var (converted, hooli) = lead.Convert(
    pipeline,
    new DealId("D-2"),
    Money.Of(9_000m, Currency.EUR),
    new LocalDate(2026, 5, 31),
    Instant.FromUtc(2026, 3, 5, 9, 0)
);
Expect(converted.Status == LeadStatus.Converted && hooli.Owner == "kim", "kim's deal");
Console.WriteLine("pools walkthrough: every figure as documented");
