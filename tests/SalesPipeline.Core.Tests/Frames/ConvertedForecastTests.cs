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

// The stage-weighted and category forecasts with exchange rates run on the converted column; from a lazy sequence
// they run deal by deal. Both must give the same forecast to the last digit and scale, or the same exception.
[Collection(FrameSplitting.Name)]
public class ConvertedForecastTests
{
    private static readonly FiscalPeriod[] Months = [.. FiscalCalendar.Calendar.Months(2026).Take(6)];

    private static readonly SalesOrg Org = CategoryFrameTests.Org;

    private static Gen<ForecastOptions> OptionsGen(Gen<ExchangeRates> rates) =>
        from zone in Gen.Elements("UTC", "Europe/Berlin", "America/Santiago")
        from asOf in Gen.Choose(-30, 150)
        from r in rates
        select new ForecastOptions
        {
            Zone = DateTimeZoneProviders.Tzdb[zone],
            AsOf = Months[0].Start.PlusDays(asOf),
            Rates = r,
        };

    private static readonly Gen<(Deal[] Deals, ForecastOptions Options)> Cases =
        from deals in RatedDeals.Deals
        from options in OptionsGen(RatedDeals.Rates)
        select (deals, options);

    [Fact]
    public void StageWeighted_EqualsTheDealByDealForecast_Property() =>
        KernelOracle.SameFromAList(
            Cases,
            c => c.Deals,
            (c, deals) => StageWeightedFrameTests.Render(Forecast.StageWeighted(deals, FrameDeals.Pipeline, Months, c.Options))
        );

    [Fact]
    public void StageWeighted_SplitAcrossCores_EqualsTheDealByDealForecast_Property() =>
        KernelOracle.SameFromAList(
            from deals in RatedDeals.PlainDeals
            from options in OptionsGen(RatedDeals.Rates)
            select (deals, options),
            c => c.deals,
            (c, deals) => StageWeightedFrameTests.Render(Forecast.StageWeighted(deals, FrameDeals.Pipeline, Months, c.options)),
            splitFrom: 2
        );

    [Fact]
    public void ByCategory_EqualsTheDealByDealForecast_Property() =>
        KernelOracle.SameFromAList(
            Cases,
            c => c.Deals,
            (c, deals) => CategoryFrameTests.Render(Forecast.ByCategory(deals, FrameDeals.Pipeline, Months, Org, options: c.Options))
        );

    [Fact]
    public void ByStage_EqualsTheDealByDealPipeline_Property() =>
        KernelOracle.SameFromAList(
            from deals in RatedDeals.Deals
            from rates in RatedDeals.Rates
            select (deals, options: new ForecastOptions { Rates = rates }),
            c => c.deals,
            (c, deals) => ByStageFrameTests.Outcome(() => Forecast.ByStage(deals, FrameDeals.Pipeline, c.options))
        );

    [Fact]
    public void Compare_EqualsTheDealByDealComparison_Property() =>
        KernelOracle.SameFromAList(
            from c in Cases
            from period in Gen.Elements<FiscalPeriod?>(null, Months[1])
            select (c.Deals, c.Options, period),
            c => c.Deals,
            (c, deals) => StintsHostile.Outcome(() => Forecast.Compare(deals, FrameDeals.Pipeline, c.period, null, c.Options))
        );

    [Fact]
    public void DistributionInputs_AreTheDealCodesInputs_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                RatedDeals.Deals.ToArbitrary(),
                OptionsGen(RatedDeals.Rates).ToArbitrary(),
                Gen.Elements(Months).ToArbitrary(),
                (deals, options, period) =>
                {
                    var index = new PeriodIndex([period], options.AsOf);
                    var expected = StintsHostile.Outcome(() =>
                        Inputs(Forecast.DistributionInputsOf(deals, FrameDeals.Pipeline, index, options, options.Rates!.ReportingCurrency))
                    );
                    var framed =
                        deals.Length == 0 ? null : Forecast.TryDistributionInputs(DealFrame.Of(deals), FrameDeals.Pipeline, index, options);
                    if (framed is { } inputs)
                    {
                        Assert.Equal(expected, Inputs(inputs));
                    }
                    // The entry point, exact method: the same distribution or the same exception.
                    var distribution = new DistributionOptions { Forecast = options };
                    Assert.Equal(
                        StintsHostile.Outcome(() => Forecast.Distribution(deals.Select(d => d), FrameDeals.Pipeline, period, distribution)),
                        StintsHostile.Outcome(() => Forecast.Distribution(deals, FrameDeals.Pipeline, period, distribution))
                    );
                    return true;
                }
            )
        );

    private static string Inputs(Forecast.DistributionInputs inputs) =>
        string.Join(
            "|",
            inputs.Won.ToString(CultureInfo.InvariantCulture),
            inputs.WonDeals,
            inputs.Overdue,
            string.Join(",", inputs.Amounts.Select(a => a.ToString(CultureInfo.InvariantCulture))),
            string.Join(",", inputs.Probabilities.Select(p => p.ToString(CultureInfo.InvariantCulture)))
        );

    [Fact]
    public void PlainDealsAndRates_RunOnTheFrame()
    {
        // Not vacuous: with rates the kernels take the plain inputs rather than falling back to the deal code.
        var plain = from deals in RatedDeals.PlainDeals from options in OptionsGen(RatedDeals.PlainRates) select (deals, options);
        KernelOracle.MostlyRuns(plain, c => c.deals, (c, frame) => Weighted(c.options).TryAdd(frame), 20261206UL);
        KernelOracle.MostlyRuns(
            plain,
            c => c.deals,
            (c, frame) => new CategoryAccumulator(FrameDeals.Pipeline, Months, Currency.USD, c.options).TryAdd(frame),
            20261207UL
        );
        KernelOracle.MostlyRuns(
            plain,
            c => c.deals,
            (c, frame) => Forecast.TryByStage(frame, FrameDeals.Pipeline, c.options, Currency.USD) is not null,
            20261208UL
        );
        KernelOracle.MostlyRuns(
            plain,
            c => c.deals,
            (c, frame) => Forecast.TryCompareRows(frame, FrameDeals.Pipeline, null, CategoryBands.Default, c.options) is not null,
            20261209UL
        );
        KernelOracle.MostlyRuns(
            plain,
            c => c.deals,
            (c, frame) =>
                Forecast.TryDistributionInputs(frame, FrameDeals.Pipeline, new PeriodIndex([Months[1]], null), c.options) is not null,
            20261210UL
        );
    }

    [Fact]
    public void AMissingRate_GivesTheDealCodesException()
    {
        // A lost CHF deal is never converted (no throw); an open one is, and CHF has no rate.
        var lost = Deal.FromEvents([.. RatedDeals.In(ConvertedColumnTests.Sample(7m), Currency.CHF).Events, Lost("S")]);
        var open = RatedDeals.In(ConvertedColumnTests.Sample(7m), Currency.CHF);
        var options = new ForecastOptions { Rates = ExchangeRates.In(Currency.USD).With(Currency.EUR, 1.08m) };
        var forecast = Forecast.StageWeighted([lost, ConvertedColumnTests.Sample(3m)], FrameDeals.Pipeline, Months, options);
        Assert.Equal(3m, forecast.Total.OpenAmount.Amount);
        var e = Assert.Throws<MissingExchangeRateException>(() =>
            Forecast.StageWeighted([ConvertedColumnTests.Sample(3m), open], FrameDeals.Pipeline, Months, options)
        );
        Assert.Equal(
            "There is no exchange rate from CHF to the reporting currency USD; add one with ExchangeRates.With(CHF, rate).",
            e.Message
        );
        Assert.Throws<MissingExchangeRateException>(() =>
            Forecast.ByCategory([ConvertedColumnTests.Sample(3m), open], FrameDeals.Pipeline, Months, Org, options: options)
        );
    }

    [Fact]
    public void AProductOutOfRange_GivesTheDealCodesException()
    {
        // GBP 20,000 at 10^12 is USD 2 x 10^16, past USD's limit of 10^16 (10^18 cents).
        var options = new ForecastOptions { Rates = ExchangeRates.In(Currency.USD).With(Currency.GBP, 1e12m) };
        Deal[] deals = [ConvertedColumnTests.Sample(3m), RatedDeals.In(ConvertedColumnTests.Sample(20_000m), Currency.GBP)];
        var expected = Assert.Throws<ArgumentOutOfRangeException>(() => options.Rates.Convert(deals[1].Amount));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Forecast.StageWeighted(deals, FrameDeals.Pipeline, Months, options));
        Assert.Equal(expected.Message, e.Message);
        Assert.Equal("amount", e.ParamName);
    }

    [Fact]
    public void TwoCurrencies_AreConvertedPerDealThenSummed()
    {
        // EUR 100.00 at 1.08 = USD 108.0000 and GBP 50.5 at 1.27 = USD 64.135, open in Prospecting (10%), expected in
        // February: open amount 108.0000 + 64.135 = 172.1350 (scale 4, the larger); weighted 108.0000 x 0.10 =
        // 10.800000 plus 64.135 x 0.10 = 6.41350, 17.213500, rounded on the line to 17.21.
        Deal[] deals =
        [
            RatedDeals.In(ConvertedColumnTests.Sample(100.00m), Currency.EUR),
            RatedDeals.In(ConvertedColumnTests.Sample(50.5m), Currency.GBP),
        ];
        var options = new ForecastOptions { Rates = ExchangeRates.In(Currency.USD).With(Currency.EUR, 1.08m).With(Currency.GBP, 1.27m) };
        Assert.True(Weighted(options).TryAdd(DealFrame.Of(deals)));
        var forecast = Forecast.StageWeighted(deals, FrameDeals.Pipeline, Months, options);
        Assert.Equal("172.1350", forecast.Periods[1].OpenAmount.Amount.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("17.21", forecast.Periods[1].Weighted.Amount.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(
            StageWeightedFrameTests.Render(Forecast.StageWeighted(deals.Select(d => d), FrameDeals.Pipeline, Months, options)),
            StageWeightedFrameTests.Render(forecast)
        );
    }

    private static DealLost Lost(string id) =>
        new(new DealId(id), FrameDeals.T0 + Duration.FromHours(1), "alice", "lost", LossReason.Price, null);

    private static StageWeightedAccumulator Weighted(ForecastOptions options) =>
        new(FrameDeals.Pipeline, Months, options.Rates!.ReportingCurrency, options);
}
