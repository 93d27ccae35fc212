using NodaTime;
using SalesPipeline.Quotes;
using static SalesPipeline.Tests.Quotes.QuoteFixtures;

namespace SalesPipeline.Tests.Quotes;

public class PriceBookTests
{
    [Fact]
    public void PriceOf_ValidDateAndCurrency_IsTheListPrice()
    {
        Assert.Equal(Usd_(480m), Book.PriceOf("seat", Usd, Today));
        Assert.Equal(Money.Of(440m, Currency.EUR), Book.PriceOf("seat", Currency.EUR, new LocalDate(2026, 12, 31)));
        Assert.Equal(Usd_(6_000m), Book.PriceOf("onboarding", Usd, new LocalDate(2026, 1, 1)));
    }

    [Theory]
    [InlineData("2025-12-31")]
    [InlineData("2027-01-01")]
    public void PriceOf_OutsideValidity_NamesTheDatesItHolds(string date)
    {
        var on = NodaTime.Text.LocalDatePattern.Iso.Parse(date).Value;

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Book.PriceOf("seat", Usd, on));

        Assert.Equal("on", e.ParamName);
        Assert.Contains("holds from 2026-01-01 to 2026-12-31", e.Message, StringComparison.Ordinal);
        Assert.Contains(date, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PriceOf_UnknownProduct_ListsTheProducts()
    {
        var e = Assert.Throws<ArgumentException>(() => Book.PriceOf("laptop", Usd, Today));

        Assert.Equal("productId", e.ParamName);
        Assert.Contains("no product \"laptop\"; its products are seat, onboarding, support", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PriceOf_NoPriceInCurrency_NamesTheCurrenciesItHas()
    {
        var e = Assert.Throws<ArgumentException>(() => Book.PriceOf("support", Currency.EUR, Today));

        Assert.Equal("currency", e.ParamName);
        Assert.Contains("no price in EUR; it is priced in USD", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_DefaultsTheUnitPriceToTheListPrice_AndKeepsTheFloor()
    {
        var line = Book.Line("seat", 100m, Usd, Today, Discount.Percentage(12m));

        Assert.Equal(Usd_(480m), line.UnitPrice);
        Assert.Equal(Usd_(480m), line.ListPrice);
        Assert.Equal(Usd_(380m), line.FloorPrice);
        Assert.Equal(Discount.Percentage(12m), line.Discount);
        Assert.Equal("seat: 100 x USD 480.00 less 12%", line.ToString());
    }

    [Fact]
    public void Line_GivenUnitPrice_IsKept()
    {
        var line = Book.Line("onboarding", 1m, Usd, Today, unitPrice: Usd_(5_500m));

        Assert.Equal(Usd_(5_500m), line.UnitPrice);
        Assert.Equal(Usd_(6_000m), line.ListPrice);
        Assert.Null(line.FloorPrice);
    }

    [Fact]
    public void PriceBook_TwoProductsWithOneId_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new PriceBook("b", new DateInterval(Today, Today), [Seats, Seats]));

        Assert.Equal("products", e.ParamName);
        Assert.Contains("two products with id \"seat\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Product_FloorAboveList_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Product("p", "P", "unit", [Usd_(10m)], [Usd_(10.01m)]));

        Assert.Equal("floorPrices", e.ParamName);
        Assert.Contains("floor price USD 10.01 above its list price USD 10.00", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Product_FloorWithoutListPriceInItsCurrency_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new Product("p", "P", "unit", [Usd_(10m)], [Money.Of(5m, Currency.EUR)]));

        Assert.Equal("floorPrices", e.ParamName);
    }

    [Fact]
    public void Product_TwoListPricesInOneCurrency_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new Product("p", "P", "unit", [Usd_(10m), Usd_(11m)]));

        Assert.Equal("listPrices", e.ParamName);
        Assert.Contains("both in USD", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Product_NegativeOrNoListPrice_Throws()
    {
        Assert.Equal("listPrices", Assert.Throws<ArgumentOutOfRangeException>(() => new Product("p", "P", "u", [Usd_(-1m)])).ParamName);
        Assert.Equal("listPrices", Assert.Throws<ArgumentException>(() => new Product("p", "P", "u", [])).ParamName);
        Assert.Equal("unit", Assert.Throws<ArgumentException>(() => new Product("p", "P", " ", [Usd_(1m)])).ParamName);
    }
}
