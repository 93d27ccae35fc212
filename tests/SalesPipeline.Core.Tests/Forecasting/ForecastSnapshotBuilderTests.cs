using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Tests.Forecasting;

public sealed class ForecastSnapshotBuilderTests
{
    private static readonly PipelineDefinition Pipeline = PipelineDefinition.Default;
    private static readonly Instant Start = Instant.FromUtc(2026, 1, 5, 9, 0);
    private static readonly IReadOnlyList<FiscalPeriod> Q1Months = [.. FiscalCalendar.Calendar.Months(2026).Take(3)];

    // Open deals in any open stage, some won and some lost, owners out of ordinal order, amounts in USD or EUR.
    private static readonly Gen<Deal[]> RandomDeals =
        from specs in Gen.ListOf(
            from stage in Gen.Choose(0, 3)
            from cents in Gen.Choose(0, 50_000_000)
            from day in Gen.Choose(0, 120)
            from owner in Gen.Elements("carol", "alice", "Bob", "bob")
            from end in Gen.Choose(0, 5)
            from euro in Gen.Elements(false, false, true)
            select (stage, cents, day, owner, end, euro)
        )
        select specs
            .Select(
                (s, i) =>
                {
                    var deal = ForecastDeals.WalkedTo(
                        $"D{i}",
                        s.owner,
                        Money.Of(s.cents / 100m, s.euro ? Currency.EUR : Currency.USD),
                        new LocalDate(2025, 12, 15).PlusDays(s.day),
                        Pipeline.OpenStages[s.stage].Id,
                        Start
                    );
                    var at = deal.LastEventAt + Duration.FromDays(s.day % 30);
                    return s.end switch
                    {
                        0 => Pipeline.Lose(deal, LossReason.Price, at, "x"),
                        1 when deal.StageId == "negotiation" => Pipeline.Win(deal, at, "x"),
                        _ => deal,
                    };
                }
            )
            .ToArray();

    // EUR at exactly 2 USD, so converted cents stay whole cents: the snapshot then owes the deal-based forecasts every
    // figure exactly (ForecastSnapshot's remarks), and they are an independent reference for every column.
    private static readonly ForecastOptions Options = new()
    {
        Rates = ExchangeRates.In(Currency.USD).With(Currency.EUR, 2m),
        AsOf = new LocalDate(2026, 1, 20),
    };

    private static readonly SalesOrg Org = SalesOrg
        .CreateBuilder("Acme")
        .Team("emea", "EMEA", lead: "carol")
        .Rep("carol", "Carol", "emea")
        .Rep("alice", "Alice", "emea")
        .Rep("bob", "Bob", "emea")
        .Build();

    [Fact]
    public void Deal_by_deal_the_builder_makes_the_forecasts_the_deals_make_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                RandomDeals.ToArbitrary(),
                deals =>
                {
                    var builder = new ForecastSnapshotBuilder(Pipeline, Currency.USD, Options);
                    foreach (var deal in deals)
                    {
                        builder.Add(deal);
                    }
                    var built = builder.Build();
                    // Amounts, probabilities, dates, kinds and owners show in the stage-weighted forecast (by period and
                    // by owner); categories in the category forecast ("Bob" is outside the organization).
                    return built.Count == deals.Count(d => d.Status != DealStatus.Lost)
                        && built.Count == builder.Count
                        && built.Owners.SequenceEqual(
                            deals.Where(d => d.Status != DealStatus.Lost).Select(d => d.Owner).Distinct().Order(StringComparer.Ordinal)
                        )
                        && Forecast.StageWeighted(built, Q1Months, Options.AsOf)
                            == Forecast.StageWeighted(deals, Pipeline, Q1Months, Options)
                        && Forecast.ByCategory(built, Q1Months, Org, asOf: Options.AsOf).ToString()
                            == Forecast.ByCategory(deals, Pipeline, Q1Months, Org, options: Options).ToString();
                }
            )
        );

    [Fact]
    public void A_refused_deal_leaves_the_builder_as_it_was()
    {
        var renewals = PipelineDefinition
            .CreateBuilder("Renewals")
            .Stage("Open", 0.5m, ForecastCategory.Pipeline)
            .Won("Won")
            .Lost("Lost")
            .Build();
        var builder = new ForecastSnapshotBuilder(Pipeline, Currency.USD);
        builder.Add(ForecastDeals.WalkedTo("D1", "alice", Money.Of(1_000m, Currency.USD), new LocalDate(2026, 2, 1), "proposal", Start));
        var before = Forecast.StageWeighted(builder.Build(), Q1Months, new LocalDate(2026, 1, 10));

        var other = Deal.Open(renewals, new DealId("R1"), "R1", "zed", Money.Of(5m, Currency.USD), new LocalDate(2026, 2, 1), Start);
        var pipelineError = Assert.Throws<ArgumentException>(() => builder.Add(other));
        var euros = ForecastDeals.WalkedTo("D2", "zed", Money.Of(5m, Currency.EUR), new LocalDate(2026, 2, 1), "proposal", Start);
        Assert.Throws<MissingExchangeRateException>(() => builder.Add(euros));

        Assert.Contains("belongs to pipeline \"Renewals\"", pipelineError.Message, StringComparison.Ordinal);
        Assert.Equal(1, builder.Count);
        var after = builder.Build();
        Assert.Equal(["alice"], after.Owners);
        Assert.Equal(before, Forecast.StageWeighted(after, Q1Months, new LocalDate(2026, 1, 10)));
        // USD 1,000 in Proposal (0.50): 500.00 weighted in February.
        Assert.Equal(Money.Of(500m, Currency.USD), before.Periods[1].Weighted);
    }

    [Fact]
    public void Rates_in_another_currency_than_the_snapshot_are_refused_naming_both()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new ForecastSnapshotBuilder(Pipeline, Currency.USD, new ForecastOptions { Rates = ExchangeRates.In(Currency.EUR) })
        );
        Assert.Equal("reportingCurrency", error.ParamName);
        Assert.Throws<ArgumentNullException>(() => new ForecastSnapshotBuilder(null!, Currency.USD));
        Assert.Throws<ArgumentNullException>(() => new ForecastSnapshotBuilder(Pipeline, null!));
        Assert.Throws<ArgumentNullException>(() => new ForecastSnapshotBuilder(Pipeline, Currency.USD).Add(null!));
    }
}
