namespace SalesPipeline.Tests.Monetary;

public class CurrencyTests
{
    // Expected values from ISO 4217 List One (code, numeric code, minor unit).
    [Theory]
    [InlineData("USD", 840, 2)]
    [InlineData("EUR", 978, 2)]
    [InlineData("JPY", 392, 0)]
    [InlineData("KWD", 414, 3)]
    [InlineData("BHD", 48, 3)]
    [InlineData("CLF", 990, 4)]
    public void FromCode_ActiveCode_HasIsoNumericCodeAndMinorUnit(string code, int numeric, int minorUnit)
    {
        var currency = Currency.FromCode(code);

        Assert.Equal(code, currency.Code);
        Assert.Equal(numeric, currency.NumericCode);
        Assert.True(currency.HasMinorUnit);
        Assert.Equal(minorUnit, currency.MinorUnit);
    }

    [Theory]
    [InlineData("USD", "0.01")]
    [InlineData("JPY", "1")]
    [InlineData("KWD", "0.001")]
    [InlineData("CLF", "0.0001")]
    public void MinorUnitValue_IsTenToTheMinusMinorUnit(string code, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Currency.FromCode(code).MinorUnitValue);
    }

    [Fact]
    public void FromCode_UsdAndEur_HaveEnglishNames()
    {
        Assert.Equal("US Dollar", Currency.FromCode("USD").Name);
        Assert.Equal("Euro", Currency.FromCode("EUR").Name);
    }

    [Fact]
    public void FromCode_SameCode_ReturnsTheStaticInstance()
    {
        Assert.Same(Currency.USD, Currency.FromCode("USD"));
        Assert.Same(Currency.JPY, Currency.FromCode("JPY"));
        Assert.Same(Currency.KWD, Currency.FromCode("KWD"));
        Assert.Same(Currency.EUR, Currency.FromCode("EUR"));
    }

    [Theory]
    [InlineData("ABC")]
    [InlineData("")]
    [InlineData("USDX")]
    public void FromCode_UnknownCode_ThrowsArgumentExceptionNamingCodeAndValue(string code)
    {
        var ex = Assert.Throws<ArgumentException>(() => Currency.FromCode(code));

        Assert.Equal("code", ex.ParamName);
        Assert.Contains($"\"{code}\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromCode_LowerCaseCode_ThrowsWithHintToTheCapitalisedCode()
    {
        var ex = Assert.Throws<ArgumentException>(() => Currency.FromCode("usd"));

        Assert.Equal("code", ex.ParamName);
        Assert.Contains("\"usd\"", ex.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean \"USD\"?", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromCode_UnknownCode_HasNoHint()
    {
        var ex = Assert.Throws<ArgumentException>(() => Currency.FromCode("ABC"));

        Assert.DoesNotContain("did you mean", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromCode_Null_ThrowsArgumentNullExceptionNamingCode()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => Currency.FromCode(null!));

        Assert.Equal("code", ex.ParamName);
    }

    // Withdrawn from ISO 4217: HRK (Croatia joined the euro, 2023), SLL (replaced by SLE), VEF (replaced by VES),
    // CUC (convertible peso, 2021).
    [Theory]
    [InlineData("HRK")]
    [InlineData("SLL")]
    [InlineData("VEF")]
    [InlineData("CUC")]
    public void FromCode_WithdrawnCode_Throws(string code)
    {
        var ex = Assert.Throws<ArgumentException>(() => Currency.FromCode(code));

        Assert.Equal("code", ex.ParamName);
        Assert.Contains(code, ex.Message, StringComparison.Ordinal);
        Assert.False(Currency.TryFromCode(code, out _));
    }

    [Theory]
    [InlineData("XAU")]
    [InlineData("XDR")]
    public void MinorUnit_CodeWithoutMinorUnit_ThrowsInvalidOperationNamingTheCode(string code)
    {
        var currency = Currency.FromCode(code);

        Assert.False(currency.HasMinorUnit);
        var ex = Assert.Throws<InvalidOperationException>(() => currency.MinorUnit);
        Assert.Contains(code, ex.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => currency.MinorUnitValue);
    }

    [Fact]
    public void FromCode_Xau_IsGoldWithNumericCode959()
    {
        var gold = Currency.FromCode("XAU");

        Assert.Equal(959, gold.NumericCode);
        Assert.Equal("Gold", gold.Name);
    }

    [Fact]
    public void All_HasNoDuplicateCodesOrNumericCodes()
    {
        var all = Currency.All;

        Assert.Equal(all.Count, all.Select(c => c.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(all.Count, all.Select(c => c.NumericCode).Distinct().Count());
    }

    [Fact]
    public void All_IsSortedByCodeOrdinally()
    {
        var codes = Currency.All.Select(c => c.Code).ToArray();

        for (var i = 1; i < codes.Length; i++)
        {
            Assert.True(string.CompareOrdinal(codes[i - 1], codes[i]) < 0, $"{codes[i - 1]} should come before {codes[i]}");
        }
    }

    [Fact]
    public void All_EveryCodeIsThreeCapitalsAndRoundTripsThroughFromCode()
    {
        foreach (var currency in Currency.All)
        {
            Assert.Matches("^[A-Z]{3}$", currency.Code);
            Assert.InRange(currency.NumericCode, 1, 999);
            Assert.Same(currency, Currency.FromCode(currency.Code));
            if (currency.HasMinorUnit)
            {
                Assert.InRange(currency.MinorUnit, 0, 4);
            }
        }
    }

    [Fact]
    public void All_ContainsTheWellKnownCodesAndNoWithdrawnOnes()
    {
        var codes = Currency.All.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);

        Assert.Superset(new HashSet<string>(["USD", "EUR", "JPY", "KWD", "CLF", "BHD", "XAU", "GBP", "CHF"]), codes);
        Assert.DoesNotContain("HRK", codes);
        Assert.DoesNotContain("SLL", codes);
        Assert.DoesNotContain("VEF", codes);
        Assert.DoesNotContain("CUC", codes);
    }

    [Fact]
    public void Equality_SameCode_IsEqualAndSameHash()
    {
        var a = Currency.FromCode("EUR");
        var b = Currency.FromCode("EUR");

        Assert.True(a == b);
        Assert.False(a != b);
        Assert.True(a.Equals(b));
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Equality_DifferentCodes_AreNotEqual()
    {
        Assert.False(Currency.USD == Currency.EUR);
        Assert.True(Currency.USD != Currency.EUR);
        Assert.False(Currency.USD.Equals(Currency.EUR));
        Assert.False(Currency.USD.Equals(null));
        Assert.False(Currency.USD.Equals((object)"USD"));
        Assert.True(Currency.USD != null);
    }

    [Fact]
    public void TryFromCode_KnownCode_ReturnsTrueAndCurrency()
    {
        Assert.True(Currency.TryFromCode("JPY", out var currency));
        Assert.Same(Currency.JPY, currency);
    }

    [Theory]
    [InlineData("ABC")]
    [InlineData("usd")]
    [InlineData("")]
    [InlineData(null)]
    public void TryFromCode_UnknownOrNull_ReturnsFalseAndNull(string? code)
    {
        Assert.False(Currency.TryFromCode(code, out var currency));
        Assert.Null(currency);
    }

    [Fact]
    public void ToString_IsTheCode()
    {
        Assert.Equal("KWD", Currency.KWD.ToString());
    }
}
