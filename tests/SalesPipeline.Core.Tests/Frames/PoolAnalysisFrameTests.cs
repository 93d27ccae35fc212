using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Leads;
using SalesPipeline.Metrics;
using static SalesPipeline.Tests.Frames.CustomerFrameDeals;

namespace SalesPipeline.Tests.Frames;

// The pool report from the frame against the deal-by-deal code (the same call through a lazy sequence, which gets no
// frame): every pool, item, wait and amount with its scale, or the same exception. The as-of instant falls before,
// inside and after the histories (deals pooled at the end, pooled from creation, reassigned), sometimes off a tick.
public class PoolAnalysisFrameTests
{
    private static readonly ExchangeRates Rates = ExchangeRates.In(Currency.USD).With(Currency.EUR, 1.08m);

    private static readonly Gen<(Instant AsOf, Lead[] Leads, ExchangeRates? Rates)> SetupGen =
        from hours in Gen.Choose(-10, 24 * 200)
        from nanos in Gen.Frequency((9, Gen.Constant(0)), (1, Gen.Choose(1, 99)))
        from leads in Gen.Choose(0, 3)
        from rates in Gen.Frequency((4, Gen.Constant<ExchangeRates?>(null)), (1, Gen.Constant<ExchangeRates?>(Rates)))
        select (FrameDeals.T0 + Duration.FromHours(hours) + Duration.FromNanoseconds(nanos), Leads(leads), rates);

    private static readonly Gen<Deal[]> DealsGen = Gen.OneOf(WithCustomers, PlainWithCustomers);

    [Fact]
    public void Of_GivesTheDealByDealReport_AndTheKernelRunsForMostReports()
    {
        var (reports, taken) = (0, 0);
        PropertyAssert.Holds(
            Prop.ForAll(
                DealsGen.ToArbitrary(),
                SetupGen.ToArbitrary(),
                (deals, setup) =>
                {
                    var expected = Outcome(() => Render(PoolAnalysis.Of(deals.Select(d => d), setup.Leads, setup.AsOf, setup.Rates)));
                    Assert.Equal(expected, Outcome(() => Render(PoolAnalysis.Of(deals, setup.Leads, setup.AsOf, setup.Rates))));
                    if (deals.Length == 0 || expected.Contains("Exception: ", StringComparison.Ordinal))
                    {
                        return;
                    }
                    reports++;
                    var frame = DealFrame.Of(deals);
                    if (frame.HasDistinctIds && PoolAnalysis.TryPooled(frame, setup.AsOf, out var pooled))
                    {
                        taken++;
                        var oracle = deals.Select(d =>
                            d.TryAsOf(setup.AsOf, out var then) && then.IsInPool && !then.IsClosed ? then : null
                        );
                        Assert.Equal(oracle.OfType<Deal>().Select(d => d.ToString()), pooled.Select(d => d.ToString()));
                    }
                }
            )
        );
        Assert.True(taken * 3 > reports * 2, $"the kernel gave {taken} of {reports} reports");
    }

    [Fact]
    public void TryPooled_TakesTheStateAtTheInstant_NotToday()
    {
        // D1 is created in the dach pool at T0 and given to bob at T0 + 2h; D2 is bob's at T0 and pooled (company) at
        // T0 + 5h; D3 was always alice's. At T0 + 1h only D1 waits; at T0 + 6h only D2 (for 1 hour).
        var t0 = FrameDeals.T0;
        var d1 = Deal.FromEvents([
            Created("D1", null, "dach"),
            new OwnerReassigned(new DealId("D1"), t0 + Duration.FromHours(2), "ops", "bob"),
        ]);
        var d2 = Deal.FromEvents([
            Created("D2", "bob", null),
            new DealAssignedToPool(new DealId("D2"), t0 + Duration.FromHours(5), "ops", null),
        ]);
        var d3 = Deal.FromEvents([Created("D3", "alice", null)]);
        var frame = DealFrame.Of([d1, d2, d3]);

        Assert.True(PoolAnalysis.TryPooled(frame, t0 + Duration.FromHours(1), out var early));
        Assert.True(PoolAnalysis.TryPooled(frame, t0 + Duration.FromHours(6), out var late));

        Assert.Equal(["D1 dach"], early.Select(d => d.Id + " " + d.Team));
        Assert.Equal(["D2 "], late.Select(d => d.Id + " " + d.Team));
        var report = PoolAnalysis.Of([d1, d2, d3], [], t0 + Duration.FromHours(6));
        Assert.Equal("(company) 1 USD 10 0:01:00:00", string.Join(" | ", report.Pools.Select(Line)));
    }

    [Fact]
    public void Of_KeepsItsArgumentErrorsAndTheirOrder()
    {
        var deal = Deal.FromEvents([Created("D1", null, null)]);
        var lead = Lead.Create(new LeadId("L1"), "L", LeadSource.Web, "alice", FrameDeals.T0);
        var bad = Instant.FromUtc(-5, 1, 1, 0, 0);

        // Deals, then leads, then deal ids given twice, then lead ids, then the instant.
        Assert.Equal("leads", Assert.Throws<ArgumentNullException>(() => PoolAnalysis.Of([deal, deal], [null!], bad)).ParamName);
        Assert.Contains(
            "Deal D1",
            Assert.Throws<ArgumentException>(() => PoolAnalysis.Of([deal, deal], [lead, lead], bad)).Message,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "Lead L1",
            Assert.Throws<ArgumentException>(() => PoolAnalysis.Of([deal], [lead, lead], bad)).Message,
            StringComparison.Ordinal
        );
        Assert.Throws<ArgumentOutOfRangeException>(() => PoolAnalysis.Of([deal], [lead], bad));
    }

    private static DealCreated Created(string id, string? owner, string? team) =>
        new(
            new DealId(id),
            FrameDeals.T0,
            "ops",
            FrameDeals.Pipeline.Name,
            id,
            owner,
            Money.Of(10m, Currency.USD),
            FrameDeals.FirstClose,
            FrameDeals.Pipeline.FirstOpenStage.Id,
            Team: team
        );

    // Leads in the dach pool, in no pool, and one that an owner took later.
    private static Lead[] Leads(int count) =>
        [
            .. Enumerable
                .Range(0, count)
                .Select(i =>
                    i switch
                    {
                        0 => Lead.CreateInPool(
                            new LeadId("L0"),
                            "L0",
                            LeadSource.Web,
                            "dach",
                            FrameDeals.T0 + Duration.FromHours(3),
                            "ops"
                        ),
                        1 => Lead.CreateInPool(new LeadId("L1"), "L1", LeadSource.Web, null, FrameDeals.T0, "ops"),
                        _ => Lead.Create(new LeadId("L2"), "L2", LeadSource.Web, "alice", FrameDeals.T0),
                    }
                ),
        ];

    private static string Line(PoolLine l) =>
        string.Create(CultureInfo.InvariantCulture, $"{l.Pool} {l.Deals} {Text(l.DealValue)} {l.MedianWait:D:hh:mm:ss}");

    private static string Render(PoolReport report) =>
        string.Join(
            "\n",
            report
                .Pools.Select(l =>
                    $"{l.Pool} {l.Deals} {l.Leads} {Text(l.DealValue)} {l.Oldest} {l.MedianWait}: "
                    + string.Join(
                        "; ",
                        l.Items.Select(i => $"{i.TeamId} {i.Deal} {i.Lead} {i.Name} {i.InPoolSince} {i.Waiting} {Text(i.Amount)}")
                    )
                )
                .Append($"{report.AsOf} {report.Currency}")
                .Append(report.ToString())
        );
}
