using NodaTime;
using SalesPipeline.Activities;
using SalesPipeline.Calendars;
using SalesPipeline.Collections;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Health;
using SalesPipeline.Leads;
using SalesPipeline.Metrics;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;
using SalesPipeline.Quotes;
using SalesPipeline.Reporting;
using SalesPipeline.Targets;

namespace SalesPipeline.Csv.Tests.Support;

// One table of every kind the library projects, from a small book of deals, leads, activities and schedules in the first
// quarter of 2026, for the round trip through an independent reader and for the check of docs/export.md.
internal static class SampleReports
{
    private static readonly PipelineDefinition Pipeline = PipelineDefinition.Default;
    private static readonly Instant AsOf = Instant.FromUtc(2026, 3, 31, 18, 0);
    private static readonly LocalDate Today = new(2026, 3, 31);
    private static readonly FiscalPeriod Q1 = FiscalCalendar.Calendar.Quarter(2026, 1);
    private static readonly IReadOnlyList<FiscalPeriod> Months = [.. FiscalCalendar.Calendar.Months(2026).Take(3)];

    private static readonly SalesOrg Org = SalesOrg
        .CreateBuilder("Acme")
        .Team("emea", "EMEA", lead: "bob")
        .Rep("alice", "Alice", "emea")
        .Rep("bob", "Bob", "emea")
        .Build();

    private static Money Eur(decimal amount) => Money.Of(amount, Currency.EUR);

    private static Instant At(int month, int day, int hour = 10) => Instant.FromUtc(2026, month, day, hour, 0);

    private static Deal To(string id, string owner, decimal amount, LocalDate close, string stage, Instant at, string? name = null)
    {
        var deal = Deal.Open(Pipeline, new DealId(id), name ?? id, owner, Eur(amount), close, at, source: LeadSource.Web);
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

    // Names with the characters CSV must quote: a comma, a quote, a line break, a leading space, a formula.
    public static Deal[] Deals() =>
        [
            To("D-1", "alice", 12_500.50m, new LocalDate(2026, 3, 20), "proposal", At(1, 5), "Globex, \"phase 2\""),
            To("D-2", "bob", 40_000m, new LocalDate(2026, 3, 25), "negotiation", At(1, 10), "Initech\nrenewal"),
            Pipeline.Win(To("D-3", "alice", 8_000m, new LocalDate(2026, 2, 28), "negotiation", At(1, 12), " Umbrella"), At(2, 20), "alice"),
            Pipeline.Lose(
                To("D-4", "bob", 3_000m, new LocalDate(2026, 2, 15), "qualified", At(1, 15), "=HYPERLINK(1)"),
                LossReason.Price,
                At(2, 10),
                "bob",
                "Hooli"
            ),
            To("D-5", "alice", 1_000m, new LocalDate(2026, 1, 31), "prospecting", At(1, 20)),
        ];

    private static Lead[] Leads() =>
        [
            Lead.Create(new LeadId("L-1"), "Lead one", LeadSource.Web, "alice", At(1, 2)),
            Lead.Create(new LeadId("L-2"), "Lead two", LeadSource.Referral, "bob", At(3, 30)),
        ];

    private static Activity[] Activities() =>
        [
            Activity.ForDeal(ActivityKind.Call, At(1, 6), "alice", new DealId("D-1"), ActivityOutcome.Connected),
            Activity.ForDeal(ActivityKind.Meeting, At(1, 9), "bob", new DealId("D-2")),
            Activity.ForLead(ActivityKind.Email, At(1, 2, 14), "alice", new LeadId("L-1")),
        ];

    private static CollectionSchedule[] Schedules() =>
        [
            CollectionSchedule
                .Create(
                    Eur(8_000m),
                    new LocalDate(2026, 2, 20),
                    PaymentTerms.Create(
                        TermsLine.Percentage(50m, DueRule.DaysAfterStart(0)),
                        TermsLine.Balance(DueRule.DaysAfterStart(30))
                    ),
                    new ContractInfo("C-3", "Umbrella", "alice", new DealId("D-3"))
                )
                .Record(new Payment("WIRE-1", new LocalDate(2026, 2, 21), Eur(4_000m))),
        ];

    public static IEnumerable<ReportTable> All()
    {
        var deals = Deals();
        var leads = Leads();
        var activities = Activities();
        var schedules = Schedules();
        var dealsAsOf = deals;
        yield return Forecast.StageWeighted(deals, Pipeline, Months, new ForecastOptions { AsOf = new LocalDate(2026, 1, 1) }).ToTable();
        var categories = Forecast.ByCategory(
            deals,
            Pipeline,
            [Q1],
            Org,
            [new CategoryAdjustment("alice", Q1, ForecastCategory.Commit, Eur(15_000m), "bob", At(3, 1), "Initech, \"maybe\"")]
        );
        yield return categories.ToTable();
        yield return categories.ToAdjustmentsTable();
        var distribution = Forecast.Distribution(deals, Pipeline, Months[2]);
        yield return distribution.ToTable();
        yield return distribution.ToSummaryTable();
        yield return distribution.ToCountTable();
        yield return Forecast.Compare(deals, Pipeline).ToTable();
        var backtest = ForecastBacktest.Run(deals, Pipeline, [BacktestPoint.AtStartOf(Months[1]), BacktestPoint.AtStartOf(Months[2])]);
        yield return StageCalibration.FromHistory(deals, Pipeline).ToTable();
        yield return backtest.ToTable();
        yield return backtest.ToAccuracyTable();
        var funnel = Funnel.Of(
            deals,
            leads,
            Pipeline,
            new FunnelOptions { Breakdowns = [Breakdown.Owner], LeadBreakdowns = [Breakdown.Source] }
        );
        yield return funnel.ToTable();
        yield return funnel.ToLeadConversionTable();
        yield return WinRate.By(deals, Breakdown.Owner).ToTable("owner");
        var board = new LeaderboardAccumulator();
        board.AddRange(deals);
        yield return board.Result(LeaderboardMeasure.WinRate, minimumSample: 2).ToTable();
        yield return LossAnalysis.Of(deals).ToTable();
        yield return CompetitorAnalysis.Of(deals).ToTable();
        yield return TimeInStage.Of(deals, Pipeline, AsOf).ToTable();
        var cycle = SalesCycle.Of(dealsAsOf, AsOf);
        yield return cycle.ToTable();
        yield return cycle.Curve.ToTable();
        yield return SalesVelocity.By(deals, Q1, Breakdown.Owner).ToTable();
        yield return SalesVelocity.Compare(SalesVelocity.Of(deals, Months[0]), SalesVelocity.Of(deals, Months[1])).ToTable();
        yield return IncomingVolume.Of(leads, deals, Months, new IncomingVolumeOptions { Breakdown = Breakdown.Owner }).ToTable();
        var response = LeadResponseTime.Of(leads, ActivityIndex.Create(activities), AsOf);
        yield return response.ToTable();
        yield return response.ToUntouchedTable();
        var counts = new ActivityReportAccumulator(Months);
        counts.AddRange(activities);
        yield return counts.Result().ToTable();
        yield return ActivityProgress.Of(deals, activities).ToTable();
        var health = PipelineHealth.Inspect(
            deals,
            Pipeline,
            AsOf,
            null,
            new HealthInputs
            {
                Activities = ActivityIndex.Create(activities),
                Coverage = new CoverageGoal(FiscalCalendar.Calendar.Quarter(2026, 2), Eur(100_000m), 0.25m),
            }
        );
        yield return health.ToTable();
        yield return health.ToSummaryTable();
        yield return health.Shortlist.ToTable();
        yield return health.Coverage!.ToTable();
        yield return Attainment
            .Of(
                deals,
                Pipeline,
                [Quota.ForPerson("alice", Q1, Eur(30_000m)), Quota.ForTeam("emea", Q1, Eur(90_000m))],
                new AttainmentOptions
                {
                    WinRate = 0.3m,
                    ForecastOptions = new ForecastOptions { Organization = Org },
                }
            )
            .ToTable();
        yield return schedules.ToTable();
        yield return schedules[0].StatusAsOf(Today).ToTable();
        yield return schedules[0].StatusAsOf(Today).ToSummaryTable();
        yield return Aging.Of(schedules, Today, organization: Org).ToTable();
        yield return CashForecast.Of(schedules, Today, [FiscalCalendar.Calendar.Month(2026, 4)]).ToTable();
        var progress = CollectionProgress.Of(schedules, Today, Org);
        yield return progress.ToTable();
        yield return progress.ToRankingTable();
        yield return DaysSalesOutstanding.Of(schedules, Q1).ToTable();
        yield return Forecast.ByStage(deals, Pipeline).ToTable();
        var issue13 = Issue13Deals();
        yield return CustomerAnalysis.Of(deals.Concat(issue13), schedules, Today).ToTable();
        yield return DealConflicts.Find(issue13).ToTable();
        yield return PoolAnalysis.Of(issue13, leads, AsOf).ToTable();
        var quotes = Quotes();
        yield return QuoteReports.ByStatus(quotes, Today).ToTable();
        yield return QuoteReports.AverageDiscount(quotes, Breakdown.Owner, Org).ToTable();
        yield return QuoteReports.ApprovalTurnaround(quotes).ToTable();
        yield return QuoteReports.QuoteToWin(quotes, issue13).ToTable();
    }

    private static readonly Customer Globex = new("ACC-1", "Globex, Inc.");

    // Two open deals for one customer owned by different reps (a conflict), and one waiting in emea's pool.
    private static Deal[] Issue13Deals() =>
        [
            Deal.Open(
                Pipeline,
                new DealId("C-1"),
                "Globex seats",
                "alice",
                Eur(10_000m),
                new LocalDate(2026, 4, 30),
                At(2, 1),
                customer: Globex
            ),
            Deal.Open(
                Pipeline,
                new DealId("C-2"),
                "Globex support",
                "bob",
                Eur(5_000m),
                new LocalDate(2026, 4, 30),
                At(2, 2),
                customer: Globex
            ),
            Deal.OpenInPool(Pipeline, new DealId("P-1"), "Pooled", "emea", Eur(2_000m), new LocalDate(2026, 5, 31), At(3, 1), "bob"),
        ];

    // A quote 12% off list on C-1, which its manager bob must approve and did; a draft on C-2.
    private static Quote[] Quotes()
    {
        var book = new PriceBook(
            "2026 list",
            new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31)),
            [new Product("seat", "User seat", "seat/year", [Eur(480m)])]
        );
        var approved = Quote
            .Create(
                "Q-1",
                new DealId("C-1"),
                "alice",
                new LocalDate(2026, 4, 30),
                [book.Line("seat", 10m, Currency.EUR, new LocalDate(2026, 3, 2), Discount.Percentage(12m))],
                At(3, 2),
                "alice"
            )
            .Submit(new ApprovalPolicy([ApprovalRule.LineDiscountAbove(10m, Approver.Manager)]), Org, At(3, 2, 11), "alice")
            .Approve(Org, At(3, 3), "bob", "Fine, \"for 10 seats\"");
        var draft = Quote.Create(
            "Q-2",
            new DealId("C-2"),
            "bob",
            new LocalDate(2026, 4, 30),
            [book.Line("seat", 5m, Currency.EUR, new LocalDate(2026, 3, 4))],
            At(3, 4),
            "bob"
        );
        return [approved, draft];
    }
}
