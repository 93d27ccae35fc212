using System.Text.Json;
using NodaTime;
using SalesPipeline.Collections;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Leads;
using SalesPipeline.Metrics;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Json.Tests.Results;

// The results of issue 13 (customers, conflicts, pools, the pipeline by stage with its stopped line), from a scenario of
// their own, small enough to check by hand. All USD on the default pipeline (Prospecting 10%, Qualified 20%, Proposal
// 50%, Negotiation 80%), every deal opened Mon 2026-03-02 09:00Z:
//   A-1 alice 12,000 ACME "Acme Corp", product Platform: Qualified Mar 3, criteria Mar 3, Proposal Mar 4 (open, 50%).
//   A-2 bob    3,000 ACME "Acme Corp", no product: Prospecting (open, 10%).
//   A-3 alice  2,500 ACME "Acme Corp", product Services: Prospecting (open, 10%).
//   G-1 bob    7,000 GLOBEX "Globex": through Qualified (criteria), Proposal, Negotiation Mar 3-5, won Mar 10.
//   G-2 bob    4,000 GLOBEX "Globex": Qualified Mar 3, stopped Mar 5 (budget frozen).
//   G-3 alice  1,500 GLOBEX "Globex": lost Mar 5 (price) from Prospecting.
//   P-1 opened in team east's pool, 9,000, no customer: Prospecting, in the pool since Mar 2 09:00.
//   P-2 carol  6,000 INITECH "Initech": put in the company pool Mar 4 09:00 (Prospecting).
// Lead L-9 created in team east's pool Mar 3 09:00. Contracts: C-1 for G-1 (7,000 signed Mar 10, 40% at signing =
// 2,800 due Mar 10, balance 4,200 due Apr 9; 2,000 paid Mar 12); C-2 "Hooli Inc" (alice, no deal; 1,000 signed Mar 1,
// due Mar 15, unpaid).
public partial class ResultGoldenTests
{
    private static readonly PipelineDefinition Default = PipelineDefinition.Default;

    private static Instant Mar(int day, int hour = 9) => Instant.FromUtc(2026, 3, day, hour, 0);

    private static Money Usd(decimal amount) => Money.Of(amount, Currency.USD);

    private static readonly Customer Acme = new("ACME", "Acme Corp");
    private static readonly Customer Globex = new("GLOBEX", "Globex");

    private static Deal OpenFor(string id, string owner, decimal amount, Customer? customer, string? product = null) =>
        Deal.Open(
            Default,
            new DealId(id),
            id,
            owner,
            Usd(amount),
            new LocalDate(2026, 4, 30),
            Mar(2),
            product: product,
            customer: customer
        );

    private static Deal Qualified(Deal deal)
    {
        deal = Default.Move(deal, "qualified", Mar(3), deal.Owner!);
        foreach (var criterion in new[] { "use-case", "technical-fit", "budget" })
        {
            deal = Default.Answer(deal, criterion, Mar(3, 10), deal.Owner!);
        }
        return deal;
    }

    private static readonly Deal[] CustomerDeals = CustomerScenario();

    private static Deal[] CustomerScenario()
    {
        var a1 = Default.Move(Qualified(OpenFor("A-1", "alice", 12_000m, Acme, "Platform")), "proposal", Mar(4), "alice");
        var a2 = OpenFor("A-2", "bob", 3_000m, Acme);
        var a3 = OpenFor("A-3", "alice", 2_500m, Acme, "Services");
        var g1 = Default.Move(Qualified(OpenFor("G-1", "bob", 7_000m, Globex)), "proposal", Mar(4), "bob");
        g1 = Default.Win(Default.Move(g1, "negotiation", Mar(5), "bob"), Mar(10), "bob");
        var g2 = Default.Stop(Qualified(OpenFor("G-2", "bob", 4_000m, Globex)), StopReason.BudgetFrozen, Mar(5), "bob");
        var g3 = Default.Lose(OpenFor("G-3", "alice", 1_500m, Globex), LossReason.Price, Mar(5), "alice");
        var p1 = Deal.OpenInPool(Default, new DealId("P-1"), "P-1", "east", Usd(9_000m), new LocalDate(2026, 4, 30), Mar(2), "lena");
        var p2 = Default.AssignToPool(OpenFor("P-2", "carol", 6_000m, new Customer("INITECH", "Initech")), null, Mar(4), "lena");
        return [a1, a2, a3, g1, g2, g3, p1, p2];
    }

    private static readonly Lead[] PooledLeads =
    [
        Lead.CreateInPool(new LeadId("L-9"), "Wayne", new LeadSource("web"), "east", Mar(3), "lena"),
    ];

    private static readonly CollectionSchedule[] CustomerSchedules =
    [
        CollectionSchedule
            .Create(
                Usd(7_000m),
                new LocalDate(2026, 3, 10),
                PaymentTerms.Create(TermsLine.Percentage(40m, DueRule.DaysAfterStart(0)), TermsLine.Balance(DueRule.DaysAfterStart(30))),
                new ContractInfo("C-1", "Globex", "bob", new DealId("G-1"))
            )
            .Record(new Payment("W-1", new LocalDate(2026, 3, 12), Usd(2_000m))),
        CollectionSchedule.Create(
            Usd(1_000m),
            new LocalDate(2026, 3, 1),
            PaymentTerms.Create(TermsLine.Balance(DueRule.DaysAfterStart(14))),
            new ContractInfo("C-2", "Hooli Inc", "alice")
        ),
    ];

    private static JsonElement LineOf(JsonElement array, string member, string key) =>
        array.EnumerateArray().Single(l => l.GetProperty(member).GetString() == key);

    [Fact]
    public void Customer_report()
    {
        // As of Mar 31, keys in ordinal order: "(none)" (P-1), "ACME", "GLOBEX", "Hooli Inc" (C-2's own customer text:
        // it names no deal), "INITECH".
        // ACME: 3 open deals, 12,000 + 3,000 + 2,500 = 17,500; nothing won, stopped or scheduled.
        // GLOBEX: won G-1 7,000; stopped G-2 4,000; G-3 lost counts nowhere; C-1 joins through its deal G-1: collected
        // 2,000 of the 2,800 billed by Mar 31 (the 4,200 balance is due Apr 9), so 800 outstanding.
        // Hooli Inc: C-2's 1,000 was due Mar 15 and is unpaid: collected 0, outstanding 1,000. INITECH: P-2 open 6,000.
        // (none): P-1 open 9,000, no name.
        var json = Pin("customer-report", CustomerAnalysis.Of(CustomerDeals, CustomerSchedules, new LocalDate(2026, 3, 31)));
        var lines = json.GetProperty("lines");
        Assert.Equal(
            ["(none)", "ACME", "GLOBEX", "Hooli Inc", "INITECH"],
            lines.EnumerateArray().Select(l => l.GetProperty("accountId").GetString())
        );
        var acme = LineOf(lines, "accountId", "ACME");
        Assert.Equal("Acme Corp", acme.GetProperty("name").GetString());
        Assert.Equal(3, acme.GetProperty("openDeals").GetInt32());
        Assert.Equal(17_500m, Amount(acme.GetProperty("openPipeline")));
        var globex = LineOf(lines, "accountId", "GLOBEX");
        Assert.Equal(1, globex.GetProperty("wonDeals").GetInt32());
        Assert.Equal(7_000m, Amount(globex.GetProperty("won")));
        Assert.Equal(0, globex.GetProperty("openDeals").GetInt32());
        Assert.Equal(1, globex.GetProperty("stoppedDeals").GetInt32());
        Assert.Equal(4_000m, Amount(globex.GetProperty("stopped")));
        Assert.Equal(1, globex.GetProperty("schedules").GetInt32());
        Assert.Equal(2_000m, Amount(globex.GetProperty("collected")));
        Assert.Equal(800m, Amount(globex.GetProperty("outstanding")));
        var hooli = LineOf(lines, "accountId", "Hooli Inc");
        Assert.Equal(JsonValueKind.Null, hooli.GetProperty("name").ValueKind);
        Assert.Equal(0m, Amount(hooli.GetProperty("collected")));
        Assert.Equal(1_000m, Amount(hooli.GetProperty("outstanding")));
        Assert.Equal(6_000m, Amount(LineOf(lines, "accountId", "INITECH").GetProperty("openPipeline")));
        Assert.Equal(9_000m, Amount(LineOf(lines, "accountId", "(none)").GetProperty("openPipeline")));
    }

    [Fact]
    public void Deal_conflict_report()
    {
        // ACME has open deals owned by alice (A-1 Platform, A-3 Services) and bob (A-2, no product). A-2 may be for
        // either product, so both products conflict: Platform {A-1 alice, A-2 bob}, Services {A-2 bob, A-3 alice}.
        // GLOBEX's deals are won, stopped or lost, and P-2 (INITECH) has no owner: no conflict there.
        var json = Pin("deal-conflict-report", DealConflicts.Find(CustomerDeals));
        var conflicts = json.GetProperty("conflicts");
        Assert.Equal(2, conflicts.GetArrayLength());
        var platform = conflicts[0];
        Assert.Equal("ACME", platform.GetProperty("accountId").GetString());
        Assert.Equal("Acme Corp", platform.GetProperty("customerName").GetString());
        Assert.Equal("Platform", platform.GetProperty("product").GetString());
        Assert.Equal(["alice", "bob"], platform.GetProperty("owners").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal(["A-1", "A-2"], platform.GetProperty("deals").EnumerateArray().Select(d => d.GetProperty("deal").GetString()));
        Assert.Equal(12_000m, Amount(platform.GetProperty("deals")[0].GetProperty("amount")));
        Assert.Equal("proposal", platform.GetProperty("deals")[0].GetProperty("stageId").GetString());
        var services = conflicts[1];
        Assert.Equal("Services", services.GetProperty("product").GetString());
        Assert.Equal(["A-2", "A-3"], services.GetProperty("deals").EnumerateArray().Select(d => d.GetProperty("deal").GetString()));
        Assert.Equal(JsonValueKind.Null, services.GetProperty("deals")[0].GetProperty("product").ValueKind);
    }

    [Fact]
    public void Pool_report()
    {
        // As of Fri Mar 6 09:00. Company pool first: P-2 since Mar 4 09:00, 48 hours; 1 deal, 6,000, oldest = median 48h.
        // Team east: P-1 since Mar 2 09:00 (96 hours) and lead L-9 since Mar 3 09:00 (72 hours): 1 deal, 1 lead, 9,000;
        // oldest 96h; median of two = (96 + 72) / 2 = 84h; items longest wait first (P-1, then L-9, whose amount is null).
        var json = Pin("pool-report", PoolAnalysis.Of(CustomerDeals, PooledLeads, Mar(6)));
        var pools = json.GetProperty("pools");
        Assert.Equal(2, pools.GetArrayLength());
        var company = pools[0];
        Assert.Equal(JsonValueKind.Null, company.GetProperty("teamId").ValueKind);
        Assert.Equal(1, company.GetProperty("deals").GetInt32());
        Assert.Equal(6_000m, Amount(company.GetProperty("dealValue")));
        Assert.Equal("48:00:00", company.GetProperty("oldest").GetString());
        Assert.Equal("48:00:00", company.GetProperty("medianWait").GetString());
        var east = pools[1];
        Assert.Equal("east", east.GetProperty("teamId").GetString());
        Assert.Equal(1, east.GetProperty("deals").GetInt32());
        Assert.Equal(1, east.GetProperty("leads").GetInt32());
        Assert.Equal(9_000m, Amount(east.GetProperty("dealValue")));
        Assert.Equal("96:00:00", east.GetProperty("oldest").GetString());
        Assert.Equal("84:00:00", east.GetProperty("medianWait").GetString());
        var items = east.GetProperty("items");
        Assert.Equal("P-1", items[0].GetProperty("deal").GetString());
        Assert.Equal("L-9", items[1].GetProperty("lead").GetString());
        Assert.Equal("72:00:00", items[1].GetProperty("waiting").GetString());
        Assert.Equal(JsonValueKind.Null, items[1].GetProperty("amount").ValueKind);
    }

    [Fact]
    public void Pipeline_by_stage()
    {
        // Open deals: Prospecting A-2 3,000 + A-3 2,500 + P-1 9,000 + P-2 6,000 = 4 deals, 20,500, weighted x 0.1 = 2,050;
        // Qualified none; Proposal A-1 12,000, weighted x 0.5 = 6,000; Negotiation none. Stopped: G-2, 4,000 (weighted
        // nothing). Won G-1 and lost G-3 count nowhere. Open total 5 deals, 32,500, weighted 2,050 + 6,000 = 8,050.
        var json = Pin("pipeline-by-stage", Forecast.ByStage(CustomerDeals, Default));
        var stages = json.GetProperty("stages");
        Assert.Equal(
            ["prospecting", "qualified", "proposal", "negotiation"],
            stages.EnumerateArray().Select(s => s.GetProperty("stageId").GetString())
        );
        Assert.Equal(4, stages[0].GetProperty("deals").GetInt32());
        Assert.Equal(20_500m, Amount(stages[0].GetProperty("amount")));
        Assert.Equal(2_050m, Amount(stages[0].GetProperty("weighted")));
        Assert.Equal(0, stages[1].GetProperty("deals").GetInt32());
        Assert.Equal(0m, Amount(stages[1].GetProperty("amount")));
        Assert.Equal(12_000m, Amount(stages[2].GetProperty("amount")));
        Assert.Equal(6_000m, Amount(stages[2].GetProperty("weighted")));
        Assert.Equal(1, json.GetProperty("stoppedDeals").GetInt32());
        Assert.Equal(4_000m, Amount(json.GetProperty("stoppedAmount")));
        Assert.Equal(5, json.GetProperty("openDeals").GetInt32());
        Assert.Equal(32_500m, Amount(json.GetProperty("openAmount")));
        Assert.Equal(8_050m, Amount(json.GetProperty("weighted")));
    }
}
