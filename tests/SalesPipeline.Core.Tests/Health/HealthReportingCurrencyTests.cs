using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Health;
using static SalesPipeline.Tests.Health.HealthFixtures;

namespace SalesPipeline.Tests.Health;

// The reporting-currency rule (docs/money.md) as health applies it: the rates' currency; else the one currency of the
// coverage target and every deal (open, won or lost); several currencies without rates are an error naming them.
public sealed class HealthReportingCurrencyTests
{
    private static readonly Deal Usd1 = DealIn("U1", "proposal", 1_000m, Date(5, 31), At(3, 1));
    private static readonly Deal Eur1 = DealIn("E1", "proposal", 1_000m, Date(5, 31), At(3, 1), currency: Currency.EUR);
    private static readonly Deal EurWon = WonDeal("E2", 500m, At(1, 5), At(2, 5));

    [Fact]
    public void NoRates_OneCurrency_IsTheDealsCurrency()
    {
        var jpy = DealIn("J1", "proposal", 1_000m, Date(5, 31), At(3, 1), currency: Currency.JPY);

        Assert.Equal(Currency.JPY, PipelineHealth.Inspect([jpy], Pipeline, AsOf).Currency);
        Assert.Null(PipelineHealth.Inspect([], Pipeline, AsOf).Currency);
    }

    [Fact]
    public void NoRates_MixedCurrencies_AreAnErrorNamingThem_WhateverTheOrderOrIds()
    {
        // Before the one rule, health took the currency of the open deal with the smallest id and only failed when an
        // amount in another currency was used: E1 < U1, so EUR was chosen here.
        var forward = Assert.Throws<MissingExchangeRateException>(() => PipelineHealth.Inspect([Usd1, Eur1], Pipeline, AsOf));
        var backward = Assert.Throws<MissingExchangeRateException>(() => PipelineHealth.Inspect([Eur1, Usd1], Pipeline, AsOf));

        Assert.Equal([Currency.EUR, Currency.USD], forward.Currencies);
        Assert.Null(forward.ReportingCurrency);
        Assert.Equal(forward.Message, backward.Message);
    }

    [Fact]
    public void NoRates_AWonDealInAnotherCurrency_CountsToo()
    {
        // WonDeal is in USD; a EUR open deal beside it makes two currencies even though no won amount is reported.
        var ex = Assert.Throws<MissingExchangeRateException>(() => PipelineHealth.Inspect([EurWon, Eur1], Pipeline, AsOf));
        Assert.Equal([Currency.EUR, Currency.USD], ex.Currencies);
    }

    [Fact]
    public void NoRates_TheCoverageTargetTakesPart()
    {
        var q2 = FiscalCalendar.Calendar.Quarter(2026, 2);
        var inEuro = new HealthInputs { Coverage = new CoverageGoal(q2, Money.Of(10_000m, Currency.EUR), 0.25m) };

        Assert.Equal(Currency.EUR, PipelineHealth.Inspect([Eur1], Pipeline, AsOf, null, inEuro).Currency);
        var ex = Assert.Throws<MissingExchangeRateException>(() => PipelineHealth.Inspect([Usd1], Pipeline, AsOf, null, inEuro));
        Assert.Equal([Currency.EUR, Currency.USD], ex.Currencies);
    }

    [Fact]
    public void Rates_DecideTheCurrency()
    {
        var rates = ExchangeRates.In(Currency.GBP).With(Currency.EUR, 0.85m).With(Currency.USD, 0.79m);

        var report = PipelineHealth.Inspect([Usd1, Eur1], Pipeline, AsOf, null, new HealthInputs { Rates = rates });

        Assert.Equal(Currency.GBP, report.Currency);
    }

    [Fact]
    public void Merge_MixedCurrenciesAcrossParts_AreTheSameError()
    {
        var left = new PipelineHealthAccumulator(Pipeline, AsOf);
        left.Add(Usd1);
        var right = new PipelineHealthAccumulator(Pipeline, AsOf);
        right.Add(Eur1);
        left.Merge(right);

        Assert.Equal([Currency.EUR, Currency.USD], Assert.Throws<MissingExchangeRateException>(left.Result).Currencies);
    }
}
