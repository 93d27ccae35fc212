using NodaTime;
using SalesPipeline.Quotes;

namespace SalesPipeline.Tests.Quotes;

// The price book of the tests and of docs/quotes.md: three products in USD (and seats in EUR too).
internal static class QuoteFixtures
{
    public static readonly Currency Usd = Currency.USD;
    public static readonly LocalDate Today = new(2026, 3, 2);

    public static readonly Product Seats = new(
        "seat",
        "User seat",
        "seat/year",
        [Money.Of(480m, Usd), Money.Of(440m, Currency.EUR)],
        floorPrices: [Money.Of(380m, Usd)]
    );

    public static readonly Product Onboarding = new("onboarding", "Onboarding package", "package", [Money.Of(6_000m, Usd)]);

    public static readonly Product Support = new(
        "support",
        "Premium support",
        "year",
        [Money.Of(9_600m, Usd)],
        floorPrices: [Money.Of(8_000m, Usd)]
    );

    public static readonly PriceBook Book = new(
        "2026 list",
        new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31)),
        [Seats, Onboarding, Support]
    );

    public static Money Usd_(decimal amount) => Money.Of(amount, Usd);

    // victor leads Sales; maria leads East under it; alice and bob sell in East; carl leads his own team West under Sales.
    public static readonly SalesPipeline.Organization.SalesOrg Org = SalesPipeline
        .Organization.SalesOrg.CreateBuilder("Acme")
        .Team("sales", "Sales", lead: "victor")
        .Team("east", "East", parent: "sales", lead: "maria")
        .Team("west", "West", parent: "sales", lead: "carl")
        .Rep("victor", "Victor", "sales")
        .Rep("maria", "Maria", "east")
        .Rep("alice", "Alice", "east")
        .Rep("bob", "Bob", "east")
        .Rep("carl", "Carl", "west")
        .Rep("dana", "Dana", "sales")
        .Role("deal-desk", "dana")
        .Build();

    public static readonly ApprovalPolicy Policy = new([
        ApprovalRule.LineDiscountAbove(10m, Approver.Manager),
        ApprovalRule.LineDiscountAbove(20m, Approver.NextLevelUp),
        ApprovalRule.PriceUnderFloor(Approver.NextLevelUp),
    ]);

    public static readonly NodaTime.Instant T0 = NodaTime.Instant.FromUtc(2026, 3, 2, 9, 0);

    public static NodaTime.Instant Day(int days) => T0 + NodaTime.Duration.FromDays(days);

    public static QuoteLine[] Lines(decimal seatDiscount, decimal seats = 100m) =>
        [
            Book.Line("seat", seats, Usd, Today, seatDiscount == 0m ? null : Discount.Percentage(seatDiscount)),
            Book.Line("onboarding", 1m, Usd, Today),
            Book.Line("support", 1m, Usd, Today),
        ];

    // Quote Q-17 of alice for D-1001, created by her.
    public static Quote Create(LocalDate validUntil, IEnumerable<QuoteLine> lines, Instant at, DateTimeZone? zone = null) =>
        Quote.Create("Q-17", new DealId("D-1001"), "alice", validUntil, lines, at, "alice", zone: zone);

    public static Quote Draft(decimal seatDiscount = 12m) =>
        Quote.Create("Q-17", new DealId("D-1001"), "alice", new LocalDate(2026, 3, 31), Lines(seatDiscount), T0, "alice");
}
