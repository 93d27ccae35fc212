using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Collections;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Metrics;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Html.Tests.Support;

// A small book of hand-made deals and contracts whose figures are worked out by hand below, for the charts' geometry and
// the report page.
//
// Deals (PipelineDefinition.Default: Prospecting 10%, Qualified 20%, Proposal 50%, Negotiation 80%), USD:
//   A alice 100,000  opened 2026-01-05, in Proposal,      close 2026-03-20
//   B bob    40,000  opened 2026-01-05, in Negotiation,   close 2026-03-31
//   C alice  25,000  opened 2026-01-05 09:00, won from Negotiation 2026-03-10 12:00
//   D bob    12,000  opened 2026-01-05, lost from Qualified 2026-02-10
//   E alice  30,000  opened 2025-10-01 09:00, won from Negotiation 2025-11-15 09:00
//   F bob     8,000  opened 2025-10-01, lost from Prospecting 2025-12-01
//   G bob    50,000  opened 2025-11-01, in Prospecting,   close 2026-04-30
// Funnel (reached): Prospecting 7, Qualified 5 (A B C D E), Proposal 4 (A B C E), Negotiation 3 (B C E).
// March 2026 revenue: C's 25,000 won, plus A (100,000 at 50%) and B (40,000 at 80%) independently:
//   25,000 (0.5 x 0.2 = 0.1), 65,000 (0.5 x 0.8 = 0.4), 125,000 (0.5 x 0.2 = 0.1), 165,000 (0.5 x 0.8 = 0.4);
//   cumulative 0.1, 0.5, 0.6, 1.0, so P10 = 25,000, P50 = 65,000, P90 = 165,000; mean 25,000 + 50,000 + 32,000 = 107,000;
//   P(revenue >= 100,000) = 0.1 + 0.4 = 0.5.
// Velocity, Q4 2025: N = 1 (G), E won 30,000 in 45 days, F lost: W = 0.5, V = 1 x 30,000 x 0.5 / 45 = 333.33 per day.
//           Q1 2026: N = 3 (A, B, G), C won 25,000 in 64.125 days, D lost: W = 0.5, V = 3 x 25,000 x 0.5 / 64.125 = 584.80.
internal static class Book
{
    public static readonly PipelineDefinition Pipeline = PipelineDefinition.Default;
    public static readonly Currency Usd = Currency.USD;
    public static readonly Instant Opened = Instant.FromUtc(2026, 1, 5, 9, 0);

    public static readonly SalesOrg Organization = SalesOrg
        .CreateBuilder("Acme")
        .Team("east", "East")
        .Rep("alice", "Alice", "east")
        .Rep("bob", "Bob", "east")
        .Build();

    public static readonly IReadOnlyList<FiscalPeriod> Months = FiscalCalendar.Calendar.Months(2026).Take(3).ToList();

    public static FiscalPeriod March => Months[2];

    public static IReadOnlyList<Deal> Deals { get; } = MakeDeals();

    public static Deal To(string id, string owner, decimal amount, LocalDate close, string stage, Instant? opened = null)
    {
        var at = opened ?? Opened;
        var deal = Deal.Open(Pipeline, new DealId(id), id, owner, Money.Of(amount, Usd), close, at);
        foreach (var criterion in Pipeline.OpenStages.TakeWhile(s => s.Id != stage).SelectMany(s => s.ExitCriteria))
        {
            deal = Pipeline.Answer(deal, criterion.Id, at, owner);
        }
        foreach (var s in Pipeline.OpenStages.Skip(1).TakeWhile(s => s.Index <= Pipeline.GetStage(stage).Index))
        {
            deal = Pipeline.Move(deal, s.Id, at, owner);
        }
        return deal;
    }

    public static FunnelReport Funnel() => Metrics.Funnel.Of(Deals, Pipeline);

    public static StageWeightedForecast StageWeighted() => Forecast.StageWeighted(Deals, Pipeline, Months);

    public static CategoryForecast Categories() => Forecast.ByCategory(Deals, Pipeline, Months, Organization);

    public static RevenueDistribution MarchDistribution() => Forecast.Distribution(Deals, Pipeline, March);

    public static SalesVelocity VelocityQ4() => SalesVelocity.Of(Deals, FiscalCalendar.Calendar.Quarter(2025, 4));

    public static SalesVelocity VelocityQ1() => SalesVelocity.Of(Deals, FiscalCalendar.Calendar.Quarter(2026, 1));

    // The receivables walkthrough of docs/receivables.md: aged on 2026-04-10, USD 7,900.00 outstanding in all.
    public static IReadOnlyList<CollectionSchedule> Contracts { get; } = MakeContracts();

    public static readonly LocalDate ContractsAsOf = new(2026, 4, 10);

    public static AgingReport Aging() => Collections.Aging.Of(Contracts, ContractsAsOf);

    // With a won deal not yet scheduled (H, 2,000 won 2026-04-20) and the open deal G (50,000 at 10%, close 2026-04-30),
    // both under "half at the start, half 30 days later": H owes 1,000 in April and 1,000 in May; G weighs 5,000, 2,500 in
    // April and 2,500 in May. The schedules: 6,900 overdue, C-2's 1,000 due in April, C-4's 1,000 undated.
    public static CashForecastReport Cash() =>
        CashForecast.Of(
            Contracts,
            ContractsAsOf,
            FiscalCalendar.Calendar.Months(2026).Skip(3).Take(3),
            new CashForecastOptions
            {
                DefaultTerms = PaymentTerms.Create(
                    TermsLine.Percentage(50m, DueRule.DaysAfterStart(0)),
                    TermsLine.Balance(DueRule.DaysAfterStart(30))
                ),
                WonDeals =
                [
                    Pipeline.Win(
                        To("H", "alice", 2_000m, new LocalDate(2026, 4, 30), "negotiation"),
                        Instant.FromUtc(2026, 4, 20, 10, 0),
                        "alice"
                    ),
                ],
                OpenDeals = [Deals.Single(d => d.Id == new DealId("G"))],
                Pipeline = Pipeline,
            }
        );

    private static List<Deal> MakeDeals()
    {
        var q4 = Instant.FromUtc(2025, 10, 1, 9, 0);
        return
        [
            To("A", "alice", 100_000m, new LocalDate(2026, 3, 20), "proposal"),
            To("B", "bob", 40_000m, new LocalDate(2026, 3, 31), "negotiation"),
            Pipeline.Win(
                To("C", "alice", 25_000m, new LocalDate(2026, 3, 15), "negotiation"),
                Instant.FromUtc(2026, 3, 10, 12, 0),
                "alice"
            ),
            Pipeline.Lose(
                To("D", "bob", 12_000m, new LocalDate(2026, 2, 28), "qualified"),
                LossReason.Price,
                Instant.FromUtc(2026, 2, 10, 12, 0),
                "bob"
            ),
            Pipeline.Win(
                To("E", "alice", 30_000m, new LocalDate(2025, 11, 30), "negotiation", q4),
                Instant.FromUtc(2025, 11, 15, 9, 0),
                "alice"
            ),
            Pipeline.Lose(
                To("F", "bob", 8_000m, new LocalDate(2025, 12, 15), "prospecting", q4),
                LossReason.NoDecision,
                Instant.FromUtc(2025, 12, 1, 9, 0),
                "bob"
            ),
            To("G", "bob", 50_000m, new LocalDate(2026, 4, 30), "prospecting", Instant.FromUtc(2025, 11, 1, 9, 0)),
        ];
    }

    private static List<CollectionSchedule> MakeContracts()
    {
        var thirtyThenTwoMonthly = PaymentTerms.Create(
            TermsLine.Percentage(30m, DueRule.DaysAfterStart(0)),
            TermsLine.Balance(DueRule.MonthsAfterStart(1), instalments: 2)
        );
        var allOnSigning = PaymentTerms.Create(TermsLine.Percentage(100m, DueRule.DaysAfterStart(0)));
        var halfThenGoLive = PaymentTerms.Create(
            TermsLine.Percentage(50m, DueRule.DaysAfterStart(0)),
            TermsLine.Percentage(50m, DueRule.OnMilestone("go-live"))
        );
        return
        [
            CollectionSchedule
                .Create(
                    Money.Of(10_000m, Usd),
                    new LocalDate(2026, 1, 31),
                    thirtyThenTwoMonthly,
                    new ContractInfo("C-1", "Globex", "alice")
                )
                .Record(new Payment("WIRE-1", new LocalDate(2026, 2, 2), Money.Of(4_000m, Usd))),
            CollectionSchedule.Create(
                Money.Of(1_000m, Usd),
                new LocalDate(2026, 4, 10),
                allOnSigning,
                new ContractInfo("C-2", "Initech", "bob")
            ),
            CollectionSchedule.Create(
                Money.Of(900m, Usd),
                new LocalDate(2025, 12, 1),
                allOnSigning,
                new ContractInfo("C-3", "Globex", "alice")
            ),
            CollectionSchedule
                .Create(Money.Of(2_000m, Usd), new LocalDate(2026, 3, 1), halfThenGoLive, new ContractInfo("C-4", "Umbrella", "bob"))
                .Record(new Payment("CHK-4", new LocalDate(2026, 3, 1), Money.Of(1_000m, Usd))),
        ];
    }
}
