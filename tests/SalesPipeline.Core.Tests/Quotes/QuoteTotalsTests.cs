using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Quotes;
using static SalesPipeline.Tests.Quotes.QuoteFixtures;

namespace SalesPipeline.Tests.Quotes;

public class QuoteTotalsTests
{
    // By hand: 3 x 33.335 = 100.005, rounded half away from zero to 100.01; 12% of it is 12.0012, rounded to 12.00, so
    // the line is 88.01. The second line is 11.99. 5% of 100.00 is 5.00, split 8801:1199 = 440.05 and 59.95 cents:
    // floored 440 and 59, the cent left goes to the larger remainder (0.95, the second line): 4.40 and 0.60.
    [Fact]
    public void Of_RoundsPerLine_AndAllocatesTheQuoteDiscountByLargestRemainder()
    {
        var a = new QuoteLine("a", 3m, Usd_(33.335m), Usd_(33.335m), discount: Discount.Percentage(12m));
        var b = new QuoteLine("b", 1m, Usd_(11.99m), Usd_(12.49m));

        var totals = QuoteTotals.Of([a, b], Discount.Percentage(5m));

        Assert.Equal(Usd_(100.01m), totals.Lines[0].Gross);
        Assert.Equal(Usd_(12.00m), totals.Lines[0].LineDiscount);
        Assert.Equal(Usd_(4.40m), totals.Lines[0].QuoteDiscountShare);
        Assert.Equal(Usd_(83.61m), totals.Lines[0].Net);
        Assert.Equal(Usd_(0.60m), totals.Lines[1].QuoteDiscountShare);
        Assert.Equal(Usd_(11.39m), totals.Lines[1].Net);
        Assert.Equal(Usd_(112.00m), totals.Subtotal);
        Assert.Equal(Usd_(12.00m), totals.LineDiscounts);
        Assert.Equal(Usd_(5.00m), totals.QuoteDiscountAmount);
        Assert.Equal(Usd_(95.00m), totals.Total);
        // List value: 100.01 + 12.49 = 112.50; off list 112.50 - 95.00 = 17.50.
        Assert.Equal(Usd_(17.50m), totals.DiscountOffList);
        // Line b: (12.49 - 11.39) / 12.49 = 1.10 / 12.49 = 8.807...%; line a: (100.01 - 83.61) / 100.01 = 16.40 / 100.01 = 16.398...%.
        Assert.Equal(16.40m * 100m / 100.01m, totals.LargestLineDiscountPercent);
    }

    [Fact]
    public void Of_AmountDiscounts_AreExact()
    {
        // 2 x 480 = 960 less 60 = 900; quote discount 90 split 900:600 = 54 and 36.
        var seats = new QuoteLine("seat", 2m, Usd_(480m), Usd_(480m), discount: Discount.Of(Usd_(60m)));
        var support = new QuoteLine("support", 1m, Usd_(600m), Usd_(600m));

        var totals = QuoteTotals.Of([seats, support], Discount.Of(Usd_(90m)));

        Assert.Equal([Usd_(846m), Usd_(564m)], totals.Lines.Select(l => l.Net));
        Assert.Equal(Usd_(1_410m), totals.Total);
    }

    [Fact]
    public void QuoteLine_AmountDiscountAboveTheLine_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new QuoteLine("seat", 2m, Usd_(480m), Usd_(480m), discount: Discount.Of(Usd_(960.01m)))
        );

        Assert.Equal("discount", e.ParamName);
        Assert.Contains(
            "USD 960.01 of line \"seat\" is above the line's amount USD 960.00 (2 x USD 480.00)",
            e.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Of_QuoteAmountDiscountAboveTheLines_Throws()
    {
        var line = new QuoteLine("seat", 1m, Usd_(480m), Usd_(480m), discount: Discount.Percentage(50m));

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => QuoteTotals.Of([line], Discount.Of(Usd_(240.01m))));

        Assert.Equal("quoteDiscount", e.ParamName);
        Assert.Contains("USD 240.01 is above the lines' amount after their discounts, USD 240.00", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-0.01")]
    [InlineData("100.01")]
    public void Percentage_OutsideZeroToHundred_Throws(string percent)
    {
        var value = decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Discount.Percentage(value));

        Assert.Equal("percent", e.ParamName);
        Assert.Contains(percent, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Discount_OfAFractionOfACent_Throws()
    {
        Assert.Equal("amount", Assert.Throws<ArgumentException>(() => Discount.Of(Usd_(0.005m))).ParamName);
        Assert.Equal("amount", Assert.Throws<ArgumentOutOfRangeException>(() => Discount.Of(Usd_(-1m))).ParamName);
    }

    [Fact]
    public void Of_BadLines_Throw()
    {
        var seat = Book.Line("seat", 1m, Usd, Today);
        var euro = Book.Line("seat", 1m, Currency.EUR, Today);

        Assert.Equal("lines", Assert.Throws<ArgumentException>(() => QuoteTotals.Of([])).ParamName);
        Assert.Contains(
            "Lines 0 and 1 are both for product \"seat\"",
            Assert.Throws<ArgumentException>(() => QuoteTotals.Of([seat, seat])).Message,
            StringComparison.Ordinal
        );
        Assert.Throws<CurrencyMismatchException>(() => QuoteTotals.Of([seat, euro with { }]));
        Assert.Equal("quantity", Assert.Throws<ArgumentOutOfRangeException>(() => Book.Line("seat", 0m, Usd, Today)).ParamName);
    }

    [Fact]
    public void Of_TotalIsTheSumOfTheLineNets_AndNoLineIsNegative_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                QuoteGen.Quotes.ToArbitrary(),
                q =>
                {
                    var totals = QuoteTotals.Of(q.Lines, q.QuoteDiscount);
                    var nets = totals.Lines.Select(l => l.Net.ToMinorUnits()).ToArray();
                    var shares = totals.Lines.Select(l => l.QuoteDiscountShare.ToMinorUnits()).ToArray();
                    return totals.Total.ToMinorUnits() == nets.Sum()
                        && nets.All(n => n >= 0)
                        && shares.All(s => s >= 0)
                        && shares.Sum() == totals.QuoteDiscountAmount.ToMinorUnits()
                        && totals.Subtotal - totals.LineDiscounts - totals.QuoteDiscountAmount == totals.Total
                        && totals.Lines.All(l => l.Gross - l.LineDiscount - l.QuoteDiscountShare == l.Net);
                }
            )
        );

    // Each line's share of the quote discount is its exact proportional part, rounded down or up by at most one minor
    // unit (computed here from the definition, in exact decimal arithmetic).
    [Fact]
    public void Of_QuoteDiscountSharesAreWithinOneMinorUnitOfTheExactShare_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                QuoteGen.Quotes.ToArbitrary(),
                q =>
                {
                    var totals = QuoteTotals.Of(q.Lines, q.QuoteDiscount);
                    var after = totals.Lines.Select(l => (l.Gross - l.LineDiscount).ToMinorUnits()).ToArray();
                    var sum = after.Sum();
                    var off = totals.QuoteDiscountAmount.ToMinorUnits();
                    return totals
                        .Lines.Select((l, i) => (l, i))
                        .All(x =>
                        {
                            var exact = sum == 0 ? 0m : (decimal)off * after[x.i] / sum;
                            var share = x.l.QuoteDiscountShare.ToMinorUnits();
                            return share >= decimal.Floor(exact) && share <= decimal.Ceiling(exact);
                        });
                }
            )
        );
}
