using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Metrics;

namespace SalesPipeline.Tests.Frames;

// Sales velocity from a list of deals runs on the frame (deals changed after the window are read as they stood at its
// end); from a lazy sequence it runs deal by deal. Both must agree to the last digit and scale, or throw alike.
// In one collection with the other classes that lower the split threshold: it is one static, so they run in turn.
[Collection(FrameSplitting.Name)]
public class VelocityFrameTests
{
    private static readonly Gen<(FiscalPeriod Window, VelocityOptions Options)> SetupGen =
        from startDay in Gen.Choose(0, 60)
        from length in Gen.Choose(0, 90)
        from zone in Gen.Elements("UTC", "Europe/Berlin", "America/Santiago", "Pacific/Apia")
        select (
            FiscalPeriod.Of(
                new DateInterval(new LocalDate(2026, 1, 1).PlusDays(startDay), new LocalDate(2026, 1, 1).PlusDays(startDay + length))
            ),
            new VelocityOptions { Zone = DateTimeZoneProviders.Tzdb[zone] }
        );

    [Fact]
    public void FromAList_EqualsTheDealByDealVelocity_Property() =>
        PropertyAssert.Holds(Prop.ForAll(FrameDeals.Deals.ToArbitrary(), SetupGen.ToArbitrary(), (deals, setup) => Same(deals, setup)));

    [Fact]
    public void SplitAcrossCores_EqualsTheDealByDealVelocity_Property()
    {
        using var _ = FramePartitions.SplitFrom(2);
        PropertyAssert.Holds(
            Prop.ForAll(FrameDeals.PlainDeals.ToArbitrary(), SetupGen.ToArbitrary(), (deals, setup) => Same(deals, setup))
        );
    }

    [Fact]
    public void PlainDeals_RunOnTheFrame()
    {
        var taken = 0;
        var lists = FrameDeals.PlainDeals.Sample(30, new Rnd(42UL), 40).Where(d => d.Length > 0).ToArray();
        var window = FiscalPeriod.Of(new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 2, 28)));
        foreach (var deals in lists)
        {
            taken += new SalesVelocityAccumulator(window, Currency.USD).TryAdd(DealFrame.Of(deals)) ? 1 : 0;
        }
        Assert.True(taken >= lists.Length * 9 / 10, $"the frame kernel ran for {taken} of {lists.Length} lists");
    }

    private static readonly Gen<Breakdown> Breakdowns = Gen.Elements(
        Breakdown.Owner,
        Breakdown.Team,
        Breakdown.Source,
        Breakdown.Product,
        Breakdown.Customer
    );

    // By a breakdown, over deals that vary owners (a real owner named "(unassigned)" too), pools of known, unknown and
    // no team, sources, products and customers (WinRateFrameDeals), and over the frame deals (reopened, changed after
    // the window; imported deals are in the example test below): every group's figures equal the deal code's, or the same exception; split or not.
    [Fact]
    public void ByBreakdown_EqualsTheDealByDealVelocity_Property()
    {
        PropertyAssert.Holds(
            Prop.ForAll(
                Gen.OneOf(WinRateFrameDeals.DealsGen, FrameDeals.Deals).ToArbitrary(),
                SetupGen.ToArbitrary(),
                (from breakdown in Breakdowns from split in Gen.Elements(0, 1, 2) select (breakdown, split)).ToArbitrary(),
                (deals, setup, how) =>
                {
                    var (breakdown, split) = how;
                    using var _ = split > 0 ? FramePartitions.SplitFrom(split) : null;
                    var options = setup.Options with { Organization = split == 2 ? null : Metrics.MetricDeals.Org };
                    var expected = Outcomes(() => SalesVelocity.By(deals.Select(d => d), setup.Window, breakdown, options));
                    var actual = Outcomes(() => SalesVelocity.By(deals, setup.Window, breakdown, options));
                    Assert.Equal(expected, actual);
                    return true;
                }
            )
        );
    }

    [Fact]
    public void ByBreakdown_RunsOnTheFrame()
    {
        var lists = WinRateFrameDeals
            .DealsGen.Sample(40, new Rnd(7UL), 40)
            .Where(d => d.Length > 0 && d.All(x => x.Amount.Currency == Currency.USD))
            .ToArray();
        var window = FiscalPeriod.Of(new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 6, 30)));
        var options = new VelocityOptions { Organization = Metrics.MetricDeals.Org };
        var taken = lists.Count(deals =>
            new SalesVelocityAccumulator(window, Currency.USD, options, Breakdown.Team).TryAdd(DealFrame.Of(deals))
        );
        Assert.True(taken >= lists.Length * 8 / 10, $"the frame kernel ran for {taken} of {lists.Length} lists");
    }

    private static string Outcomes(Func<IReadOnlyList<SalesVelocity>> velocities)
    {
        try
        {
            var all = velocities();
            return string.Join("\n", all.Select(v => v.Group + ": " + Outcome(() => v)));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    private static bool Same(Deal[] deals, (FiscalPeriod Window, VelocityOptions Options) setup)
    {
        var expected = Outcome(() => SalesVelocity.Of(deals.Select(d => d), setup.Window, setup.Options));
        var actual = Outcome(() => SalesVelocity.Of(deals, setup.Window, setup.Options));
        Assert.Equal(expected, actual);
        return true;
    }

    private static string Outcome(Func<SalesVelocity> velocity)
    {
        try
        {
            var v = velocity();
            return string.Join(
                "|",
                v.OpenDeals,
                v.WonDeals,
                v.LostDeals,
                Text(v.WonAmount),
                Text(v.AverageWonAmount),
                v.WinRate?.ToString(CultureInfo.InvariantCulture),
                v.AverageCycleDays?.ToString(CultureInfo.InvariantCulture),
                Text(v.PerDay),
                v.RevenueOver(90) is { } r ? Text(r) : "-",
                v.Reason,
                v.ToString()
            );
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    private static string Text(Money? m) => m is null ? "-" : m.Amount.ToString(CultureInfo.InvariantCulture) + " " + m.Currency.Code;
}

public class VelocityFrameEdgeTests
{
    [Fact]
    public void ByOwner_ADealImportedAfterTheWindow_CountsAsOpenInItsGroup()
    {
        // Window: March 2026. A: alice's deal created 2 March, open. B: bob's deal created 2 March but imported (first
        // observed) on 1 May, after the window: it was open then, so both the total and bob's group count it (one open
        // deal each), as the deal code does.
        var pipeline = FrameDeals.Pipeline;
        var created = Instant.FromUtc(2026, 3, 2, 9, 0);
        var alice = Deal.FromEvents([
            new DealCreated(
                new DealId("A"),
                created,
                "alice",
                pipeline.Name,
                "A",
                "alice",
                Money.Of(10m, Currency.USD),
                new LocalDate(2026, 4, 30),
                "prospecting"
            ),
        ]);
        var bob = Deal.FromEvents([
            new DealImported(
                new DealId("B"),
                Instant.FromUtc(2026, 5, 1, 0, 0),
                "import",
                pipeline.Name,
                "B",
                "bob",
                Money.Of(20m, Currency.USD),
                new LocalDate(2026, 6, 30),
                "prospecting",
                DealStatus.Open,
                created,
                true
            ),
        ]);
        var window = FiscalPeriod.Of(new DateInterval(new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 31)));

        var framed = SalesVelocity.By([alice, bob], window, Breakdown.Owner);
        var dealByDeal = SalesVelocity.By(new[] { alice, bob }.Select(d => d), window, Breakdown.Owner);

        Assert.True(new SalesVelocityAccumulator(window, Currency.USD, null, Breakdown.Owner).TryAdd(DealFrame.Of([alice, bob])));
        Assert.Equal([("alice", 1L), ("bob", 1L)], framed.Select(v => (v.Group!, v.OpenDeals)));
        Assert.Equal(dealByDeal.Select(v => v.ToString()), framed.Select(v => v.ToString()));
    }

    [Fact]
    public void AWonCycleOfCenturies_IsLeftToTheDealCode()
    {
        // Created 1700-01-01, won 2026-01-15: 326 years, past a long count of nanoseconds (about 292 years), where the
        // deal code's conversion throws; the kernel falls back instead of summing it.
        var pipeline = FrameDeals.Pipeline;
        var created = Instant.FromUtc(1700, 1, 1, 0, 0);
        var id = new DealId("C1");
        var deal = Deal.FromEvents([
            new DealCreated(
                id,
                created,
                "alice",
                pipeline.Name,
                "C1",
                "alice",
                Money.Of(10m, Currency.USD),
                new LocalDate(2026, 1, 31),
                "prospecting"
            ),
            new DealWon(id, Instant.FromUtc(2026, 1, 15, 0, 0), "alice", "won"),
        ]);
        var window = FiscalPeriod.Of(new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 1, 31)));
        Assert.False(new SalesVelocityAccumulator(window, Currency.USD).TryAdd(DealFrame.Of([deal])));
        var expected = Assert.ThrowsAny<Exception>(() => SalesVelocity.Of(new[] { deal }.Select(d => d), window));
        var actual = Assert.ThrowsAny<Exception>(() => SalesVelocity.Of([deal], window));
        Assert.Equal(expected.GetType(), actual.GetType());
        Assert.Equal(expected.Message, actual.Message);
    }
}
