using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Pipelines;
using static SalesPipeline.Tests.Deals.DealFixtures;

namespace SalesPipeline.Tests.Deals;

// Arguments that are wrong in themselves throw when the command is created, before any pipeline sees it.
public sealed class DealCommandTests
{
    [Fact]
    public void OverrideCategoryTo_Closed_ThrowsOutOfRange()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => DealCommand.OverrideCategoryTo(ForecastCategory.Closed, T0, "alice"));

        Assert.Equal("category", ex.ParamName);
        Assert.Equal(ForecastCategory.Closed, ex.ActualValue);
        Assert.Contains("Closed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OverrideCategoryTo_UndefinedValue_ThrowsOutOfRange()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => DealCommand.OverrideCategoryTo((ForecastCategory)42, T0, "alice"));

        Assert.Equal("category", ex.ParamName);
        Assert.Contains("42", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("-0.01")]
    public void OverrideProbabilityTo_OutsideZeroToOne_ThrowsOutOfRange(string text)
    {
        var probability = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => DealCommand.OverrideProbabilityTo(probability, T0, "alice"));

        Assert.Equal("probability", ex.ParamName);
        Assert.Contains(text, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    public void OverrideProbabilityTo_Bounds_AreAccepted(string text)
    {
        var probability = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(probability, DealCommand.OverrideProbabilityTo(probability, T0, "alice").Probability);
    }

    [Fact]
    public void OverrideProbabilityTo_StageDefaultSource_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => DealCommand.OverrideProbabilityTo(0.5m, T0, "alice", ValueSource.StageDefault));

        Assert.Equal("source", ex.ParamName);
        Assert.Contains("StageDefault", ex.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> Factories =>
        new() { "Move", "ChangeAmountTo", "OverrideProbabilityTo", "OverrideCategoryTo", "Lose", "Reopen" };

    private static DealCommand Create(string factory, string by) =>
        factory switch
        {
            "Move" => DealCommand.Move("proposal", T0, by),
            "ChangeAmountTo" => DealCommand.ChangeAmountTo(Money.Of(1m, Currency.USD), T0, by),
            "OverrideProbabilityTo" => DealCommand.OverrideProbabilityTo(0.5m, T0, by),
            "OverrideCategoryTo" => DealCommand.OverrideCategoryTo(ForecastCategory.Commit, T0, by),
            "Lose" => DealCommand.Lose(LossReason.Price, T0, by),
            "Reopen" => DealCommand.Reopen(T0, by),
            _ => throw new ArgumentOutOfRangeException(nameof(factory), factory, "unknown factory"),
        };

    [Theory]
    [MemberData(nameof(Factories))]
    public void Factory_BlankBy_ThrowsArgumentException(string factory)
    {
        var ex = Assert.Throws<ArgumentException>(() => Create(factory, "  "));

        Assert.Equal("by", ex.ParamName);
        Assert.Contains("\"  \"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Factory_NullBy_ThrowsArgumentNullException()
    {
        Assert.Equal("by", Assert.Throws<ArgumentNullException>(() => Create("Move", null!)).ParamName);
        Assert.Equal("by", Assert.Throws<ArgumentNullException>(() => Create("Lose", null!)).ParamName);
    }

    [Fact]
    public void TextArguments_Blank_ThrowNamingTheParameter()
    {
        Assert.Equal("stageId", Assert.Throws<ArgumentException>(() => DealCommand.Move("", T0, "a")).ParamName);
        Assert.Equal("criterionId", Assert.Throws<ArgumentException>(() => DealCommand.Answer(" ", T0, "a")).ParamName);
        Assert.Equal("criterionId", Assert.Throws<ArgumentException>(() => DealCommand.Withdraw("\t", T0, "a")).ParamName);
        Assert.Equal("owner", Assert.Throws<ArgumentException>(() => DealCommand.Reassign("", T0, "a")).ParamName);
        Assert.Equal("competitor", Assert.Throws<ArgumentException>(() => DealCommand.Lose(LossReason.Price, T0, "a", " ")).ParamName);
        Assert.Equal("stageId", Assert.Throws<ArgumentException>(() => DealCommand.Reopen(T0, "a", "")).ParamName);
    }

    [Fact]
    public void ChangeAmountTo_Negative_ThrowsOutOfRange()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => DealCommand.ChangeAmountTo(Money.Of(-5m, Currency.USD), T0, "a"));

        Assert.Equal("amount", ex.ParamName);
        Assert.Contains("-5", ex.Message, StringComparison.Ordinal);
    }
}
