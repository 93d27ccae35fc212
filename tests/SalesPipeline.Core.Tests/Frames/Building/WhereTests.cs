using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Deals;
using SalesPipeline.Tests.Frames.HistoryColumns;

namespace SalesPipeline.Tests.Frames.Building;

// DealFrame.Where keeps some rows of a frame as a frame of the same kind; the oracle is the frame DealFrameBuilder
// builds from the kept rows' deals (for a frame without deal objects, its rows' deals as DealAt makes them).
public class WhereTests
{
    // Hostile histories and lists with leads and imports, a frame of either kind built in parts or not, and which rows
    // to keep (none, all, or any).
    private static readonly Gen<(Deal[] Deals, bool KeepsDeals, bool InParts, bool[] Keep)> Cases =
        from deals in Gen.OneOf(HistoryDeals.Deals, StintsHostile.RandomDeals)
        from keepsDeals in Gen.Elements(false, true)
        from inParts in Gen.Elements(false, true)
        from rule in Gen.Choose(0, 5)
        from keep in Gen.ArrayOf(Gen.Elements(false, true), deals.Length)
        select (
            deals,
            keepsDeals,
            inParts,
            rule switch
            {
                0 => new bool[deals.Length],
                1 => Enumerable.Repeat(true, deals.Length).ToArray(),
                _ => keep,
            }
        );

    [Fact]
    public void Where_IsTheFrameOfTheKeptRowsDeals_OfTheSameKind_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Cases.ToArbitrary(),
                c =>
                {
                    // In parts or not (the threshold lowered), both when the source is built and when Where runs.
                    using var split = c.InParts ? FramePartitions.SplitFrom(3) : null;
                    var source = DealFrameBuilder.Build(
                        c.Deals,
                        c.KeepsDeals ? DealFrameBuilder.Keeping.Deals : DealFrameBuilder.Keeping.History
                    );
                    var calls = new int[c.Deals.Length];
                    var kept = source.Where(row =>
                    {
                        System.Threading.Interlocked.Increment(ref calls[row]);
                        return c.Keep[row];
                    });
                    var rows = Enumerable.Range(0, c.Deals.Length).Where(r => c.Keep[r]).ToArray();
                    Assert.All(calls, n => Assert.Equal(1, n));
                    if (c.KeepsDeals)
                    {
                        // The very objects, and the columns they give.
                        Assert.Null(kept.History);
                        Assert.Equal(rows.Length, kept.Count);
                        Assert.All(rows, (r, i) => Assert.Same(c.Deals[r], kept.DealAt(i)));
                        var expected = DealFrameBuilder.Build([.. rows.Select(r => c.Deals[r])], DealFrameBuilder.Keeping.Deals);
                        Assert.Equal(FrameColumns.Of(expected), FrameColumns.Of(kept));
                    }
                    else
                    {
                        var expected = DealFrameBuilder.Build([.. rows.Select(source.DealAt)], DealFrameBuilder.Keeping.History);
                        Assert.Equal(FrameColumns.Of(expected), FrameColumns.Of(kept));
                        Assert.Equal(FrameColumns.Of(expected.History!), FrameColumns.Of(kept.History!));
                        Assert.Equal(rows.Select(r => c.Deals[r]), kept.DealList);
                    }
                }
            )
        );
}
