using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Tests.Forecasting;

// Lookups, labels, equality field by field, and the accumulator's refusals with their texts.
public sealed partial class StageWeightedForecastTests
{
    private static readonly SalesOrg Acme = SalesOrg
        .CreateBuilder("Acme")
        .Team("emea", "EMEA")
        .Team("dach", "DACH", parent: "emea")
        .Rep("alice", "Alice", "dach")
        .Rep("bob", "Bob", "emea")
        .Build();

    // alice has a deal in February only, bob one in March only.
    private static StageWeightedForecast AliceFebruaryBobMarch() =>
        Forecast.StageWeighted(
            [
                DealIn("A", "proposal", 10_000m, new LocalDate(2026, 2, 10), owner: "alice"),
                DealIn("B", "negotiation", 10_000m, new LocalDate(2026, 3, 12), owner: "bob"),
            ],
            Pipeline,
            Q1Months,
            new ForecastOptions { Organization = Acme }
        );

    [Fact]
    public void Lookups_NullArguments_AreRefusedByName()
    {
        var f = AliceFebruaryBobMarch();
        var feb = Q1Months[1];

        Assert.Equal("period", Assert.Throws<ArgumentNullException>(() => f[null!]).ParamName);
        Assert.Equal("period", Assert.Throws<ArgumentNullException>(() => f.TryGet(null!, out _)).ParamName);
        Assert.Equal("period", Assert.Throws<ArgumentNullException>(() => f.Owner(null!, "alice")).ParamName);
        Assert.Equal("owner", Assert.Throws<ArgumentNullException>(() => f.Owner(feb, null!)).ParamName);
        Assert.Equal("period", Assert.Throws<ArgumentNullException>(() => f.TryGetOwner(null!, "alice", out _)).ParamName);
        Assert.Equal("owner", Assert.Throws<ArgumentNullException>(() => f.TryGetOwner(feb, null!, out _)).ParamName);
        Assert.Equal("period", Assert.Throws<ArgumentNullException>(() => f.Team(null!, "emea")).ParamName);
        Assert.Equal("teamId", Assert.Throws<ArgumentNullException>(() => f.Team(feb, null!)).ParamName);
        Assert.Equal("period", Assert.Throws<ArgumentNullException>(() => f.TryGetTeam(null!, "emea", out _)).ParamName);
        Assert.Equal("teamId", Assert.Throws<ArgumentNullException>(() => f.TryGetTeam(feb, null!, out _)).ParamName);
    }

    [Fact]
    public void Lookups_MissingOwnerOrTeam_ListOnlyThatPeriodsRows()
    {
        var f = AliceFebruaryBobMarch();

        // February has alice only; the teams have a line in every period.
        Assert.Equal(
            "The forecast for 2026-02 by owner has no row \"carol\"; it has \"alice\".",
            Assert.Throws<KeyNotFoundException>(() => f.Owner(Q1Months[1], "carol")).Message
        );
        Assert.Equal(
            "The forecast for 2026-03 by owner has no row \"carol\"; it has \"bob\".",
            Assert.Throws<KeyNotFoundException>(() => f.Owner(Q1Months[2], "carol")).Message
        );
        Assert.Equal(
            "The forecast for 2026-02 by team has no row \"apac\"; it has \"emea\", \"dach\".",
            Assert.Throws<KeyNotFoundException>(() => f.Team(Q1Months[1], "apac")).Message
        );
    }

    [Fact]
    public void Lines_AreLabelledWithThePeriodAndTheOwnerOrTeamName()
    {
        var f = AliceFebruaryBobMarch();

        Assert.Equal("2026-02 alice", f.Owner(Q1Months[1], "alice").Label);
        Assert.Equal("2026-02 DACH", f.Team(Q1Months[1], "dach").Label);
        Assert.Equal("2026-03 EMEA", f.Team(Q1Months[2], "emea").Label);
    }

    [Theory]
    [InlineData("periods")]
    [InlineData("overdue")]
    [InlineData("outside")]
    [InlineData("total")]
    [InlineData("byTeam")]
    [InlineData("byOwner")]
    public void Equals_TwoForecastsDifferingInOneField_AreUnequal(string field)
    {
        var f = AliceFebruaryBobMarch();
        var line = f.Total with { OpenDeals = f.Total.OpenDeals + 1 };
        var same = Copy(f);
        var changed = field switch
        {
            "periods" => Copy(f, periods: [.. f.Periods.Take(2), line]),
            "overdue" => Copy(f, overdue: line),
            "outside" => Copy(f, outside: line),
            "total" => Copy(f, total: line),
            "byTeam" => Copy(f, byTeam: [.. f.ByTeam.Take(1), line]),
            _ => Copy(f, byOwner: [line]),
        };

        Assert.True(f.Equals(same));
        Assert.False(f.Equals(changed));
        Assert.False(changed.Equals(f));
        Assert.False(f.Equals(null));
    }

    private static StageWeightedForecast Copy(
        StageWeightedForecast f,
        IReadOnlyList<WeightedLine>? periods = null,
        WeightedLine? overdue = null,
        WeightedLine? outside = null,
        WeightedLine? total = null,
        IReadOnlyList<WeightedLine>? byTeam = null,
        IReadOnlyList<WeightedLine>? byOwner = null
    ) =>
        new(
            f.Currency,
            periods ?? [.. f.Periods],
            overdue ?? f.Overdue,
            outside ?? f.OutsidePeriods,
            total ?? f.Total,
            () => byOwner ?? [.. f.ByOwner],
            byTeam ?? [.. f.ByTeam]
        );

    [Theory]
    [InlineData("pipeline")]
    [InlineData("currency")]
    [InlineData("options")]
    [InlineData("periods")]
    public void Accumulator_MergeOfAnotherSetup_IsRefusedNamingTheDifference(string part)
    {
        var accumulator = new StageWeightedAccumulator(Pipeline, Q1Months, Currency.USD);
        var other = part switch
        {
            "pipeline" => new StageWeightedAccumulator(
                PipelineDefinition.CreateBuilder("Other").Stage("Only", 0.5m).Won("Won").Lost("Lost").Build(),
                Q1Months,
                Currency.USD
            ),
            "currency" => new StageWeightedAccumulator(Pipeline, Q1Months, Currency.EUR),
            "options" => new StageWeightedAccumulator(
                Pipeline,
                Q1Months,
                Currency.USD,
                new ForecastOptions { Zone = DateTimeZoneProviders.Tzdb["Europe/Berlin"] }
            ),
            _ => new StageWeightedAccumulator(Pipeline, Q1Months.Take(2), Currency.USD),
        };

        var ex = Assert.Throws<ArgumentException>(() => accumulator.Merge(other));

        Assert.Equal("other", ex.ParamName);
        Assert.StartsWith(
            $"Only accumulators set up alike can be merged; these two differ in the {part}.",
            ex.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Accumulator_NullsAndNullZone_AreRefusedByName()
    {
        var accumulator = new StageWeightedAccumulator(Pipeline, Q1Months, Currency.USD);

        Assert.Equal("deal", Assert.Throws<ArgumentNullException>(() => accumulator.Add(null!)).ParamName);
        Assert.Equal("other", Assert.Throws<ArgumentNullException>(() => accumulator.Merge(null!)).ParamName);
        var nullDeal = Assert.Throws<ArgumentNullException>(() =>
            accumulator.AddRange([DealIn("A", "proposal", 1m, new LocalDate(2026, 2, 10)), null!])
        );
        Assert.StartsWith("Deal 1 is null.", nullDeal.Message, StringComparison.Ordinal);
        var zone = Assert.Throws<ArgumentException>(() =>
            new StageWeightedAccumulator(Pipeline, Q1Months, Currency.USD, new ForecastOptions { Zone = null! })
        );
        Assert.Equal("options", zone.ParamName);
        Assert.StartsWith("ForecastOptions.Zone must not be null", zone.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StageWeighted_NoDealsAndNoRates_SaysHowToNameTheCurrency()
    {
        var ex = Assert.Throws<ArgumentException>(() => Forecast.StageWeighted([], Pipeline, Q1Months));

        Assert.StartsWith(
            "There are no deals to tell the reporting currency from; pass ForecastOptions.Rates",
            ex.Message,
            StringComparison.Ordinal
        );
    }

    // Period edges: the first and last day of a period, a gap between periods, periods given out of order.
    [Fact]
    public void StageWeighted_PeriodsOutOfOrderWithAGap_PlaceEachDayInItsPeriodAndTheGapOutside()
    {
        // March then January (February between them is in no period). Negotiation is 80%.
        FiscalPeriod[] periods = [Q1Months[2], Q1Months[0]];
        Deal[] deals =
        [
            DealIn("jan-1", "negotiation", 1_000m, new LocalDate(2026, 1, 1)),
            DealIn("jan-31", "negotiation", 2_000m, new LocalDate(2026, 1, 31)),
            DealIn("feb-15", "negotiation", 4_000m, new LocalDate(2026, 2, 15)),
            DealIn("mar-1", "negotiation", 8_000m, new LocalDate(2026, 3, 1)),
            DealIn("mar-31", "negotiation", 16_000m, new LocalDate(2026, 3, 31)),
            DealIn("apr-1", "negotiation", 32_000m, new LocalDate(2026, 4, 1)),
        ];

        var forecast = Forecast.StageWeighted(deals, Pipeline, periods, new ForecastOptions { AsOf = new LocalDate(2026, 1, 1) });
        var snapshot = Forecast.StageWeighted(ForecastSnapshot.Create(deals, Pipeline), periods, new LocalDate(2026, 1, 1));

        // March: 8,000 + 16,000 = 24,000 -> 19,200; January: 1,000 + 2,000 = 3,000 -> 2,400; outside: 4,000 + 32,000.
        Assert.Equal(
            (2, Usd(24_000m), Usd(19_200m)),
            (forecast.Periods[0].OpenDeals, forecast.Periods[0].OpenAmount, forecast.Periods[0].Weighted)
        );
        Assert.Equal(
            (2, Usd(3_000m), Usd(2_400m)),
            (forecast.Periods[1].OpenDeals, forecast.Periods[1].OpenAmount, forecast.Periods[1].Weighted)
        );
        Assert.Equal((2, Usd(36_000m)), (forecast.OutsidePeriods.OpenDeals, forecast.OutsidePeriods.OpenAmount));
        Assert.Equal(0, forecast.Overdue.OpenDeals);
        Assert.Equal(forecast, snapshot);
    }
}
