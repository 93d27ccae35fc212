using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;

namespace SalesPipeline.Tests.Forecasting;

// The back-test's edges: the day a forecast is made, the options it uses, and its refusals with their texts.
public sealed partial class ForecastBacktestTests
{
    // Open on Feb 20: P 8,000 in Prospecting (10%, Pipeline) and N 20,000 in Negotiation (80%, Commit), both for March.
    private static Deal[] MarchPipeline() =>
        [
            Deal.Open(Pipeline, new DealId("P"), "P", "alice", Usd(8_000m), new LocalDate(2026, 3, 20), On(2, 20)),
            ToStage("N", 20_000m, new LocalDate(2026, 3, 25), "negotiation", On(2, 20)),
        ];

    [Fact]
    public void Run_PipelineCumulative_IsBestCaseCumulativePlusPipeline()
    {
        // Best case (cum) = Commit 20,000 (no Closed or BestCase); Pipeline (cum) = 20,000 + 8,000 = 28,000.
        var row = ForecastBacktest.Run(MarchPipeline(), Pipeline, [BacktestPoint.AtStartOf(March)]).Rows[0];

        Assert.Equal(Usd(20_000m), row.BestCaseCumulative);
        Assert.Equal(Usd(28_000m), row.PipelineCumulative);
        // Stage-weighted: 8,000 x 0.1 + 20,000 x 0.8 = 16,800.
        Assert.Equal(Usd(16_800m), row.StageWeighted);
    }

    [Fact]
    public void Run_DealOpenedAtTheVeryStartOfTheForecastDay_IsNotYetKnown()
    {
        // Opened at 2026-03-01T00:00Z: a forecast made "on" March 1 is made before any event of that day.
        var midnight = Deal.Open(
            Pipeline,
            new DealId("M"),
            "M",
            "alice",
            Usd(1_000m),
            new LocalDate(2026, 3, 20),
            Instant.FromUtc(2026, 3, 1, 0, 0)
        );
        var options = new ForecastOptions { Rates = ExchangeRates.In(Currency.USD) };

        var row = ForecastBacktest.Run([midnight], Pipeline, [BacktestPoint.AtStartOf(March)], options).Rows[0];

        Assert.Equal(Usd(0m), row.StageWeighted);
        Assert.Equal(Usd(0m), row.PipelineCumulative);
    }

    [Fact]
    public void Run_OptionsRates_ConvertTheDealsIntoTheirReportingCurrency()
    {
        // Two EUR deals in Prospecting (10%), 8,000 and 12,000, reported in USD at 1.10: weighted 2,000 EUR = 2,200 USD;
        // Pipeline (cum) 20,000 EUR = 22,000 USD.
        var rates = ExchangeRates.In(Currency.USD).With(Currency.EUR, 1.10m);
        Deal[] deals =
        [
            Deal.Open(Pipeline, new DealId("P"), "P", "alice", Money.Of(8_000m, Currency.EUR), new LocalDate(2026, 3, 20), On(2, 20)),
            Deal.Open(Pipeline, new DealId("Q"), "Q", "alice", Money.Of(12_000m, Currency.EUR), new LocalDate(2026, 3, 21), On(2, 20)),
        ];

        var result = ForecastBacktest.Run(deals, Pipeline, [BacktestPoint.AtStartOf(March)], new ForecastOptions { Rates = rates });

        Assert.Equal(Currency.USD, result.Currency);
        Assert.Equal(Usd(2_200m), result.Rows[0].StageWeighted);
        Assert.Equal(Usd(22_000m), result.Rows[0].PipelineCumulative);
    }

    [Fact]
    public void Run_DistributionOptions_AreUsedForTheRange()
    {
        // 150.01 and 250 on at most 64 grid points: a split grid whose percentiles differ from the exact ones (the cent
        // lattice of the defaults); the back-test's are those of the same options.
        Deal[] deals =
        [
            Deal.Open(Pipeline, new DealId("X"), "X", "alice", Usd(150.01m), new LocalDate(2026, 3, 20), On(2, 20)),
            Deal.Open(Pipeline, new DealId("Y"), "Y", "alice", Usd(250m), new LocalDate(2026, 3, 21), On(2, 20)),
        ];
        var coarse = new DistributionOptions { MaxGridPoints = 64 };
        var asOf = new ForecastOptions { AsOf = March.Start };

        var row = ForecastBacktest.Run(deals, Pipeline, [BacktestPoint.AtStartOf(March)], distribution: coarse).Rows[0];

        var expected = Forecast.Distribution(deals, Pipeline, March, coarse with { Forecast = asOf });
        var exact = Forecast.Distribution(deals, Pipeline, March, new DistributionOptions { Forecast = asOf });
        Assert.NotEqual(exact.P90, expected.P90);
        Assert.Equal((expected.P10, expected.P50, expected.P90), (row.P10, row.P50, row.P90));
    }

    [Fact]
    public void BacktestPoint_OnTheLastDayOfThePeriod_IsAllowed_AndTheDayAfterIsRefusedWithTheDates()
    {
        var lastDay = new BacktestPoint(new LocalDate(2026, 3, 31), March);
        var ex = Assert.Throws<ArgumentException>(() => new BacktestPoint(new LocalDate(2026, 4, 1), March));

        Assert.Equal(new LocalDate(2026, 3, 31), lastDay.ForecastDate);
        Assert.StartsWith(
            $"A forecast made on 2026-04-01 cannot be for {March}, which ended before it.",
            ex.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Run_NullOrEmptyArguments_AreRefusedByName()
    {
        BacktestPoint[] points = [BacktestPoint.AtStartOf(March)];

        Assert.Equal("pipeline", Assert.Throws<ArgumentNullException>(() => ForecastBacktest.Run(History(), null!, points)).ParamName);
        Assert.Equal("points", Assert.Throws<ArgumentNullException>(() => ForecastBacktest.Run(History(), Pipeline, null!)).ParamName);
        var empty = Assert.Throws<ArgumentException>(() => ForecastBacktest.Run(History(), Pipeline, []));
        Assert.StartsWith("A back-test needs at least one point; the list was empty.", empty.Message, StringComparison.Ordinal);
        var zone = Assert.Throws<ArgumentException>(() =>
            ForecastBacktest.Run(History(), Pipeline, points, new ForecastOptions { Zone = null! })
        );
        Assert.Equal("options", zone.ParamName);
    }
}
