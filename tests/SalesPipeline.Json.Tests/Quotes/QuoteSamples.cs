using NodaTime;
using SalesPipeline.Organization;
using SalesPipeline.Quotes;

namespace SalesPipeline.Json.Tests.Quotes;

// The quotes the JSON tests write: docs/quotes.md's worked example (docs/examples/quotes.cs), played on the quote alone
// (the deal moves of SendQuote/AcceptQuote are deal events, not quote events), and the organisation and policy of
// that example for generated histories.
internal static class QuoteSamples
{
    public static Money Usd(decimal amount) => Money.Of(amount, Currency.USD);

    public static readonly SalesOrg Org = SalesOrg
        .CreateBuilder("Acme")
        .Team("sales", "Sales", lead: "victor")
        .Team("east", "East", parent: "sales", lead: "maria")
        .Rep("victor", "Victor", "sales")
        .Rep("maria", "Maria", "east")
        .Rep("alice", "Alice", "east")
        .Rep("dora", "Dora", "sales")
        .Role("deal-desk", "dora")
        .Build();

    // The example's rules, and a deal-desk role for large totals, so that generated histories meet every approver level.
    public static readonly ApprovalPolicy Policy = new([
        ApprovalRule.LineDiscountAbove(10m, Approver.Manager),
        ApprovalRule.LineDiscountAbove(20m, Approver.NextLevelUp),
        ApprovalRule.PriceUnderFloor(Approver.NextLevelUp),
        ApprovalRule.TotalAbove(Usd(100_000m), Approver.InRole("deal-desk")),
    ]);

    private static Instant Mar(int day, int hour, int minute = 0) => Instant.FromUtc(2026, 3, day, hour, minute);

    // Version 1: 100 seats at 480.00 (list, floor 380.00) 12% off, onboarding 6,000.00, support 9,600.00 (floor 8,000.00).
    public static QuoteLine[] WorkedExampleLines =>
        [
            new QuoteLine("seat", 100m, Usd(480m), Usd(480m), Usd(380m), Discount.Percentage(12m)),
            new QuoteLine("onboarding", 1m, Usd(6_000m), Usd(6_000m)),
            new QuoteLine("support", 1m, Usd(9_600m), Usd(9_600m), Usd(8_000m)),
        ];

    // created, submitted (manager maria), approved, sent; revised to v2 with 5% off the quote, submitted, approved with
    // a comment, sent, accepted: the nine events of the example's history.
    public static Quote WorkedExample()
    {
        var quote = Quote.Create("Q-17", new DealId("D-1001"), "alice", new LocalDate(2026, 3, 31), WorkedExampleLines, Mar(2, 9), "alice");
        quote = quote.Submit(Policy, Org, Mar(2, 9, 5), "alice");
        quote = quote.Approve(Org, Mar(2, 11), "maria", "12% is fine for 100 seats.");
        quote = quote.Send(Mar(2, 14), "alice");
        quote = quote.Revise(WorkedExampleLines, Mar(5, 10), "alice", quoteDiscount: Discount.Percentage(5m));
        quote = quote.Submit(Policy, Org, Mar(5, 10, 5), "alice");
        quote = quote.Approve(Org, Mar(5, 16, 30), "maria", "Approved: 5% more for a three-year commitment.");
        quote = quote.Send(Mar(6, 9), "alice");
        return quote.Accept(Mar(20, 15), "alice");
    }
}
