using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;
using SalesPipeline.Targets;

namespace SalesPipeline.Tests.Forecasting;

public sealed partial class StageWeightedForecastTests
{
    private static readonly PipelineDefinition Pipeline = PipelineDefinition.Default;
    private static readonly Instant Start = Instant.FromUtc(2026, 1, 5, 9, 0);
    private static readonly IReadOnlyList<FiscalPeriod> Q1Months = [.. FiscalCalendar.Calendar.Months(2026).Take(3)];

    private static Money Usd(decimal amount) => Money.Of(amount, Currency.USD);

    // Opens a deal and walks it to a stage (answering Qualified's criteria when it must pass them).
    private static Deal DealIn(
        string id,
        string stage,
        decimal amount,
        LocalDate close,
        string owner = "alice",
        Currency? currency = null
    ) => ForecastDeals.WalkedTo(id, owner, Money.Of(amount, currency ?? Currency.USD), close, stage, Start);

    private static Deal Won(string id, decimal amount, Instant at, string owner = "alice") =>
        Pipeline.Win(DealIn(id, "negotiation", amount, new LocalDate(2026, 12, 31), owner), at, owner);

    [Fact]
    public void StageWeighted_WorkedExample_FromTheDocs()
    {
        // March: USD 100,000 in Proposal (50%) + USD 40,000 in Negotiation (80%) = 50,000 + 32,000 = 82,000 weighted;
        // plus USD 25,000 won on March 10: expected 107,000. January has one Prospecting deal of USD 12,345.67 at 10%:
        // 1,234.567 rounds (half away from zero) to 1,234.57.
        Deal[] deals =
        [
            DealIn("A", "proposal", 100_000m, new LocalDate(2026, 3, 20)),
            DealIn("B", "negotiation", 40_000m, new LocalDate(2026, 3, 31)),
            Won("C", 25_000m, Instant.FromUtc(2026, 3, 10, 12, 0)),
            DealIn("D", "prospecting", 12_345.67m, new LocalDate(2026, 1, 15)),
        ];

        var forecast = Forecast.StageWeighted(deals, Pipeline, Q1Months);

        var march = forecast.Periods[2];
        Assert.Equal(
            (2, Usd(140_000m), Usd(82_000m), 1, Usd(25_000m), Usd(107_000m)),
            (march.OpenDeals, march.OpenAmount, march.Weighted, march.WonDeals, march.Won, march.Expected)
        );
        Assert.Equal(Usd(1_234.57m), forecast.Periods[0].Weighted);
        Assert.Equal(0, forecast.Periods[1].OpenDeals + forecast.Periods[1].WonDeals);
        Assert.Equal(Usd(83_234.57m), forecast.Total.Weighted);
        Assert.Equal(Usd(108_234.57m), forecast.Total.Expected);
    }

    [Fact]
    public void StageWeighted_OverdueAndOutsideDeals_HaveTheirOwnLinesAndLostDealsCountNowhere()
    {
        Deal[] deals =
        [
            DealIn("late", "proposal", 10_000m, new LocalDate(2026, 1, 31)), // before the as-of date
            DealIn("later", "proposal", 20_000m, new LocalDate(2026, 7, 1)), // after every period
            DealIn("now", "proposal", 30_000m, new LocalDate(2026, 2, 10)),
            Pipeline.Lose(
                DealIn("lost", "proposal", 99_000m, new LocalDate(2026, 2, 11)),
                LossReason.Price,
                Start + Duration.FromDays(3),
                "alice"
            ),
        ];

        var forecast = Forecast.StageWeighted(deals, Pipeline, Q1Months, new ForecastOptions { AsOf = new LocalDate(2026, 2, 1) });

        Assert.Equal((1, Usd(10_000m), Usd(5_000m)), (forecast.Overdue.OpenDeals, forecast.Overdue.OpenAmount, forecast.Overdue.Weighted));
        Assert.Equal(
            (1, Usd(20_000m), Usd(10_000m)),
            (forecast.OutsidePeriods.OpenDeals, forecast.OutsidePeriods.OpenAmount, forecast.OutsidePeriods.Weighted)
        );
        Assert.Equal((0, 1, 0), (forecast.Periods[0].OpenDeals, forecast.Periods[1].OpenDeals, forecast.Periods[2].OpenDeals));
        Assert.Equal(Usd(30_000m), forecast.Total.OpenAmount);
    }

    [Fact]
    public void StageWeighted_ProbabilityOverride_IsUsedInsteadOfTheStage()
    {
        var deal = Pipeline.ApplyOrThrow(
            DealIn("A", "proposal", 10_000m, new LocalDate(2026, 2, 10)),
            DealCommand.OverrideProbabilityTo(0.35m, Start + Duration.FromDays(1), "manager")
        );

        var forecast = Forecast.StageWeighted([deal], Pipeline, Q1Months);

        Assert.Equal(Usd(3_500m), forecast.Periods[1].Weighted);
    }

    [Fact]
    public void StageWeighted_WonDeal_CountsOnTheDateItWasWonInTheGivenZone()
    {
        // Won at 2026-02-01 03:00 UTC: still January 31 in New York (UTC-5).
        var deal = Won("W", 5_000m, Instant.FromUtc(2026, 2, 1, 3, 0));
        var newYork = DateTimeZone.ForOffset(Offset.FromHours(-5));

        var utc = Forecast.StageWeighted([deal], Pipeline, Q1Months);
        var local = Forecast.StageWeighted([deal], Pipeline, Q1Months, new ForecastOptions { Zone = newYork });

        Assert.Equal((0, 1), (utc.Periods[0].WonDeals, utc.Periods[1].WonDeals));
        Assert.Equal((1, 0), (local.Periods[0].WonDeals, local.Periods[1].WonDeals));
    }

    [Fact]
    public void StageWeighted_SeveralCurrencies_AreConvertedWithTheGivenRates()
    {
        // EUR 10,000 at 1.08 = USD 10,800 at 50% = 5,400; GBP 1,000 at 1.27 = USD 1,270 at 50% = 635.
        Deal[] deals =
        [
            DealIn("E", "proposal", 10_000m, new LocalDate(2026, 2, 10), currency: Currency.EUR),
            DealIn("G", "proposal", 1_000m, new LocalDate(2026, 2, 11), currency: Currency.GBP),
        ];
        var rates = ExchangeRates.In(Currency.USD).With(Currency.EUR, 1.08m).With(Currency.GBP, 1.27m);

        var forecast = Forecast.StageWeighted(deals, Pipeline, Q1Months, new ForecastOptions { Rates = rates });

        Assert.Equal(Usd(6_035m), forecast.Periods[1].Weighted);
        Assert.Equal(Usd(12_070m), forecast.Periods[1].OpenAmount);
    }

    [Fact]
    public void StageWeighted_CurrencyWithoutRate_IsAnErrorNamingIt()
    {
        Deal[] deals =
        [
            DealIn("U", "proposal", 1m, new LocalDate(2026, 2, 10)),
            DealIn("J", "proposal", 1m, new LocalDate(2026, 2, 10), currency: Currency.JPY),
        ];

        var ex = Assert.Throws<MissingExchangeRateException>(() => Forecast.StageWeighted(deals, Pipeline, Q1Months));
        var reversed = Assert.Throws<MissingExchangeRateException>(() =>
            Forecast.StageWeighted(Enumerable.Reverse(deals), Pipeline, Q1Months)
        );

        // The reporting-currency rule (docs/money.md): deals in two currencies and no rates have no reporting currency,
        // whatever their order; the error names both.
        Assert.Equal([Currency.JPY, Currency.USD], ex.Currencies);
        Assert.Null(ex.ReportingCurrency);
        Assert.Equal(ex.Message, reversed.Message);
        Assert.StartsWith("The amounts are in JPY and USD and no exchange rates were given", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StageWeighted_ReportingCurrency_IsTheRatesElseTheDealsOneCurrency()
    {
        Deal[] jpy = [DealIn("J", "proposal", 100m, new LocalDate(2026, 2, 10), currency: Currency.JPY)];
        var rates = ExchangeRates.In(Currency.EUR).With(Currency.JPY, 0.006m);

        Assert.Equal(Currency.JPY, Forecast.StageWeighted(jpy, Pipeline, Q1Months).Currency);
        Assert.Equal(Currency.EUR, Forecast.StageWeighted(jpy, Pipeline, Q1Months, new ForecastOptions { Rates = rates }).Currency);
    }

    [Fact]
    public void StageWeighted_BadArguments_AreRejected()
    {
        var deal = DealIn("A", "proposal", 1m, new LocalDate(2026, 2, 10));
        FiscalPeriod[] overlapping = [FiscalCalendar.Calendar.Quarter(2026, 1), FiscalCalendar.Calendar.Month(2026, 3)];

        Assert.Equal("periods", Assert.Throws<ArgumentException>(() => Forecast.StageWeighted([deal], Pipeline, overlapping)).ParamName);
        Assert.Equal("periods", Assert.Throws<ArgumentException>(() => Forecast.StageWeighted([deal], Pipeline, [])).ParamName);
        Assert.Equal("deals", Assert.Throws<ArgumentException>(() => Forecast.StageWeighted([], Pipeline, Q1Months)).ParamName);
        Assert.Equal("deals", Assert.Throws<ArgumentNullException>(() => Forecast.StageWeighted(null!, Pipeline, Q1Months)).ParamName);
        var other = PipelineDefinition.CreateBuilder("Other").Stage("Prospecting", 0.1m).Won("Won").Lost("Lost").Build();
        var foreign = Deal.Open(other, new DealId("X"), "X", "alice", Usd(1m), new LocalDate(2026, 2, 1), Start);
        Assert.Equal("deal", Assert.Throws<ArgumentException>(() => Forecast.StageWeighted([foreign], Pipeline, Q1Months)).ParamName);
    }

    [Fact]
    public void StageWeighted_ByOwnerAndByTeam_SplitThePeriodLine()
    {
        var org = SalesOrg
            .CreateBuilder("Acme")
            .Team("emea", "EMEA")
            .Team("dach", "DACH", parent: "emea")
            .Rep("alice", "Alice", "dach")
            .Rep("bob", "Bob", "emea")
            .Build();
        Deal[] deals =
        [
            DealIn("A", "proposal", 10_000m, new LocalDate(2026, 2, 10), owner: "alice"),
            DealIn("B", "negotiation", 10_000m, new LocalDate(2026, 2, 12), owner: "bob"),
        ];

        var forecast = Forecast.StageWeighted(deals, Pipeline, Q1Months, new ForecastOptions { Organization = org });

        var february = forecast.ByOwner.Where(l => l.Period == Q1Months[1]).ToDictionary(l => l.Owner!, l => l.Weighted);
        Assert.Equal(Usd(5_000m), february["alice"]);
        Assert.Equal(Usd(8_000m), february["bob"]);
        var teams = forecast.ByTeam.Where(l => l.Period == Q1Months[1]).ToDictionary(l => l.TeamId!, l => l.Weighted);
        Assert.Equal(Usd(13_000m), teams["emea"]); // EMEA includes DACH
        Assert.Equal(Usd(5_000m), teams["dach"]);
    }

    private static readonly Gen<Deal[]> RandomDeals =
        from specs in Gen.ListOf(
            from stage in Gen.Choose(0, 3)
            from cents in Gen.Choose(0, 50_000_000)
            from day in Gen.Choose(0, 120)
            from owner in Gen.Elements("alice", "bob", "carol")
            select (stage, cents, day, owner)
        )
        select specs
            .Select(
                (s, i) =>
                    DealIn($"D{i}", Pipeline.OpenStages[s.stage].Id, s.cents / 100m, new LocalDate(2025, 12, 15).PlusDays(s.day), s.owner)
            )
            .ToArray();

    [Fact]
    public void Accumulators_MergeOfAnySplit_EqualsTheWhole_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                RandomDeals.ToArbitrary(),
                Gen.Choose(0, 1000).ToArbitrary(),
                (deals, cut) =>
                {
                    var split = deals.Length == 0 ? 0 : cut % (deals.Length + 1);
                    var left = new StageWeightedAccumulator(Pipeline, Q1Months, Currency.USD);
                    var right = new StageWeightedAccumulator(Pipeline, Q1Months, Currency.USD);
                    left.AddRange(deals.Take(split));
                    right.AddRange(deals.Skip(split));
                    left.Merge(right);
                    var whole = new StageWeightedAccumulator(Pipeline, Q1Months, Currency.USD);
                    whole.AddRange(deals);
                    return left.Result() is var merged
                        && whole.Result() is var expected
                        && merged.Periods.SequenceEqual(expected.Periods)
                        && merged.ByOwner.SequenceEqual(expected.ByOwner)
                        && merged.Overdue == expected.Overdue
                        && merged.OutsidePeriods == expected.OutsidePeriods;
                }
            )
        );

    [Fact]
    public void PeriodLines_AreTheExactSumOfAmountTimesProbability_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                RandomDeals.ToArbitrary(),
                deals =>
                {
                    var forecast = Forecast.StageWeighted(
                        deals,
                        Pipeline,
                        Q1Months,
                        new ForecastOptions { Rates = ExchangeRates.In(Currency.USD) }
                    );
                    return Q1Months
                            .Select(
                                (period, i) =>
                                {
                                    // Second method: filter and sum directly, round once.
                                    var inPeriod = deals
                                        .Where(d => d.ExpectedClose >= Q1Months[0].Start && period.Contains(d.ExpectedClose))
                                        .ToArray();
                                    var weighted = Money
                                        .Of(inPeriod.Sum(d => d.Amount.Amount * Pipeline.WinProbabilityOf(d).Value), Currency.USD)
                                        .Round();
                                    var line = forecast.Periods[i];
                                    var owners = forecast.ByOwner.Where(l => l.Period == period).ToArray();
                                    return line.Weighted == weighted
                                        && line.OpenDeals == inPeriod.Length
                                        && owners.Sum(l => l.OpenAmount.Amount) == line.OpenAmount.Amount
                                        && Math.Abs(owners.Sum(l => l.Weighted.Amount) - line.Weighted.Amount)
                                            <= 0.005m * (owners.Length + 1);
                                }
                            )
                            .All(ok => ok)
                        && forecast.Overdue.OpenDeals + forecast.Total.OpenDeals + forecast.OutsidePeriods.OpenDeals == deals.Length;
                }
            )
        );

    [Fact]
    public void Snapshot_GivesExactlyTheForecastOfTheDeals_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                RandomDeals.ToArbitrary(),
                Gen.Choose(0, 80).ToArbitrary(),
                (deals, asOfDays) =>
                {
                    // Every fourth deal is won, on a day spread over the quarter (some before the as-of date).
                    var withWins = deals
                        .Select(
                            (d, i) =>
                                i % 4 == 3 ? Pipeline.Win(MoveToLast(d), Start + Duration.FromHours(4) + Duration.FromDays(i % 90), "x") : d
                        )
                        .ToArray();
                    var options = new ForecastOptions
                    {
                        Rates = ExchangeRates.In(Currency.USD),
                        AsOf = new LocalDate(2025, 12, 20).PlusDays(asOfDays),
                    };
                    var expected = Forecast.StageWeighted(withWins, Pipeline, Q1Months, options);
                    var snapshot = ForecastSnapshot.Create(withWins, Pipeline, options);
                    var actual = Forecast.StageWeighted(snapshot, Q1Months, options.AsOf);
                    return actual.Periods.SequenceEqual(expected.Periods)
                        && actual.ByOwner.SequenceEqual(expected.ByOwner)
                        && actual.Overdue == expected.Overdue
                        && actual.OutsidePeriods == expected.OutsidePeriods
                        && actual.Total == expected.Total;
                }
            )
        );

    [Fact]
    public void Snapshot_LargeEnoughToSplitAcrossCores_GivesExactlyTheForecastOfTheDeals()
    {
        // 250,000 deals is above the size at which the snapshot pass runs in parallel parts.
        var random = new Random(7);
        var deals = Enumerable
            .Range(0, 250_000)
            .Select(i =>
            {
                var deal = Deal.Open(
                    Pipeline,
                    new DealId($"P{i}"),
                    "P",
                    $"rep-{i % 97}",
                    Usd(random.Next(0, 10_000_000) / 100m),
                    new LocalDate(2025, 12, 1).PlusDays(random.Next(0, 150)),
                    Start
                );
                return i % 3 == 0
                    ? Pipeline.ApplyOrThrow(deal, DealCommand.OverrideProbabilityTo(random.Next(0, 1_000_001) / 1_000_000m, Start, "model"))
                    : deal;
            })
            .ToArray();
        var options = new ForecastOptions { AsOf = new LocalDate(2026, 1, 10) };

        var expected = Forecast.StageWeighted(deals, Pipeline, Q1Months, options);
        var actual = Forecast.StageWeighted(ForecastSnapshot.Create(deals, Pipeline, options), Q1Months, options.AsOf);

        Assert.Equal(expected, actual);
        Assert.Equal(250_000, actual.Overdue.OpenDeals + actual.Total.OpenDeals + actual.OutsidePeriods.OpenDeals);
    }

    // Wins need the last stage reached (criteria are answered already); the win instant is after every move.
    private static Deal MoveToLast(Deal deal) =>
        deal.StageId == "negotiation" ? deal : Pipeline.Move(deal, "negotiation", deal.LastEventAt, "x");

    [Fact]
    public void Accumulator_RatesInAnotherCurrencyThanTheForecast_ThrowsNamingBoth()
    {
        var options = new ForecastOptions { Rates = ExchangeRates.In(Currency.EUR) };
        var error = Assert.Throws<ArgumentException>(() => new StageWeightedAccumulator(Pipeline, Q1Months, Currency.USD, options));
        Assert.Equal("reportingCurrency", error.ParamName);
        Assert.Contains("The exchange rates report in EUR, but the forecast is in USD.", error.Message, StringComparison.Ordinal);
    }
}
