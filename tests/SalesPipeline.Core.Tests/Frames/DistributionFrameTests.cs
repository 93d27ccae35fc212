using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;

namespace SalesPipeline.Tests.Frames;

// The distribution's inputs from a list of deals are read off the frame; from a lazy sequence, deal by deal. The
// convolution (or the seeded Monte Carlo) then gets the same amounts and probabilities in the same order, so the whole
// distribution must be the same to the last bit, or the same exception.
public class DistributionFrameTests
{
    private static readonly FiscalPeriod[] Months = [.. FiscalCalendar.Calendar.Months(2026).Take(6)];

    private static readonly Gen<(FiscalPeriod Period, DistributionOptions Options)> SetupGen =
        from period in Gen.Elements(Months)
        from zone in Gen.Elements("UTC", "Europe/Berlin", "America/Santiago", "Pacific/Apia")
        from asOf in Gen.Frequency((1, Gen.Constant<int?>(null)), (3, Gen.Choose(-40, 60).Select(d => (int?)d)))
        from monteCarlo in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from rates in Gen.Frequency((6, Gen.Constant(false)), (1, Gen.Constant(true)))
        select (
            period,
            new DistributionOptions
            {
                Method = monteCarlo ? DistributionMethod.MonteCarlo : DistributionMethod.Exact,
                Trials = 200,
                Forecast = new ForecastOptions
                {
                    Zone = DateTimeZoneProviders.Tzdb[zone],
                    AsOf = asOf is { } d ? period.Start.PlusDays(d) : null,
                    Rates = rates ? ExchangeRates.In(Currency.USD).With(Currency.EUR, 2m) : null,
                },
            }
        );

    [Fact]
    public void FromAList_EqualsTheDealByDealDistribution_Property() =>
        PropertyAssert.Holds(Prop.ForAll(FrameDeals.Deals.ToArbitrary(), SetupGen.ToArbitrary(), (deals, setup) => Same(deals, setup)));

    [Fact]
    public void PlainDeals_EqualTheDealByDealDistribution_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(FrameDeals.PlainDeals.ToArbitrary(), SetupGen.ToArbitrary(), (deals, setup) => Same(deals, setup))
        );

    [Fact]
    public void PlainDeals_RunOnTheFrame()
    {
        // Not vacuous: the kernel takes the plain inputs rather than falling back to the deal code.
        var lists = FrameDeals.PlainDeals.Sample(30, new Rnd(20261206UL), 40).Where(d => d.Length > 0).ToArray();
        var taken = lists.Count(deals =>
            Forecast.TryDistributionInputs(
                DealFrame.Of(deals),
                FrameDeals.Pipeline,
                new PeriodIndex([Months[1]], null),
                ForecastOptions.Default
            )
                is not null
        );
        Assert.True(taken >= lists.Length * 9 / 10, $"the frame kernel ran for {taken} of {lists.Length} lists");
    }

    [Fact]
    public void WonOpenAndOverdue_AsWorkedOut()
    {
        // February 2026, as of 2026-02-01: USD 100.00 won on 2026-02-03 (certain), USD 200.0 open at 10% expected on
        // 2026-02-20, USD 5 open expected on 2026-01-31 (overdue, left out). Mean 100.00 + 200.0 x 0.10 = 120.00;
        // outcomes 100.00 (0.9) and 300.00 (0.1).
        var at = FrameDeals.T0;
        var created = Deal.Open(FrameDeals.Pipeline, new DealId("W"), "W", "alice", Money.Of(100.00m, Currency.USD), Months[1].Start, at);
        var won = Deal.FromEvents([.. created.Events, new DealWon(created.Id, Instant.FromUtc(2026, 2, 3, 12, 0), "alice", "won")]);
        var open = Deal.Open(
            FrameDeals.Pipeline,
            new DealId("O"),
            "O",
            "bob",
            Money.Of(200.0m, Currency.USD),
            new LocalDate(2026, 2, 20),
            at
        );
        var late = Deal.Open(FrameDeals.Pipeline, new DealId("L"), "L", "bob", Money.Of(5m, Currency.USD), new LocalDate(2026, 1, 31), at);
        Deal[] deals = [won, open, late];
        var distribution = Forecast.Distribution(deals, FrameDeals.Pipeline, Months[1]);
        Assert.Equal((1, 1, 1), (distribution.DealCount, distribution.WonDealCount, distribution.OverdueDealsExcluded));
        Assert.Equal("100.00", distribution.WonAmount.Amount.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("120.00", distribution.Mean.Amount.ToString(CultureInfo.InvariantCulture));
        Assert.Equal([100m, 300m], distribution.Points.Select(p => p.Value.Amount));
        Assert.Equal(
            StintsHostile.Dump(Forecast.Distribution(deals.Select(d => d), FrameDeals.Pipeline, Months[1])),
            StintsHostile.Dump(distribution)
        );
    }

    private static bool Same(Deal[] deals, (FiscalPeriod Period, DistributionOptions Options) setup)
    {
        var expected = StintsHostile.Outcome(() =>
            Forecast.Distribution(deals.Select(d => d), FrameDeals.Pipeline, setup.Period, setup.Options)
        );
        var actual = StintsHostile.Outcome(() => Forecast.Distribution(deals, FrameDeals.Pipeline, setup.Period, setup.Options));
        Assert.Equal(expected, actual);
        return true;
    }
}
