namespace SalesPipeline.Tests.Monetary;

// Currency.MaxAmount: 10^18 minor units (docs/money.md, "Range"), written out by hand per minor unit.
public class CurrencyMaxAmountTests
{
    [Theory]
    [InlineData("JPY", 1_000_000_000_000_000_000d)]
    [InlineData("USD", 10_000_000_000_000_000d)]
    [InlineData("KWD", 1_000_000_000_000_000d)]
    [InlineData("CLF", 100_000_000_000_000d)]
    [InlineData("XAU", 100_000_000_000_000d)]
    public void MaxAmount_IsTenToTheEighteenMinorUnits(string code, double expected)
    {
        Assert.Equal((decimal)expected, Currency.FromCode(code).MaxAmount);
    }

    [Fact]
    public void MaxAmount_OfEveryCurrencyWithAMinorUnit_IsTenToTheEighteenOfThem()
    {
        Assert.All(Currency.All.Where(c => c.HasMinorUnit), c => Assert.Equal(1_000_000_000_000_000_000m, c.MaxAmount / c.MinorUnitValue));
    }
}
