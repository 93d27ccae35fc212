using SalesPipeline.Collections;
using static SalesPipeline.Tests.Collections.CollectionFixtures;

namespace SalesPipeline.Tests.Collections;

public class TermsLineTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("100.01")]
    public void Percentage_OutsideZeroTo100_Throws(string percent)
    {
        var value = decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TermsLine.Percentage(value, DueRule.DaysAfterStart(0)));

        Assert.Equal("percent", e.ParamName);
        Assert.Contains(percent + "%", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fixed_Zero_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TermsLine.Fixed(Usd(0m), DueRule.DaysAfterStart(0)));

        Assert.Equal("amount", e.ParamName);
        Assert.Contains("USD 0.00", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fixed_FractionOfACent_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => TermsLine.Fixed(Usd(10.125m), DueRule.DaysAfterStart(0)));

        Assert.Equal("amount", e.ParamName);
        Assert.Contains("USD 10.125", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fixed_CurrencyWithoutMinorUnit_Throws() =>
        Assert.Equal(
            "amount",
            Assert
                .Throws<ArgumentException>(() => TermsLine.Fixed(Money.Of(1m, Currency.FromCode("XAU")), DueRule.DaysAfterStart(0)))
                .ParamName
        );

    [Fact]
    public void Instalments_Zero_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TermsLine.Balance(DueRule.MonthsAfterStart(1), instalments: 0));

        Assert.Equal("instalments", e.ParamName);
        Assert.Contains("0 were asked", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Instalments_SeveralWithANonMonthlyRule_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => TermsLine.Balance(DueRule.DaysAfterStart(30), instalments: 3));

        Assert.Equal("instalments", e.ParamName);
        Assert.Contains("30 days after start", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NullDue_Throws() => Assert.Equal("due", Assert.Throws<ArgumentNullException>(() => TermsLine.Balance(null!)).ParamName);

    [Fact]
    public void ToString_ShowsAmountAndRule()
    {
        Assert.Equal("30% 0 days after start", TermsLine.Percentage(30m, DueRule.DaysAfterStart(0)).ToString());
        Assert.Equal("balance in 12 x 1 months after start", TermsLine.Balance(DueRule.MonthsAfterStart(1), 12).ToString());
        Assert.Equal("USD 500.00 30 days after start", TermsLine.Fixed(Usd(500m), DueRule.DaysAfterStart(30)).ToString());
    }

    [Fact]
    public void Fixed_Zero_SaysAFixedLineMustBeAboveZero() =>
        Assert.StartsWith(
            "A fixed line must be above zero; it was USD 0.00. (Parameter 'amount')",
            Assert.Throws<ArgumentOutOfRangeException>(() => TermsLine.Fixed(Usd(0m), DueRule.DaysAfterStart(0))).Message,
            StringComparison.Ordinal
        );
}
