using System.Reflection;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Tests.Frames.Fields;
using SalesPipeline.Tests.Frames.HistoryColumns;

namespace SalesPipeline.Tests.Frames.Building;

public class DealFrameBuilderTests
{
    // Hostile deals, cut into up to five consecutive parts (some of them empty), and what the frame keeps.
    private static readonly Gen<(Deal[] Deals, int[] Cuts, bool KeepDeals)> Parted =
        from deals in HistoryDeals.Deals
        from count in Gen.Choose(0, 4)
        from cuts in Gen.ArrayOf(Gen.Choose(0, deals.Length), count)
        from keepDeals in Gen.Elements(true, false)
        select (deals, cuts.Order().ToArray(), keepDeals);

    [Fact]
    public void JoinedParts_AreTheOneBuildersFrame_ColumnForColumn_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Parted.ToArbitrary(),
                c =>
                {
                    var one = DealFrameBuilder.Join([Filled(c.Deals, 0, c.Deals.Length, c.KeepDeals)]);
                    var joined = DealFrameBuilder.Join(Parts(c.Deals, c.Cuts, c.KeepDeals));
                    Assert.Equal(FrameColumns.Of(one), FrameColumns.Of(joined));
                    Assert.Equal(c.KeepDeals, joined.History is null);
                    if (c.KeepDeals)
                    {
                        for (var r = 0; r < c.Deals.Length; r++)
                        {
                            Assert.Same(c.Deals[r], joined.DealAt(r));
                        }
                    }
                    else
                    {
                        Assert.Equal(FrameColumns.Of(one.History!), FrameColumns.Of(joined.History!));
                    }
                }
            )
        );

    [Fact]
    public void Of_KeepsTheCallersDeals_AndIsTheBuildersFrame_InPartsOrNot_Property()
    {
        // Of splits from the threshold on; lowered here so that small lists are built in parts too.
        using var split = FramePartitions.SplitFrom(3);
        PropertyAssert.Holds(
            Prop.ForAll(
                HistoryDeals.Deals.ToArbitrary(),
                deals =>
                {
                    var frame = DealFrame.Of(deals);
                    Assert.Equal(FrameColumns.Of(DealFrameBuilder.Join([Filled(deals, 0, deals.Length, true)])), FrameColumns.Of(frame));
                    Assert.True(frame.HoldsSame(deals));
                    Assert.Null(frame.History);
                }
            )
        );
    }

    [Fact]
    public void FrameWithoutDeals_HasTheSameColumns_AndMakesEqualDeals_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                HistoryDeals.Deals.ToArbitrary(),
                deals =>
                {
                    var kept = DealFrame.Of(deals);
                    var made = DealFrameBuilder.Build(deals, DealFrameBuilder.Keeping.History);
                    Assert.Equal(FrameColumns.Of(kept, tableAsFramesMeanIt: true), FrameColumns.Of(made, tableAsFramesMeanIt: true));
                    // The table is the history's, not a copy.
                    Assert.Same(made.History!.EventArg, made.EventArg);
                    for (var r = 0; r < deals.Length; r++)
                    {
                        var deal = made.DealAt(r);
                        Assert.Equal(deals[r], deal);
                        Assert.Equal(FrameHistoryTests.State(deals[r]), FrameHistoryTests.State(deal));
                        Assert.NotSame(deal, made.DealAt(r)); // made on every call, never kept
                    }
                    Assert.Equal(deals, made.DealList);
                    Assert.False(made.HoldsSame(deals));
                    Assert.False(made.HoldsSame(made.DealList));
                    if (deals.Length > 0)
                    {
                        Assert.Same(made, DealFrames.For(made.DealList));
                    }
                }
            )
        );

    [Fact]
    public void AsOf_OfAFrameWithoutDeals_IsTheFrameOfTheDealsThen_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                HistoryDeals.Deals.ToArbitrary(),
                Gen.Choose(-10, 400).ToArbitrary(),
                (deals, days) =>
                {
                    var made = DealFrameBuilder.Build(deals, DealFrameBuilder.Keeping.History);
                    var instant = FrameDeals.T0 + Duration.FromDays(days);
                    var past = made.AsOf(instant);
                    if (!made.Exactness.WholeTicks)
                    {
                        Assert.Null(past);
                        return;
                    }
                    var then = deals.Select(d => d.TryAsOf(instant, out var was) ? was : null).OfType<Deal>().ToArray();
                    var expected = DealFrameBuilder.Build(then, DealFrameBuilder.Keeping.History);
                    Assert.Equal(FrameColumns.Of(expected), FrameColumns.Of(past!));
                    Assert.Equal(FrameColumns.Of(expected.History!), FrameColumns.Of(past!.History!));
                }
            )
        );

    [Fact]
    public void Join_LossPairsAcrossParts_AreCodedAsOneBuilderCodesThem()
    {
        // EventAux holds the first 255 distinct loss pairs. Part one meets 10 pairs; part two 290 new ones (its own
        // first 255 coded, the rest left in Losses), then part one's 10 again (which it had no room to code). Joined,
        // pairs 11 to 255 are coded, the part's codes past them go to Losses, and part one's 10 come back to EventAux.
        var deals = Enumerable.Range(0, 310).Select(i => Lost(i, i < 300 ? i : i - 300)).ToArray();
        var one = FrameHistoryTests.HistoryOf(deals);
        var first = new FrameHistoryBuilder();
        var second = new FrameHistoryBuilder();
        foreach (var (deal, i) in deals.Select((d, i) => (d, i)))
        {
            (i < 10 ? first : second).Append(deal);
        }
        var joined = FrameHistoryBuilder.Join([first, second]);
        Assert.Equal(FrameColumns.Of(one), FrameColumns.Of(joined));
        Assert.Equal((255, 45), (joined.LossPairs.Length, joined.Losses.Count));
        Assert.Equal(1, joined.EventAux[joined.EventStart[300] + 1]); // C000 again: pair 1
        for (var r = 0; r < deals.Length; r++)
        {
            Assert.Equal(ExactText.Of(deals[r].Events), ExactText.Of(joined.EventsOf(r)));
        }
    }

    [Fact]
    public void Builders_RefuseMisuse_AndChangeNothing()
    {
        var deals = HistoryDeals.Deals.Sample(5, new Rnd(11UL), 10).SelectMany(d => d).Take(6).ToArray();
        var kept = Filled(deals, 0, 3, true);
        var made = Filled(deals, 3, 6, false);
        var mixed = Assert.Throws<ArgumentException>(() => DealFrameBuilder.Join([kept, made]));
        Assert.Equal("parts", mixed.ParamName);
        Assert.Throws<ArgumentException>(() => DealFrameBuilder.Join([]));
        Assert.Throws<ArgumentNullException>(() => kept.Add(null!));
        var frame = DealFrameBuilder.Join([made]);
        Assert.Equal(3, frame.Count);
        Assert.Throws<InvalidOperationException>(() => made.Add(deals[0]));
        Assert.Throws<InvalidOperationException>(() => DealFrameBuilder.Join([made]));
        Assert.Equal(deals[3], frame.DealAt(0));
    }

    // The frame property suites, on frames that keep only their deals' histories: every kernel and every fallback
    // (which reads DealAt) gives what it gives on the deals themselves.
    [Theory]
    [InlineData(typeof(StageWeightedFrameTests))]
    [InlineData(typeof(ByStageFrameTests))]
    [InlineData(typeof(SnapshotFrameTests))]
    [InlineData(typeof(CategoryFrameTests))]
    [InlineData(typeof(WinRateFrameTests))]
    [InlineData(typeof(FunnelFrameTests))]
    [InlineData(typeof(TimeInStageFrameTests))]
    [InlineData(typeof(VelocityFrameTests))]
    [InlineData(typeof(HealthFrameTests))]
    [InlineData(typeof(HealthRowsTests))]
    [InlineData(typeof(HealthAddRangeTests))]
    [InlineData(typeof(BacktestFrameTests))]
    [InlineData(typeof(StintsFrameTests))]
    [InlineData(typeof(DealFieldsTests))]
    public void FramePropertySuites_HoldOnFramesWithoutDeals(Type suite)
    {
        var facts = suite
            .GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.GetCustomAttribute<FactAttribute>() is { } fact && fact.GetType() == typeof(FactAttribute))
            .Where(m => m.GetParameters().Length == 0 && !HandsBackTheCallersObjects.Contains(m.Name))
            .ToArray();
        Assert.NotEmpty(facts);
        using var scope = DealFrameBuilder.KeepingHistoriesOnly();
        foreach (var fact in facts)
        {
            fact.Invoke(Activator.CreateInstance(suite), null);
        }
    }

    // Facts that pin that a frame hands back the very objects it was built from, which a frame without them cannot.
    private static readonly HashSet<string> HandsBackTheCallersObjects = ["AsOf_KeepsTheStateThen_AsWorkedOut"];

    private static DealFrameBuilder Filled(Deal[] deals, int from, int to, bool keepDeals)
    {
        var builder = new DealFrameBuilder(keepDeals);
        for (var r = from; r < to; r++)
        {
            builder.Add(deals[r]);
        }
        return builder;
    }

    private static DealFrameBuilder[] Parts(Deal[] deals, int[] cuts, bool keepDeals)
    {
        var bounds = cuts.Prepend(0).Append(deals.Length).ToArray();
        return [.. bounds.Zip(bounds.Skip(1), (from, to) => Filled(deals, from, to, keepDeals))];
    }

    private static Deal Lost(int row, int competitor)
    {
        var id = new DealId($"L-{row}");
        return Deal.FromEvents([
            new DealCreated(
                id,
                FrameDeals.T0,
                "alice",
                "Default",
                "Lost one",
                "alice",
                Money.Of(1m, Currency.USD),
                new LocalDate(2026, 6, 30),
                "prospecting"
            ),
            new DealLost(id, FrameDeals.T0 + Duration.FromHours(1), "alice", "lost", LossReason.Competitor, $"C{competitor:D3}"),
        ]);
    }
}
