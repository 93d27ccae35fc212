using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Deals;

namespace SalesPipeline.Tests.Frames;

// The frame's rows in id order against a second method: LINQ's OrderBy, a stable sort, by the ids in ordinal order.
// Each list is given twice over (the second copy reversed), so that every id comes twice and the ties must keep
// their input order.
[Collection(FrameSplitting.Name)]
public class IdOrderTests
{
    private static bool IsTheStableSortOfTheIds(Deal[] deals)
    {
        Deal[] twice = [.. deals, .. Enumerable.Reverse(deals)];
        var expected = Enumerable.Range(0, twice.Length).OrderBy(r => twice[r].Id.Value, StringComparer.Ordinal);
        return DealFrame.Of(twice).RowsById.SequenceEqual(expected);
    }

    [Fact]
    public void RowsById_IsTheStableSortOfTheIds_Property() =>
        PropertyAssert.Holds(Prop.ForAll(FrameDeals.Deals.ToArbitrary(), IsTheStableSortOfTheIds));

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void RowsById_SortedInPartsAndMerged_IsTheStableSortOfTheIds_Property(int splitFrom)
    {
        using var _ = FramePartitions.SplitFrom(splitFrom);
        PropertyAssert.Holds(Prop.ForAll(FrameDeals.Deals.ToArbitrary(), IsTheStableSortOfTheIds));
    }
}
