using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Statistics;

namespace SalesPipeline.Tests.Statistics;

// Percentiles by Hyndman and Fan's definition 7 (numpy's and pandas' default, Excel's PERCENTILE.INC), which the time
// metrics use: Q(p) = x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]) with h = (n - 1) p on the sorted samples.
public sealed class OrderStatisticsTests
{
    // Wikipedia, "Percentile", the linear interpolation with C = 1 on 15, 20, 35, 40, 50: the 40th percentile is 29
    // (h = 4 x 0.4 = 1.6, so 20 + 0.6 x (35 - 20)). The ends are the smallest and largest samples, and the median of an
    // odd count is the middle one.
    [Theory]
    [InlineData(0.4, 29.0)]
    [InlineData(0.0, 15.0)]
    [InlineData(1.0, 50.0)]
    [InlineData(0.5, 35.0)]
    [InlineData(0.75, 40.0)]
    [InlineData(0.9, 46.0)] // h = 3.6: 40 + 0.6 x 10
    public void Type7_TheWikipediaExample(double p, double expected)
    {
        long[] sorted = [15, 20, 35, 40, 50];
        long[] shuffled = [40, 15, 50, 35, 20];
        var values = new double[1];

        OrderStatistics.Type7(shuffled, [p], values);

        Assert.Equal(expected, OrderStatistics.Type7Sorted(sorted, p), 12);
        Assert.Equal(expected, values[0], 12);
    }

    // numpy.percentile([1, 2, 3, 4], [25, 50]) is [1.75, 2.5]: h = 0.75 and 1.5. One sample is every percentile.
    [Fact]
    public void Type7_SmallCountsAsNumpyGivesThem()
    {
        var values = new double[2];
        OrderStatistics.Type7(new long[] { 4, 3, 2, 1 }, [0.25, 0.5], values);
        var single = new double[3];
        OrderStatistics.Type7(new long[] { 7 }, [0.0, 0.5, 1.0], single);

        Assert.Equal([1.75, 2.5], values);
        Assert.Equal([7.0, 7.0, 7.0], single);
    }

    // The quickselect path (used above 24 samples, with many equal values to test its partition) gives exactly what
    // interpolating on a sorted copy gives, for any samples and any set of probabilities, asked in any order.
    [Fact]
    public void Type7_AnySamples_EqualsTheSortedDefinition_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                (
                    from n in Gen.Choose(1, 300)
                    from spread in Gen.Elements(3, 50, 1_000_000)
                    from data in Gen.ArrayOf(Gen.Choose(-spread, spread).Select(v => (long)v), n)
                    from ps in Gen.ArrayOf(Gen.Choose(0, 1_000).Select(k => k / 1_000.0), 1 + (n % 5))
                    select (data, ps)
                ).ToArbitrary(),
                c =>
                {
                    var sorted = c.data.Order().ToArray();
                    var work = (long[])c.data.Clone();
                    var values = new double[c.ps.Length];

                    OrderStatistics.Type7(work, c.ps, values);

                    return c.ps.Select(p => OrderStatistics.Type7Sorted(sorted, p)).SequenceEqual(values)
                        && work.Order().SequenceEqual(sorted);
                }
            )
        );
}
