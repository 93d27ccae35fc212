using NodaTime;
using SalesPipeline.Quotes;
using static SalesPipeline.Tests.Quotes.QuoteFixtures;

namespace SalesPipeline.Tests.Quotes;

// The sums of a quote at the edge of Money's range: USD's Currency.MaxAmount is 10^16 (10^18 minor units).
public class QuoteTotalsRangeTests
{
    private static readonly decimal Max = Currency.USD.MaxAmount;

    // Ten lines of one unit each; line i is for product "p{i}".
    private static QuoteLine[] TenLines(decimal each, decimal lastExtra = 0m) =>
        [.. Enumerable.Range(0, 10).Select(i => Line(i, each + (i == 9 ? lastExtra : 0m)))];

    private static QuoteLine Line(int i, decimal price) => new($"p{i}", 1m, Usd_(price), Usd_(price));

    [Fact]
    public void Of_LinesSummingExactlyToTheMaximum_ArePriced()
    {
        // By hand: 10 x 10^15 = 10^16, the maximum itself.
        Assert.Equal(1_000_000_000_000_000m * 10m, Max);

        var totals = QuoteTotals.Of(TenLines(1_000_000_000_000_000m));

        Assert.Equal(Usd_(Max), totals.Total);
        Assert.Equal(Usd_(Max), totals.Subtotal);
        Assert.Equal(Usd_(Max), totals.ListValue);
    }

    [Fact]
    public void Of_OneMinorUnitOverTheMaximum_Throws_NamingTheLinesAndTheSum()
    {
        // By hand: 9 x 10^15 + (10^15 + 0.01) = 10^16 + 0.01.
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => QuoteTotals.Of(TenLines(1_000_000_000_000_000m, 0.01m)));

        Assert.Equal("lines", e.ParamName);
        Assert.Equal(Max + 0.01m, e.ActualValue);
        Assert.Contains(
            "The sum of the 10 lines' amounts after their discounts, USD 10,000,000,000,000,000.01,",
            e.Message,
            StringComparison.Ordinal
        );
        Assert.Contains("outside the range of Money in USD", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_TenLinesAtTheMaximum_ThrowInsteadOfWrappingAround()
    {
        // 10 x 10^18 minor units = 10^19, beyond long.MaxValue (about 9.22 x 10^18): an unchecked long sum wraps to a
        // negative total.
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => QuoteTotals.Of(TenLines(Max)));

        Assert.Equal("lines", e.ParamName);
        Assert.Equal(Max * 10m, e.ActualValue);
    }

    [Fact]
    public void Of_ADiscountBringingTheSumBackUnderTheMaximum_IsPricedByItsNets_ButTheGrossSumStillCounts()
    {
        // Gross 10^16 + 0.01 is beyond the range even though 1% off the last line would bring the nets under it: every
        // sum a quote reports (here the subtotal) must be a Money, so the quote is refused.
        QuoteLine[] lines =
        [
            .. TenLines(1_000_000_000_000_000m)[..9],
            new QuoteLine("p9", 1m, Usd_(1_000_000_000_000_000.01m), Usd_(1_000_000_000_000_000.01m), discount: Discount.Percentage(1m)),
        ];

        Assert.Equal("lines", Assert.Throws<ArgumentOutOfRangeException>(() => QuoteTotals.Of(lines)).ParamName);
    }

    [Fact]
    public void Create_And_Revise_OverTheMaximum_Throw_AndLeaveTheQuoteUnchanged()
    {
        var at = Instant.FromUtc(2026, 3, 2, 9, 0);
        var quote = Create(new LocalDate(2026, 3, 31), TenLines(1_000_000_000_000_000m), at);
        var events = quote.Events.ToArray();

        Assert.Equal(Usd_(Max), quote.Total);
        Assert.Equal(
            "lines",
            Assert.Throws<ArgumentOutOfRangeException>(() => quote.Revise(TenLines(1_000_000_000_000_000m, 0.01m), at, "alice")).ParamName
        );
        Assert.Equal(
            "lines",
            Assert.Throws<ArgumentOutOfRangeException>(() => Create(new LocalDate(2026, 3, 31), TenLines(Max), at)).ParamName
        );
        Assert.Equal(events, quote.Events);
        Assert.Equal(Usd_(Max), quote.Total);
    }
}
