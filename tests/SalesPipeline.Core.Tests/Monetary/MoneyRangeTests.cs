using System.Globalization;
using System.Numerics;
using FsCheck;
using FsCheck.Fluent;

namespace SalesPipeline.Tests.Monetary;

// The range of Money: at most 10^18 minor units either way (docs/money.md, "Range"). The limits below are written out
// by hand from that rule: USD (2 decimals) 10^18 / 10^2 = 10^16; JPY (0) 10^18; KWD (3) 10^15; CLF (4) 10^14; a
// currency without a minor unit (XAU) 10^14, as if it had 4 decimals. long.MaxValue is 9,223,372,036,854,775,807.
public class MoneyRangeTests
{
    private const decimal UsdLimit = 10_000_000_000_000_000m;
    private const string UsdLimitText = "USD 10,000,000,000,000,000.00";

    private static Money Usd(decimal amount) => Money.Of(amount, Currency.USD);

    private static void AssertNamesLimit(ArgumentOutOfRangeException e, string paramName, string limitText, params string[] parts)
    {
        Assert.Equal(paramName, e.ParamName);
        Assert.Contains($"at most {limitText} either way", e.Message, StringComparison.Ordinal);
        foreach (var part in parts)
        {
            Assert.Contains(part, e.Message, StringComparison.Ordinal);
        }
    }

    // The message's last part states the rule behind the limit, which differs for a currency without a minor unit.
    [Fact]
    public void OutOfRange_Message_StatesTheRuleAndWhereItIsDocumented()
    {
        var usd = Assert.Throws<ArgumentOutOfRangeException>(() => Money.Of(1e17m, Currency.USD));
        var gold = Assert.Throws<ArgumentOutOfRangeException>(() => Money.Of(1e15m, Currency.FromCode("XAU")));

        Assert.EndsWith(
            "either way (10^18 minor units; see docs/money.md, \"Range\"). (Parameter 'amount')",
            usd.Message.Split('\n')[0],
            StringComparison.Ordinal
        );
        Assert.Contains(
            "at most XAU 100,000,000,000,000 either way (10^14, as for a currency with 4 decimals; see docs/money.md, \"Range\").",
            gold.Message,
            StringComparison.Ordinal
        );
    }

    // ---- creating money -------------------------------------------------------------------------------------

    [Theory]
    [InlineData("USD", "10000000000000000")]
    [InlineData("JPY", "1000000000000000000")]
    [InlineData("KWD", "1000000000000000")]
    [InlineData("CLF", "100000000000000")]
    [InlineData("XAU", "100000000000000")]
    public void Of_ExactlyTheLimitEitherWay_IsAccepted(string code, string limit)
    {
        var currency = Currency.FromCode(code);
        var max = decimal.Parse(limit, CultureInfo.InvariantCulture);

        Assert.Equal(max, Money.Of(max, currency).Amount);
        Assert.Equal(-max, Money.Of(-max, currency).Amount);
    }

    [Theory]
    [InlineData("USD", "10000000000000000.01", "USD 10,000,000,000,000,000.01", UsdLimitText)]
    [InlineData("USD", "-100000000000000000", "USD -100,000,000,000,000,000.00", UsdLimitText)]
    [InlineData("JPY", "1000000000000000001", "JPY 1,000,000,000,000,000,001", "JPY 1,000,000,000,000,000,000")]
    [InlineData("KWD", "1000000000000000.001", "KWD 1,000,000,000,000,000.001", "KWD 1,000,000,000,000,000.000")]
    [InlineData("CLF", "100000000000000.0001", "CLF 100,000,000,000,000.0001", "CLF 100,000,000,000,000.0000")]
    [InlineData("XAU", "79228162514264337593543950335", "XAU 79,228,162,514,264,337,593,543,950,335", "XAU 100,000,000,000,000")]
    public void Of_BeyondTheLimit_ThrowsNamingTheValueAndTheLimit(string code, string number, string valueText, string limitText)
    {
        var value = decimal.Parse(number, CultureInfo.InvariantCulture);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Money.Of(value, Currency.FromCode(code)));

        AssertNamesLimit(e, "amount", limitText, valueText + " is outside the range of Money in " + code);
        Assert.Equal(value, e.ActualValue);
    }

    [Fact]
    public void FromMinorUnits_BeyondTenToTheEighteen_ThrowsNamingTheCount()
    {
        // long.MaxValue cents would be USD 92,233,720,368,547,758.07, beyond USD 10^16.
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Money.FromMinorUnits(long.MaxValue, Currency.USD));

        AssertNamesLimit(e, "minorUnits", UsdLimitText, "9,223,372,036,854,775,807 minor units (USD 92,233,720,368,547,758.07)");
        Assert.Throws<ArgumentOutOfRangeException>(() => Money.FromMinorUnits(-1_000_000_000_000_000_001, Currency.JPY));
    }

    [Fact]
    public void FromMinorUnits_ExactlyTenToTheEighteen_RoundTripsThroughToMinorUnits()
    {
        Assert.Equal(UsdLimit, Money.FromMinorUnits(1_000_000_000_000_000_000, Currency.USD).Amount);
        Assert.Equal(-1_000_000_000_000_000_000, Usd(-UsdLimit).ToMinorUnits());
        Assert.Equal(1_000_000_000_000_000_000, Money.Of(100_000_000_000_000m, Currency.FromCode("CLF")).ToMinorUnits());
    }

    // ---- arithmetic -------------------------------------------------------------------------------------------

    [Fact]
    public void Add_ResultBeyondTheLimit_ThrowsNamingBothOperandsTheResultAndTheLimit()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Usd(6e15m) + Usd(5e15m));

        AssertNamesLimit(
            e,
            "other",
            UsdLimitText,
            "USD 6,000,000,000,000,000.00 + USD 5,000,000,000,000,000.00 = USD 11,000,000,000,000,000.00 is outside"
        );
    }

    [Fact]
    public void Add_NearDecimalMaxValue_IsRefusedAtTheBoundaryNotByARawOverflow()
    {
        // Used to be accepted and then overflow decimal inside the addition.
        Assert.Throws<ArgumentOutOfRangeException>(() => Usd(decimal.MaxValue) + Usd(1m));
        Assert.Throws<ArgumentOutOfRangeException>(() => Usd(decimal.MinValue) - Usd(1m));
    }

    [Fact]
    public void Add_UpToExactlyTheLimit_IsExact()
    {
        Assert.Equal(Usd(UsdLimit), Usd(UsdLimit - 0.01m) + Usd(0.01m));
        Assert.Equal(Usd(-UsdLimit), Usd(-6e15m) - Usd(4e15m));
    }

    [Fact]
    public void Subtract_ResultBeyondTheLimit_ThrowsNamingBothOperands()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Usd(-6e15m) - Usd(5e15m));

        AssertNamesLimit(
            e,
            "other",
            UsdLimitText,
            "USD -6,000,000,000,000,000.00 - USD 5,000,000,000,000,000.00 = USD -11,000,000,000,000,000.00 is outside"
        );
    }

    [Fact]
    public void Multiply_ResultBeyondTheLimit_ThrowsNamingTheFactor()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Usd(UsdLimit) * 1.5m);

        AssertNamesLimit(e, "factor", UsdLimitText, "USD 10,000,000,000,000,000.00 x 1.5 = USD 15,000,000,000,000,000.00 is outside");
        Assert.Equal(1.5m, e.ActualValue);
    }

    [Fact]
    public void Multiply_BeyondDecimalItself_ThrowsWithTheOrderOfMagnitude()
    {
        // 10^16 x 7.9228162514264337593543950335 x 10^28 = 7.923 x 10^44, far beyond decimal (used to be a raw OverflowException).
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => decimal.MaxValue * Usd(UsdLimit));

        AssertNamesLimit(e, "factor", UsdLimitText, "= about USD 7.923E+44 is outside");
    }

    [Fact]
    public void Divide_ResultBeyondTheLimit_ThrowsNamingTheDivisor()
    {
        // USD 1.00 / 10^-28 = USD 10^28: a decimal, but beyond USD 10^16.
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Usd(1m) / 0.0000000000000000000000000001m);
        AssertNamesLimit(
            e,
            "divisor",
            UsdLimitText,
            "USD 1.00 / 0.0000000000000000000000000001 = USD 10,000,000,000,000,000,000,000,000,000.00"
        );

        // USD 10^16 / 10^-28 = 10^44: beyond decimal itself.
        var beyond = Assert.Throws<ArgumentOutOfRangeException>(() => Usd(UsdLimit) / 0.0000000000000000000000000001m);
        AssertNamesLimit(beyond, "divisor", UsdLimitText, "= about USD 1E+44 is outside");
    }

    [Fact]
    public void Sum_BeyondTheLimit_ThrowsNamingTheAmountsAndTheSum()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Money.Sum([Usd(6e15m), Usd(5e15m)], Currency.USD));

        AssertNamesLimit(e, "amounts", UsdLimitText, "The sum of 2 amounts, USD 11,000,000,000,000,000.00, is outside");
    }

    [Fact]
    public void Sum_OnlyTheFinalSumIsChecked_SoTheOrderDoesNotMatter()
    {
        // 9 + 9 - 9 (x 10^15): the running total passes 10^16 on the way, the sum does not.
        Assert.Equal(Usd(9e15m), Money.Sum([Usd(9e15m), Usd(9e15m), Usd(-9e15m)], Currency.USD));
        Assert.Equal(Usd(9e15m), Money.Sum([Usd(-9e15m), Usd(9e15m), Usd(9e15m)], Currency.USD));
    }

    [Fact]
    public void Round_AtTheLimit_StaysInRange()
    {
        // 9,999,999,999,999,999.995 rounds half away from zero to exactly the limit, never beyond it.
        Assert.Equal(Usd(UsdLimit), Usd(9_999_999_999_999_999.995m).Round());
        Assert.Equal(Usd(-UsdLimit), Usd(-9_999_999_999_999_999.995m).Round());
        Assert.Equal(1_000_000_000_000_000_000, Money.Of(999_999_999_999_999_999.5m, Currency.JPY).Round().ToMinorUnits());
    }

    // ---- conversion ---------------------------------------------------------------------------------------------

    [Fact]
    public void Convert_ResultBeyondTheReportingCurrencysLimit_ThrowsNamingAmountRateAndLimit()
    {
        var rates = ExchangeRates.In(Currency.USD).With(Currency.EUR, 2m);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => rates.Convert(Money.Of(9e15m, Currency.EUR)));

        AssertNamesLimit(
            e,
            "amount",
            UsdLimitText,
            "EUR 9,000,000,000,000,000.00 at the rate 2 is USD 18,000,000,000,000,000.00, which is outside the range of Money in USD"
        );
    }

    [Fact]
    public void Convert_ProductBeyondDecimal_ThrowsWithTheOrderOfMagnitude()
    {
        // EUR 2.00 x 7.9228 x 10^28 = 1.585 x 10^29, beyond decimal (used to be a raw OverflowException).
        var rates = ExchangeRates.In(Currency.USD).With(Currency.EUR, decimal.MaxValue);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => rates.Convert(Money.Of(2m, Currency.EUR)));

        AssertNamesLimit(e, "amount", UsdLimitText, "is about USD 1.585E+29, which is outside");
    }

    [Fact]
    public void Convert_IntoJpyAtTheLimit_IsExact()
    {
        // USD 10^16 at 100 yen a dollar is JPY 10^18: exactly JPY's limit.
        var rates = ExchangeRates.In(Currency.JPY).With(Currency.USD, 100m);

        Assert.Equal(Money.Of(1e18m, Currency.JPY), rates.Convert(Usd(UsdLimit)));
    }

    // ---- properties -----------------------------------------------------------------------------------------------

    private const long Max = 1_000_000_000_000_000_000;

    // Minor units within the range, the edges as often as the middle.
    private static readonly Gen<long> InRangeUnits = Gen.Frequency(
        (1, Gen.Elements(Max, -Max, Max - 1, -(Max - 1), 0L)),
        (3, from high in Gen.Choose(-999_999_999, 999_999_999) from low in Gen.Choose(0, 999_999_999) select (high * 1_000_000_000L) + low)
    );

    // Minor units beyond the range, up to long's own limits.
    private static readonly Gen<long> BeyondUnits = Gen.Frequency(
        (1, Gen.Elements(Max + 1, -(Max + 1), long.MaxValue, long.MinValue + 1)),
        (
            3,
            from extra in Gen.Choose(1, int.MaxValue)
            from scale in Gen.Choose(1, 4_000_000)
            from negative in Gen.Elements(true, false)
            select (negative ? -1 : 1) * (Max + ((long)extra * scale))
        )
    );

    [Fact]
    public void AnyAmountWithinTheRange_SurvivesOfToMinorUnitsAndBack_Property()
    {
        PropertyAssert.Holds(
            Prop.ForAll(
                InRangeUnits.Zip(MoneyGen.Currencies).ToArbitrary(),
                t =>
                {
                    var (units, currency) = t;
                    var money = Money.Of(units * currency.MinorUnitValue, currency);
                    return money.ToMinorUnits() == units
                        && Money.FromMinorUnits(units, currency) == money
                        && money.Round() == money
                        && -money == Money.FromMinorUnits(-units, currency);
                }
            )
        );
    }

    [Fact]
    public void AnyAmountBeyondTheRange_IsRefusedNamingTheLimit_Property()
    {
        PropertyAssert.Holds(
            Prop.ForAll(
                BeyondUnits.Zip(MoneyGen.Currencies).ToArbitrary(),
                t =>
                {
                    var (units, currency) = t;
                    // The rule written out: 10^18 minor units, shown with the minor unit's decimals.
                    var max = 1_000_000_000_000_000_000m * currency.MinorUnitValue;
                    var limit = currency.Code + " " + max.ToString("N" + currency.MinorUnit, CultureInfo.InvariantCulture);
                    var byAmount = Assert.Throws<ArgumentOutOfRangeException>(() => Money.Of(units * currency.MinorUnitValue, currency));
                    var byUnits = Assert.Throws<ArgumentOutOfRangeException>(() => Money.FromMinorUnits(units, currency));
                    return byAmount.Message.Contains(limit, StringComparison.Ordinal)
                        && byUnits.Message.Contains(limit, StringComparison.Ordinal);
                }
            )
        );
    }

    // Addition and subtraction either give the exact result (worked out separately in BigInteger minor units) or, exactly
    // when that result is beyond 10^18 minor units, refuse it; nothing else ever escapes.
    [Fact]
    public void AddAndSubtract_ExactInsideTheRange_RefusedExactlyOutside_Property()
    {
        PropertyAssert.Holds(
            Prop.ForAll(
                InRangeUnits.Zip(InRangeUnits).Zip(MoneyGen.Currencies).ToArbitrary(),
                t =>
                {
                    var ((a, b), currency) = t;
                    var left = Money.FromMinorUnits(a, currency);
                    var right = Money.FromMinorUnits(b, currency);
                    return Agrees((BigInteger)a + b, () => left + right, currency)
                        && Agrees((BigInteger)a - b, () => left - right, currency);
                }
            )
        );
    }

    private static bool Agrees(BigInteger expectedUnits, Func<Money> operation, Currency currency)
    {
        if (BigInteger.Abs(expectedUnits) <= Max)
        {
            return operation() == Money.FromMinorUnits((long)expectedUnits, currency);
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => operation());
        return true;
    }
}
