using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Forecasting;

namespace SalesPipeline.Tests.Forecasting.Distribution;

public sealed class RevenueGridTests
{
    [Fact]
    public void Choose_AmountsWithACommonStep_UseItAsAnExactLattice()
    {
        // gcd(150.00, 250.00, 100.50) = 0.50: 300 + 500 + 201 = 1,001 steps, 1,002 points.
        var grid = RevenueGrid.Choose([150m, 250m, 100.50m], [0.5, 0.5, 0.5], 65_536, Currency.USD, "options");

        Assert.True(grid.IsLattice);
        Assert.Equal(0.5m, grid.Step);
        Assert.Equal(1_002, grid.Length);
        Assert.Equal(0m, grid.ErrorBound);
        Assert.Equal([300, 500, 201], grid.Deals.Select(d => d.Lo));
        Assert.All(grid.Deals, d => Assert.Equal((0.5, 0.0), (d.PLo, d.PHi)));
    }

    [Fact]
    public void Choose_LatticeTooLong_SplitsEachDealBetweenItsNeighboursOnTheSmallestStepThatFits()
    {
        // 150 and 250 on at most 6 points (5 steps): the lattice of 50 needs 8 steps. In cents, the smallest H with
        // ceil(15000 / H) + ceil(25000 / H) <= 5 is 8,334 (2 + 3 steps; one cent less gives 2 + 4), so h = 83.34.
        //   150 = 1 x 83.34 + 66.66 -> w = 66.66 / 83.34, error at most max(66.66, 16.68) = 66.66
        //   250 = 2 x 83.34 + 83.32 -> w = 83.32 / 83.34, error at most max(83.32, 0.02) = 83.32
        var grid = RevenueGrid.Choose([150m, 250m], [0.4, 1.0 / 3], 6, Currency.USD, "options");

        Assert.False(grid.IsLattice);
        Assert.Equal(83.34m, grid.Step);
        Assert.Equal(6, grid.Length);
        Assert.Equal(149.98m, grid.ErrorBound);
        Assert.Equal((1, 2), (grid.Deals[0].Lo, grid.Deals[1].Lo));
        Assert.Equal(0.4 * (1 - 66.66 / 83.34), grid.Deals[0].PLo, 14);
        Assert.Equal(0.4 * 66.66 / 83.34, grid.Deals[0].PHi, 14);
        Assert.Equal(1.0 / 3 * 83.32 / 83.34, grid.Deals[1].PHi, 14);
    }

    [Fact]
    public void Choose_SplitDeals_KeepTheirMeanAndFitTheGrid_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Gen.NonEmptyListOf(Gen.Choose(1, 100_000_000)).Select(l => l.Take(200).ToArray()).ToArbitrary(),
                Gen.Choose(201, 5_000).ToArbitrary(),
                (cents, maxPoints) =>
                {
                    var amounts = cents.Select(c => c / 100m).ToArray();
                    var grid = RevenueGrid.Choose(amounts, [.. amounts.Select(_ => 0.5)], maxPoints, Currency.USD, "options");
                    var h = (double)grid.Step;
                    var meansKept = grid
                        .Deals.Zip(amounts)
                        .All(x =>
                            Math.Abs((x.First.PLo * x.First.Lo + x.First.PHi * (x.First.Lo + 1)) * h - 0.5 * (double)x.Second)
                            <= 1e-9 * (double)x.Second
                        );
                    // Worst case: each split deal's largest placement error; Hoeffding: h sqrt(m ln(2 / 5e-9) / 2).
                    var worst = amounts.Sum(a => a % grid.Step == 0 ? 0 : Math.Max(a % grid.Step, grid.Step - a % grid.Step));
                    var split = amounts.Count(a => a % grid.Step != 0);
                    var hoeffding = grid.Step * (decimal)Math.Sqrt(split * Math.Log(4e8) / 2);
                    var bound = Math.Min(worst, hoeffding);
                    return meansKept
                        && grid.Length <= maxPoints
                        && grid.Length == grid.Deals.Sum(d => d.Span) + 1
                        && grid.Step % 0.01m == 0
                        && Math.Abs(grid.ErrorBound - bound) <= 0.01m
                        && grid.ErrorBound < amounts.Length * grid.Step + 0.01m;
                }
            )
        );

    [Fact]
    public void Choose_MoreUncertainDealsThanGridSteps_IsRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => RevenueGrid.Choose([1m, 2m, 3m], [0.5, 0.5, 0.5], 3, Currency.USD, "options"));

        Assert.Equal("options", ex.ParamName);
        Assert.Contains("MaxGridPoints is 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_CurrencyWithoutMinorUnit_UsesAFineBaseUnit()
    {
        // XAU has no minor unit: steps are whole multiples of 0.0001.
        var grid = RevenueGrid.Choose([1.23456m, 2.5m, 0.77777m], [0.5, 0.5, 0.5], 100, Currency.FromCode("XAU"), "options");

        Assert.False(grid.IsLattice);
        Assert.Equal(0m, grid.Step % 0.0001m);
        Assert.True(grid.Length <= 100);
    }
}
