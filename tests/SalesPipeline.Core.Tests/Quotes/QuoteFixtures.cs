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
}
