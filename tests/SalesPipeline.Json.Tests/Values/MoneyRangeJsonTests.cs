namespace SalesPipeline.Json.Tests.Values;

// Money holds at most 10^18 minor units (USD 10,000,000,000,000,000.00; docs/money.md, "Range"): JSON beyond it is a
// JSON error naming the path and the limit, never a Money no report could sum.
public class MoneyRangeJsonTests
{
    [Fact]
    public void An_amount_beyond_the_range_names_the_path_and_the_limit() =>
        JsonAssert.Fails<Money>(
            """{"amount":"100000000000000000","currency":"USD"}""",
            "$.amount",
            "at most USD 10,000,000,000,000,000.00 either way"
        );

    [Fact]
    public void An_amount_at_the_limit_round_trips() =>
        Assert.Equal(
            Money.Of(10_000_000_000_000_000m, Currency.USD),
            JsonAssert.RoundTrip(Money.Of(10_000_000_000_000_000m, Currency.USD), """{"amount":"10000000000000000","currency":"USD"}""")
        );
}
