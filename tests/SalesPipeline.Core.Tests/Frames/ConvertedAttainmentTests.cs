using System.Globalization;
using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Metrics;
using SalesPipeline.Organization;
using SalesPipeline.Targets;

namespace SalesPipeline.Tests.Frames;

// Attainment with exchange rates: every quota layer runs the stage-weighted kernel on the frame's converted column.
[Collection(FrameSplitting.Name)]
public class ConvertedAttainmentTests
{
    private static readonly FiscalPeriod[] Months = [.. FiscalCalendar.Calendar.Months(2026).Take(6)];
    private static readonly FiscalPeriod[] Quarters = [.. FiscalCalendar.Calendar.Quarters(2026).Take(2)];

    private static readonly SalesOrg Org = CategoryFrameTests.Org;

    private static Gen<(Quota[] Quotas, AttainmentOptions Options)> SetupGen(Gen<ExchangeRates> rates) =>
        from target in Gen.Choose(0, 5_000_000)
        from asOf in Gen.Choose(-20, 150)
        from r in rates
        select (
            Months
                .Select(m => Quota.ForPerson("alice", m, Money.Of(target / 100m, r.ReportingCurrency)))
                .Concat(Quarters.Select(q => Quota.ForTeam("emea", q, Money.Of(target, r.ReportingCurrency))))
                .ToArray(),
            new AttainmentOptions
            {
                ForecastOptions = new ForecastOptions
                {
                    Organization = Org,
                    AsOf = Months[0].Start.PlusDays(asOf),
                    Rates = r,
                },
            }
        );

    [Fact]
    public void FromAList_EqualsTheDealByDealAttainment_Property() =>
        KernelOracle.SameFromAList(
            from deals in RatedDeals.Deals
            from setup in SetupGen(RatedDeals.Rates)
            select (deals, setup),
            c => c.deals,
            (c, deals) => AttainmentFrameTests.Outcome(() => Attainment.Of(deals, FrameDeals.Pipeline, c.setup.Quotas, c.setup.Options))
        );

    [Fact]
    public void PlainDealsAndRates_RunOnTheFrame() =>
        KernelOracle.MostlyRuns(
            from deals in RatedDeals.PlainDeals
            from setup in SetupGen(RatedDeals.PlainRates)
            select (deals, setup),
            c => c.deals,
            (c, frame) => new AttainmentAccumulator(FrameDeals.Pipeline, c.setup.Quotas, c.setup.Options).TryAdd(frame),
            11UL
        );
}
