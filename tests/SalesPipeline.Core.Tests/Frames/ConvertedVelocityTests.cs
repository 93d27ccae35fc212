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

// Sales velocity with exchange rates: from a list, the converted column for deals unchanged since the window (a past
// amount converted alike); from a lazy sequence, deal by deal. The same figures to the last digit and scale, or the
// same exception.
[Collection(FrameSplitting.Name)]
public class ConvertedVelocityTests
{
    private static readonly Gen<(FiscalPeriod Window, VelocityOptions Options)> SetupGen =
        from startDay in Gen.Choose(0, 60)
        from length in Gen.Choose(0, 90)
        from zone in Gen.Elements("UTC", "Europe/Berlin", "America/Santiago")
        from rates in RatedDeals.Rates
        select (
            FiscalPeriod.Of(
                new DateInterval(new LocalDate(2026, 1, 1).PlusDays(startDay), new LocalDate(2026, 1, 1).PlusDays(startDay + length))
            ),
            new VelocityOptions { Zone = DateTimeZoneProviders.Tzdb[zone], Rates = rates }
        );

    private static readonly Gen<Breakdown?> Breakdowns = Gen.Elements<Breakdown?>(
        null,
        Breakdown.Owner,
        Breakdown.Team,
        Breakdown.Customer
    );

    [Fact]
    public void FromAList_EqualsTheDealByDealVelocity_Property() => Same(RatedDeals.Deals, splitFrom: null);

    [Fact]
    public void SplitAcrossCores_EqualsTheDealByDealVelocity_Property() => Same(RatedDeals.PlainDeals, splitFrom: 2);

    [Fact]
    public void PlainDealsAndRates_RunOnTheFrame()
    {
        var window = FiscalPeriod.Of(new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 2, 28)));
        KernelOracle.MostlyRuns(
            from deals in RatedDeals.PlainDeals
            from rates in RatedDeals.PlainRates
            select (deals, rates),
            c => c.deals,
            (c, frame) => new SalesVelocityAccumulator(window, Currency.USD, new VelocityOptions { Rates = c.rates }).TryAdd(frame),
            42UL
        );
    }

    private static void Same(Gen<Deal[]> dealsGen, int? splitFrom) =>
        KernelOracle.SameFromAList(
            from deals in dealsGen
            from setup in SetupGen
            from breakdown in Breakdowns
            select (deals, setup.Window, options: setup.Options with { Organization = Metrics.MetricDeals.Org }, breakdown),
            c => c.deals,
            (c, deals) =>
                Render(
                    c.breakdown is { } b ? SalesVelocity.By(deals, c.Window, b, c.options) : [SalesVelocity.Of(deals, c.Window, c.options)]
                ),
            splitFrom: splitFrom
        );

    private static string Render(IEnumerable<SalesVelocity> velocities) =>
        string.Join(
            "\n",
            velocities.Select(v =>
                string.Join(
                    "|",
                    v.Group,
                    v.OpenDeals,
                    v.WonDeals,
                    v.LostDeals,
                    Text(v.WonAmount),
                    Text(v.AverageWonAmount),
                    v.AverageCycleDays?.ToString(CultureInfo.InvariantCulture),
                    Text(v.PerDay),
                    v.Reason
                )
            )
        );

    private static string Text(Money? m) => m is null ? "-" : m.Amount.ToString(CultureInfo.InvariantCulture) + " " + m.Currency.Code;
}
