using SalesPipeline.Forecasting;

namespace SalesPipeline.Tests.Forecasting.Distribution;

public sealed class RevenueGridBoundaryTests
{
    [Theory]
    [InlineData("1.50", 1)]
    [InlineData("100", 0)]
    [InlineData("1.000", 0)]
    [InlineData("0.125", 3)]
    [InlineData("0.0", 0)]
    public void SignificantDecimals_IgnoresTrailingZeros(string value, int expected) =>
        Assert.Equal(expected, RevenueGrid.SignificantDecimals(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Choose_AmountsOfEighteenDecimals_StillFormALattice()
    {
        // 0.999999999999999999 has 18 decimals: in units of 1e-18 it is 999,999,999,999,999,999 (below 2^63), a lattice of
        // one step of itself. XAU has no minor unit, so nothing is rounded.
        var grid = RevenueGrid.Choose([0.999999999999999999m], [0.5], 64, Currency.FromCode("XAU"), "options");

        Assert.True(grid.IsLattice);
        Assert.Equal(0.999999999999999999m, grid.Step);
        Assert.Equal(2, grid.Length);
    }

    [Fact]
    public void Choose_LatticeOfExactlyMaxPointsMinusOneSteps_Fits()
    {
        // 1 + 2 = 3 steps of 1: 4 points fit in 4, not in 3.
        var fits = RevenueGrid.Choose([1m, 2m], [0.5, 0.5], 4, Currency.USD, "options");
        var tooLong = RevenueGrid.Choose([1m, 2m], [0.5, 0.5], 3, Currency.USD, "options");

        Assert.Equal((true, 1m, 4), (fits.IsLattice, fits.Step, fits.Length));
        Assert.False(tooLong.IsLattice);
        Assert.True(tooLong.Length <= 3);
    }

    [Fact]
    public void Choose_SplitGridWithAmountsOnTheStep_PlacesThemWithoutSplitting()
    {
        // 100, 200 and 250.01 on at most 8 points (7 steps). In cents the smallest H with ceil(10000 / H) +
        // ceil(20000 / H) + ceil(25001 / H) <= 7 is 10,000 (1 + 2 + 3 = 6; at 9,999 it is 2 + 3 + 3 = 8), so h = 100.00:
        // 100 and 200 sit on the grid (1 and 2 steps, not split), 250.01 = 2 x 100 + 50.01 is split (w = 0.5001).
        // Points 1 + 2 + 3 = 6 steps, 7 points. Error bound min(max(50.01, 49.99), 100 sqrt(ln(4e8) / 2) = 314.7) = 50.01.
        var grid = RevenueGrid.Choose([100m, 200m, 250.01m], [0.5, 0.5, 0.5], 8, Currency.USD, "options");

        Assert.False(grid.IsLattice);
        Assert.Equal(100.00m, grid.Step);
        Assert.Equal(7, grid.Length);
        Assert.Equal(50.01m, grid.ErrorBound);
        Assert.Equal((1, 0.5, 0.0), (grid.Deals[0].Lo, grid.Deals[0].PLo, grid.Deals[0].PHi));
        Assert.Equal((2, 0.5, 0.0), (grid.Deals[1].Lo, grid.Deals[1].PLo, grid.Deals[1].PHi));
        Assert.Equal(2, grid.Deals[2].Lo);
        Assert.Equal(0.5 * 0.5001, grid.Deals[2].PHi, 15);
    }

    [Fact]
    public void Choose_NoUncertainDealsInACurrencyWithoutMinorUnit_IsTheEmptyLattice()
    {
        var grid = RevenueGrid.Choose([], [], 64, Currency.FromCode("XAU"), "options");

        Assert.Equal((true, 1, 0m), (grid.IsLattice, grid.Length, grid.ErrorBound));
        Assert.Empty(grid.Deals);
    }

    [Fact]
    public void Choose_AmountBeyondLongInUnits_SplitsInsteadOfALattice()
    {
        // 2 x 10^19 whole units do not fit a long (9.2 x 10^18): no lattice, a split grid within the points.
        var grid = RevenueGrid.Choose([20_000_000_000_000_000_000m, 1m], [0.5, 0.5], 64, Currency.USD, "options");

        Assert.False(grid.IsLattice);
        Assert.True(grid.Length <= 64);
        Assert.Equal(grid.Deals.Sum(d => d.Span) + 1, grid.Length);
    }
}
