using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Metrics;
using static SalesPipeline.Tests.Frames.WinRateFrameDeals;
using static SalesPipeline.Tests.Metrics.MetricDeals;

namespace SalesPipeline.Tests.Frames;

// The frame kernel of the win rates against the oracle, Add on every deal: the same table (every line, every field,
// decimal scales included), the same exact state, the same exception; and a refusal changes nothing.
public class WinRateFrameTests
{
    [Fact]
    public void TryAdd_GivesExactlyWhatAddGives_OrRefusesAndChangesNothing()
    {
        // Not vacuous: the kernel must take most generated cases (it refuses only for a second or another currency).
        KernelOracle.Holds(
            from deals in DealsGen
            from options in OptionsGen
            from grouping in Gen.Choose(0, 9)
            from parts in Gen.Choose(1, 4)
            select (deals, options, grouping, parts),
            c => c.deals,
            c => Accumulator(c.grouping, c.options),
            (a, deals) => a.AddRange(deals),
            (a, frame, c) => a.TryAdd(frame, c.parts),
            a => Render(a.Result()),
            a => a.StateText()
        );
    }

    [Fact]
    public void EntryPoints_GiveWhatTheyGaveBefore_ValuesOrExceptions()
    {
        var cases = from deals in DealsGen from options in OptionsGen from grouping in Gen.Choose(0, 9) select (deals, options, grouping);
        PropertyAssert.Holds(
            Prop.ForAll(
                cases.ToArbitrary(),
                c =>
                {
                    var oracle = Outcome(() =>
                    {
                        var accumulator = Accumulator(c.grouping, c.options);
                        accumulator.AddRange(c.deals.Select(d => d)); // a sequence: the deal code, not the frame AddRange now runs on a list
                        var table = accumulator.Result();
                        return c.grouping == 0 ? Render(table.Total) : Render(table);
                    });
                    var actual = Outcome(() =>
                        c.grouping switch
                        {
                            0 => Render(WinRate.Of(c.deals, c.options)),
                            >= 1 and <= 5 => Render(WinRate.By(c.deals, (Breakdown)c.grouping, c.options)),
                            6 => Render(WinRate.ByCompetitor(c.deals, c.options)),
                            _ => Render(WinRate.ByPeriod(c.deals, Periods(c.grouping), c.options)),
                        }
                    );
                    Assert.Equal(oracle, actual);
                }
            )
        );
    }

    [Fact]
    public void ScalesOfEqualAmounts_StayAsDecimalAdditionGivesThem()
    {
        // 100 + 100.00 = 200.00 and 0.001 alone stays 0.001 (decimal addition keeps the larger scale): alice won
        // 100 and 100.00, bob lost 0.001.
        Deal[] deals =
        [
            Won("A", "alice", 100m, closedDay: 3),
            Won("B", "alice", 100.00m, closedDay: 4),
            Lost("C", "bob", 0.001m, closedDay: 5),
        ];
        var accumulator = WinRateAccumulator.By(Breakdown.Owner);

        Assert.True(accumulator.TryAdd(DealFrame.Of(deals), parts: 2));

        Assert.Equal("alice: 2 0 0 200.00 0 0\nbob: 0 1 0 0 0.001 0\ntotal: 2 1 0 200.00 0.001 0 in USD", accumulator.StateText());
    }

    [Fact]
    public void PooledDealsAndAnOwnerNamedUnassigned_MergeAsAddMergesThem()
    {
        // Team: alice counts for dach and emea; the deal pooled in dach too; the company-pool deal and the real owner
        // "(unassigned)" (not in the organisation) both under "(unassigned)".
        Deal[] deals =
        [
            Won("A", "alice", 10m, closedDay: 3),
            Pipeline.Win(
                Pipeline.Reassign(Pipeline.AssignToPool(Open("B", "bob", 20m), "dach", Day(1), "bob"), "carol", Day(2), "bob"),
                Day(3),
                "carol"
            ),
            Won("C", BreakdownKeys.Unassigned, 40m, closedDay: 3),
            Lost("D", "zoe", 80m, closedDay: 3),
        ];
        var options = new WinRateOptions { Organization = Org };

        foreach (var breakdown in new[] { Breakdown.Owner, Breakdown.Team })
        {
            var oracle = WinRateAccumulator.By(breakdown, options);
            oracle.AddRange(deals.Select(d => d)); // a sequence: the deal code, not the frame AddRange now runs on a list
            var framed = WinRateAccumulator.By(breakdown, options);

            Assert.True(framed.TryAdd(DealFrame.Of(deals)));
            Assert.Equal(oracle.StateText(), framed.StateText());
        }
    }

    [Fact]
    public void SecondCurrency_IsRefused_AndTheEntryPointThrowsAsBefore()
    {
        Deal[] deals = [Won("A", "alice", 10m, closedDay: 3), Lost("B", "bob", 10m, closedDay: 4, currency: Currency.EUR)];
        var accumulator = new WinRateAccumulator();

        Assert.False(accumulator.TryAdd(DealFrame.Of(deals)));
        Assert.Equal("total: 0 0 0 0 0 0 in -", accumulator.StateText());
        var thrown = Assert.Throws<MissingExchangeRateException>(() => WinRate.Of(deals));
        Assert.Contains("EUR", thrown.Message, StringComparison.Ordinal);
        Assert.Contains("USD", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SecondCurrencyOutsideTheWindow_IsNotCounted_SoTheKernelTakesIt()
    {
        // The EUR deal closed on day 40, outside [day 0, day 30): never converted, so no error either way.
        Deal[] deals = [Won("A", "alice", 10m, closedDay: 3), Lost("B", "bob", 10m, closedDay: 40, currency: Currency.EUR)];
        var options = new WinRateOptions { Start = Date(0), End = Date(30) };
        var accumulator = new WinRateAccumulator(options);

        Assert.True(accumulator.TryAdd(DealFrame.Of(deals), parts: 2));
        Assert.Equal("total: 1 0 0 10 0 0 in USD", accumulator.StateText());
    }

    [Fact]
    public void SantiagoMidnightChange_PlacesDealsByTheirLocalDate()
    {
        // 2026-09-06 00:00 in Santiago does not exist (clocks go to 01:00): 2026-09-06T03:59Z is 2026-09-05 23:59
        // local (UTC-4), 2026-09-06T04:00Z is 2026-09-06 01:00 local (UTC-3). A window from 2026-09-06 takes the second.
        var zone = Santiago;
        Deal[] deals =
        [
            Pipeline.Win(Open("A", "alice", 10m, createdDay: 200), Instant.FromUtc(2026, 9, 6, 3, 59), "alice"),
            Pipeline.Win(Open("B", "alice", 20m, createdDay: 200), Instant.FromUtc(2026, 9, 6, 4, 0), "alice"),
        ];
        var options = new WinRateOptions { Zone = zone, Start = new LocalDate(2026, 9, 6) };
        var accumulator = new WinRateAccumulator(options);

        Assert.True(accumulator.TryAdd(DealFrame.Of(deals)));
        Assert.Equal("total: 1 0 0 20 0 0 in USD", accumulator.StateText());
        Assert.Equal(1, WinRate.Of(deals, options).Won);
    }

    [Fact]
    public void AnAccumulatorThatHoldsDeals_IsRefused()
    {
        Deal[] deals = [Won("A", "alice", 10m, closedDay: 3)];
        var accumulator = new WinRateAccumulator();
        accumulator.Add(deals[0]);

        Assert.False(accumulator.TryAdd(DealFrame.Of(deals)));
        Assert.Equal("total: 1 0 0 10 0 0 in USD", accumulator.StateText());
    }

    [Fact]
    public void EntryPoints_KeepTheirArgumentErrors()
    {
        Deal[] withNull = [Won("A", "alice", 10m, closedDay: 3), null!];

        Assert.Equal("deals", Assert.Throws<ArgumentNullException>(() => WinRate.Of(null!)).ParamName);
        var element = Assert.Throws<ArgumentNullException>(() => WinRate.By(withNull, Breakdown.Owner));
        Assert.Equal("deals", element.ParamName);
        Assert.Contains("1", element.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => WinRate.By(withNull, Breakdown.Team)); // no organisation: before the deals
    }
}
