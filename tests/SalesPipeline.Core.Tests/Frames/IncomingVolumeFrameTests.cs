using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Metrics;
using static SalesPipeline.Tests.Frames.WinRateFrameDeals;
using static SalesPipeline.Tests.Metrics.MetricDeals;

namespace SalesPipeline.Tests.Frames;

// The frame kernel of the incoming volume against the oracle, Add on every deal: the same report and the same
// counts per period and key (the outside slot included); and the entry point gives what it gave before.
public class IncomingVolumeFrameTests
{
    private static Gen<IncomingVolumeOptions> OptionsGen =>
        from breakdown in Gen.Elements(Breakdown.Owner, Breakdown.Team, Breakdown.Source, Breakdown.Product, Breakdown.Customer)
        from zone in Gen.Elements(DateTimeZone.Utc, Berlin, Santiago)
        select new IncomingVolumeOptions
        {
            Breakdown = breakdown,
            Zone = zone,
            Organization = Org,
        };

    [Fact]
    public void TryAdd_GivesExactlyWhatAddGives()
    {
        var (tried, taken) = (0, 0);
        var cases =
            from deals in DealsGen
            from options in OptionsGen
            from periods in Gen.Choose(7, 9)
            from parts in Gen.Choose(1, 4)
            select (deals, options, periods, parts);
        PropertyAssert.Holds(
            Prop.ForAll(
                cases.ToArbitrary(),
                c =>
                {
                    if (c.deals.Length == 0)
                    {
                        return;
                    }
                    var oracle = new IncomingVolumeAccumulator(Periods(c.periods), c.options);
                    oracle.AddRange(c.deals.Select(d => d)); // a sequence: the deal code, not the frame AddRange now runs on a list
                    var framed = new IncomingVolumeAccumulator(Periods(c.periods), c.options);
                    var before = framed.StateText();
                    tried++;
                    if (framed.TryAdd(DealFrame.Of(c.deals), c.parts))
                    {
                        taken++;
                        Assert.Equal(oracle.StateText() + "\n" + oracle.Result(), framed.StateText() + "\n" + framed.Result());
                    }
                    else
                    {
                        Assert.Equal(before, framed.StateText());
                    }
                }
            )
        );
        Assert.True(taken == tried, $"the kernel took {taken} of {tried} cases");
    }

    [Fact]
    public void EntryPoint_GivesWhatItGaveBefore()
    {
        var cases = from deals in DealsGen from options in OptionsGen from periods in Gen.Choose(7, 9) select (deals, options, periods);
        PropertyAssert.Holds(
            Prop.ForAll(
                cases.ToArbitrary(),
                c =>
                {
                    var oracle = new IncomingVolumeAccumulator(Periods(c.periods), c.options);
                    oracle.AddRange(c.deals.Select(d => d)); // a sequence: the deal code, not the frame AddRange now runs on a list
                    Assert.Equal(oracle.Result().ToString(), IncomingVolume.Of([], c.deals, Periods(c.periods), c.options).ToString());
                }
            )
        );
    }

    [Fact]
    public void SantiagoCreation_CountsInTheLocalMonth()
    {
        // 2026-04-01T02:00Z is 2026-03-31 23:00 in Santiago (UTC-3): a March deal there, an April one in UTC.
        Deal[] deals =
        [
            Deal.Open(
                Pipeline,
                new DealId("A"),
                "A",
                "alice",
                Money.Of(1m, Currency.USD),
                new LocalDate(2026, 12, 31),
                Instant.FromUtc(2026, 4, 1, 2, 0)
            ),
        ];
        var accumulator = new IncomingVolumeAccumulator(
            Periods(7),
            new IncomingVolumeOptions { Zone = Santiago, Breakdown = Breakdown.Owner }
        );

        Assert.True(accumulator.TryAdd(DealFrame.Of(deals), parts: 2));

        Assert.Equal("2 alice: 0 1\n0 0 0 0 0 0 0 0 0 0 0 0 0\n0 0 1 0 0 0 0 0 0 0 0 0 0", accumulator.StateText());
        Assert.Throws<ArgumentNullException>(() => IncomingVolume.Of([], [deals[0], null!], Periods(7)));
    }
}
