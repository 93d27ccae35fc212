using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Money;

namespace SalesPipeline.Tests.Money;

public class SmokeTests
{
    [Fact]
    public void Allocate_ThreeEqualParts() =>
        Assert.Equal(
            ["USD 33.34", "USD 33.33", "USD 33.33"],
            SalesPipeline.Money.Money.Of(100m, Currency.USD).Allocate(3).Select(m => m.ToString())
        );

    [Fact]
    public void Allocate_Conserves() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                ArbMap.Default.ArbFor<int>(),
                ArbMap.Default.ArbFor<PositiveInt>(),
                (cents, parts) =>
                {
                    var money = SalesPipeline.Money.Money.FromMinorUnits(cents, Currency.USD);
                    var shares = money.Allocate(parts.Get % 50 + 1);
                    return SalesPipeline.Money.Money.Sum(shares, Currency.USD) == money;
                }
            )
        );
}
