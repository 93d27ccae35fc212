using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Tests.Forecasting;

// A snapshot holds amounts as long minor units; every forecast figure is part of the deals' total, so the deals' amounts
// may add up to at most 10^18 minor units (USD 10,000,000,000,000,000.00; docs/money.md, "Range").
public sealed class ForecastSnapshotRangeTests
{
    private static readonly PipelineDefinition Pipeline = PipelineDefinition.Default;
    private static readonly Instant Opened = Instant.FromUtc(2026, 1, 5, 9, 0);

    private static Deal Open(string id, decimal amount) =>
        Deal.Open(Pipeline, new DealId(id), id, "alice", Money.Of(amount, Currency.USD), new LocalDate(2026, 2, 20), Opened);

    [Fact]
    public void Create_DealsAddingUpBeyondTheLimit_AreRefusedNamingTheDealAndTheLimit()
    {
        // USD 6 x 10^15 twice is USD 1.2 x 10^16 (it used to come out as a forecast no Money could hold).
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            ForecastSnapshot.Create([Open("D-1", 6e15m), Open("D-2", 6e15m)], Pipeline)
        );

        Assert.Contains(
            "Deal D-2 (USD 6,000,000,000,000,000.00) would bring the snapshot's amounts to USD 12,000,000,000,000,000.00",
            e.Message,
            StringComparison.Ordinal
        );
        Assert.Contains("at most USD 10,000,000,000,000,000.00 either way", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_DealsWhoseCentsPassLong_AreRefusedNotOverflowed()
    {
        // Ten deals of USD 10^16 are 10^19 cents, beyond long (a raw OverflowException in the sums before).
        var deals = Enumerable.Range(1, 10).Select(i => Open("D-" + i, 1e16m)).ToArray();

        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Forecast.StageWeighted(ForecastSnapshot.Create(deals, Pipeline), FiscalCalendar.Calendar.Months(2026))
        );
    }

    [Fact]
    public void StageWeighted_ADealOfATrillion_WeighsExactly()
    {
        // USD 10^12 is 10^14 cents; at Prospecting's 10% (100,000 ppm) the weighted sum is 10^19 cent-ppm, beyond long
        // (a raw OverflowException in the snapshot's hot loop before). Weighted: 10^12 x 0.1 = USD 100,000,000,000.00.
        var snapshot = ForecastSnapshot.Create([Open("D-1", 1e12m)], Pipeline);

        var forecast = Forecast.StageWeighted(snapshot, FiscalCalendar.Calendar.Months(2026));

        Assert.Equal(Money.Of(100_000_000_000m, Currency.USD), forecast.Periods[1].Weighted);
        Assert.Equal(forecast, Forecast.StageWeighted([Open("D-1", 1e12m)], Pipeline, FiscalCalendar.Calendar.Months(2026)));
    }

    [Fact]
    public void StageWeighted_FromDeals_TotalBeyondTheLimit_IsRefusedNamingIt()
    {
        // Without a snapshot the sums are decimal; the February total, USD 2 x 10^16, is refused when it becomes a Money.
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            Forecast.StageWeighted([Open("D-1", 1e16m), Open("D-2", 1e16m)], Pipeline, FiscalCalendar.Calendar.Months(2026))
        );

        Assert.Contains("USD 20,000,000,000,000,000.00 is outside the range of Money in USD", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Builder_RefusedDeal_LeavesTheBuilderAsItWas()
    {
        var builder = new ForecastSnapshotBuilder(Pipeline, Currency.USD);
        builder.Add(Open("D-1", 6e15m));

        Assert.Throws<ArgumentOutOfRangeException>(() => builder.Add(Open("D-2", 6e15m)));
        builder.Add(Open("D-3", 4e15m));

        // D-1 and D-3 only: 6 + 4 = 10 (x 10^15), exactly the limit, all in Prospecting (10%), closing in February.
        var forecast = Forecast.StageWeighted(builder.Build(), FiscalCalendar.Calendar.Months(2026));
        Assert.Equal(2, builder.Count);
        Assert.Equal(Money.Of(1e16m, Currency.USD), forecast.Periods[1].OpenAmount);
    }
}
