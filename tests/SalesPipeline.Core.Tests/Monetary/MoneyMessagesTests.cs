namespace SalesPipeline.Tests.Monetary;

// The words of Money's refusals: each names the operation that was refused, so a caller who mixed currencies in a sum
// learns it was the sum, not a subtraction somewhere else.
public class MoneyMessagesTests
{
    private static readonly Money Usd10 = Money.Of(10m, Currency.USD);
    private static readonly Money Eur10 = Money.Of(10m, Currency.EUR);

    private static string Mismatch(string operation) =>
        $"Cannot {operation} amounts in different currencies: USD and EUR. Convert one of them first.";

    [Fact]
    public void Subtract_InAnotherCurrency_NamesSubtract() =>
        Assert.Equal(Mismatch("subtract"), Assert.Throws<CurrencyMismatchException>(() => Usd10 - Eur10).Message);

    [Fact]
    public void Sum_WithAnAmountInAnotherCurrency_NamesAdd() =>
        Assert.Equal(Mismatch("add"), Assert.Throws<CurrencyMismatchException>(() => Money.Sum([Usd10, Eur10], Currency.USD)).Message);

    [Fact]
    public void CompareTo_AnAmountInAnotherCurrency_NamesCompare() =>
        Assert.Equal(Mismatch("compare"), Assert.Throws<CurrencyMismatchException>(() => Usd10.CompareTo(Eur10)).Message);

    [Fact]
    public void Divide_ByZero_NamesTheDivisorAndTheRule()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Usd10 / 0m);

        Assert.Equal("divisor", e.ParamName);
        Assert.Equal(0m, e.ActualValue);
        Assert.StartsWith("Cannot divide money by zero.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Allocate_NoParts_SaysHowManyWereAskedFor() =>
        Assert.StartsWith(
            "Money can only be split into at least one part; 0 parts were asked for.",
            Assert.Throws<ArgumentOutOfRangeException>(() => Usd10.Allocate(0)).Message,
            StringComparison.Ordinal
        );

    // The exception lists the one currency without a rate; built with a null currency (as a caller's error path might),
    // it lists none rather than a null.
    [Fact]
    public void MissingExchangeRate_ListsTheCurrencyWithoutARate()
    {
        var e = new MissingExchangeRateException(Currency.EUR, Currency.USD);

        Assert.Equal([Currency.EUR], e.Currencies);
        Assert.Equal(
            "There is no exchange rate from EUR to the reporting currency USD; add one with ExchangeRates.With(EUR, rate).",
            e.Message
        );
        Assert.Empty(new MissingExchangeRateException(null!, Currency.USD).Currencies);
    }
}
