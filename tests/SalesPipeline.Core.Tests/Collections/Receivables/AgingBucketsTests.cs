using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Collections;

namespace SalesPipeline.Tests.Collections.Receivables;

public sealed class AgingBucketsTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(30, 1)]
    [InlineData(31, 2)]
    [InlineData(60, 2)]
    [InlineData(61, 3)]
    [InlineData(90, 3)]
    [InlineData(91, 4)]
    [InlineData(10_000, 4)]
    public void IndexOf_DefaultBuckets_ByHand(int days, int expected) => Assert.Equal(expected, AgingBuckets.Default.IndexOf(days));

    [Fact]
    public void Default_Labels() => Assert.Equal(["current", "1-30", "31-60", "61-90", "over 90"], AgingBuckets.Default.Labels);

    [Fact]
    public void Create_OneBound_ThreeBuckets() => Assert.Equal(["current", "1-7", "over 7"], AgingBuckets.Create(7).Labels);

    [Theory]
    [InlineData(new[] { 0, 30 }, 0)]
    [InlineData(new[] { -5 }, -5)]
    [InlineData(new[] { 30, 30 }, 30)]
    [InlineData(new[] { 30, 60, 45 }, 45)]
    public void Create_BadBounds_Throws(int[] bounds, int culprit)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => AgingBuckets.Create(bounds));
        Assert.Equal("upperBounds", ex.ParamName);
        Assert.Equal(culprit, ex.ActualValue);
        Assert.Contains(culprit.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NoBounds_Throws()
    {
        Assert.Equal("upperBounds", Assert.Throws<ArgumentException>(() => AgingBuckets.Create()).ParamName);
        Assert.Equal("upperBounds", Assert.Throws<ArgumentNullException>(() => AgingBuckets.Create(null!)).ParamName);
    }

    [Fact]
    public void IndexOf_Negative_Throws() =>
        Assert.Equal("daysOverdue", Assert.Throws<ArgumentOutOfRangeException>(() => AgingBuckets.Default.IndexOf(-1)).ParamName);

    // A second method: a day d > 0 falls after every bound below it, so its index is 1 + the number of bounds below d.
    [Fact]
    public void IndexOf_AnyBounds_CountsBoundsBelow_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                (
                    from steps in Gen.Choose(1, 6).SelectMany(n => Gen.ArrayOf(Gen.Choose(1, 60), n))
                    from day in Gen.Choose(0, 400)
                    select (Bounds: steps.Select((_, i) => steps.Take(i + 1).Sum()).ToArray(), Day: day)
                ).ToArbitrary(),
                c => AgingBuckets.Create(c.Bounds).IndexOf(c.Day) == (c.Day == 0 ? 0 : 1 + c.Bounds.Count(b => b < c.Day))
            )
        );

    [Fact]
    public void Create_NoBounds_SaysWhatIsNeeded() =>
        Assert.Equal(
            "At least one upper bound is needed (for example 30, 60, 90). (Parameter 'upperBounds')",
            Assert.Throws<ArgumentException>(() => AgingBuckets.Create()).Message
        );

    // Bounds are numbered from 0: in (30, 60, 45) bound 2 (45) is not above bound 1 (60).
    [Fact]
    public void Create_NotAscending_NamesTheBoundAndTheOneBefore() =>
        Assert.StartsWith(
            "Bucket bound 2 is 45 days, not above bound 1 (60 days); bounds must be strictly ascending. (Parameter 'upperBounds')",
            Assert.Throws<ArgumentOutOfRangeException>(() => AgingBuckets.Create(30, 60, 45)).Message,
            StringComparison.Ordinal
        );

    [Fact]
    public void IndexOf_Negative_SaysSo() =>
        Assert.StartsWith(
            "Days overdue cannot be negative. (Parameter 'daysOverdue')",
            Assert.Throws<ArgumentOutOfRangeException>(() => AgingBuckets.Default.IndexOf(-1)).Message,
            StringComparison.Ordinal
        );

    [Fact]
    public void ToString_ListsTheLabels() => Assert.Equal("current, 1-30, 31-60, 61-90, over 90", AgingBuckets.Default.ToString());
}
