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

// The forecast snapshot and the win rates with exchange rates: from a list, the frame's converted column; from a lazy
// sequence (or Add on every deal), the deal code. The same values and scales, or the same exception.
[Collection(FrameSplitting.Name)]
public class ConvertedSnapshotAndWinRateTests
{
    private static readonly FiscalPeriod[] Months = [.. FiscalCalendar.Calendar.Months(2026).Take(6)];

    private static readonly Gen<Currency> CurrencyGen = Gen.Elements(Currency.USD, Currency.EUR, Currency.GBP);

    // The win-rate deals (WinRateFrameDeals) with each one's amounts moved into USD, EUR or GBP; also for the
    // leaderboard, loss and competitor tests with rates.
    internal static readonly Gen<Deal[]> WinRateDeals =
        from deals in WinRateFrameDeals.DealsGen
        from picks in Gen.ArrayOf(CurrencyGen)
        select deals.Select((d, i) => picks.Length == 0 ? d : RatedDeals.In(d, picks[i % picks.Length])).ToArray();

    // The win-rate options with rates of every kind (and the options' currency only where the rates report in it).
    internal static readonly Gen<WinRateOptions> WinRateOptionsGen =
        from options in WinRateFrameDeals.OptionsGen
        from rates in RatedDeals.Rates
        select options with
        {
            Rates = rates,
            Currency = options.Currency == rates.ReportingCurrency ? options.Currency : null,
        };

    [Fact]
    public void Snapshot_EqualsTheBuildersSnapshot_Property() =>
        KernelOracle.SameFromAList(
            from deals in RatedDeals.Deals
            from rates in RatedDeals.Rates
            from asOf in Gen.Choose(-30, 150)
            select (deals, options: new ForecastOptions { Rates = rates, AsOf = Months[0].Start.PlusDays(asOf) }),
            c => c.deals,
            (c, deals) => SnapshotFrameTests.Outcome(() => ForecastSnapshot.Create(deals, FrameDeals.Pipeline, c.options))
        );

    [Fact]
    public void Snapshot_OfPlainDealsAndRates_IsProjected() =>
        KernelOracle.MostlyRuns(
            from deals in RatedDeals.PlainDeals
            from rates in RatedDeals.PlainRates
            select (deals, rates),
            c => c.deals,
            (c, frame) =>
                ForecastSnapshot.TryProject(frame, FrameDeals.Pipeline, Currency.USD, new ForecastOptions { Rates = c.rates }) is not null,
            8UL
        );

    [Fact]
    public void Snapshot_RoundsEachConvertedAmount()
    {
        // EUR 2.5 at 1.07 = USD 2.675, rounded half away from zero to 268 cents; EUR 0.01 at 0.4 = USD 0.004 -> 0;
        // GBP 1 at 1.005 = USD 1.005 -> 101 cents.
        Deal[] deals =
        [
            RatedDeals.In(ConvertedColumnTests.Sample(2.5m), Currency.EUR),
            RatedDeals.In(ConvertedColumnTests.Sample(0.01m), Currency.EUR),
            RatedDeals.In(ConvertedColumnTests.Sample(1m), Currency.GBP),
        ];
        var options = new ForecastOptions { Rates = ExchangeRates.In(Currency.USD).With(Currency.EUR, 1.07m).With(Currency.GBP, 1.005m) };
        var eur04 = new ForecastOptions { Rates = options.Rates!.With(Currency.EUR, 0.4m) };
        Assert.Equal(268L, ForecastSnapshot.Create([deals[0]], FrameDeals.Pipeline, options).AmountMinor[0]);
        Assert.Equal(0L, ForecastSnapshot.Create([deals[1]], FrameDeals.Pipeline, eur04).AmountMinor[0]);
        Assert.Equal(101L, ForecastSnapshot.Create([deals[2]], FrameDeals.Pipeline, options).AmountMinor[0]);
        Assert.NotNull(ForecastSnapshot.TryProject(DealFrame.Of(deals), FrameDeals.Pipeline, Currency.USD, options));
    }

    // Not vacuous: a third of the rates make every list fall back (a missing or huge GBP rate, 28-digit products), the
    // rest mostly run on the kernel.
    [Fact]
    public void WinRate_TryAdd_GivesExactlyWhatAddGives_OrRefusesAndChangesNothing() =>
        KernelOracle.Holds(
            from deals in WinRateDeals
            from options in WinRateOptionsGen
            from grouping in Gen.Choose(0, 9)
            from parts in Gen.Choose(1, 4)
            select (deals, options, grouping, parts),
            c => c.deals,
            c => WinRateFrameDeals.Accumulator(c.grouping, c.options),
            (a, deals) => a.AddRange(deals),
            (a, frame, c) => a.TryAdd(frame, c.parts),
            a => WinRateFrameDeals.Render(a.Result()),
            a => a.StateText(),
            minimumShare: 1.0 / 3
        );

    [Fact]
    public void WinRate_EntryPoints_GiveWhatTheyGaveBefore_ValuesOrExceptions() =>
        KernelOracle.SameFromAList(
            from deals in WinRateDeals
            from options in WinRateOptionsGen
            from grouping in Gen.Choose(0, 9)
            select (deals, options, grouping),
            c => c.deals,
            (c, deals) =>
                c.grouping switch
                {
                    0 => WinRateFrameDeals.Render(WinRate.Of(deals, c.options)),
                    >= 1 and <= 5 => WinRateFrameDeals.Render(WinRate.By(deals, (Breakdown)c.grouping, c.options)),
                    6 => WinRateFrameDeals.Render(WinRate.ByCompetitor(deals, c.options)),
                    _ => WinRateFrameDeals.Render(WinRate.ByPeriod(deals, WinRateFrameDeals.Periods(c.grouping), c.options)),
                },
            // The oracle: the accumulator fed deal by deal.
            (c, deals) =>
            {
                var accumulator = WinRateFrameDeals.Accumulator(c.grouping, c.options);
                accumulator.AddRange(deals);
                var table = accumulator.Result();
                return c.grouping == 0 ? WinRateFrameDeals.Render(table.Total) : WinRateFrameDeals.Render(table);
            }
        );
}
