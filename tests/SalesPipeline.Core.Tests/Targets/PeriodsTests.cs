using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Targets;

namespace SalesPipeline.Tests.Targets;

public sealed class PeriodsTests
{
    private static FiscalPeriod P(int m1, int d1, int m2, int d2) =>
        FiscalPeriod.Of(new DateInterval(new LocalDate(2026, m1, d1), new LocalDate(2026, m2, d2)));

    [Fact]
    public void CheckNonOverlapping_AdjacentPeriodsInAnyOrder_AreAcceptedAndOrderIsKept()
    {
        var q1 = P(1, 1, 3, 31);
        var q2 = P(4, 1, 6, 30);
        var q3 = P(7, 1, 9, 30);
        var q4 = P(10, 1, 12, 31);
        FiscalPeriod[] input = [q3, q1, q4, q2];

        var result = Periods.CheckNonOverlapping(input, "periods");

        Assert.Equal(4, result.Length);
        Assert.Same(q3, result[0]);
        Assert.Same(q1, result[1]);
        Assert.Same(q4, result[2]);
        Assert.Same(q2, result[3]);
    }

    [Fact]
    public void CheckNonOverlapping_GapsAndSinglePeriods_AreAccepted()
    {
        Assert.Equal(2, Periods.CheckNonOverlapping([P(1, 1, 1, 31), P(3, 1, 3, 31)], "periods").Length);
        Assert.Single(Periods.CheckNonOverlapping([P(5, 5, 5, 5)], "periods"));
    }

    [Fact]
    public void CheckNonOverlapping_Empty_ThrowsArgumentException()
    {
        var ex = Assert.Throws<ArgumentException>(() => Periods.CheckNonOverlapping([], "periods"));

        Assert.Equal("periods", ex.ParamName);
        Assert.Contains("empty", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckNonOverlapping_NullList_ThrowsArgumentNull()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => Periods.CheckNonOverlapping(null!, "myPeriods"));

        Assert.Equal("myPeriods", ex.ParamName);
    }

    [Fact]
    public void CheckNonOverlapping_NullElement_ThrowsNamingItsIndex()
    {
        var ex = Assert.Throws<ArgumentNullException>(() =>
            Periods.CheckNonOverlapping([P(1, 1, 1, 31), null!, P(3, 1, 3, 31)], "periods")
        );

        Assert.Equal("periods", ex.ParamName);
        Assert.Contains("Period 1 ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckNonOverlapping_SharingOneDay_ThrowsNamingBothIndexes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Periods.CheckNonOverlapping([P(1, 1, 3, 31), P(3, 31, 6, 30)], "periods"));

        Assert.Equal("periods", ex.ParamName);
        Assert.Contains("period 0 (2026-01-01..2026-03-31", ex.Message, StringComparison.Ordinal);
        Assert.Contains("period 1 (2026-03-31..2026-06-30", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckNonOverlapping_OverlapOutOfInputOrder_NamesTheInputIndexes()
    {
        // Input indexes 3 and 1 overlap (on 2026-07-01); they are neither first nor next to each other in the input.
        var ex = Assert.Throws<ArgumentException>(() =>
            Periods.CheckNonOverlapping([P(10, 1, 12, 31), P(7, 1, 9, 30), P(1, 1, 3, 31), P(4, 1, 7, 1)], "periods")
        );

        Assert.Contains("period 3 ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("period 1 ", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("period 0 ", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("period 2 ", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 1, 12, 31, 2, 1, 2, 28)] // one inside the other
    [InlineData(3, 10, 3, 20, 3, 1, 3, 15)] // second starts earlier and ends inside
    public void CheckNonOverlapping_Overlapping_Throws(int a1, int a2, int a3, int a4, int b1, int b2, int b3, int b4)
    {
        var ex = Assert.Throws<ArgumentException>(() => Periods.CheckNonOverlapping([P(a1, a2, a3, a4), P(b1, b2, b3, b4)], "periods"));

        Assert.Contains("period 0 ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("period 1 ", ex.Message, StringComparison.Ordinal);
    }

    // Brute force: two periods overlap iff some day lies in both; the check throws iff any pair overlaps.
    [Fact]
    public void CheckNonOverlapping_ThrowsExactlyWhenSomeDayIsInTwoPeriods_Property()
    {
        var origin = new LocalDate(2026, 1, 1);
        var period =
            from start in Gen.Choose(0, 40)
            from length in Gen.Choose(1, 10)
            select FiscalPeriod.Of(new DateInterval(origin.PlusDays(start), origin.PlusDays(start + length - 1)));
        var lists = from count in Gen.Choose(1, 6) from list in Gen.ArrayOf(period, count) select list;

        PropertyAssert.Holds(
            Prop.ForAll(
                lists.ToArbitrary(),
                list =>
                {
                    var sharesADay = list.SelectMany(p => p.Interval).GroupBy(d => d).Any(g => g.Count() > 1);
                    try
                    {
                        var result = Periods.CheckNonOverlapping(list, "periods");
                        return !sharesADay && result.SequenceEqual(list);
                    }
                    catch (ArgumentException ex) when (ex.GetType() == typeof(ArgumentException))
                    {
                        return sharesADay;
                    }
                }
            )
        );
    }
}
