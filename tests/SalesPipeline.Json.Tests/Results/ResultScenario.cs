using NodaTime;
using SalesPipeline.Activities;
using SalesPipeline.Calendars;
using SalesPipeline.Collections;
using SalesPipeline.Deals;
using SalesPipeline.Leads;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Json.Tests.Results;

// Five deals on the default pipeline, small enough to check every figure by hand (all USD, opened 2026-01-05 09:00Z;
// the reports look at 2026-03-01 and at Q1 = Jan-Mar 2026, Q2 = Apr-Jun 2026 of the calendar-year fiscal calendar):
//   D-1 alice 10,000, close 2026-02-15: Qualified Jan 12, criteria Jan 13, Proposal Jan 20 (open, 50%).
//   D-2 alice 20,000, close 2026-03-20: as D-1, then Negotiation Feb 2 (open, 80%).
//   D-3 bob    5,000, close 2026-05-10: still in Prospecting (open, 10%).
//   D-4 bob    8,000, close 2026-02-01: Qualified Jan 12, criteria Jan 13, Proposal Jan 19, Negotiation Jan 26, won Feb 1.
//   D-5 alice  4,000, close 2026-02-28: Qualified Jan 12, lost Feb 10 (price, to Contoso).
// Two contracts: C-4 (Umbrella, bob, from D-4) 8,000 signed Feb 1, 50% at signing and the balance 30 days later
// (4,000 due Feb 1, paid Feb 5; 4,000 due Mar 3); C-9 (Globex, alice) 6,000 signed Jan 10, due 14 days later (Jan 24),
// unpaid: 36 days overdue on Mar 1.
// Two leads: L-1 (bob, web) created Feb 2 09:00 and called 23 hours later; L-2 (alice, web) created Feb 20 09:00 and
// untouched: 207 hours old on Mar 1 00:00. Activities: alice calls on D-1 (Jan 12 08:00), bob meets on D-4 (Jan 19
// 08:00), bob calls L-1 (Feb 3 08:00).
internal static class ResultScenario
{
    public static readonly PipelineDefinition Pipeline = PipelineDefinition.Default;
    public static readonly Instant AsOf = Instant.FromUtc(2026, 3, 1, 0, 0);
    public static readonly LocalDate AsOfDate = new(2026, 3, 1);
    public static readonly FiscalCalendar Calendar = FiscalCalendar.Calendar;
    public static readonly FiscalPeriod Q1 = Calendar.Quarter(2026, 1);
    public static readonly FiscalPeriod Q2 = Calendar.Quarter(2026, 2);
    public static readonly FiscalPeriod[] Quarters = [Q1, Q2];

    public static readonly SalesOrg Org = SalesOrg
        .CreateBuilder("Acme")
        .Team("sales", "Sales", lead: "lena")
        .Rep("lena", "Lena", "sales")
        .Rep("alice", "Alice", "sales")
        .Rep("bob", "Bob", "sales")
        .Build();

    private static Instant Jan(int day) => Instant.FromUtc(2026, 1, day, 9, 0);

    private static Instant Feb(int day) => Instant.FromUtc(2026, 2, day, 9, 0);

    private static Deal Open(string id, string name, string owner, decimal amount, LocalDate close) =>
        Deal.Open(Pipeline, new DealId(id), name, owner, Money.Of(amount, Currency.USD), close, Jan(5));

    private static Deal Qualify(Deal deal)
    {
        deal = Pipeline.Move(deal, "qualified", Jan(12), deal.Owner!);
        foreach (var criterion in new[] { "use-case", "technical-fit", "budget" })
        {
            deal = Pipeline.Answer(deal, criterion, Jan(13), deal.Owner!);
        }
        return deal;
    }

    public static readonly Deal[] AllDeals = Build();

    private static Deal[] Build()
    {
        var d1 = Pipeline.Move(Qualify(Open("D-1", "Acme", "alice", 10_000m, new LocalDate(2026, 2, 15))), "proposal", Jan(20), "alice");
        var d2 = Pipeline.Move(Qualify(Open("D-2", "Globex", "alice", 20_000m, new LocalDate(2026, 3, 20))), "proposal", Jan(20), "alice");
        d2 = Pipeline.Move(d2, "negotiation", Feb(2), "alice");
        var d3 = Open("D-3", "Initech", "bob", 5_000m, new LocalDate(2026, 5, 10));
        var d4 = Pipeline.Move(Qualify(Open("D-4", "Umbrella", "bob", 8_000m, new LocalDate(2026, 2, 1))), "proposal", Jan(19), "bob");
        d4 = Pipeline.Win(Pipeline.Move(d4, "negotiation", Jan(26), "bob"), Feb(1), "bob");
        var d5 = Pipeline.Lose(
            Qualify(Open("D-5", "Hooli", "alice", 4_000m, new LocalDate(2026, 2, 28))),
            LossReason.Price,
            Feb(10),
            "alice",
            "Contoso"
        );
        return [d1, d2, d3, d4, d5];
    }

    public static readonly Lead[] AllLeads =
    [
        Lead.Create(new LeadId("L-1"), "Wayne", new LeadSource("web"), "bob", Feb(2)),
        Lead.Create(new LeadId("L-2"), "Stark", new LeadSource("web"), "alice", Feb(20)),
    ];

    public static readonly Activity[] AllActivities =
    [
        Activity.ForDeal(ActivityKind.Call, Instant.FromUtc(2026, 1, 12, 8, 0), "alice", new DealId("D-1")),
        Activity.ForDeal(ActivityKind.Meeting, Instant.FromUtc(2026, 1, 19, 8, 0), "bob", new DealId("D-4")),
        Activity.ForLead(ActivityKind.Call, Instant.FromUtc(2026, 2, 3, 8, 0), "bob", new LeadId("L-1")),
    ];

    public static readonly CollectionSchedule[] Schedules =
    [
        CollectionSchedule
            .Create(
                Money.Of(8_000m, Currency.USD),
                new LocalDate(2026, 2, 1),
                PaymentTerms.Create(TermsLine.Percentage(50m, DueRule.DaysAfterStart(0)), TermsLine.Balance(DueRule.DaysAfterStart(30))),
                new ContractInfo("C-4", "Umbrella", "bob", new DealId("D-4"))
            )
            .Record(new Payment("P-1", new LocalDate(2026, 2, 5), Money.Of(4_000m, Currency.USD))),
        CollectionSchedule.Create(
            Money.Of(6_000m, Currency.USD),
            new LocalDate(2026, 1, 10),
            PaymentTerms.Create(TermsLine.Balance(DueRule.DaysAfterStart(14))),
            new ContractInfo("C-9", "Globex", "alice")
        ),
    ];
}
