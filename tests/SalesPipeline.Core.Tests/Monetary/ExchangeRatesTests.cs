using FsCheck;
using FsCheck.Fluent;

namespace SalesPipeline.Tests.Monetary;

public sealed class ExchangeRatesTests
{
    private static readonly ExchangeRates UsdEur = ExchangeRates.In(Currency.USD).With(Currency.EUR, 1.08m);

    // ---- conversion -----------------------------------------------------------------------------------------

    [Fact]
    public void Convert_ReportingCurrency_IsOneToOne()
    {
        var rates = ExchangeRates.In(Currency.USD);

        var converted = rates.Convert(Money.Of(123.45m, Currency.USD));

        Assert.Equal(123.45m, converted.Amount);
        Assert.Same(Currency.USD, converted.Currency);
        Assert.Same(Currency.USD, rates.ReportingCurrency);
    }

    [Fact]
    public void Convert_EurAt108_GivesUsd1080Exactly()
    {
        var converted = UsdEur.Convert(Money.Of(1_000.00m, Currency.EUR));

        Assert.Equal(Money.Of(1_080.00m, Currency.USD), converted);
        Assert.Equal("USD 1,080.00", converted.ToString());
    }

    [Fact]
    public void Convert_DoesNotRound()
    {
        var rates = ExchangeRates.In(Currency.USD).With(Currency.EUR, 1.0837m);

        var converted = rates.Convert(Money.Of(0.01m, Currency.EUR));

        Assert.Equal(0.010837m, converted.Amount);
        Assert.Same(Currency.USD, converted.Currency);
    }

    [Fact]
    public void Convert_ZeroDecimalCurrencyIntoEur()
    {
        // JPY 150,000 at 0.0061 EUR per yen = EUR 915 exactly; USD 200 at 0.925 = EUR 185.
        var rates = ExchangeRates.In(Currency.EUR).With(Currency.JPY, 0.0061m).With(Currency.USD, 0.925m);

        Assert.Equal(Money.Of(915m, Currency.EUR), rates.Convert(Money.Of(150_000m, Currency.JPY)));
        Assert.Equal(Money.Of(185m, Currency.EUR), rates.Convert(Money.Of(200m, Currency.USD)));
    }

    [Fact]
    public void Convert_NegativeAmount_KeepsTheSign()
    {
        Assert.Equal(Money.Of(-54m, Currency.USD), UsdEur.Convert(Money.Of(-50m, Currency.EUR)));
    }

    [Fact]
    public void Convert_MissingRate_ThrowsNamingBothCurrencies()
    {
        var ex = Assert.Throws<MissingExchangeRateException>(() => UsdEur.Convert(Money.Of(5m, Currency.GBP)));

        Assert.Same(Currency.GBP, ex.Currency);
        Assert.Same(Currency.USD, ex.ReportingCurrency);
        Assert.Contains("GBP", ex.Message, StringComparison.Ordinal);
        Assert.Contains("USD", ex.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<InvalidOperationException>(ex);
    }

    [Fact]
    public void Convert_Null_ThrowsArgumentNull()
    {
        Assert.Equal("amount", Assert.Throws<ArgumentNullException>(() => UsdEur.Convert(null!)).ParamName);
    }

    // ---- building the table ------------------------------------------------------------------------------------

    [Fact]
    public void With_ExistingRate_ReplacesItInANewTable_OldTableUnchanged()
    {
        var updated = UsdEur.With(Currency.EUR, 1.10m);

        Assert.NotSame(UsdEur, updated);
        Assert.Equal(Money.Of(110m, Currency.USD), updated.Convert(Money.Of(100m, Currency.EUR)));
        Assert.Equal(Money.Of(108m, Currency.USD), UsdEur.Convert(Money.Of(100m, Currency.EUR)));
    }

    [Fact]
    public void With_NewCurrency_LeavesTheOriginalTableWithoutIt()
    {
        var usdOnly = ExchangeRates.In(Currency.USD);

        var withGbp = usdOnly.With(Currency.GBP, 1.27m);

        Assert.False(usdOnly.TryGetRate(Currency.GBP, out _));
        Assert.Equal([Currency.USD], usdOnly.Currencies);
        Assert.True(withGbp.TryGetRate(Currency.GBP, out var rate));
        Assert.Equal(1.27m, rate);
        Assert.Equal(new[] { "GBP", "USD" }, withGbp.Currencies.Select(c => c.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void With_ReportingCurrency_ThrowsArgumentException()
    {
        var ex = Assert.Throws<ArgumentException>(() => UsdEur.With(Currency.USD, 1m));

        Assert.Equal("currency", ex.ParamName);
        Assert.Contains("USD", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1.08")]
    public void With_RateNotAboveZero_Throws(string rateText)
    {
        var rate = decimal.Parse(rateText, System.Globalization.CultureInfo.InvariantCulture);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => UsdEur.With(Currency.GBP, rate));

        Assert.Equal("rate", ex.ParamName);
        Assert.Equal(rate, ex.ActualValue);
        Assert.Contains($"given {rateText}.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NullCurrencies_ThrowArgumentNull()
    {
        Assert.Equal("reportingCurrency", Assert.Throws<ArgumentNullException>(() => ExchangeRates.In(null!)).ParamName);
        Assert.Equal("currency", Assert.Throws<ArgumentNullException>(() => UsdEur.With(null!, 1m)).ParamName);
        Assert.Equal("currency", Assert.Throws<ArgumentNullException>(() => UsdEur.TryGetRate(null!, out _)).ParamName);
    }

    [Fact]
    public void TryGetRate_KnownReportingAndUnknownCurrencies()
    {
        Assert.True(UsdEur.TryGetRate(Currency.EUR, out var eur));
        Assert.Equal(1.08m, eur);
        Assert.True(UsdEur.TryGetRate(Currency.USD, out var usd));
        Assert.Equal(1m, usd);
        Assert.False(UsdEur.TryGetRate(Currency.JPY, out var jpy));
        Assert.Equal(0m, jpy);
    }

    [Fact]
    public void ToString_ListsRatesSortedByCode_WithoutTheReportingCurrency()
    {
        var rates = ExchangeRates.In(Currency.USD).With(Currency.GBP, 1.27m).With(Currency.EUR, 1.08m);

        Assert.Equal("USD: EUR 1.08, GBP 1.27", rates.ToString());
        // Code order differs from both insertion order and rate order here.
        var three = ExchangeRates.In(Currency.USD).With(Currency.JPY, 0.0067m).With(Currency.GBP, 1.27m).With(Currency.EUR, 1.08m);
        Assert.Equal("USD: EUR 1.08, GBP 1.27, JPY 0.0067", three.ToString());
    }

    // ---- properties ------------------------------------------------------------------------------------------

    // Rates are whole hundredths (0.01 to 1000.00), amounts whole cents: every product is exact in decimal.
    private static readonly Gen<(long Cents, int RateHundredths)> CentsAndRate =
        from cents in Gen.Choose(-1_000_000_000, 1_000_000_000)
        from rate in Gen.Choose(1, 100_000)
        select ((long)cents, rate);

    [Fact]
    public void Convert_ThenDivideByTheRate_GivesBackTheAmount_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                CentsAndRate.ToArbitrary(),
                x =>
                {
                    var rate = x.RateHundredths / 100m;
                    var amount = Money.FromMinorUnits(x.Cents, Currency.EUR);
                    var converted = ExchangeRates.In(Currency.USD).With(Currency.EUR, rate).Convert(amount);
                    return converted.Currency == Currency.USD && converted.Divide(rate).Amount == amount.Amount;
                }
            )
        );

    [Fact]
    public void Convert_EqualsTheIntegerProduct_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                CentsAndRate.ToArbitrary(),
                x =>
                {
                    // cents/100 x hundredths/100 = (cents x hundredths) / 10,000, computed in long.
                    var converted = ExchangeRates
                        .In(Currency.USD)
                        .With(Currency.GBP, x.RateHundredths / 100m)
                        .Convert(Money.FromMinorUnits(x.Cents, Currency.GBP));
                    return converted.Amount * 10_000m == x.Cents * x.RateHundredths;
                }
            )
        );

    [Fact]
    public void Convert_IsAdditive_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                (
                    from a in Gen.Choose(-1_000_000_000, 1_000_000_000)
                    from b in Gen.Choose(-1_000_000_000, 1_000_000_000)
                    from rate in Gen.Choose(1, 10_000_000)
                    select (A: (long)a, B: (long)b, Rate: rate / 10_000m)
                ).ToArbitrary(),
                x =>
                {
                    var rates = ExchangeRates.In(Currency.USD).With(Currency.EUR, x.Rate);
                    var a = Money.FromMinorUnits(x.A, Currency.EUR);
                    var b = Money.FromMinorUnits(x.B, Currency.EUR);
                    return rates.Convert(a + b) == rates.Convert(a) + rates.Convert(b);
                }
            )
        );
}
