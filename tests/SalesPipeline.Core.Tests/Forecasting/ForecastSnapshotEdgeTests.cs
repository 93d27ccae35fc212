using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Tests.Forecasting;

// The snapshot's 128-bit weighted sums, and its refusals: nulls by name, a null zone, the currency text.
public sealed class ForecastSnapshotEdgeTests
{
    private static readonly PipelineDefinition Pipeline = PipelineDefinition.Default;
    private static readonly Instant Start = Instant.FromUtc(2026, 1, 5, 9, 0);
    private static readonly FiscalPeriod[] Months = [.. FiscalCalendar.Calendar.Months(2026)];

    private static Deal Negotiation(string id, decimal amount) =>
        ForecastDeals.WalkedTo(id, "alice", Money.Of(amount, Currency.USD), new LocalDate(2026, 2, 20), "negotiation", Start);

    [Fact]
    public void StageWeighted_WeightedSumsBeyondSixtyFourBits_AreExact()
    {
        // In cents x ppm at Negotiation's 80% (800,000 ppm): USD 10^13 gives 10^15 x 8 x 10^5 = 8 x 10^20, beyond 2^64
        // (1.8 x 10^19); four deals of USD 10^11 add 8 x 10^18 each, carrying out of the low 64 bits on the way.
        // Weighted: 0.8 x (10^13 + 4 x 10^11) = USD 8,320,000,000,000.
        Deal[] deals = [Negotiation("big", 1e13m), .. Enumerable.Range(1, 4).Select(i => Negotiation($"D{i}", 1e11m))];

        var forecast = Forecast.StageWeighted(ForecastSnapshot.Create(deals, Pipeline), Months);

        Assert.Equal(Money.Of(8_320_000_000_000m, Currency.USD), forecast.Periods[1].Weighted);
        Assert.Equal(Forecast.StageWeighted(deals, Pipeline, Months), forecast);
    }

    [Fact]
    public void Snapshot_NullArgumentsAndNullZone_AreRefusedByName()
    {
        var snapshot = ForecastSnapshot.Create([Negotiation("A", 1m)], Pipeline);
        var org = SalesOrg.CreateBuilder("Acme").Team("t", "T").Rep("alice", "Alice", "t").Build();

        Assert.Equal("deals", Assert.Throws<ArgumentNullException>(() => ForecastSnapshot.Create(null!, Pipeline)).ParamName);
        Assert.Equal("pipeline", Assert.Throws<ArgumentNullException>(() => ForecastSnapshot.Create([], null!)).ParamName);
        var zone = Assert.Throws<ArgumentException>(() =>
            ForecastSnapshot.Create([Negotiation("A", 1m)], Pipeline, new ForecastOptions { Zone = null! })
        );
        Assert.Equal("options", zone.ParamName);
        Assert.StartsWith("ForecastOptions.Zone must not be null", zone.Message, StringComparison.Ordinal);
        Assert.Equal("snapshot", Assert.Throws<ArgumentNullException>(() => Forecast.StageWeighted(null!, Months)).ParamName);
        Assert.Equal("snapshot", Assert.Throws<ArgumentNullException>(() => Forecast.ByCategory(null!, Months, org)).ParamName);
        Assert.Equal("organization", Assert.Throws<ArgumentNullException>(() => Forecast.ByCategory(snapshot, Months, null!)).ParamName);
    }

    [Fact]
    public void Builder_NullDealsAndRatesInAnotherCurrency_SayWhich()
    {
        var builder = new ForecastSnapshotBuilder(Pipeline, Currency.USD);

        Assert.Equal("deal", Assert.Throws<ArgumentNullException>(() => builder.Add(null!)).ParamName);
        var nullDeal = Assert.Throws<ArgumentNullException>(() => builder.AddRange([Negotiation("A", 1m), null!]));
        Assert.StartsWith("Deal 1 is null.", nullDeal.Message, StringComparison.Ordinal);
        var rates = Assert.Throws<ArgumentException>(() =>
            new ForecastSnapshotBuilder(Pipeline, Currency.USD, new ForecastOptions { Rates = ExchangeRates.In(Currency.EUR) })
        );
        Assert.StartsWith("The exchange rates report in EUR, but the snapshot is in USD.", rates.Message, StringComparison.Ordinal);
    }
}
