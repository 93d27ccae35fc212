using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Pipelines;
using SalesPipeline.Targets;

namespace SalesPipeline.Tests.Forecasting;

// Which deals are compared, with which bands and rates, in which order; the bands' own checks.
public sealed partial class ForecastComparisonTests
{
    private static readonly FiscalPeriod March = FiscalCalendar.Calendar.Month(2026, 3);

    private static Deal ClosingOn(string id, LocalDate close, Currency? currency = null) =>
        Deal.Open(Pipeline, new DealId(id), id, "alice", Money.Of(1_000m, currency ?? Currency.USD), close, Start);

    [Fact]
    public void Compare_OnlyOpenDealsClosingInThePeriod_AreCompared()
    {
        Deal[] deals =
        [
            ClosingOn("first-day", new LocalDate(2026, 3, 1)),
            ClosingOn("last-day", new LocalDate(2026, 3, 31)),
            ClosingOn("april", new LocalDate(2026, 4, 1)),
            ClosingOn("february", new LocalDate(2026, 2, 28)),
            Pipeline.Lose(ClosingOn("lost", new LocalDate(2026, 3, 15)), LossReason.Price, Start + Duration.FromDays(1), "alice"),
        ];

        Assert.Equal(["first-day", "last-day"], Forecast.Compare(deals, Pipeline, March).Deals.Select(d => d.DealId.Value));
        Assert.Equal(["first-day", "last-day", "april", "february"], Forecast.Compare(deals, Pipeline).Deals.Select(d => d.DealId.Value));
    }

    [Fact]
    public void Compare_GivenBands_AreUsed()
    {
        // Commit at 80%: inside the default [0.7, 1], 0.1 below a band of [0.9, 1].
        Deal[] deals = [Open("c", 1_000m, ForecastCategory.Commit, 0.8m)];
        var strict = CategoryBands.Default with { Commit = (0.9m, 1m) };

        Assert.Empty(Forecast.Compare(deals, Pipeline).Disagreements);
        Assert.Equal(0.1m, Forecast.Compare(deals, Pipeline, bands: strict).Disagreements.Single().Disagreement);
    }

    [Fact]
    public void Compare_GivenRates_ConvertTheAmounts()
    {
        // EUR 1,000 at 1.10 = USD 1,100; weighted at Prospecting's 10%: 110.
        var rates = ExchangeRates.In(Currency.USD).With(Currency.EUR, 1.10m);

        var row = Forecast
            .Compare([ClosingOn("e", new LocalDate(2026, 3, 5), Currency.EUR)], Pipeline, options: new ForecastOptions { Rates = rates })
            .Deals.Single();

        Assert.Equal(Money.Of(1_100m, Currency.USD), row.Amount);
        Assert.Equal(Money.Of(110m, Currency.USD), row.Weighted);
    }

    [Fact]
    public void Compare_DisagreementsOfEqualAmount_RankByDisagreementThenById()
    {
        // All USD 5,000: Commit at 10% is 0.6 off (a, b, x), Pipeline at 80% 0.2 off (y).
        Deal[] deals =
        [
            Open("y", 5_000m, ForecastCategory.Pipeline, 0.8m),
            Open("x", 5_000m, ForecastCategory.Commit),
            Open("b", 5_000m, ForecastCategory.Commit),
            Open("a", 5_000m, ForecastCategory.Commit),
        ];

        Assert.Equal(["a", "b", "x", "y"], Forecast.Compare(deals, Pipeline).Disagreements.Select(d => d.DealId.Value));
    }

    [Fact]
    public void Compare_NullArguments_AreRefusedByName()
    {
        Deal[] deals = [Open("c", 1_000m, ForecastCategory.Commit)];

        Assert.Equal("deals", Assert.Throws<ArgumentNullException>(() => Forecast.Compare(null!, Pipeline)).ParamName);
        Assert.Equal("pipeline", Assert.Throws<ArgumentNullException>(() => Forecast.Compare(deals, null!)).ParamName);
    }

    [Theory]
    [InlineData(-0.1, 0.5)]
    [InlineData(0.5, 1.1)]
    [InlineData(0.9, 0.8)]
    public void CategoryBands_BandOutsideZeroToOneOrReversed_IsRefusedShowingIt(double min, double max)
    {
        var bands = CategoryBands.Default with { Commit = ((decimal)min, (decimal)max) };

        var ex = Assert.Throws<ArgumentException>(() => bands.Distance(ForecastCategory.Commit, 0.5m));

        Assert.Equal("Commit", ex.ParamName);
        Assert.StartsWith(
            FormattableString.Invariant($"The Commit band [{(decimal)min}, {(decimal)max}] must lie in [0, 1] with its minimum first."),
            ex.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void CategoryBands_ABandOfOnePoint_IsAllowedAndItsEdgesAreInside()
    {
        var point = CategoryBands.Default with { Commit = (0.5m, 0.5m) };

        Assert.Equal(0m, point.Distance(ForecastCategory.Commit, 0.5m));
        Assert.Equal(0.1m, point.Distance(ForecastCategory.Commit, 0.6m));
        Assert.Equal(0.1m, point.Distance(ForecastCategory.Commit, 0.4m));
        Assert.Equal(0m, CategoryBands.Default.Distance(ForecastCategory.Commit, 0.7m));
        Assert.Equal(0m, CategoryBands.Default.Distance(ForecastCategory.Omitted, 0.3m));
    }
}
