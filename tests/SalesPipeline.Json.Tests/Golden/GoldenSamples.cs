using NodaTime;
using SalesPipeline.Collections;
using SalesPipeline.Deals;
using SalesPipeline.Leads;
using SalesPipeline.Pipelines;
using SalesPipeline.Quotes;

namespace SalesPipeline.Json.Tests.Golden;

// One sample per event and entry type, every optional field set, so that each golden file shows every field.
internal static class GoldenSamples
{
    private static readonly DealId D = new("D-1001");
    private static readonly Instant T = Instant.FromUtc(2026, 3, 2, 9, 30);
    private static readonly Money Usd60k = Money.Of(60_000.00m, Currency.USD);

    public static readonly DealEvent[] DealEvents =
    [
        new DealCreated(
            D,
            T,
            "alice",
            "Enterprise",
            "Acme: 500 seats",
            "alice",
            Usd60k,
            new LocalDate(2026, 6, 30),
            "prospecting",
            new LeadId("L-2001"),
            LeadSource.Web,
            "Platform",
            null,
            new Customer("ACC-1042", "Acme Corp")
        ),
        new DealImported(
            D,
            T,
            "import",
            "Enterprise",
            "Acme: 500 seats",
            "bob",
            Money.Of(12_500.50m, Currency.EUR),
            new LocalDate(2026, 1, 31),
            "lost",
            DealStatus.Lost,
            Instant.FromUtc(2025, 11, 3, 14, 5, 30).PlusNanoseconds(250_000_000),
            false,
            LossReason.Competitor,
            "Globex",
            new LeadId("L-17"),
            new LeadSource("trade-show-2026"),
            "Analytics",
            new Customer("ACC-1042", "Acme Corp")
        ),
        new StageMoved(D, T, "alice", "qualified", "negotiation", MoveDirection.Forward, 1),
        new ExitCriterionAnswered(D, T, "alice", "budget"),
        new ExitCriterionWithdrawn(D, T, "alice", "budget"),
        new AmountChanged(D, T, "alice", Money.Of(72_000.00m, Currency.USD)),
        new ExpectedCloseChanged(D, T, "alice", new LocalDate(2026, 9, 30)),
        new ProbabilityOverridden(D, T, "carol", 0.65m, ValueSource.Manual),
        new ProbabilityOverrideCleared(D, T, "carol"),
        new CategoryOverridden(D, T, "alice", ForecastCategory.Commit),
        new CategoryOverrideCleared(D, T, "alice"),
        new OwnerReassigned(D, T, "manager", "bob"),
        new DealWon(D, T, "alice", "won"),
        new DealLost(D, T, "alice", "lost", LossReason.Price, "Initech"),
        new CompetitorNoted(D, T, "alice", "Globex"),
        new DealReopened(D, T, "manager", "negotiation"),
        new CustomerChanged(D, T, "alice", new Customer("ACC-2077", "Acme Holdings")),
        new DealStopped(D, T, "alice", StopReason.BudgetFrozen),
        new DealResumed(D, T, "alice", "negotiation") { Cause = "quote Q-17 v2" },
        new DealAssignedToPool(D, T, "manager", "emea-mid-market"),
        new CommentAdded(D, T, "carol", "Approved 5% more off; send the revised quote.", "A-77"),
    ];

    // The optional fields issue 13 added that the samples above leave out: a pooled creation (no owner, a team) and a
    // cause on an older event type; each has its own golden file.
    public static readonly (string Name, DealEvent Event)[] MoreDealEvents =
    [
        (
            "DealCreated.pooled",
            new DealCreated(
                D,
                T,
                "ops",
                "Enterprise",
                "Globex renewal",
                null,
                Usd60k,
                new LocalDate(2026, 11, 30),
                "prospecting",
                Team: "emea"
            )
        ),
        ("StageMoved.caused", new StageMoved(D, T, "alice", "qualified", "proposal", MoveDirection.Forward, 0) { Cause = "quote Q-17 v1" }),
        ("DealAssignedToPool.company", new DealAssignedToPool(D, T, "manager", null)),
        // Imported while it waited in emea's pool (no owner) since 1 March; and an owned import naming the team it came
        // through. DealImported.json, written before these fields existed, stays byte for byte.
        (
            "DealImported.pooled",
            new DealImported(
                D,
                T,
                "import",
                "Enterprise",
                "Globex renewal",
                null,
                Usd60k,
                new LocalDate(2026, 11, 30),
                "qualified",
                DealStatus.Open,
                Instant.FromUtc(2026, 2, 20, 8, 0),
                false,
                Team: "emea",
                InPoolSince: Instant.FromUtc(2026, 3, 1, 0, 0)
            )
        ),
        (
            "DealImported.team",
            new DealImported(
                D,
                T,
                "import",
                "Enterprise",
                "Globex renewal",
                "bob",
                Usd60k,
                new LocalDate(2026, 11, 30),
                "qualified",
                DealStatus.Open,
                Instant.FromUtc(2026, 2, 20, 8, 0),
                true,
                Team: "emea"
            )
        ),
    ];

    private static readonly LeadId L = new("L-2001");

    public static readonly LeadEvent[] LeadEvents =
    [
        new LeadCreated(L, T, "web-form", "Jane Roe, Globex", LeadSource.Web, "alice", "Platform"),
        new LeadAssignedToPool(L, T, "manager", "emea-mid-market"),
        new LeadTouched(L, T, "alice"),
        new LeadReassigned(L, T, "manager", "bob"),
        new LeadDisqualified(L, T, "bob", "no budget"),
        new LeadConverted(L, T, "bob", D),
    ];

    private static readonly Money Usd480 = Money.Of(480.00m, Currency.USD);

    // A quote in Berlin's calendar: a seat line 12% off with a floor price, a support line without, 250.00 off the quote.
    private static readonly QuoteContent Offer = new(
        new LocalDate(2026, 3, 31),
        [
            new QuoteLine("seat", 100m, Usd480, Usd480, Money.Of(380.00m, Currency.USD), Discount.Percentage(12m)),
            new QuoteLine("support", 1m, Money.Of(9_600.00m, Currency.USD), Money.Of(9_600.00m, Currency.USD)),
        ],
        Discount.Of(Money.Of(250.00m, Currency.USD))
    );

    private static readonly RequiredApproval Maria = new(ApproverLevel.Manager, "maria", null);

    public static readonly QuoteEvent[] QuoteEvents =
    [
        new QuoteCreated("Q-17", T, "alice", D, "alice", Offer, DateTimeZoneProviders.Tzdb["Europe/Berlin"]),
        new QuoteRevised("Q-17", T, "alice", 2, Offer with { QuoteDiscount = Discount.Percentage(5m) }),
        new QuoteSubmitted(
            "Q-17",
            T,
            "alice",
            [
                new TriggeredRule("line discount above 10%", ApproverLevel.Manager, null, "line \"seat\" is 12% off list, above 10%"),
                new TriggeredRule(
                    "total above USD 40,000.00",
                    ApproverLevel.Role,
                    "deal-desk",
                    "the total is USD 51,390.00, above USD 40,000.00"
                ),
            ],
            [Maria, new RequiredApproval(ApproverLevel.Role, null, "deal-desk")]
        ),
        new QuoteApproved("Q-17", T, "maria", [Maria], "12% is fine for 100 seats."),
        new QuoteRejected("Q-17", T, "maria", "Too much off the support line."),
        new QuoteSent("Q-17", T, "alice"),
        new QuoteAccepted("Q-17", T, "alice"),
        new QuoteDeclined("Q-17", T, "alice", "Went with a competitor."),
    ];

    public static readonly CollectionEntry[] Entries =
    [
        new Payment("WIRE-0042", new LocalDate(2026, 2, 3), Money.Of(3_000.00m, Currency.USD), 2),
        new Refund("R-1", new LocalDate(2026, 3, 1), "WIRE-0042", Money.Of(500.00m, Currency.USD), "duplicate seat count"),
        new Reversal("V-1", new LocalDate(2026, 3, 5), "CHQ-7", "cheque bounced"),
        new Reschedule(3, new LocalDate(2026, 6, 30), new LocalDate(2026, 5, 2), "customer's fiscal year"),
        new MilestoneReached("go-live", new LocalDate(2026, 4, 20)),
        new ContractCost("C-1", new LocalDate(2026, 3, 1), Money.Of(400.00m, Currency.USD), "reseller commission"),
    ];

    // USD 10,000.00 signed 2026-01-31: 30% on signing, USD 1,000.00 at go-live + 10 days, the balance in 2 monthly parts
    // on the 15th from the next month. Instalments: #1 3,000.00 due 2026-01-31, #2 1,000.00 on go-live,
    // #3 3,000.00 due 2026-02-15, #4 3,000.00 due 2026-03-15 (balance 6,000.00 split in two).
    public static CollectionSchedule Schedule() =>
        CollectionSchedule
            .Create(
                Money.Of(10_000.00m, Currency.USD),
                new LocalDate(2026, 1, 31),
                PaymentTerms.Create(
                    TermsLine.Percentage(30m, DueRule.DaysAfterStart(0)),
                    TermsLine.Fixed(Money.Of(1_000.00m, Currency.USD), DueRule.OnMilestone("go-live", 10)),
                    TermsLine.Balance(DueRule.DayOfMonth(15, 1), instalments: 2)
                ),
                new ContractInfo("C-2026-017", "Globex", "alice", new DealId("D-1001"))
            )
            .RecordAll([
                new Payment("WIRE-1", new LocalDate(2026, 2, 2), Money.Of(4_000.00m, Currency.USD)),
                new MilestoneReached("go-live", new LocalDate(2026, 2, 20)),
                new Refund("R-1", new LocalDate(2026, 2, 25), "WIRE-1", Money.Of(250.00m, Currency.USD), "discount"),
                new Reschedule(4, new LocalDate(2026, 4, 15), new LocalDate(2026, 3, 1)),
                new ContractCost("C-1", new LocalDate(2026, 3, 1), Money.Of(400.00m, Currency.USD), "reseller commission"),
            ]);
}
