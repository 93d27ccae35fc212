using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace SalesPipeline.Tests.Monetary;

public class MoneyTests
{
    private static Money Usd(decimal amount) => Money.Of(amount, Currency.USD);

    private static Money Eur(decimal amount) => Money.Of(amount, Currency.EUR);

    // ---- creation -------------------------------------------------------------------------------------------

    [Fact]
    public void Of_KeepsAmountAndCurrencyUnrounded()
    {
        var money = Money.Of(10.125m, Currency.USD);

        Assert.Equal(10.125m, money.Amount);
        Assert.Same(Currency.USD, money.Currency);
    }

    [Fact]
    public void Of_NullCurrency_ThrowsArgumentNullNamingCurrency()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => Money.Of(1m, null!));

        Assert.Equal("currency", ex.ParamName);
    }

    [Fact]
    public void Zero_IsZeroInTheCurrency()
    {
        var zero = Money.Zero(Currency.JPY);

        Assert.Equal(0m, zero.Amount);
        Assert.Same(Currency.JPY, zero.Currency);
        Assert.True(zero.IsZero);
        Assert.False(zero.IsPositive);
        Assert.False(zero.IsNegative);
    }

    [Theory]
    [InlineData(125000L, "USD", "1250.00")]
    [InlineData(1500L, "JPY", "1500")]
    [InlineData(3500L, "KWD", "3.500")]
    [InlineData(-1L, "USD", "-0.01")]
    [InlineData(12345L, "CLF", "1.2345")]
    public void FromMinorUnits_ScalesByTheMinorUnit(long units, string code, string expected)
    {
        var money = Money.FromMinorUnits(units, Currency.FromCode(code));

        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), money.Amount);
        Assert.Equal(code, money.Currency.Code);
    }

    [Fact]
    public void FromMinorUnits_CurrencyWithoutMinorUnit_ThrowsInvalidOperation()
    {
        Assert.Throws<InvalidOperationException>(() => Money.FromMinorUnits(5, Currency.FromCode("XAU")));
    }

    [Theory]
    [InlineData("1250.00", "USD", 125000L)]
    [InlineData("1500", "JPY", 1500L)]
    [InlineData("3.5", "KWD", 3500L)]
    [InlineData("-0.07", "USD", -7L)]
    public void ToMinorUnits_WholeNumberOfMinorUnits_ReturnsCount(string amount, string code, long expected)
    {
        var money = Money.Of(decimal.Parse(amount, CultureInfo.InvariantCulture), Currency.FromCode(code));

        Assert.Equal(expected, money.ToMinorUnits());
    }

    [Fact]
    public void ToMinorUnits_UnroundedAmount_ThrowsInvalidOperationNamingTheAmount()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Usd(10.125m).ToMinorUnits());

        Assert.Contains("USD 10.125", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Round()", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToMinorUnits_CurrencyWithoutMinorUnit_ThrowsInvalidOperation()
    {
        Assert.Throws<InvalidOperationException>(() => Money.Of(1m, Currency.FromCode("XAU")).ToMinorUnits());
    }

    [Fact]
    public void FromMinorUnits_ToMinorUnits_RoundTrip_Property()
    {
        var gen = from units in MoneyGen.WideMinorUnits from code in Gen.Elements("USD", "JPY", "KWD", "CLF") select (units, code);
        PropertyAssert.Holds(
            Prop.ForAll(gen.ToArbitrary(), t => Money.FromMinorUnits(t.units, Currency.FromCode(t.code)).ToMinorUnits() == t.units)
        );
    }

    // ---- arithmetic -----------------------------------------------------------------------------------------

    [Fact]
    public void Add_SameCurrency_IsExactSum()
    {
        Assert.Equal(Usd(13.75m), Usd(10.50m) + Usd(3.25m));
        Assert.Equal(Usd(13.75m), Usd(10.50m).Add(Usd(3.25m)));
    }

    [Fact]
    public void Add_PointOnePlusPointTwo_IsExactlyPointThree()
    {
        var sum = Usd(0.1m) + Usd(0.2m);

        Assert.Equal(0.3m, sum.Amount);
        Assert.Equal(Usd(0.3m), sum);
    }

    [Fact]
    public void Subtract_SameCurrency_IsExactDifference()
    {
        Assert.Equal(Usd(-2.75m), Usd(0.25m) - Usd(3.00m));
        Assert.Equal(Usd(-2.75m), Usd(0.25m).Subtract(Usd(3.00m)));
    }

    [Fact]
    public void Multiply_IsExactAndNotRounded()
    {
        Assert.Equal(12.5m, (Usd(100.00m) * 0.125m).Amount);
        Assert.Equal(12.5m, (0.125m * Usd(100.00m)).Amount);
        Assert.Equal(Usd(0.0001m), Usd(0.01m) * 0.01m);
    }

    [Fact]
    public void Divide_IsNotRoundedToTheMinorUnit()
    {
        Assert.Equal(Usd(0.05m), Usd(0.10m) / 2m);
        Assert.Equal(Usd(2.5m), Usd(10m).Divide(4m));
        Assert.False((Usd(1m) / 3m).IsRoundedToMinorUnit);
    }

    [Fact]
    public void UnaryMinus_NegatesTheAmount()
    {
        Assert.Equal(Usd(-4.20m), -Usd(4.20m));
        Assert.Equal(Usd(4.20m), -Usd(-4.20m));
        Assert.Equal(Usd(4.20m), Usd(-4.20m).Negate().Abs());
        Assert.Equal(Usd(4.20m), Usd(-4.20m).Abs());
    }

    [Fact]
    public void Divide_ByZero_ThrowsArgumentOutOfRangeNamingDivisor()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Usd(1m) / 0m);

        Assert.Equal("divisor", ex.ParamName);
        Assert.Equal(0m, ex.ActualValue);
    }

    [Fact]
    public void Signs_ReportPositiveNegativeZero()
    {
        Assert.True(Usd(0.01m).IsPositive);
        Assert.False(Usd(0.01m).IsNegative);
        Assert.True(Usd(-0.01m).IsNegative);
        Assert.False(Usd(-0.01m).IsZero);
        Assert.True(Usd(0.00m).IsZero);
    }

    [Fact]
    public void Add_DifferentCurrencies_ThrowsMismatchNamingBothCodes()
    {
        var ex = Assert.Throws<CurrencyMismatchException>(() => Usd(10m) + Eur(5m));

        Assert.Contains("USD", ex.Message, StringComparison.Ordinal);
        Assert.Contains("EUR", ex.Message, StringComparison.Ordinal);
        Assert.Contains("add", ex.Message, StringComparison.Ordinal);
        Assert.Same(Currency.USD, ex.Left);
        Assert.Same(Currency.EUR, ex.Right);
        Assert.IsAssignableFrom<InvalidOperationException>(ex);
    }

    [Fact]
    public void Subtract_DifferentCurrencies_ThrowsMismatchNamingBothCodes()
    {
        var ex = Assert.Throws<CurrencyMismatchException>(() => Money.Of(10m, Currency.JPY) - Usd(5m));

        Assert.Contains("JPY", ex.Message, StringComparison.Ordinal);
        Assert.Contains("USD", ex.Message, StringComparison.Ordinal);
        Assert.Same(Currency.JPY, ex.Left);
        Assert.Same(Currency.USD, ex.Right);
    }

    [Fact]
    public void Comparisons_DifferentCurrencies_ThrowMismatch()
    {
        var usd = Usd(1m);
        var eur = Eur(2m);

        Assert.Throws<CurrencyMismatchException>(() => usd < eur);
        Assert.Throws<CurrencyMismatchException>(() => usd > eur);
        Assert.Throws<CurrencyMismatchException>(() => usd <= eur);
        Assert.Throws<CurrencyMismatchException>(() => usd >= eur);
        var ex = Assert.Throws<CurrencyMismatchException>(() => usd.CompareTo(eur));
        Assert.Contains("USD", ex.Message, StringComparison.Ordinal);
        Assert.Contains("EUR", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_NullOperand_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => Usd(1m) + null!);
        Assert.Throws<ArgumentNullException>(() => null! + Usd(1m));
    }

    // ---- equality and ordering ------------------------------------------------------------------------------

    [Fact]
    public void Equals_SameValueDifferentScale_IsEqualWithEqualHashCodes()
    {
        var a = Usd(1.5m);
        var b = Usd(1.50m);

        Assert.True(a == b);
        Assert.False(a != b);
        Assert.True(a.Equals(b));
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Equals_SameAmountDifferentCurrency_IsNotEqual()
    {
        Assert.False(Usd(1.50m) == Eur(1.50m));
        Assert.True(Usd(1.50m) != Eur(1.50m));
        Assert.False(Usd(1.50m).Equals((object)Eur(1.50m)));
        Assert.False(Usd(1.50m).Equals(null));
        Assert.False(Usd(1.50m).Equals((object)1.50m));
    }

    [Fact]
    public void EqualityOperator_Nulls()
    {
        Money? none = null;

        Assert.True(none == null);
        Assert.False(none == Usd(0m));
        Assert.False(Usd(0m) == none);
        Assert.True(Usd(0m) != none);
    }

    [Fact]
    public void GetHashCode_EqualValuesWithTrailingZeros_AreEqual_Property()
    {
        // 1.000 and 1 are equal decimals with different scales; equal Money must hash alike.
        var gen = from units in MoneyGen.WideMinorUnits from extraZeros in Gen.Choose(1, 6) select (units, extraZeros);
        PropertyAssert.Holds(
            Prop.ForAll(
                gen.ToArbitrary(),
                t =>
                {
                    var a = Money.FromMinorUnits(t.units, Currency.USD);
                    var padded = a.Amount * decimal.Parse("1." + new string('0', t.extraZeros), CultureInfo.InvariantCulture);
                    var b = Money.Of(padded, Currency.USD);
                    return a.Amount.Scale != b.Amount.Scale && a == b && a.GetHashCode() == b.GetHashCode();
                }
            )
        );
    }

    [Fact]
    public void OrderingOperators_SameCurrency_CompareByValue()
    {
        var small = Usd(-1.00m);
        var big = Usd(2.50m);
        var bigAgain = Usd(2.5m);

        Assert.True(small < big);
        Assert.False(big < small);
        Assert.True(big > small);
        Assert.True(small <= big);
        Assert.True(big <= bigAgain);
        Assert.True(big >= bigAgain);
        Assert.False(big > bigAgain);
        Assert.False(big < bigAgain);
        Assert.True(big.CompareTo(small) > 0);
        Assert.Equal(0, big.CompareTo(bigAgain));
        Assert.True(big.CompareTo((Money?)null) > 0);
    }

    [Fact]
    public void CompareTo_Object_RejectsNonMoney()
    {
        var ex = Assert.Throws<ArgumentException>(() => Usd(1m).CompareTo((object)1m));

        Assert.Equal("obj", ex.ParamName);
        Assert.Contains("Decimal", ex.Message, StringComparison.Ordinal);
        Assert.True(Usd(2m).CompareTo((object)Usd(1m)) > 0);
    }

    // ---- rounding -------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("2.675", "USD", "2.68")]
    [InlineData("-2.675", "USD", "-2.68")]
    [InlineData("2.665", "USD", "2.67")] // banker's rounding would give 2.66
    [InlineData("0.005", "USD", "0.01")]
    [InlineData("-0.005", "USD", "-0.01")]
    [InlineData("12.5", "JPY", "13")]
    [InlineData("-12.5", "JPY", "-13")]
    [InlineData("1.0005", "KWD", "1.001")]
    [InlineData("1.0004", "KWD", "1.000")]
    public void Round_HalfAwayFromZeroToTheMinorUnit(string amount, string code, string expected)
    {
        var currency = Currency.FromCode(code);
        var rounded = Money.Of(decimal.Parse(amount, CultureInfo.InvariantCulture), currency).Round();

        Assert.Equal(Money.Of(decimal.Parse(expected, CultureInfo.InvariantCulture), currency), rounded);
        Assert.True(rounded.IsRoundedToMinorUnit);
    }

    [Fact]
    public void Round_CurrencyWithoutMinorUnit_ReturnsAmountUnchanged()
    {
        var gold = Money.Of(1.23456789m, Currency.FromCode("XAU"));

        Assert.Equal(1.23456789m, gold.Round().Amount);
    }

    [Theory]
    [InlineData("10.12", "USD", true)]
    [InlineData("10.120000", "USD", true)]
    [InlineData("10.125", "USD", false)]
    [InlineData("12.5", "JPY", false)]
    [InlineData("3.500", "KWD", true)]
    public void IsRoundedToMinorUnit_WholeMinorUnitsOnly(string amount, string code, bool expected)
    {
        var money = Money.Of(decimal.Parse(amount, CultureInfo.InvariantCulture), Currency.FromCode(code));

        Assert.Equal(expected, money.IsRoundedToMinorUnit);
    }

    [Fact]
    public void Round_ResultIsWithinHalfAUnitAndIdempotent_Property()
    {
        // An amount with 4 decimals (a whole count of 1/100 cents) rounded to cents.
        PropertyAssert.Holds(
            Prop.ForAll(
                MoneyGen.WideMinorUnits.ToArbitrary(),
                hundredthsOfCents =>
                {
                    var money = Money.Of(hundredthsOfCents / 10000m, Currency.USD);
                    var rounded = money.Round();
                    var diff = Math.Abs(rounded.Amount - money.Amount);
                    var halfAwayFromZero = diff < 0.005m || (diff == 0.005m && Math.Abs(rounded.Amount) > Math.Abs(money.Amount));
                    return rounded.IsRoundedToMinorUnit && halfAwayFromZero && rounded.Round() == rounded;
                }
            )
        );
    }

    // ---- Sum ------------------------------------------------------------------------------------------------

    [Fact]
    public void Sum_AddsAllAmountsExactly()
    {
        var total = Money.Sum([Usd(0.1m), Usd(0.2m), Usd(-0.05m), Usd(1000m)], Currency.USD);

        Assert.Equal(Usd(1000.25m), total);
    }

    [Fact]
    public void Sum_Empty_IsZeroInTheCurrency()
    {
        var total = Money.Sum([], Currency.KWD);

        Assert.True(total.IsZero);
        Assert.Same(Currency.KWD, total.Currency);
    }

    [Fact]
    public void Sum_AmountInAnotherCurrency_ThrowsMismatch()
    {
        var ex = Assert.Throws<CurrencyMismatchException>(() => Money.Sum([Usd(1m), Eur(1m)], Currency.USD));

        Assert.Contains("EUR", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sum_NullSequence_ThrowsArgumentNullNamingAmounts()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => Money.Sum(null!, Currency.USD));

        Assert.Equal("amounts", ex.ParamName);
    }

    // ---- ToString -------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("1250", "USD", "USD 1,250.00")]
    [InlineData("125000", "JPY", "JPY 125,000")]
    [InlineData("-3.5", "KWD", "KWD -3.500")]
    [InlineData("10.125", "USD", "USD 10.125")]
    [InlineData("0", "USD", "USD 0.00")]
    [InlineData("1234567.89", "EUR", "EUR 1,234,567.89")]
    [InlineData("1250.0000", "USD", "USD 1,250.00")]
    [InlineData("1.5", "CLF", "CLF 1.5000")]
    public void ToString_InvariantFormatWithMinorUnitDecimals(string amount, string code, string expected)
    {
        var money = Money.Of(decimal.Parse(amount, CultureInfo.InvariantCulture), Currency.FromCode(code));

        Assert.Equal(expected, money.ToString());
    }

    [Fact]
    public void ToString_CurrencyWithoutMinorUnit_ShowsSignificantDecimalsOnly()
    {
        Assert.Equal("XAU 1.25", Money.Of(1.2500m, Currency.FromCode("XAU")).ToString());
        Assert.Equal("XAU 3", Money.Of(3m, Currency.FromCode("XAU")).ToString());
    }

    [Fact]
    public void ToString_GermanCurrentCulture_IsStillInvariant()
    {
        var original = CultureInfo.CurrentCulture;
        // The test host runs with InvariantGlobalization (no ICU data), so de-DE cannot be loaded; build a culture
        // with de-DE's number separators by hand instead.
        var german = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        german.NumberFormat.NumberDecimalSeparator = ",";
        german.NumberFormat.NumberGroupSeparator = ".";
        try
        {
            CultureInfo.CurrentCulture = german;
            // The culture really changes formatting, so the assertions below can fail.
            Assert.Equal("1.250,00", 1250m.ToString("N2", CultureInfo.CurrentCulture));

            Assert.Equal("USD 1,250.00", Usd(1250m).ToString());
            Assert.Equal("EUR 1,234,567.89", Eur(1234567.89m).ToString());
            Assert.Equal("KWD -3.500", Money.Of(-3.5m, Currency.KWD).ToString());
            Assert.Equal("USD 10.125", $"{Usd(10.125m)}");
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }
}
