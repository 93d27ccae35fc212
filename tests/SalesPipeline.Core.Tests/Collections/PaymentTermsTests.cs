using SalesPipeline.Collections;
using static SalesPipeline.Tests.Collections.CollectionFixtures;

namespace SalesPipeline.Tests.Collections;

public class PaymentTermsTests
{
    private static readonly DueRule Now = DueRule.DaysAfterStart(0);

    private static ArgumentException Invalid(params TermsLine[] lines)
    {
        var e = Assert.Throws<ArgumentException>(() => PaymentTerms.Create(lines));
        Assert.Equal("lines", e.ParamName);
        return e;
    }

    [Fact]
    public void Create_PercentagesAddingTo100_IsValid()
    {
        var terms = PaymentTerms.Create(TermsLine.Percentage(40m, Now), TermsLine.Percentage(60m, DueRule.DaysAfterStart(30)));

        Assert.Equal(100m, terms.PercentTotal);
        Assert.False(terms.HasBalance);
        Assert.Equal(2, terms.InstalmentCount);
    }

    [Fact]
    public void Create_CountsTheInstalmentsOfRepeatingLines() =>
        Assert.Equal(
            13,
            PaymentTerms.Create(TermsLine.Percentage(20m, Now), TermsLine.Balance(DueRule.MonthsAfterStart(1), 12)).InstalmentCount
        );

    [Fact]
    public void Create_PercentagesShortOf100WithoutBalance_Throws() =>
        Assert.Contains(
            "add up to 90%, not 100%",
            Invalid(TermsLine.Percentage(40m, Now), TermsLine.Percentage(50m, Now)).Message,
            StringComparison.Ordinal
        );

    [Fact]
    public void Create_PercentagesOver100_Throws() =>
        Assert.Contains(
            "add up to 110%, more than 100%",
            Invalid(TermsLine.Percentage(60m, Now), TermsLine.Percentage(50m, Now)).Message,
            StringComparison.Ordinal
        );

    [Fact]
    public void Create_TwoBalanceLines_Throws() =>
        Assert.Contains(
            "2 balance lines",
            Invalid(TermsLine.Balance(Now), TermsLine.Balance(DueRule.DaysAfterStart(30))).Message,
            StringComparison.Ordinal
        );

    [Fact]
    public void Create_BalanceAfter100Percent_Throws() =>
        Assert.Contains(
            "balance line would be zero or negative",
            Invalid(TermsLine.Percentage(100m, Now), TermsLine.Balance(Now)).Message,
            StringComparison.Ordinal
        );

    [Fact]
    public void Create_FixedBeside100Percent_Throws() =>
        Assert.Contains(
            "fixed lines would exceed",
            Invalid(TermsLine.Percentage(100m, Now), TermsLine.Fixed(Usd(10m), Now)).Message,
            StringComparison.Ordinal
        );

    [Fact]
    public void Create_FixedLinesInTwoCurrencies_Throws() =>
        Assert.Contains(
            "USD, EUR",
            Invalid(TermsLine.Fixed(Usd(10m), Now), TermsLine.Fixed(Money.Of(5m, Currency.EUR), Now), TermsLine.Balance(Now)).Message,
            StringComparison.Ordinal
        );

    [Fact]
    public void Create_NoLines_Throws() => Assert.Contains("no lines", Invalid().Message, StringComparison.Ordinal);

    // Every broken rule is listed, numbered, in one message.
    [Fact]
    public void Create_SeveralProblems_ListsThemAll()
    {
        var message = Invalid(
            TermsLine.Balance(Now),
            TermsLine.Balance(Now),
            TermsLine.Percentage(70m, Now),
            TermsLine.Percentage(40m, Now),
            TermsLine.Fixed(Usd(1m), Now),
            TermsLine.Fixed(Money.Of(1m, Currency.JPY), Now)
        ).Message;

        Assert.Contains("(1) There are 2 balance lines", message, StringComparison.Ordinal);
        Assert.Contains("(2) The percentages add up to 110%", message, StringComparison.Ordinal);
        Assert.Contains("(3) The fixed lines are in USD, JPY", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NullLine_Throws()
    {
        var e = Assert.Throws<ArgumentNullException>(() => PaymentTerms.Create(TermsLine.Balance(Now), null!));

        Assert.Equal("lines", e.ParamName);
        Assert.Contains("Line 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_FromAList_KeepsAReadOnlyCopy()
    {
        var list = new List<TermsLine> { TermsLine.Balance(Now) };
        var terms = PaymentTerms.Create(list);
        list.Add(TermsLine.Balance(Now));

        Assert.Single(terms.Lines);
        Assert.Throws<NotSupportedException>(() => ((IList<TermsLine>)terms.Lines)[0] = TermsLine.Balance(Now));
    }

    [Fact]
    public void ToString_JoinsTheLines() =>
        Assert.Equal(
            "30% 0 days after start; balance in 2 x 1 months after start",
            PaymentTerms.Create(TermsLine.Percentage(30m, Now), TermsLine.Balance(DueRule.MonthsAfterStart(1), 2)).ToString()
        );

    // One balance line among percentage and fixed lines is enough.
    [Fact]
    public void HasBalance_OneBalanceLineAmongOthers_IsTrue() =>
        Assert.True(
            PaymentTerms.Create(TermsLine.Percentage(30m, Now), TermsLine.Fixed(Usd(100m), Now), TermsLine.Balance(Now)).HasBalance
        );

    // The whole message, so the lead-in and the separator between the numbered problems are pinned too.
    [Fact]
    public void Create_TwoProblems_NumbersThemInOneSentence() =>
        Assert.Equal(
            "The payment terms are invalid: (1) There are 2 balance lines; at most one line can take the balance. "
                + "(2) The percentages add up to 110%, more than 100%. (Parameter 'lines')",
            Invalid(TermsLine.Balance(Now), TermsLine.Balance(Now), TermsLine.Percentage(70m, Now), TermsLine.Percentage(40m, Now)).Message
        );
}
