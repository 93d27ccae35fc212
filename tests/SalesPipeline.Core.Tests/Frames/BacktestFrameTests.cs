using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Tests.Frames;

// The back-test replays each point on the frame of the deals as they were then (DealFrame.AsOf, made from the
// frame's columns) and sums the actual revenue off the event rows; before, it rebuilt every deal per point and built a
// frame per point. The old code is kept below as the oracle: the result must be the same to the last figure, or the
// same exception.
public class BacktestFrameTests
{
    private static readonly FiscalPeriod[] Months = [.. FiscalCalendar.Calendar.Months(2026).Take(8)];

    private static readonly Gen<BacktestPoint[]> PointsGen = Gen.ListOf(
            from month in Gen.Choose(0, Months.Length - 1)
            from before in Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Choose(1, 40)))
            select new BacktestPoint(Months[month].Start.PlusDays(-before), Months[month])
        )
        .Select(points => points.Take(4).ToArray())
        .Where(points => points.Length > 0);

    private static readonly Gen<(ForecastOptions Options, DistributionOptions Distribution)> OptionsGen =
        from zone in Gen.Elements("UTC", "Europe/Berlin", "America/Santiago", "Pacific/Apia")
        from rates in Gen.Frequency((6, Gen.Constant(0)), (1, Gen.Constant(1)), (1, Gen.Constant(2)))
        from monteCarlo in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        select (
            new ForecastOptions
            {
                Zone = DateTimeZoneProviders.Tzdb[zone],
                Rates = rates switch
                {
                    0 => null,
                    1 => ExchangeRates.In(Currency.USD),
                    _ => ExchangeRates.In(Currency.USD).With(Currency.EUR, 1.5m),
                },
            },
            new DistributionOptions { Method = monteCarlo ? DistributionMethod.MonteCarlo : DistributionMethod.Exact, Trials = 200 }
        );

    [Fact]
    public void Run_EqualsTheDealByDealBacktest_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                FrameDeals.Deals.ToArbitrary(),
                PointsGen.ToArbitrary(),
                OptionsGen.ToArbitrary(),
                (deals, points, options) => Same(deals, points, options)
            )
        );

    [Fact]
    public void Run_PlainDeals_EqualsTheDealByDealBacktest_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                FrameDeals.PlainDeals.ToArbitrary(),
                PointsGen.ToArbitrary(),
                OptionsGen.ToArbitrary(),
                (deals, points, options) => Same(deals, points, options)
            )
        );

    [Fact]
    public void Run_HostileHistories_EqualsTheDealByDealBacktest_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                StintsHostile.RandomDeals.ToArbitrary(),
                PointsGen.ToArbitrary(),
                OptionsGen.ToArbitrary(),
                (deals, points, options) => Same(deals, points, options)
            )
        );

    [Fact]
    public void Run_OnAListWithoutDealObjects_EqualsTheDealByDealBacktest_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Gen.OneOf(FrameDeals.Deals, StintsHostile.RandomDeals).ToArbitrary(),
                PointsGen.ToArbitrary(),
                OptionsGen.ToArbitrary(),
                (deals, points, options) =>
                {
                    // What an import returns: the list of a frame that keeps only the histories (built in parts or not).
                    var imported = DealFrameBuilder.Build(deals, DealFrameBuilder.Keeping.History).DealList;
                    var expected = StintsHostile.Outcome(() =>
                        OldBacktest.Run(deals, FrameDeals.Pipeline, points, options.Options, options.Distribution)
                    );
                    var actual = StintsHostile.Outcome(() =>
                        ForecastBacktest.Run(imported, FrameDeals.Pipeline, points, options.Options, options.Distribution)
                    );
                    Assert.Equal(expected, actual);
                }
            )
        );

    private static readonly Gen<Func<Deal[], Instant>> InstantGen = FrameDeals.InstantNear(4000);

    [Fact]
    public void AsOf_IsTheFrameOfTheDealsAsTheyWere_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Gen.OneOf(FrameDeals.Deals, StintsHostile.RandomDeals).Where(d => d.Length > 0).ToArbitrary(),
                InstantGen.ToArbitrary(),
                (deals, instantOf) => SameFrame(deals, instantOf(deals))
            )
        );

    [Fact]
    public void PlainDeals_RunOnTheFrame()
    {
        // Not vacuous: for plain deals the past frame is made, the forecasts' kernels take it without rates, and the
        // actual revenue comes off the frame.
        var lists = FrameDeals.PlainDeals.Sample(30, new Rnd(20261206UL), 40).Where(d => d.Length > 0).ToArray();
        var period = Months[2];
        var then = period.Start.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant() - Duration.Epsilon;
        var end = period.End.PlusDays(1).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant() - Duration.Epsilon;
        var taken = 0;
        foreach (var deals in lists)
        {
            var frame = DealFrame.Of(deals);
            var past = frame.AsOf(then);
            var weighted = new StageWeightedAccumulator(
                FrameDeals.Pipeline,
                [period],
                Currency.USD,
                new ForecastOptions { AsOf = period.Start }
            );
            var actual = ForecastBacktest.TryActual(frame, end, period, DateTimeZone.Utc, ExchangeRates.In(Currency.USD));
            taken += past is { Count: > 0 } && weighted.TryAdd(past) && actual is not null ? 1 : 0;
        }
        Assert.True(taken >= lists.Length * 8 / 10, $"the frame path ran for {taken} of {lists.Length} lists");
    }

    [Fact]
    public void AsOf_KeepsTheStateThen_AsWorkedOut()
    {
        // D1, created 2026-01-05 09:00 for bob (USD 100.00, close 2026-03-01), is reassigned to erin on 01-10 and its
        // amount becomes USD 250.000 on 01-12. D2 is created on 01-10 09:00; D3 on 01-06 has no later event.
        // As of 2026-01-09 00:00: D1 is bob's at USD 100.00 (rebuilt), D2 does not exist yet, D3 is copied. The frame's
        // owners are "bob" and "carol" only (erin owns nothing then, dave's deal is not there), one event per deal.
        var t0 = FrameDeals.T0;
        var d1 = Deal.FromEvents([
            FrameDeals.Created("D1", t0, "bob", 100.00m),
            new OwnerReassigned(new DealId("D1"), t0 + Duration.FromDays(5), "alice", "erin"),
            new AmountChanged(new DealId("D1"), t0 + Duration.FromDays(7), "alice", Money.Of(250.000m, Currency.USD)),
        ]);
        var d2 = Deal.FromEvents([FrameDeals.Created("D2", t0 + Duration.FromDays(5), "dave", 5m)]);
        var d3 = Deal.FromEvents([FrameDeals.Created("D3", t0 + Duration.FromDays(1), "carol", 7.5m)]);
        var instant = Instant.FromUtc(2026, 1, 9, 0, 0);

        var past = DealFrame.Of([d1, d2, d3]).AsOf(instant)!;

        Assert.Equal(["bob", "carol"], past.OwnerKeys);
        Assert.Equal([0, 1], past.OwnerKey);
        Assert.Equal([10000L, 75L], past.AmountMantissa);
        Assert.Equal([(byte)2, (byte)1], past.AmountScale);
        Assert.Equal([0, 1, 2], past.EventStart);
        Assert.Same(d3, past.DealAt(1));
        Assert.Equal(100.00m, past.DealAt(0).Amount.Amount);
        AssertSameColumns(DealFrame.Of([d1.AsOf(instant), d3]), past);
    }

    [Fact]
    public void Actual_CountsWhatWasWonThen_AsWorkedOut()
    {
        // February 2026 (UTC). A (USD 300.00) won on 02-10 and reopened on 03-02 counts for February, as it did then. B
        // (USD 40.5) won on 02-20, reopened on 03-03, changed to USD 99 on 03-04 and won again on 03-05: February counts
        // its amount then, 40.5. C won on 03-01 00:00 is March's. Actual = 300.00 + 40.5 = USD 340.50.
        var t0 = FrameDeals.T0;
        var open = FrameDeals.Pipeline.OpenStages[0].Id;
        var a = Deal.FromEvents([
            FrameDeals.Created("A", t0, "bob", 300.00m),
            new DealWon(new DealId("A"), Instant.FromUtc(2026, 2, 10, 12, 0), "bob", "won"),
            new DealReopened(new DealId("A"), Instant.FromUtc(2026, 3, 2, 12, 0), "bob", open),
        ]);
        var b = Deal.FromEvents([
            FrameDeals.Created("B", t0, "bob", 40.5m),
            new DealWon(new DealId("B"), Instant.FromUtc(2026, 2, 20, 12, 0), "bob", "won"),
            new DealReopened(new DealId("B"), Instant.FromUtc(2026, 3, 3, 12, 0), "bob", open),
            new AmountChanged(new DealId("B"), Instant.FromUtc(2026, 3, 4, 12, 0), "bob", Money.Of(99m, Currency.USD)),
            new DealWon(new DealId("B"), Instant.FromUtc(2026, 3, 5, 12, 0), "bob", "won"),
        ]);
        var c = Deal.FromEvents([
            FrameDeals.Created("C", t0, "bob", 1m),
            new DealWon(new DealId("C"), Instant.FromUtc(2026, 3, 1, 0, 0), "bob", "won"),
        ]);
        var end = Instant.FromUtc(2026, 3, 1, 0, 0) - Duration.Epsilon;

        var actual = ForecastBacktest.TryActual(DealFrame.Of([a, b, c]), end, Months[1], DateTimeZone.Utc, ExchangeRates.In(Currency.USD));

        Assert.Equal("340.50", actual!.Amount.ToString(CultureInfo.InvariantCulture));
    }

    private static bool Same(Deal[] deals, BacktestPoint[] points, (ForecastOptions Options, DistributionOptions Distribution) setup)
    {
        var expected = StintsHostile.Outcome(() => OldBacktest.Run(deals, FrameDeals.Pipeline, points, setup.Options, setup.Distribution));
        var actual = StintsHostile.Outcome(() =>
            ForecastBacktest.Run(deals, FrameDeals.Pipeline, points, setup.Options, setup.Distribution)
        );
        Assert.Equal(expected, actual);
        return true;
    }

    private static bool SameFrame(Deal[] deals, Instant instant)
    {
        var frame = DealFrame.Of(deals);
        var past = frame.AsOf(instant);
        if (!frame.Exactness.WholeTicks)
        {
            Assert.Null(past);
            return true;
        }
        var then = deals.Select(d => d.TryAsOf(instant, out var was) ? was : null).OfType<Deal>().ToArray();
        Assert.NotNull(past);
        Assert.Equal(then, past.DealList);
        AssertSameColumns(DealFrame.Of(then), past);
        return true;
    }

    private static void AssertSameColumns(DealFrame expected, DealFrame actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.Pipelines, actual.Pipelines);
        Assert.Equal(expected.Pipeline, actual.Pipeline);
        Assert.Equal(expected.Stages, actual.Stages);
        Assert.Equal(expected.Stage, actual.Stage);
        Assert.Equal(expected.AmountMantissa, actual.AmountMantissa);
        Assert.Equal(expected.AmountScale, actual.AmountScale);
        Assert.Equal(expected.AmountCurrency, actual.AmountCurrency);
        Assert.Equal(expected.Currencies, actual.Currencies);
        Assert.Equal(expected.ExpectedCloseDay, actual.ExpectedCloseDay);
        Assert.Equal(expected.FirstExpectedCloseDay, actual.FirstExpectedCloseDay);
        Assert.Equal(expected.OwnerKeys, actual.OwnerKeys);
        Assert.Equal(expected.OwnerKey, actual.OwnerKey);
        Assert.Equal(expected.CreatedAt, actual.CreatedAt);
        Assert.Equal(expected.DecidedAt, actual.DecidedAt);
        Assert.Equal(expected.ProbabilityOverride, actual.ProbabilityOverride);
        Assert.Equal(
            expected.ProbabilityOverrides.Select(p => p.ToString(CultureInfo.InvariantCulture)),
            actual.ProbabilityOverrides.Select(p => p.ToString(CultureInfo.InvariantCulture))
        );
        Assert.Equal(expected.CategoryOverride, actual.CategoryOverride);
        Assert.Equal(expected.EventStart, actual.EventStart);
        Assert.Equal(expected.EventAt, actual.EventAt);
        Assert.Equal(expected.EventKind, actual.EventKind);
        Assert.Equal(expected.EventArg, actual.EventArg);
        Assert.Equal(expected.EventAux, actual.EventAux);
        Assert.Equal(expected.Exactness, actual.Exactness);
    }

    // ForecastBacktest.Run as it was before the frame (948174b), the oracle. The forecasts get lazy sequences, so they
    // run deal by deal as the old code's did (it always passed rates, which the frame kernels leave to the deal code).
    private static class OldBacktest
    {
        public static BacktestResult Run(
            IEnumerable<Deal> deals,
            PipelineDefinition pipeline,
            IEnumerable<BacktestPoint> points,
            ForecastOptions? options = null,
            DistributionOptions? distribution = null
        )
        {
            ArgumentNullException.ThrowIfNull(deals);
            ArgumentNullException.ThrowIfNull(pipeline);
            ArgumentNullException.ThrowIfNull(points);
            var list = deals.ToArray();
            var pointList = points.ToArray();
            if (pointList.Length == 0)
            {
                throw new ArgumentException("A back-test needs at least one point; the list was empty.", nameof(points));
            }
            options ??= ForecastOptions.Default;
            options.Check(nameof(options));
            var currency = Forecast.ReportingCurrency(list, options.Rates, nameof(deals));
            var rates = options.Rates ?? ExchangeRates.In(currency);
            distribution ??= DistributionOptions.Default;
            var everyone = SalesOrg.CreateBuilder("(all)").Build();
            var rows = new List<BacktestRow>();
            foreach (var point in pointList)
            {
                var forecastOptions = options with { Rates = rates, AsOf = point.ForecastDate, Organization = null };
                var then = StartOf(point.ForecastDate, options.Zone);
                var dealsThen = list.Select(d => d.TryAsOf(then, out var past) ? past : null).OfType<Deal>().ToArray();
                var weighted = Forecast
                    .StageWeighted(dealsThen.Select(d => d), pipeline, [point.Period], forecastOptions)
                    .Periods[0]
                    .Expected;
                var categories = Forecast
                    .ByCategory(dealsThen.Select(d => d), pipeline, [point.Period], everyone, null, forecastOptions)
                    .Lines[0]
                    .Gross;
                var range = Forecast.Distribution(
                    dealsThen.Select(d => d),
                    pipeline,
                    point.Period,
                    distribution with
                    {
                        Forecast = forecastOptions,
                    }
                );
                var end = StartOf(point.Period.End.PlusDays(1), options.Zone);
                var actual = list.Select(d => d.TryAsOf(end, out var past) ? past : null)
                    .OfType<Deal>()
                    .Where(d => d.Status == DealStatus.Won && point.Period.Contains(PeriodIndex.DecidingDate(d, options.Zone)))
                    .Aggregate(Money.Zero(currency), (sum, d) => sum + rates.Convert(d.Amount));
                rows.Add(
                    new BacktestRow(
                        point.ForecastDate,
                        point.Period,
                        actual,
                        weighted,
                        categories.CommitCumulative,
                        categories.BestCaseCumulative,
                        categories.BestCaseCumulative + categories.Pipeline,
                        range.P10,
                        range.P50,
                        range.P90
                    )
                );
            }
            MethodAccuracy Accuracy(string name, Func<BacktestRow, Money> forecast)
            {
                var errors = rows.Select(r => forecast(r).Amount - r.Actual.Amount).ToArray();
                return new MethodAccuracy(
                    name,
                    errors.Average(),
                    errors.Average(Math.Abs),
                    Math.Sqrt(errors.Average(e => (double)e * (double)e))
                );
            }
            MethodAccuracy[] methods =
            [
                Accuracy("Stage-weighted", r => r.StageWeighted),
                Accuracy("Commit (cumulative)", r => r.CommitCumulative),
                Accuracy("Best case (cumulative)", r => r.BestCaseCumulative),
                Accuracy("Pipeline (cumulative)", r => r.PipelineCumulative),
                Accuracy("Distribution P50", r => r.P50),
            ];
            return new BacktestResult(
                currency,
                rows.AsReadOnly(),
                Array.AsReadOnly(methods),
                rows.Count(r => r.WithinP10ToP90) / (double)rows.Count
            );
        }

        private static Instant StartOf(LocalDate date, DateTimeZone zone) => date.AtStartOfDayInZone(zone).ToInstant() - Duration.Epsilon;
    }
}
