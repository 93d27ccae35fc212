using System.Threading;
using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Deals;
using SalesPipeline.Metrics;

namespace SalesPipeline.Tests.Frames;

// The one split every kernel makes: the parts tile the rows exactly and in order, the runner hands each part its own
// rows and gives the results back in part order, the earliest failing part's exception comes out unwrapped, and the
// number of parts follows the one rule and its test hook.
[Collection(FrameSplitting.Name)]
public class FramePartitionsTests
{
    // Row counts small (where parts may outnumber rows) and up to int.MaxValue (where count * part overflows an int).
    private static readonly Gen<int> Rows = Gen.OneOf(
        Gen.Choose(0, 40),
        Gen.Choose(0, int.MaxValue),
        Gen.Elements(int.MaxValue - 1, int.MaxValue)
    );

    private static readonly Gen<int> PartCounts = Gen.OneOf(Gen.Choose(1, 9), Gen.Choose(1, 100_000));

    [Fact]
    public void Bounds_TileTheRowsExactlyInOrder_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Rows.ToArbitrary(),
                PartCounts.ToArbitrary(),
                (rows, parts) =>
                {
                    var expectedFrom = 0;
                    var (smallest, largest) = (long.MaxValue, long.MinValue);
                    for (var part = 0; part < parts; part++)
                    {
                        var (from, to) = FramePartitions.Bounds(rows, parts, part);
                        Assert.Equal(expectedFrom, from);
                        Assert.True(to >= from, $"part {part} of {parts} over {rows} rows ends at {to}, before {from}");
                        (smallest, largest) = (Math.Min(smallest, to - from), Math.Max(largest, to - from));
                        expectedFrom = to;
                    }
                    Assert.Equal(rows, expectedFrom);
                    Assert.True(largest - smallest <= 1, $"parts of {smallest} to {largest} rows");
                }
            )
        );

    // By hand: 10 rows in 3 parts, part p from floor(10p / 3): 0, 3, 6, 10.
    [Fact]
    public void Bounds_TenRowsInThreeParts()
    {
        Assert.Equal((0, 3), FramePartitions.Bounds(10, 3, 0));
        Assert.Equal((3, 6), FramePartitions.Bounds(10, 3, 1));
        Assert.Equal((6, 10), FramePartitions.Bounds(10, 3, 2));
    }

    [Fact]
    public void Run_GivesEachPartItsRowsAndTheResultsInPartOrder_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Gen.Choose(0, 5_000).ToArbitrary(),
                Gen.Choose(1, 16).ToArbitrary(),
                (rows, requested) =>
                {
                    var parts = FramePartitions.Parts(rows, requested);
                    var visits = new int[rows];
                    var results = FramePartitions.Run(
                        rows,
                        parts,
                        (part, from, to) =>
                        {
                            for (var r = from; r < to; r++)
                            {
                                Interlocked.Increment(ref visits[r]);
                            }
                            return (part, from, to);
                        }
                    );
                    Assert.Equal(
                        Enumerable.Range(0, parts).Select(p => (p, FramePartitions.Bounds(rows, parts, p))),
                        results.Select(r => (r.part, (r.from, r.to)))
                    );
                    Assert.All(visits, v => Assert.Equal(1, v));
                }
            )
        );

    // Parts 1..7 of 8 over 80 rows; the failing ones throw their own number: the lowest comes out, unwrapped, and every
    // part ran to its end all the same.
    [Fact]
    public void Run_RethrowsTheEarliestFailingPart_Unwrapped_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Gen.Choose(1, 255).ToArbitrary(),
                failing =>
                {
                    var ran = new int[8];
                    var e = Assert.Throws<InvalidOperationException>(() =>
                        FramePartitions.Run(
                            80,
                            8,
                            (part, from, to) =>
                            {
                                Interlocked.Increment(ref ran[part]);
                                return (failing & (1 << part)) != 0 ? throw new InvalidOperationException($"part {part}") : to - from;
                            }
                        )
                    );
                    Assert.Equal($"part {System.Numerics.BitOperations.TrailingZeroCount(failing)}", e.Message);
                    Assert.All(ran, r => Assert.Equal(1, r));
                }
            )
        );

    [Fact]
    public void Run_OnePart_RunsOnTheCallersThread()
    {
        var thread = Environment.CurrentManagedThreadId;
        var results = FramePartitions.Run(7, 1, (part, from, to) => (part, from, to, Environment.CurrentManagedThreadId));
        Assert.Equal([(0, 0, 7, thread)], results);
    }

    [Fact]
    public void Parts_FollowTheOneRule_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Rows.ToArbitrary(),
                Gen.Choose(-2, 12).ToArbitrary(),
                Gen.Elements(1, 2, 10_000, FramePartitions.SplitFromRows, 200_000).ToArbitrary(),
                (rows, requested, splitFrom) =>
                {
                    var parts = FramePartitions.Parts(rows, requested, splitFrom);
                    if (requested > 0)
                    {
                        Assert.Equal(Math.Min(requested, Math.Max(1, rows)), parts);
                    }
                    else if (rows < splitFrom || rows < 2)
                    {
                        Assert.Equal(1, parts);
                    }
                    else
                    {
                        Assert.Equal(Math.Min(rows, Math.Clamp(Environment.ProcessorCount, 2, 8)), parts);
                    }
                }
            )
        );

    // The hook replaces every threshold (the default and each caller's own) while its scope lasts, and nests.
    [Fact]
    public void SplitFrom_LowersEveryThresholdUntilDisposed()
    {
        Assert.Equal(1, FramePartitions.Parts(99_999));
        Assert.Equal(1, FramePartitions.Parts(150_000, splitFrom: 200_000));
        using (FramePartitions.SplitFrom(3))
        {
            Assert.Equal(1, FramePartitions.Parts(2));
            Assert.True(FramePartitions.Parts(3) >= 2);
            Assert.True(FramePartitions.Parts(150_000, splitFrom: 200_000) >= 2);
            using (FramePartitions.SplitFrom(10))
            {
                Assert.Equal(1, FramePartitions.Parts(9));
            }
            Assert.True(FramePartitions.Parts(3) >= 2);
            Assert.Equal(3, FramePartitions.Threshold());
        }
        Assert.Equal(1, FramePartitions.Parts(99_999));
        Assert.Equal(FramePartitions.SplitFromRows, FramePartitions.Threshold());
    }

    // A test that lowers the threshold does not lower it for others running at the same time (another flow).
    [Fact]
    public void SplitFrom_IsLocalToTheFlowThatSetsIt()
    {
        using var _ = FramePartitions.SplitFrom(2);
        var elsewhere = 0;
        using (ExecutionContext.SuppressFlow())
        {
            var other = new Thread(() => elsewhere = FramePartitions.Threshold());
            other.Start();
            other.Join();
        }
        Assert.Equal(FramePartitions.SplitFromRows, elsewhere);
        Assert.Equal(2, FramePartitions.Threshold());
    }
}
