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

// The frame's column of amounts converted by exchange rates: each usable row is the very decimal ExchangeRates.Convert
// gives (bits and scale), each row it throws for is marked, and the column is cached per frame for the last rates.
public class ConvertedColumnTests
{
    [Fact]
    public void EachRow_IsTheDecimalConvertGives_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                RatedDeals.Deals.ToArbitrary(),
                RatedDeals.Rates.ToArbitrary(),
                (deals, rates) =>
                {
                    if (deals.Length == 0)
                    {
                        return true;
                    }
                    var column = DealFrame.Of(deals).AmountsIn(rates);
                    for (var r = 0; r < deals.Length; r++)
                    {
                        Assert.Equal(Expected(deals[r].Amount, rates), Actual(column, r));
                    }
                    return true;
                }
            )
        );

    [Fact]
    public void TheBound_CoversEveryUsableRow_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                RatedDeals.Deals.ToArbitrary(),
                RatedDeals.Rates.ToArbitrary(),
                (deals, rates) =>
                {
                    var column = DealFrame.Of(deals.Length == 0 ? [Sample()] : deals).AmountsIn(rates);
                    BigInteger sum = 0;
                    for (var r = 0; r < column.Scale.Length; r++)
                    {
                        if (column.Scale[r] != ReportingAmounts.Unusable)
                        {
                            Assert.True(column.Scale[r] <= column.Exactness.MaxAmountScale);
                            sum += Math.Abs(column.Mantissa[r]) * BigInteger.Pow(10, column.Exactness.MaxAmountScale - column.Scale[r]);
                        }
                    }
                    // Saturated, as the kernels read it: at or past 2^96 they fall back anyway.
                    var max = (BigInteger)UInt128.MaxValue;
                    Assert.Equal(sum >= max ? UInt128.MaxValue : (UInt128)sum, column.Exactness.AmountBound);
                    return true;
                }
            )
        );

    [Fact]
    public void ProductsThatRound_AreRoundedAsDecimalRoundsThem()
    {
        // 123.456789 x 0.00000000000000000000012345 = 1.524074060205E-20 exactly (scale 32), which decimal rounds to
        // scale 28: 0.0000000000000000000152407406 (mantissa 152407406, the 0205 past scale 28 rounded away).
        var deal = RatedDeals.In(Sample(123.456789m), Currency.GBP);
        var rates = ExchangeRates.In(Currency.USD).With(Currency.GBP, 0.00000000000000000000012345m);
        var column = DealFrame.Of([deal]).AmountsIn(rates);
        Assert.Equal("0.0000000000000000000152407406", Actual(column, 0));
        Assert.Equal(rates.Convert(deal.Amount).Amount.ToString(CultureInfo.InvariantCulture), Actual(column, 0));
    }

    [Fact]
    public void RowsConvertThrowsFor_AreMarked()
    {
        // No CHF rate: Convert throws MissingExchangeRateException. GBP 20,000 x 10^12 = USD 2 x 10^16, past USD's
        // limit of 10^16: ArgumentOutOfRangeException. EUR 100.00 x 1.08 = USD 108.0000 is usable.
        Deal[] deals =
        [
            RatedDeals.In(Sample(5m), Currency.CHF),
            RatedDeals.In(Sample(20_000m), Currency.GBP),
            RatedDeals.In(Sample(100.00m), Currency.EUR),
        ];
        var rates = ExchangeRates.In(Currency.USD).With(Currency.GBP, 1e12m).With(Currency.EUR, 1.08m);
        var column = DealFrame.Of(deals).AmountsIn(rates);
        Assert.Equal(new byte[] { ReportingAmounts.Unusable, ReportingAmounts.Unusable, 4 }, column.Scale);
        Assert.Equal(1080000L, column.Mantissa[2]);
        Assert.Throws<MissingExchangeRateException>(() => rates.Convert(deals[0].Amount));
        Assert.Throws<ArgumentOutOfRangeException>(() => rates.Convert(deals[1].Amount));
    }

    [Fact]
    public void TheColumn_IsKeptForTheLastRates_AndNeverSharedByRatesThatConvertDifferently()
    {
        var frame = DealFrame.Of([RatedDeals.In(Sample(100.00m), Currency.EUR)]);
        var short1 = ExchangeRates.In(Currency.USD).With(Currency.EUR, 1.08m);
        var same = ExchangeRates.In(Currency.USD).With(Currency.EUR, 1.08m).With(Currency.GBP, 2m); // GBP: not in the frame
        var longer = ExchangeRates.In(Currency.USD).With(Currency.EUR, 1.080m); // equal to short1, but another scale
        var first = frame.AmountsIn(short1);
        Assert.Same(first, frame.AmountsIn(short1));
        Assert.Same(first, frame.AmountsIn(same));
        // 100.00 x 1.080 = 108.00000 (scale 5), not 108.0000: the tables are Equal, yet the columns differ.
        Assert.Equal(short1, longer);
        var second = frame.AmountsIn(longer);
        Assert.NotSame(first, second);
        Assert.Equal("108.00000", Actual(second, 0));
        Assert.Equal("108.0000", Actual(frame.AmountsIn(short1), 0));
        Assert.Same(frame.AmountsIn(null), frame.AmountsIn(null));
        // Another reporting currency never matches either.
        Assert.NotSame(first, frame.AmountsIn(ExchangeRates.In(Currency.GBP).With(Currency.EUR, 1.08m)));
    }

    internal static Deal Sample(decimal amount = 1m) =>
        Deal.Open(
            FrameDeals.Pipeline,
            new DealId("S"),
            "S",
            "alice",
            Money.Of(amount, Currency.USD),
            new LocalDate(2026, 2, 10),
            FrameDeals.T0
        );

    private static string Expected(Money amount, ExchangeRates rates)
    {
        try
        {
            var converted = rates.Convert(amount).Amount;
            // A product whose mantissa needs more than a long is marked too: the kernels leave it to the deal code.
            return Exactness.TrySplit(converted, out _, out _) ? converted.ToString(CultureInfo.InvariantCulture) : "unusable";
        }
        catch (Exception e) when (e is MissingExchangeRateException or ArgumentOutOfRangeException)
        {
            return "unusable";
        }
    }

    private static string Actual(ReportingAmounts column, int row) =>
        column.Scale[row] == ReportingAmounts.Unusable
            ? "unusable"
            : ToDecimal(column.Mantissa[row], column.Scale[row]).ToString(CultureInfo.InvariantCulture);

    private static decimal ToDecimal(long mantissa, byte scale)
    {
        var magnitude = (ulong)Math.Abs(mantissa);
        return unchecked(new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, mantissa < 0, scale));
    }
}

// The stage-weighted and category forecasts with exchange rates run on the converted column; from a lazy sequence
// they run deal by deal. Both must give the same forecast to the last digit and scale, or the same exception.
[Collection(FrameSplitting.Name)]
public class ConvertedForecastTests
{
    private static readonly FiscalPeriod[] Months = [.. FiscalCalendar.Calendar.Months(2026).Take(6)];

    private static readonly SalesOrg Org = SalesOrg
        .CreateBuilder("Acme")
        .Team("emea", "EMEA")
        .Rep("alice", "Alice", "emea")
        .Rep("bob", "Bob", "emea")
        .Team("apac", "APAC")
        .Rep("carol", "Carol", "apac")
        .Rep("dave", "Dave", "apac")
        .Build();

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

    [Fact]
    public void StageWeighted_EqualsTheDealByDealForecast_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                RatedDeals.Deals.ToArbitrary(),
                OptionsGen(RatedDeals.Rates).ToArbitrary(),
                (deals, options) =>
                {
                    Assert.Equal(
                        StageWeighted(() => Forecast.StageWeighted(deals.Select(d => d), FrameDeals.Pipeline, Months, options)),
                        StageWeighted(() => Forecast.StageWeighted(deals, FrameDeals.Pipeline, Months, options))
                    );
                    return true;
                }
            )
        );

    [Fact]
    public void StageWeighted_SplitAcrossCores_EqualsTheDealByDealForecast_Property()
    {
        using var _ = DealFrame.SplitFrom(2);
        PropertyAssert.Holds(
            Prop.ForAll(
                RatedDeals.PlainDeals.ToArbitrary(),
                OptionsGen(RatedDeals.Rates).ToArbitrary(),
                (deals, options) =>
                {
                    Assert.Equal(
                        StageWeighted(() => Forecast.StageWeighted(deals.Select(d => d), FrameDeals.Pipeline, Months, options)),
                        StageWeighted(() => Forecast.StageWeighted(deals, FrameDeals.Pipeline, Months, options))
                    );
                    return true;
                }
            )
        );
    }

    [Fact]
    public void ByCategory_EqualsTheDealByDealForecast_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                RatedDeals.Deals.ToArbitrary(),
                OptionsGen(RatedDeals.Rates).ToArbitrary(),
                (deals, options) =>
                {
                    Assert.Equal(
                        Category(() => Forecast.ByCategory(deals.Select(d => d), FrameDeals.Pipeline, Months, Org, options: options)),
                        Category(() => Forecast.ByCategory(deals, FrameDeals.Pipeline, Months, Org, options: options))
                    );
                    return true;
                }
            )
        );

    [Fact]
    public void ByStage_EqualsTheDealByDealPipeline_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                RatedDeals.Deals.ToArbitrary(),
                RatedDeals.Rates.ToArbitrary(),
                (deals, rates) =>
                {
                    var options = new ForecastOptions { Rates = rates };
                    Assert.Equal(
                        ByStage(() => Forecast.ByStage(deals.Select(d => d), FrameDeals.Pipeline, options)),
                        ByStage(() => Forecast.ByStage(deals, FrameDeals.Pipeline, options))
                    );
                    return true;
                }
            )
        );

    [Fact]
    public void Compare_EqualsTheDealByDealComparison_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                RatedDeals.Deals.ToArbitrary(),
                OptionsGen(RatedDeals.Rates).ToArbitrary(),
                Gen.Elements<FiscalPeriod?>(null, Months[1]).ToArbitrary(),
                (deals, options, period) =>
                {
                    Assert.Equal(
                        StintsHostile.Outcome(() => Forecast.Compare(deals.Select(d => d), FrameDeals.Pipeline, period, null, options)),
                        StintsHostile.Outcome(() => Forecast.Compare(deals, FrameDeals.Pipeline, period, null, options))
                    );
                    return true;
                }
            )
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
        var lists = RatedDeals.PlainDeals.Sample(30, new Rnd(20261206UL), 40).Where(d => d.Length > 0).ToArray();
        var options = OptionsGen(RatedDeals.PlainRates).Sample(10, new Rnd(7UL), 40);
        var weighted = lists.Where((deals, i) => Weighted(options[i % options.Length]).TryAdd(DealFrame.Of(deals))).Count();
        var category = lists
            .Where(
                (deals, i) =>
                    new CategoryAccumulator(FrameDeals.Pipeline, Months, Currency.USD, options[i % options.Length]).TryAdd(
                        DealFrame.Of(deals)
                    )
            )
            .Count();
        Assert.True(weighted >= lists.Length * 9 / 10, $"the stage-weighted kernel ran for {weighted} of {lists.Length} lists");
        Assert.True(category >= lists.Length * 9 / 10, $"the category kernel ran for {category} of {lists.Length} lists");
        var byStage = lists
            .Where(
                (deals, i) =>
                    Forecast.TryByStage(DealFrame.Of(deals), FrameDeals.Pipeline, options[i % options.Length], Currency.USD) is not null
            )
            .Count();
        Assert.True(byStage >= lists.Length * 9 / 10, $"the by-stage kernel ran for {byStage} of {lists.Length} lists");
        var compared = lists
            .Where(
                (deals, i) =>
                    Forecast.TryCompareRows(
                        DealFrame.Of(deals),
                        FrameDeals.Pipeline,
                        null,
                        CategoryBands.Default,
                        options[i % options.Length]
                    )
                        is not null
            )
            .Count();
        Assert.True(compared >= lists.Length * 9 / 10, $"the comparison kernel ran for {compared} of {lists.Length} lists");
        var inputs = lists
            .Where(
                (deals, i) =>
                    Forecast.TryDistributionInputs(
                        DealFrame.Of(deals),
                        FrameDeals.Pipeline,
                        new PeriodIndex([Months[1]], null),
                        options[i % options.Length]
                    )
                        is not null
            )
            .Count();
        Assert.True(inputs >= lists.Length * 9 / 10, $"the distribution's inputs kernel ran for {inputs} of {lists.Length} lists");
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
            StageWeighted(() => Forecast.StageWeighted(deals.Select(d => d), FrameDeals.Pipeline, Months, options)),
            StageWeighted(() => forecast)
        );
    }

    private static DealLost Lost(string id) =>
        new(new DealId(id), FrameDeals.T0 + Duration.FromHours(1), "alice", "lost", LossReason.Price, null);

    private static StageWeightedAccumulator Weighted(ForecastOptions options) =>
        new(FrameDeals.Pipeline, Months, options.Rates!.ReportingCurrency, options);

    private static string StageWeighted(Func<StageWeightedForecast> forecast)
    {
        try
        {
            return StageWeightedFrameTests.Render(forecast());
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    private static string ByStage(Func<PipelineByStage> compute)
    {
        try
        {
            var p = compute();
            return string.Join(
                "\n",
                p.Stages.Select(l => $"{l.Stage.Id}|{l.Deals}|{Text(l.Amount)}|{Text(l.Weighted)}")
                    .Append($"{p.StoppedDeals}|{Text(p.StoppedAmount)}|{p.OpenDeals}|{Text(p.OpenAmount)}|{Text(p.Weighted)}")
            );
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    private static string Text(Money m) => m.Amount.ToString(CultureInfo.InvariantCulture) + " " + m.Currency.Code;

    private static string Category(Func<CategoryForecast> compute)
    {
        try
        {
            var f = compute();
            return string.Join(
                "\n",
                f.Lines.Select(l => $"{l.Period.Label}|{l.Kind}|{l.Id}|{l.ParentId}|{Text(l.Gross)}|{Text(l.Adjusted)}")
                    .Append(Text(f.Overdue))
            );
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    private static string Text(CategoryAmounts a) =>
        string.Join(
            " ",
            new[] { a.Closed, a.Commit, a.BestCase, a.Pipeline, a.Omitted }.Select(m => m.Amount.ToString(CultureInfo.InvariantCulture))
        );
}

// The forecast snapshot and the win rates with exchange rates: from a list, the frame's converted column; from a lazy
// sequence (or Add on every deal), the deal code. The same values and scales, or the same exception.
[Collection(FrameSplitting.Name)]
public class ConvertedSnapshotAndWinRateTests
{
    private static readonly FiscalPeriod[] Months = [.. FiscalCalendar.Calendar.Months(2026).Take(6)];

    private static readonly Gen<Currency> CurrencyGen = Gen.Elements(Currency.USD, Currency.EUR, Currency.GBP);

    // The win-rate deals (WinRateFrameDeals) with each one's amounts moved into USD, EUR or GBP.
    private static readonly Gen<Deal[]> WinRateDeals =
        from deals in WinRateFrameDeals.DealsGen
        from picks in Gen.ArrayOf(CurrencyGen)
        select deals.Select((d, i) => picks.Length == 0 ? d : RatedDeals.In(d, picks[i % picks.Length])).ToArray();

    private static readonly Gen<WinRateOptions> WinRateOptionsGen =
        from options in WinRateFrameDeals.OptionsGen
        from rates in RatedDeals.Rates
        select options with
        {
            Rates = rates,
            Currency = options.Currency == rates.ReportingCurrency ? options.Currency : null,
        };

    [Fact]
    public void Snapshot_EqualsTheBuildersSnapshot_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                RatedDeals.Deals.ToArbitrary(),
                RatedDeals.Rates.ToArbitrary(),
                Gen.Choose(-30, 150).ToArbitrary(),
                (deals, rates, asOf) =>
                {
                    var options = new ForecastOptions { Rates = rates, AsOf = Months[0].Start.PlusDays(asOf) };
                    Assert.Equal(
                        Snapshot(() => ForecastSnapshot.Create(deals.Select(d => d), FrameDeals.Pipeline, options)),
                        Snapshot(() => ForecastSnapshot.Create(deals, FrameDeals.Pipeline, options))
                    );
                    return true;
                }
            )
        );

    [Fact]
    public void Snapshot_OfPlainDealsAndRates_IsProjected()
    {
        var lists = RatedDeals.PlainDeals.Sample(30, new Rnd(8UL), 40).Where(d => d.Length > 0).ToArray();
        var rates = RatedDeals.PlainRates.Sample(10, new Rnd(9UL), 40);
        var taken = lists
            .Where(
                (deals, i) =>
                    ForecastSnapshot.TryProject(
                        DealFrame.Of(deals),
                        FrameDeals.Pipeline,
                        Currency.USD,
                        new ForecastOptions { Rates = rates[i % rates.Length] }
                    )
                        is not null
            )
            .Count();
        Assert.True(taken >= lists.Length * 9 / 10, $"the projection ran for {taken} of {lists.Length} lists");
    }

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

    [Fact]
    public void WinRate_TryAdd_GivesExactlyWhatAddGives_OrRefusesAndChangesNothing()
    {
        var (tried, taken) = (0, 0);
        var cases =
            from deals in WinRateDeals
            from options in WinRateOptionsGen
            from grouping in Gen.Choose(0, 9)
            from parts in Gen.Choose(1, 4)
            select (deals, options, grouping, parts);
        PropertyAssert.Holds(
            Prop.ForAll(
                cases.ToArbitrary(),
                c =>
                {
                    var oracle = WinRateFrameDeals.Accumulator(c.grouping, c.options);
                    var expected = WinRateFrameDeals.Outcome(() =>
                    {
                        oracle.AddRange(c.deals);
                        return WinRateFrameDeals.Render(oracle.Result()) + "\n" + oracle.StateText();
                    });
                    if (c.deals.Length == 0)
                    {
                        return;
                    }
                    var framed = WinRateFrameDeals.Accumulator(c.grouping, c.options);
                    var before = framed.StateText();
                    var took = framed.TryAdd(DealFrame.Of(c.deals), c.parts);
                    tried++;
                    if (took)
                    {
                        taken++;
                        Assert.Equal(expected, WinRateFrameDeals.Render(framed.Result()) + "\n" + framed.StateText());
                    }
                    else
                    {
                        Assert.Equal(before, framed.StateText());
                    }
                }
            )
        );
        // Not vacuous: a third of the rates make every list fall back (a missing or huge GBP rate, 28-digit products),
        // the rest mostly run on the kernel.
        Assert.True(taken * 3 > tried, $"the kernel took {taken} of {tried} cases");
    }

    [Fact]
    public void WinRate_EntryPoints_GiveWhatTheyGaveBefore_ValuesOrExceptions()
    {
        var cases =
            from deals in WinRateDeals
            from options in WinRateOptionsGen
            from grouping in Gen.Choose(0, 9)
            select (deals, options, grouping);
        PropertyAssert.Holds(
            Prop.ForAll(
                cases.ToArbitrary(),
                c =>
                {
                    var oracle = WinRateFrameDeals.Outcome(() =>
                    {
                        var accumulator = WinRateFrameDeals.Accumulator(c.grouping, c.options);
                        accumulator.AddRange(c.deals);
                        var table = accumulator.Result();
                        return c.grouping == 0 ? WinRateFrameDeals.Render(table.Total) : WinRateFrameDeals.Render(table);
                    });
                    var actual = WinRateFrameDeals.Outcome(() =>
                        c.grouping switch
                        {
                            0 => WinRateFrameDeals.Render(WinRate.Of(c.deals, c.options)),
                            >= 1 and <= 5 => WinRateFrameDeals.Render(WinRate.By(c.deals, (Breakdown)c.grouping, c.options)),
                            6 => WinRateFrameDeals.Render(WinRate.ByCompetitor(c.deals, c.options)),
                            _ => WinRateFrameDeals.Render(WinRate.ByPeriod(c.deals, WinRateFrameDeals.Periods(c.grouping), c.options)),
                        }
                    );
                    Assert.Equal(oracle, actual);
                }
            )
        );
    }

    private static string Snapshot(Func<ForecastSnapshot> create)
    {
        try
        {
            var s = create();
            return string.Join(
                "|",
                string.Join(",", s.Owners),
                string.Join(",", s.AmountMinor),
                string.Join(",", s.ProbabilityPpm),
                string.Join(",", s.Day),
                string.Join(",", s.Kind),
                string.Join(",", s.Owner),
                string.Join(",", s.Category)
            );
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }
}

// The leaderboard and the loss analysis with exchange rates: the frame kernels on the converted column against Add on
// every deal (the same exact state, sums and scales included, or a refusal that changes nothing), and the entry
// points against the deal code (the same result or exception).
public class ConvertedLeaderboardAndLossTests
{
    private static readonly Gen<Currency> CurrencyGen = Gen.Elements(Currency.USD, Currency.EUR, Currency.GBP);

    private static readonly Gen<Deal[]> Deals =
        from deals in WinRateFrameDeals.DealsGen
        from picks in Gen.ArrayOf(CurrencyGen)
        select deals.Select((d, i) => picks.Length == 0 ? d : RatedDeals.In(d, picks[i % picks.Length])).ToArray();

    private static readonly Gen<WinRateOptions> OptionsGen =
        from options in WinRateFrameDeals.OptionsGen
        from rates in RatedDeals.Rates
        select options with
        {
            Rates = rates,
            Currency = options.Currency == rates.ReportingCurrency ? options.Currency : null,
        };

    [Fact]
    public void Leaderboard_TryAdd_GivesExactlyWhatAddGives_OrRefusesAndChangesNothing()
    {
        var (tried, taken) = (0, 0);
        var cases =
            from deals in Deals
            from options in OptionsGen
            from level in Gen.Elements(LeaderboardLevel.Rep, LeaderboardLevel.Team)
            from parts in Gen.Choose(1, 4)
            select (deals, options, level, parts);
        PropertyAssert.Holds(
            Prop.ForAll(
                cases.ToArbitrary(),
                c =>
                {
                    var oracle = new LeaderboardAccumulator(c.level, c.options);
                    var expected = WinRateFrameDeals.Outcome(() =>
                    {
                        oracle.AddRange(c.deals);
                        return Board(oracle) + "\n" + oracle.StateText();
                    });
                    if (c.deals.Length == 0)
                    {
                        return;
                    }
                    var framed = new LeaderboardAccumulator(c.level, c.options);
                    var before = framed.StateText();
                    tried++;
                    if (framed.TryAdd(DealFrame.Of(c.deals), c.parts))
                    {
                        taken++;
                        Assert.Equal(expected, Board(framed) + "\n" + framed.StateText());
                    }
                    else
                    {
                        Assert.Equal(before, framed.StateText());
                    }
                }
            )
        );
        Assert.True(taken * 3 > tried, $"the kernel took {taken} of {tried} cases");
    }

    [Fact]
    public void Leaderboard_EntryPoint_GivesWhatItGaveBefore_ValuesOrExceptions() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Deals.ToArbitrary(),
                OptionsGen.ToArbitrary(),
                (deals, options) =>
                {
                    var oracle = WinRateFrameDeals.Outcome(() =>
                    {
                        var accumulator = new LeaderboardAccumulator(LeaderboardLevel.Rep, options);
                        accumulator.AddRange(deals);
                        return accumulator.Result(LeaderboardMeasure.WonAmount).ToString();
                    });
                    Assert.Equal(
                        oracle,
                        WinRateFrameDeals.Outcome(() =>
                            Leaderboard.Of(deals, [], LeaderboardMeasure.WonAmount, LeaderboardLevel.Rep, options).ToString()
                        )
                    );
                    return true;
                }
            )
        );

    [Fact]
    public void Losses_TryAdd_GivesExactlyWhatAddGives_OrRefusesAndChangesNothing()
    {
        var (tried, taken) = (0, 0);
        var cases = from deals in Deals from options in OptionsGen from parts in Gen.Choose(1, 4) select (deals, options, parts);
        PropertyAssert.Holds(
            Prop.ForAll(
                cases.ToArbitrary(),
                c =>
                {
                    var oracle = new LossAccumulator(c.options);
                    var expected = WinRateFrameDeals.Outcome(() =>
                    {
                        oracle.AddRange(c.deals);
                        return oracle.Result() + "\n" + oracle.StateText();
                    });
                    if (c.deals.Length == 0)
                    {
                        return;
                    }
                    var framed = new LossAccumulator(c.options);
                    var before = framed.StateText();
                    tried++;
                    if (framed.TryAdd(DealFrame.Of(c.deals), c.parts))
                    {
                        taken++;
                        Assert.Equal(expected, framed.Result() + "\n" + framed.StateText());
                    }
                    else
                    {
                        Assert.Equal(before, framed.StateText());
                    }
                }
            )
        );
        Assert.True(taken * 3 > tried, $"the kernel took {taken} of {tried} cases");
    }

    [Fact]
    public void Losses_EntryPoint_GivesWhatItGaveBefore_ValuesOrExceptions() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Deals.ToArbitrary(),
                OptionsGen.ToArbitrary(),
                (deals, options) =>
                {
                    var oracle = WinRateFrameDeals.Outcome(() =>
                    {
                        var accumulator = new LossAccumulator(options);
                        accumulator.AddRange(deals);
                        return accumulator.Result().ToString() + " " + accumulator.Result().Lost.Value?.Amount;
                    });
                    Assert.Equal(
                        oracle,
                        WinRateFrameDeals.Outcome(() =>
                            LossAnalysis.Of(deals, options) is var report ? report.ToString() + " " + report.Lost.Value?.Amount : ""
                        )
                    );
                    return true;
                }
            )
        );

    [Fact]
    public void Competitors_TryAdd_GivesExactlyWhatAddGives_OrRefusesAndChangesNothing()
    {
        var (tried, taken) = (0, 0);
        var cases = from deals in Deals from options in OptionsGen from parts in Gen.Choose(1, 4) select (deals, options, parts);
        PropertyAssert.Holds(
            Prop.ForAll(
                cases.ToArbitrary(),
                c =>
                {
                    var oracle = new CompetitorAccumulator(c.options);
                    var expected = WinRateFrameDeals.Outcome(() =>
                    {
                        oracle.AddRange(c.deals);
                        return oracle.Result() + "\n" + oracle.StateText();
                    });
                    if (c.deals.Length == 0)
                    {
                        return;
                    }
                    var framed = new CompetitorAccumulator(c.options);
                    var before = framed.StateText();
                    tried++;
                    if (framed.TryAdd(DealFrame.Of(c.deals), c.parts))
                    {
                        taken++;
                        Assert.Equal(expected, framed.Result() + "\n" + framed.StateText());
                    }
                    else
                    {
                        Assert.Equal(before, framed.StateText());
                    }
                }
            )
        );
        Assert.True(taken * 3 > tried, $"the kernel took {taken} of {tried} cases");
    }

    [Fact]
    public void Competitors_EntryPoint_GivesWhatItGaveBefore_ValuesOrExceptions() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Deals.ToArbitrary(),
                OptionsGen.ToArbitrary(),
                (deals, options) =>
                {
                    var oracle = WinRateFrameDeals.Outcome(() =>
                    {
                        var accumulator = new CompetitorAccumulator(options);
                        accumulator.AddRange(deals);
                        return accumulator.Result().ToString() + "\n" + accumulator.StateText();
                    });
                    var actual = WinRateFrameDeals.Outcome(() =>
                    {
                        var accumulator = new CompetitorAccumulator(options).AddAll(deals);
                        return accumulator.Result().ToString() + "\n" + accumulator.StateText();
                    });
                    Assert.Equal(oracle, actual);
                    Assert.Equal(
                        WinRateFrameDeals.Outcome(() => CompetitorAnalysis.Of(deals.Select(d => d), options).ToString()),
                        WinRateFrameDeals.Outcome(() => CompetitorAnalysis.Of(deals, options).ToString())
                    );
                    return true;
                }
            )
        );

    private static string Board(LeaderboardAccumulator accumulator) =>
        string.Join(
            "\n",
            new[] { LeaderboardMeasure.WonAmount, LeaderboardMeasure.WonCount, LeaderboardMeasure.WinRate }.Select(m =>
                accumulator.Result(m).ToString()
            )
        );
}

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

// Attainment with exchange rates: every quota layer runs the stage-weighted kernel on the frame's converted column.
[Collection(FrameSplitting.Name)]
public class ConvertedAttainmentTests
{
    private static readonly FiscalPeriod[] Months = [.. FiscalCalendar.Calendar.Months(2026).Take(6)];
    private static readonly FiscalPeriod[] Quarters = [.. FiscalCalendar.Calendar.Quarters(2026).Take(2)];

    private static readonly SalesOrg Org = SalesOrg
        .CreateBuilder("Acme")
        .Team("emea", "EMEA")
        .Rep("alice", "Alice", "emea")
        .Rep("bob", "Bob", "emea")
        .Team("apac", "APAC")
        .Rep("dave", "Dave", "apac")
        .Build();

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
        PropertyAssert.Holds(
            Prop.ForAll(
                RatedDeals.Deals.ToArbitrary(),
                SetupGen(RatedDeals.Rates).ToArbitrary(),
                (deals, setup) =>
                {
                    Assert.Equal(
                        Outcome(() => Attainment.Of(deals.Select(d => d), FrameDeals.Pipeline, setup.Quotas, setup.Options)),
                        Outcome(() => Attainment.Of(deals, FrameDeals.Pipeline, setup.Quotas, setup.Options))
                    );
                    return true;
                }
            )
        );

    [Fact]
    public void PlainDealsAndRates_RunOnTheFrame()
    {
        var lists = RatedDeals.PlainDeals.Sample(30, new Rnd(11UL), 40).Where(d => d.Length > 0).ToArray();
        var setup = SetupGen(RatedDeals.PlainRates).Sample(10, new Rnd(12UL), 1)[0];
        var taken = lists.Count(deals =>
            new AttainmentAccumulator(FrameDeals.Pipeline, setup.Quotas, setup.Options).TryAdd(DealFrame.Of(deals))
        );
        Assert.True(taken >= lists.Length * 9 / 10, $"the frame kernel ran for {taken} of {lists.Length} lists");
    }

    private static string Outcome(Func<AttainmentReport> report)
    {
        try
        {
            return string.Join(
                "\n",
                report()
                    .Lines.Select(l =>
                        string.Join(
                            "|",
                            l.Quota.SubjectId,
                            l.Quota.Period.Label,
                            l.WonDeals,
                            Text(l.Won),
                            l.OpenDeals,
                            Text(l.OpenPipeline),
                            Text(l.WeightedPipeline),
                            l.PipelineGap is { } gap ? Text(gap) : "-"
                        )
                    )
            );
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    private static string Text(Money m) => m.Amount.ToString(CultureInfo.InvariantCulture) + " " + m.Currency.Code;
}

// The funnel with exchange rates: from a list, the frame's converted column (every deal's amount is converted, so one
// the rates refuse sends the list to the deal code, which throws); from a lazy sequence, deal by deal.
[Collection(FrameSplitting.Name)]
public class ConvertedFunnelTests
{
    private static readonly Gen<Breakdown[]> BreakdownsGen = Gen.Elements<Breakdown[]>(
        [],
        [Breakdown.Owner],
        [Breakdown.Owner, Breakdown.Source]
    );

    [Fact]
    public void FromAList_EqualsTheDealByDealFunnel_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                RatedDeals.Deals.ToArbitrary(),
                RatedDeals.Rates.ToArbitrary(),
                BreakdownsGen.ToArbitrary(),
                (deals, rates, breakdowns) => Same(deals, new FunnelOptions { Rates = rates, Breakdowns = breakdowns })
            )
        );

    [Fact]
    public void SplitAcrossCores_EqualsTheDealByDealFunnel_Property()
    {
        using var _ = DealFrame.SplitFrom(2);
        PropertyAssert.Holds(
            Prop.ForAll(
                RatedDeals.PlainDeals.ToArbitrary(),
                RatedDeals.PlainRates.ToArbitrary(),
                BreakdownsGen.ToArbitrary(),
                (deals, rates, breakdowns) => Same(deals, new FunnelOptions { Rates = rates, Breakdowns = breakdowns })
            )
        );
    }

    [Fact]
    public void PlainDealsAndRates_RunOnTheFrame()
    {
        var lists = RatedDeals.PlainDeals.Sample(30, new Rnd(21UL), 40).Where(d => d.Length > 0).ToArray();
        var rates = RatedDeals.PlainRates.Sample(10, new Rnd(22UL), 40);
        var taken = lists
            .Where(
                (deals, i) =>
                    new FunnelAccumulator(FrameDeals.Pipeline, Currency.USD, new FunnelOptions { Rates = rates[i % rates.Length] }).TryAdd(
                        DealFrame.Of(deals)
                    )
            )
            .Count();
        Assert.True(taken >= lists.Length * 9 / 10, $"the frame kernel ran for {taken} of {lists.Length} lists");
    }

    private static bool Same(Deal[] deals, FunnelOptions options)
    {
        Assert.Equal(
            StintsHostile.Outcome(() => Funnel.Of(deals.Select(d => d), FrameDeals.Pipeline, options)),
            StintsHostile.Outcome(() => Funnel.Of(deals, FrameDeals.Pipeline, options))
        );
        return true;
    }
}

// The customer report with exchange rates: from a list, the frame's converted column (the deal code converts every
// deal, lost ones too, so one the rates refuse sends the list to it); from a lazy sequence, deal by deal.
public class ConvertedCustomerAnalysisTests
{
    private static readonly Gen<Currency> CurrencyGen = Gen.Elements(Currency.USD, Currency.EUR, Currency.GBP);

    private static readonly Gen<Deal[]> Deals =
        from deals in Gen.OneOf(CustomerFrameDeals.WithCustomers, CustomerFrameDeals.PlainWithCustomers)
        from picks in Gen.ArrayOf(CurrencyGen)
        select deals.Select((d, i) => picks.Length == 0 ? d : RatedDeals.In(d, picks[i % picks.Length])).ToArray();

    private static readonly Gen<SalesPipeline.Collections.CollectionSchedule[]> SchedulesGen = Gen.ListOf(
            from contract in Gen.Choose(0, 3)
            from deal in Gen.Choose(0, 30)
            from euro in Gen.Elements(false, true)
            from cents in Gen.Choose(10, 2_000_000)
            from paid in Gen.Choose(0, 3)
            select Schedule(contract, deal, euro, cents, paid)
        )
        .Select(s => s.Take(3).ToArray());

    [Fact]
    public void FromAList_EqualsTheDealByDealReport_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Deals.ToArbitrary(),
                RatedDeals.Rates.ToArbitrary(),
                SchedulesGen.ToArbitrary(),
                (deals, rates, schedules) =>
                {
                    var asOf = new LocalDate(2026, 3, 31);
                    Assert.Equal(
                        StintsHostile.Outcome(() => CustomerAnalysis.Of(deals.Select(d => d), schedules, asOf, rates)),
                        StintsHostile.Outcome(() => CustomerAnalysis.Of(deals, schedules, asOf, rates))
                    );
                    return true;
                }
            )
        );

    // A schedule as CustomerAnalysisFrameTests makes them: of a deal in the list or not, a customer text or nothing.
    private static SalesPipeline.Collections.CollectionSchedule Schedule(int contract, int deal, bool euro, int cents, int paid)
    {
        var total = Money.Of(cents / 100m, euro ? Currency.EUR : Currency.USD);
        SalesPipeline.Collections.ContractInfo? info = contract switch
        {
            0 => null,
            1 => new SalesPipeline.Collections.ContractInfo("K", "Initech", "bob"),
            _ => new SalesPipeline.Collections.ContractInfo("K", "Initech", "bob", new DealId($"D{deal}")),
        };
        var start = new LocalDate(2026, 1, 31);
        var schedule = SalesPipeline.Collections.CollectionSchedule.Create(
            total,
            start,
            Collections.CollectionFixtures.ThirtyThenTwoMonthly(),
            info
        );
        for (var i = 0; i < paid; i++)
        {
            schedule = schedule.Record(
                new SalesPipeline.Collections.Payment($"P{i}", start.PlusDays(1 + i * 20), Money.Of(cents / 10 / 100m, total.Currency))
            );
        }
        return schedule;
    }

    [Fact]
    public void PlainDealsAndRates_RunOnTheFrame()
    {
        var lists = CustomerFrameDeals
            .PlainWithCustomers.Select(d => d.Select((deal, i) => RatedDeals.In(deal, i % 2 == 0 ? Currency.USD : Currency.EUR)).ToArray())
            .Sample(30, new Rnd(31UL), 40)
            .Where(d => d.Length > 0)
            .ToArray();
        var rates = RatedDeals.PlainRates.Sample(10, new Rnd(32UL), 40);
        var taken = lists
            .Where((deals, i) => CustomerAnalysis.TryAddDeals(DealFrame.Of(deals), [], rates[i % rates.Length], out _, out _))
            .Count();
        Assert.True(taken >= lists.Length * 9 / 10, $"the frame kernel ran for {taken} of {lists.Length} lists");
    }
}
