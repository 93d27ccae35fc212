namespace SalesPipeline.Tests.Monetary;

// Money against null, by the documented rules: equality treats null as a value equal only to null; CompareTo sorts null
// first (any amount is greater); the ordering operators refuse a null operand and name it.
public class MoneyNullComparisonTests
{
    private static readonly Money One = Money.Of(1m, Currency.USD);
    private static Money? None => null;

    [Fact]
    public void Equality_WithNull_IsTrueOnlyForTwoNulls()
    {
        Assert.False(One.Equals((object?)null));
        Assert.False(One.Equals((Money?)null));
        Assert.False(One == None);
        Assert.False(None == One);
        Assert.True(One != None);
        Assert.True(None != One);
        Assert.True(None == null);
        Assert.False(None != null);
    }

    [Fact]
    public void CompareTo_Null_SortsNullFirst()
    {
        Assert.Equal(1, Math.Sign(One.CompareTo((Money?)null)));
        Assert.Equal(1, Math.Sign(One.CompareTo((object?)null)));
        // Negative amounts too: null is below every amount, not a stand-in for zero.
        Assert.Equal(1, Math.Sign(Money.Of(-5m, Currency.USD).CompareTo((object?)null)));
    }

    [Theory]
    [InlineData("<")]
    [InlineData(">")]
    [InlineData("<=")]
    [InlineData(">=")]
    public void OrderingOperator_NullOperand_ThrowsNamingIt(string op)
    {
        Func<Money, Money, bool> compare = op switch
        {
            "<" => (a, b) => a < b,
            ">" => (a, b) => a > b,
            "<=" => (a, b) => a <= b,
            _ => (a, b) => a >= b,
        };

        Assert.Equal("right", Assert.Throws<ArgumentNullException>(() => compare(One, None!)).ParamName);
        Assert.Equal("left", Assert.Throws<ArgumentNullException>(() => compare(None!, One)).ParamName);
    }
}
