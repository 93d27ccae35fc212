using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Tests.Frames.HistoryColumns;

namespace SalesPipeline.Tests.Frames.Building;

// DealFrameBuilder.AddRow copies a row of a frame without deal objects without making its deal; the oracle is the one
// way a row is made from a deal, Add(source.DealAt(row)). AsOf of such a frame copies the rows it keeps that way.
public class AddRowTests
{
    // A source frame without deal objects (built in parts or not; hostile histories, and lists with leads and imports,
    // which HistoryDeals lacks), and what a builder records: source rows (any order, repeats) among deals of its own,
    // which code values first and so move the codes a copied row gets.
    private static readonly Gen<(Deal[] Source, bool InParts, Deal[] Own, (bool Copy, int Index)[] Steps)> Copies =
        from source in Gen.OneOf(HistoryDeals.Deals, StintsHostile.RandomDeals).Where(d => d.Length > 0)
        from inParts in Gen.Elements(false, true)
        from own in HistoryDeals.Deals
        from steps in Gen.ListOf(
            from copy in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(own.Length == 0)))
            from index in Gen.Choose(0, 1000)
            select (copy, index)
        )
        select (source, inParts, own, steps.ToArray());

    [Fact]
    public void AddRow_IsAddOfTheRowsDeal_ColumnForColumn_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Copies.ToArbitrary(),
                c =>
                {
                    var source = WithoutDeals(c.Source, c.InParts);
                    var copied = new DealFrameBuilder(keepDeals: false);
                    var made = new DealFrameBuilder(keepDeals: false);
                    foreach (var (copy, index) in c.Steps)
                    {
                        if (copy)
                        {
                            copied.AddRow(source, index % source.Count);
                            made.Add(source.DealAt(index % source.Count));
                        }
                        else
                        {
                            copied.Add(c.Own[index % c.Own.Length]);
                            made.Add(c.Own[index % c.Own.Length]);
                        }
                    }
                    AssertSameFrames(DealFrameBuilder.Join([made]), DealFrameBuilder.Join([copied]));
                }
            )
        );

    [Fact]
    public void AddRow_CodesLossPairsAsTheBuilderMeetsThem()
    {
        // The source codes the first 255 distinct loss pairs in EventAux and leaves the other 45 in Losses. Copied in
        // reverse order, the builder meets those 45 first and codes them, and then has room for only 210 of the source's
        // first 255: the rest go to Losses, as they do when the deals themselves are added in that order.
        var deals = Enumerable.Range(0, 300).Select(i => Lost(i)).ToArray();
        var source = WithoutDeals(deals, inParts: false);
        Assert.Equal(45, source.History!.Losses.Count);
        var copied = new DealFrameBuilder(keepDeals: false);
        for (var r = deals.Length - 1; r >= 0; r--)
        {
            copied.AddRow(source, r);
        }
        var frame = DealFrameBuilder.Join([copied]);
        Assert.Equal(
            FrameColumns.Of(WithoutDeals([.. Enumerable.Reverse(deals)], inParts: false).History!),
            FrameColumns.Of(frame.History!)
        );
        Assert.Equal(1, frame.History!.EventAux[frame.History.EventStart[0] + 1]); // C299, met first: pair 1
        Assert.Equal(45, frame.History.Losses.Count);
        Assert.True(frame.History.Losses.TryGet(frame.History.EventStart[299] + 1, out _)); // C000, met last
    }

    [Fact]
    public void AddRow_RefusesMisuse_AndChangesNothing()
    {
        var deals = HistoryDeals.Deals.Sample(10, new Rnd(14UL), 10).SelectMany(d => d).Take(4).ToArray();
        var withoutDeals = WithoutDeals(deals, inParts: false);
        var withDeals = DealFrameBuilder.Build(deals, DealFrameBuilder.Keeping.Deals);
        var builder = new DealFrameBuilder(keepDeals: false);
        builder.AddRow(withoutDeals, 1);

        Assert.Throws<InvalidOperationException>(() => builder.AddRow(withDeals, 0));
        Assert.Throws<InvalidOperationException>(() => new DealFrameBuilder(keepDeals: true).AddRow(withoutDeals, 0));
        Assert.Equal("row", Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddRow(withoutDeals, 4)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddRow(withoutDeals, -1));
        Assert.Throws<ArgumentNullException>(() => builder.AddRow(null!, 0));

        Assert.Equal((1, 1), (builder.Count, builder.History!.Count));
        var frame = DealFrameBuilder.Join([builder]);
        Assert.Equal(deals[1], frame.DealAt(0));
        Assert.Throws<InvalidOperationException>(() => builder.AddRow(withoutDeals, 0));
    }

    private static readonly Gen<Func<Deal[], Instant>> InstantGen = FrameDeals.InstantNear(9000);

    // Hostile histories whose instants are whole ticks (AsOf of a frame with finer ones is null), and other lists.
    private static readonly Gen<Deal[]> AsOfDeals = Gen.OneOf(
        HistoryDeals.Deals.Select(deals => deals.Where(d => DealFrame.Of([d]).Exactness.WholeTicks).ToArray()),
        FrameDeals.Deals,
        StintsHostile.RandomDeals
    );

    [Fact]
    public void AsOf_OfAFrameWithoutDeals_IsTheFrameOfTheDealsThen_AndTheFrameWithDeals_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                AsOfDeals.ToArbitrary(),
                InstantGen.ToArbitrary(),
                Gen.Elements(false, true).ToArbitrary(),
                (deals, instantOf, inParts) =>
                {
                    var instant = instantOf(deals);
                    var made = WithoutDeals(deals, inParts);
                    // In parts or not (the threshold lowered), whatever the source frame was built as.
                    using var split = inParts ? FramePartitions.SplitFrom(3) : null;
                    var past = made.AsOf(instant);
                    var kept = DealFrameBuilder.Build(deals, DealFrameBuilder.Keeping.Deals).AsOf(instant);
                    if (!made.Exactness.WholeTicks)
                    {
                        Assert.Null(past);
                        Assert.Null(kept);
                        return;
                    }
                    var then = deals.Select(d => d.TryAsOf(instant, out var was) ? was : null).OfType<Deal>().ToArray();
                    AssertSameFrames(DealFrameBuilder.Build(then, DealFrameBuilder.Keeping.History), past!);
                    Assert.Equal(then, past!.DealList);
                    Assert.Equal(FrameColumns.Of(kept!, tableAsFramesMeanIt: true), FrameColumns.Of(past, tableAsFramesMeanIt: true));
                }
            )
        );

    [Fact]
    public void AsOf_OfAFrameWithoutDeals_AsWorkedOut()
    {
        // A: created T0, moved to the next stage at T0 + 2 days. B: created T0 + 1 day. C: created T0 + 3 days.
        // As of T0 + 36 hours: A as created (rebuilt, one event), B copied (one event), C not there yet.
        var t0 = FrameDeals.T0;
        var a = Deal.FromEvents([
            FrameDeals.Created("A", t0),
            new StageMoved(new DealId("A"), t0 + Duration.FromDays(2), "alice", Stage(0), Stage(1), MoveDirection.Forward, 0),
        ]);
        var b = Deal.FromEvents([FrameDeals.Created("B", t0 + Duration.FromDays(1))]);
        var c = Deal.FromEvents([FrameDeals.Created("C", t0 + Duration.FromDays(3))]);

        var past = WithoutDeals([a, b, c], inParts: false).AsOf(t0 + Duration.FromHours(36))!;

        Assert.NotNull(past.History);
        Assert.Equal([0, 1, 2], past.EventStart);
        Assert.Equal([Stage(0)], past.Stages);
        Assert.Equal([0, 0], past.Stage);
        Assert.Equal(["A", "B"], past.DealList.Select(d => d.Id.Value));
        Assert.Equal(b, past.DealAt(1));
        Assert.Equal(Stage(0), past.DealAt(0).StageId);
    }

    private static string Stage(int index) => FrameDeals.Pipeline.OpenStages[index].Id;

    // The frame of the deals that keeps no deal objects, built in parts (the threshold lowered) or by one builder.
    internal static DealFrame WithoutDeals(Deal[] deals, bool inParts)
    {
        using var split = inParts ? FramePartitions.SplitFrom(3) : null;
        return DealFrameBuilder.Build(deals, DealFrameBuilder.Keeping.History);
    }

    private static void AssertSameFrames(DealFrame expected, DealFrame actual)
    {
        Assert.Equal(FrameColumns.Of(expected), FrameColumns.Of(actual));
        Assert.Equal(FrameColumns.Of(expected.History!), FrameColumns.Of(actual.History!));
    }

    private static Deal Lost(int row)
    {
        var id = new DealId($"L-{row}");
        return Deal.FromEvents([
            FrameDeals.Created(id.Value, FrameDeals.T0),
            new DealLost(id, FrameDeals.T0 + Duration.FromHours(1), "alice", "lost", LossReason.Competitor, $"C{row:D3}"),
        ]);
    }
}
