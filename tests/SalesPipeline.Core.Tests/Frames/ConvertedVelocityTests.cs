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
    public void FromAList_EqualsTheDealByDealVelocity_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                RatedDeals.Deals.ToArbitrary(),
                SetupGen.ToArbitrary(),
                Breakdowns.ToArbitrary(),
                (deals, setup, breakdown) => Same(deals, setup, breakdown)
            )
        );

    [Fact]
    public void SplitAcrossCores_EqualsTheDealByDealVelocity_Property()
    {
        using var _ = DealFrame.SplitFrom(2);
        PropertyAssert.Holds(
            Prop.ForAll(
                RatedDeals.PlainDeals.ToArbitrary(),
                SetupGen.ToArbitrary(),
                Breakdowns.ToArbitrary(),
                (deals, setup, breakdown) => Same(deals, setup, breakdown)
            )
        );
    }

    [Fact]
    public void PlainDealsAndRates_RunOnTheFrame()
    {
        var lists = RatedDeals.PlainDeals.Sample(30, new Rnd(42UL), 40).Where(d => d.Length > 0).ToArray();
        var rates = RatedDeals.PlainRates.Sample(10, new Rnd(43UL), 40);
        var window = FiscalPeriod.Of(new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 2, 28)));
        var taken = lists
            .Where(
                (deals, i) =>
                    new SalesVelocityAccumulator(window, Currency.USD, new VelocityOptions { Rates = rates[i % rates.Length] }).TryAdd(
                        DealFrame.Of(deals)
                    )
            )
            .Count();
        Assert.True(taken >= lists.Length * 9 / 10, $"the frame kernel ran for {taken} of {lists.Length} lists");
    }

    private static bool Same(Deal[] deals, (FiscalPeriod Window, VelocityOptions Options) setup, Breakdown? breakdown)
    {
        var options = setup.Options with { Organization = Metrics.MetricDeals.Org };
        Func<IEnumerable<Deal>, IEnumerable<SalesVelocity>> run = breakdown is { } b
            ? list => SalesVelocity.By(list, setup.Window, b, options)
            : list => [SalesVelocity.Of(list, setup.Window, options)];
        Assert.Equal(Outcome(() => run(deals.Select(d => d))), Outcome(() => run(deals)));
        return true;
    }

    private static string Outcome(Func<IEnumerable<SalesVelocity>> velocities)
    {
        try
        {
            return string.Join(
                "\n",
                velocities()
                    .Select(v =>
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
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    private static string Text(Money? m) => m is null ? "-" : m.Amount.ToString(CultureInfo.InvariantCulture) + " " + m.Currency.Code;
}
