using SalesPipeline.Html.Charts;
using SalesPipeline.Html.Markup;

namespace SalesPipeline.Html.Tests.Markup;

// The number forms of docs/html.md, value by value.
public sealed class NumbersTests
{
    [Theory]
    [InlineData("0", "0")]
    [InlineData("950", "950")]
    [InlineData("12.5", "12.5")]
    [InlineData("0.005", "0.01")]
    [InlineData("1000", "1k")]
    [InlineData("42500", "42.5k")]
    [InlineData("-1500", "-1.5k")]
    [InlineData("1250000", "1.25M")]
    [InlineData("999999", "1M")]
    [InlineData("999.999", "1k")]
    [InlineData("3000000000", "3B")]
    [InlineData("-0.001", "0")]
    public void Compact_labels_round_first_then_pick_the_unit(string value, string expected) =>
        Assert.Equal(expected, Numbers.Compact(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("60000", 2, "60,000.00")]
    [InlineData("10.125", 2, "10.125")]
    [InlineData("10.1200", 2, "10.12")]
    [InlineData("125000", 0, "125,000")]
    [InlineData("3.5", 3, "3.500")]
    [InlineData("-1234.5", 2, "-1,234.50")]
    public void Amounts_keep_at_least_the_minor_unit_and_every_significant_decimal(string value, int minorUnit, string expected) =>
        Assert.Equal(expected, Numbers.Amount(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), minorUnit));

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(-0.004, "0")]
    [InlineData(0.004, "0")]
    [InlineData(0.005, "0.01")]
    [InlineData(-0.005, "-0.01")]
    [InlineData(246.285714, "246.29")]
    [InlineData(720, "720")]
    public void Coordinates_have_at_most_two_decimals_and_no_negative_zero(double value, string expected) =>
        Assert.Equal(expected, Numbers.Coord(value));

    [Theory]
    [InlineData(0.8, 1)]
    [InlineData(1.4, 2)]
    [InlineData(3, 5)]
    [InlineData(7, 10)]
    [InlineData(700, 1000)]
    [InlineData(33000, 50000)]
    [InlineData(0.08, 0.1)]
    [InlineData(0.00625, 0.01)]
    public void A_tick_step_is_1_2_or_5_times_a_power_of_ten_at_or_above_the_rough_step(double rough, double step) =>
        Assert.Equal(step, Scale.NiceStep(rough), 12);

    [Fact]
    public void An_axis_from_zero_ends_at_the_first_tick_at_or_above_the_largest_value()
    {
        var counts = Scale.FromZero(0, 7, 168, 488, minStep: 1);
        Assert.Equal([0, 2, 4, 6, 8], counts.Ticks());
        Assert.Equal(168 + 280, counts.Map(7)); // 7 / 8 of 320 px

        var money = Scale.FromZero(-1_500, 3_500, 276, 56);
        Assert.Equal([-2_000, -1_000, 0, 1_000, 2_000, 3_000, 4_000], money.Ticks());
        Assert.Equal(276 - (2_000.0 / 6_000 * 220), money.Map(0), 9);

        var tenths = Scale.FromZero(0, 0.3, 300, 88);
        Assert.Equal([0, 0.1, 0.2, 0.3], tenths.Ticks());
    }
}
