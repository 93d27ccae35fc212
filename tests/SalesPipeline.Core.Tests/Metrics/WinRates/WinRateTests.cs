using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Metrics;
using SalesPipeline.Statistics;
using SalesPipeline.Targets;
using static SalesPipeline.Tests.Metrics.MetricDeals;

namespace SalesPipeline.Tests.Metrics;

public class WinRateTests
{
    // 8 won at USD 10,000 and 2 lost at USD 10,000 and USD 30,000, closed on days 10..19, plus one open deal.
    private static Deal[] EightOfTen() =>
        [
            .. Enumerable.Range(0, 8).Select(i => Won($"W{i}", "alice", 10_000m, closedDay: 10 + i)),
            Lost("L0", "bob", 10_000m, closedDay: 18),
            Lost("L1", "bob", 30_000m, closedDay: 19),
            Open("O0", "bob", 99_000m),
        ];

    [Fact]
    public void Of_EightWonTwoLost_IsEightyPercentWithTheHandWilsonInterval()
    {
        var rate = WinRate.Of(EightOfTen());

        Assert.Equal(8, rate.Won);
        Assert.Equal(2, rate.Lost);
        Assert.Equal(0, rate.Open); // Decided does not count open deals
        Assert.Equal(10, rate.Trials);
        Assert.Equal(0.8m, rate.CountRate);
        // z = 1.959964, z^2 = 3.841459, n = 10: centre = (0.8 + 0.192073) / 1.384146 = 0.716740,
        // half = 1.959964 / 1.384146 * sqrt(0.016 + 0.009604) = 0.226577, so [0.490163, 0.943317].
        Assert.Equal(0.4902, rate.CountInterval!.Lower, 4);
        Assert.Equal(0.9433, rate.CountInterval.Upper, 4);
        // By value: 80,000 / (80,000 + 40,000) = 2/3.
        Assert.Equal(Money.Of(80_000m, Currency.USD), rate.WonValue);
        Assert.Equal(Money.Of(40_000m, Currency.USD), rate.LostValue);
        Assert.Equal(2m / 3m, rate.ValueRate);
    }

    [Fact]
    public void Of_NoDecidedDeals_RatesAreNullNotNaN()
    {
        var rate = WinRate.Of([Open("O0", "bob", 5_000m)]);

        Assert.Equal(0, rate.Trials);
        Assert.Null(rate.CountRate);
        Assert.Null(rate.CountInterval);
        Assert.Null(rate.ValueRate);
        Assert.Null(rate.WonValue); // nothing counted and no currency given
        Assert.Equal("0 trials; by value n/a", rate.ToString());
    }

    [Fact]
    public void Of_NoDealsWithACurrency_ValuesAreZeroInIt()
    {
        var rate = WinRate.Of([], new WinRateOptions { Currency = Currency.EUR });

        Assert.Equal(Money.Of(0m, Currency.EUR), rate.WonValue);
        Assert.Null(rate.ValueRate);
    }

    [Fact]
    public void Of_ZeroAmountDecidedDeals_ValueRateIsNullCountRateIsNot()
    {
        var rate = WinRate.Of([Won("W", "alice", 0m, 3), Lost("L", "alice", 0m, 4)]);

        Assert.Equal(0.5m, rate.CountRate);
        Assert.Null(rate.ValueRate);
    }

    [Fact]
    public void Of_Window_IsHalfOpenByCloseDateInTheZone()
    {
        // Day 89 is 2026-03-31; day 90 is 2026-04-01. Day(89, 23) is 23:00 UTC = 01:00 on 1 April in Berlin (CEST).
        Deal[] deals =
        [
            Won("first-day", "alice", 1m, closedDay: 0), // 2026-01-01: in
            Pipeline.Lose(Open("late", "alice", 1m, createdDay: 80), LossReason.Price, Day(89, 23), "alice"),
            Won("end-day", "alice", 1m, closedDay: 90), // 2026-04-01: out (End is exclusive)
        ];
        var q1 = new WinRateOptions().Within(FiscalCalendar.Calendar.Quarter(2026, 1));

        var utc = WinRate.Of(deals, q1);
        var berlin = WinRate.Of(deals, q1 with { Zone = DateTimeZoneProviders.Tzdb["Europe/Berlin"] });

        Assert.Equal(new LocalDate(2026, 4, 1), q1.End);
        Assert.Equal((1, 1), (utc.Won, utc.Lost)); // the 23:00 UTC loss is on 31 March in UTC
        Assert.Equal((1, 0), (berlin.Won, berlin.Lost)); // and on 1 April in Berlin
    }

    [Fact]
    public void Of_CreatedDefinition_CountsOpenDealsAgainstTheRate()
    {
        Deal[] deals =
        [
            Won("W1", "alice", 100m, closedDay: 40, createdDay: 5),
            Won("W2", "alice", 100m, closedDay: 120, createdDay: 6), // closed after the window, created in it
            Lost("L1", "alice", 100m, closedDay: 50, createdDay: 7),
            Open("O1", "alice", 200m, createdDay: 8),
            Won("W-old", "alice", 100m, closedDay: 10, createdDay: -30), // created before the window
        ];
        var window = new WinRateOptions { Start = new LocalDate(2026, 1, 1), End = new LocalDate(2026, 4, 1) };

        var created = WinRate.Of(deals, window with { Definition = WinRateDefinition.Created });
        var decided = WinRate.Of(deals, window);

        // Created: W1, W2 won of W1, W2, L1, O1 = 2/4; value 200 / (100 + 100 + 100 + 200) = 0.4.
        Assert.Equal((2, 1, 1, 4), (created.Won, created.Lost, created.Open, created.Trials));
        Assert.Equal(0.5m, created.CountRate);
        Assert.Equal(0.4m, created.ValueRate);
        // Decided: closed in Q1 are W1, L1, W-old: 2/3.
        Assert.Equal((2, 1, 0), (decided.Won, decided.Lost, decided.Open));
    }

    [Fact]
    public void Of_SeveralCurrencies_ConvertsWithTheRates()
    {
        var rates = ExchangeRates.In(Currency.USD).With(Currency.EUR, 1.08m);
        Deal[] deals = [Won("W", "alice", 1_000m, 3, currency: Currency.EUR), Lost("L", "alice", 920m, 4)];

        var rate = WinRate.Of(deals, new WinRateOptions { Rates = rates });

        // EUR 1,000 = USD 1,080; 1,080 / (1,080 + 920) = 0.54.
        Assert.Equal(Money.Of(1_080m, Currency.USD), rate.WonValue);
        Assert.Equal(0.54m, rate.ValueRate);
    }

    [Fact]
    public void Of_SeveralCurrenciesWithoutRates_Throws()
    {
        Deal[] deals = [Won("W", "alice", 1_000m, 3), Lost("L", "alice", 920m, 4, currency: Currency.EUR)];

        var ex = Assert.Throws<MissingExchangeRateException>(() => WinRate.Of(deals));

        // The reporting-currency rule (docs/money.md): the deals' one currency, so two currencies name both, in any order.
        Assert.Equal([Currency.EUR, Currency.USD], ex.Currencies);
        Assert.Null(ex.ReportingCurrency);
        Assert.Equal(ex.Message, Assert.Throws<MissingExchangeRateException>(() => WinRate.Of(Enumerable.Reverse(deals))).Message);
    }

    [Fact]
    public void Of_GivenCurrency_IsTheTarget_AndOtherCurrenciesNeedRates()
    {
        Deal[] deals = [Won("W", "alice", 1_000m, 3), Lost("L", "alice", 920m, 4, currency: Currency.EUR)];

        var ex = Assert.Throws<MissingExchangeRateException>(() => WinRate.Of(deals, new WinRateOptions { Currency = Currency.USD }));

        Assert.Equal((Currency.EUR, Currency.USD), (ex.Currency, ex.ReportingCurrency));
        Assert.Equal([Currency.EUR], ex.Currencies);
    }

    [Fact]
    public void By_Owner_Team_Source_Product_GroupByTheOneBreakdownRule()
    {
        Deal[] deals =
        [
            Won("A1", "alice", 100m, 3, source: "web", product: "crm"),
            Lost("A2", "alice", 100m, 4),
            Won("B1", "bob", 100m, 5, source: "web"),
            Pipeline.Lose(Open("Z1", "zoe", 100m, product: "crm"), LossReason.Price, Day(6), "zoe"), // company level: in no team
        ];
        var options = new WinRateOptions { Organization = Org };

        var byOwner = WinRate.By(deals, Breakdown.Owner, options);
        var byTeam = WinRate.By(deals, Breakdown.Team, options);
        var bySource = WinRate.By(deals, Breakdown.Source, options);
        var byProduct = WinRate.By(deals, Breakdown.Product, options);

        Assert.Equal(["alice", "bob", "zoe"], byOwner.Lines.Select(l => l.Key));
        Assert.Equal(0.5m, byOwner["alice"]!.CountRate);
        Assert.Equal(["dach", "emea"], byTeam.Lines.Select(l => l.Key));
        Assert.Equal((1, 1), (byTeam["dach"]!.Won, byTeam["dach"]!.Lost)); // alice
        Assert.Equal((2, 1), (byTeam["emea"]!.Won, byTeam["emea"]!.Lost)); // alice (sub-team) + bob
        Assert.Equal((2, 2), (byTeam.Total.Won, byTeam.Total.Lost)); // every deal once, zoe's too
        Assert.Equal(1.0m, bySource["web"]!.CountRate);
        Assert.Equal(0m, bySource[BreakdownKeys.None]!.CountRate);
        Assert.Equal(0.5m, byProduct["crm"]!.CountRate);
    }

    [Fact]
    public void ByCompetitor_DealFacingTwo_CountsUnderEachAndTotalOnce()
    {
        Deal[] deals =
        [
            Won("W1", "alice", 100m, 3, competitors: ["Globex", "Initech"]),
            Lost("L1", "alice", 100m, 4, LossReason.Competitor, lostTo: "Globex"),
            Won("W2", "alice", 100m, 5),
        ];

        var table = WinRate.ByCompetitor(deals);

        Assert.Equal([BreakdownKeys.None, "Globex", "Initech"], table.Lines.Select(l => l.Key));
        Assert.Equal((1, 1), (table["Globex"]!.Won, table["Globex"]!.Lost)); // lost to Globex counts as facing it
        Assert.Equal((1, 0), (table["Initech"]!.Won, table["Initech"]!.Lost));
        Assert.Equal((1, 0), (table[BreakdownKeys.None]!.Won, table[BreakdownKeys.None]!.Lost));
        Assert.Equal(3, table.Total.Trials);
    }

    [Fact]
    public void ByPeriod_PlacesDealsInThePeriodOfClose_AndListsEmptyPeriods()
    {
        var quarters = FiscalCalendar.Calendar.Quarters(2026);
        Deal[] deals = [Won("W1", "alice", 100m, 10), Lost("L1", "alice", 100m, 100), Won("W2", "alice", 100m, 400)];

        var table = WinRate.ByPeriod(deals, quarters);

        Assert.Equal(quarters.Select(q => q.Label), table.Lines.Select(l => l.Key));
        Assert.Equal(1, table.Lines[0].Rate.Won); // day 10 = 2026-01-11, Q1
        Assert.Equal(1, table.Lines[1].Rate.Lost); // day 100 = 2026-04-11, Q2
        Assert.Equal(0, table.Lines[2].Rate.Trials);
        Assert.Null(table.Lines[3].Rate.CountRate);
        Assert.Equal(2, table.Total.Trials); // day 400 is in 2027: in no period
    }

    [Fact]
    public void Of_NullDeals_Throws()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => WinRate.Of(null!));
        Assert.Equal("deals", ex.ParamName);
    }

    [Fact]
    public void Of_NullDeal_ThrowsNamingItsIndex()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => WinRate.Of([Won("W", "alice", 1m, 1), null!]));

        Assert.Equal("deals", ex.ParamName);
        Assert.Contains("Deal 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_EmptyWindow_Throws()
    {
        var options = new WinRateOptions { Start = new LocalDate(2026, 4, 1), End = new LocalDate(2026, 4, 1) };

        var ex = Assert.Throws<ArgumentException>(() => WinRate.Of([], options));

        Assert.Equal("options", ex.ParamName);
        Assert.Contains("2026-04-01", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_RatesInAnotherCurrency_Throws()
    {
        var options = new WinRateOptions { Rates = ExchangeRates.In(Currency.USD), Currency = Currency.EUR };

        var ex = Assert.Throws<ArgumentException>(() => WinRate.Of([], options));

        Assert.Equal("options", ex.ParamName);
        Assert.Contains("EUR", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_ClopperPearsonOption_GivesTheExactInterval()
    {
        // 8 of 10, exact 95%: the upper end solves P(X <= 8; p) = 0.025, the lower P(X >= 8; p) = 0.025: [0.4439, 0.9748]
        // (the textbook values; BinomialIntervalTests checks the method against a binomial-sum bisection).
        var rate = WinRate.Of(EightOfTen(), new WinRateOptions { IntervalMethod = BinomialIntervalMethod.ClopperPearson });

        Assert.Equal(BinomialIntervalMethod.ClopperPearson, rate.CountInterval!.Method);
        Assert.Equal(0.4439, rate.CountInterval.Lower, 4);
        Assert.Equal(0.9748, rate.CountInterval.Upper, 4);
        Assert.Equal(BinomialIntervalMethod.Wilson, WinRate.Of(EightOfTen()).CountInterval!.Method);
        Assert.Equal(
            "IntervalMethod",
            Assert.Throws<ArgumentOutOfRangeException>(() => new WinRateOptions { IntervalMethod = (BinomialIntervalMethod)3 }).ParamName
        );
    }

    [Fact]
    public void Options_BadConfidenceOrDefinition_Throw()
    {
        var confidence = Assert.Throws<ArgumentOutOfRangeException>(() => new WinRateOptions { Confidence = 1.5 });
        var definition = Assert.Throws<ArgumentOutOfRangeException>(() => new WinRateOptions { Definition = (WinRateDefinition)7 });

        Assert.Equal("Confidence", confidence.ParamName);
        Assert.Contains("1.5", confidence.Message, StringComparison.Ordinal);
        Assert.Equal("Definition", definition.ParamName);
        Assert.Contains("7", definition.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void By_TeamWithoutOrganization_OrUndefinedBreakdown_Throws()
    {
        var team = Assert.Throws<ArgumentException>(() => WinRate.By([], Breakdown.Team));
        var undefined = Assert.Throws<ArgumentOutOfRangeException>(() => WinRate.By([], (Breakdown)9));

        Assert.Equal("options", team.ParamName);
        Assert.Equal("breakdown", undefined.ParamName);
        Assert.Contains("9", undefined.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_DifferentSetups_Throws()
    {
        var a = WinRateAccumulator.By(Breakdown.Owner);
        var b = WinRateAccumulator.ByCompetitor();

        var ex = Assert.Throws<ArgumentException>(() => a.Merge(b));

        Assert.Equal("other", ex.ParamName);
    }

    [Fact]
    public void Merge_PartsInferringDifferentCurrencies_Throws()
    {
        var a = new WinRateAccumulator();
        var b = new WinRateAccumulator();
        a.Add(Won("W", "alice", 1m, 1));
        b.Add(Won("E", "alice", 1m, 1, currency: Currency.EUR));

        Assert.Equal([Currency.EUR, Currency.USD], Assert.Throws<MissingExchangeRateException>(() => a.Merge(b)).Currencies);
    }

    // Counts by hand from the specs: won + lost = decided, each deal counted once, rates inside their intervals.
    [Fact]
    public void Of_CountsAgreeWithTheSpecs_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                SpecsGen.ToArbitrary(),
                specs =>
                {
                    var rate = WinRate.Of(specs.Select(Build));
                    var won = specs.Count(s => s.Outcome == 1);
                    var lost = specs.Count(s => s.Outcome == 2);
                    var wonCents = specs.Where(s => s.Outcome == 1).Sum(s => s.Cents);
                    return rate.Won == won
                        && rate.Lost == lost
                        && rate.Decided == rate.Won + rate.Lost
                        && rate.Open == 0
                        && (rate.Decided == 0 ? rate.CountRate is null : rate.CountRate == (decimal)won / (won + lost))
                        && (
                            rate.CountInterval is null
                            || (
                                rate.CountInterval.Lower <= (double)rate.CountRate!.Value
                                && (double)rate.CountRate.Value <= rate.CountInterval.Upper
                            )
                        )
                        && (rate.WonValue is null ? won == 0 : rate.WonValue.ToMinorUnits() == wonCents);
                }
            )
        );

    [Fact]
    public void Merge_OfSplit_EqualsWhole_ForEveryGrouping_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                SplitSpecs,
                input =>
                {
                    var deals = input.Specs.Select(Build).ToArray();
                    var options = new WinRateOptions { Organization = Org, Start = new LocalDate(2026, 2, 1) };
                    Func<WinRateAccumulator>[] makers =
                    [
                        () => new WinRateAccumulator(options),
                        () => WinRateAccumulator.By(Breakdown.Owner, options),
                        () => WinRateAccumulator.By(Breakdown.Team, options),
                        () => WinRateAccumulator.By(Breakdown.Product, options),
                        () => WinRateAccumulator.ByCompetitor(options with { Definition = WinRateDefinition.Created }),
                        () => WinRateAccumulator.ByPeriod(FiscalCalendar.Calendar.Quarters(2026), options),
                    ];
                    return makers.All(make =>
                    {
                        var whole = make();
                        whole.AddRange(deals);
                        var left = make();
                        left.AddRange(deals.Take(input.Cut));
                        var right = make();
                        right.AddRange(deals.Skip(input.Cut));
                        left.Merge(right);
                        return SameTable(whole.Result(), left.Result());
                    });
                }
            )
        );

    internal static bool SameTable(WinRateTable a, WinRateTable b) => a.Total == b.Total && a.Lines.SequenceEqual(b.Lines);
}
