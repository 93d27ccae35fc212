namespace SalesPipeline.Tests.Monetary;

public class ReportingCurrencyRuleTests
{
    private static readonly ExchangeRates Rates = ExchangeRates.In(Currency.GBP).With(Currency.USD, 0.79m);

    [Fact]
    public void Choose_WithRates_IsTheRatesCurrency_EvenForOtherOrMixedAmounts() =>
        Assert.Equal(Currency.GBP, ReportingCurrencyRule.Choose(Rates, [Currency.USD, Currency.EUR]));

    [Fact]
    public void Choose_WithoutRates_IsTheOneCurrency_OrNullForNone()
    {
        Assert.Equal(Currency.JPY, ReportingCurrencyRule.Choose(null, [Currency.JPY, Currency.JPY]));
        Assert.Null(ReportingCurrencyRule.Choose(null, []));
    }

    [Fact]
    public void Choose_WithoutRates_SeveralCurrencies_NamesThemAllInCodeOrder()
    {
        var ex = Assert.Throws<MissingExchangeRateException>(() =>
            ReportingCurrencyRule.Choose(null, [Currency.USD, Currency.JPY, Currency.USD, Currency.EUR])
        );

        Assert.Equal([Currency.EUR, Currency.JPY, Currency.USD], ex.Currencies);
        Assert.Null(ex.ReportingCurrency);
        Assert.Equal(
            "The amounts are in EUR, JPY and USD and no exchange rates were given, so there is no one reporting currency; "
                + "pass rates, for example ExchangeRates.In(Currency.EUR).With(Currency.JPY, rate).",
            ex.Message
        );
    }
}
