using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Targets;
using static SalesPipeline.Tests.Targets.AttainmentFixtures;

namespace SalesPipeline.Tests.Targets;

// Attainment.Of: a worked example by hand, the placement rules, and bad input. Properties are in AttainmentTests.Properties.cs.
public sealed partial class AttainmentTests
{
    private static readonly FiscalPeriod Jan = FiscalCalendar.Calendar.Month(2026, 1);
    private static readonly FiscalPeriod Q1 = FiscalCalendar.Calendar.Quarter(2026, 1);
    private static readonly FiscalPeriod Q2 = FiscalCalendar.Calendar.Quarter(2026, 2);

    // alice: won 120,000 (Feb 10); open 400,000 Proposal 50% (Mar 15) and 50,000 Negotiation 80% (Mar 20).
    // bob: won 250,000 (Mar 31 23:30 UTC); open 100,000 Qualified 20% expected Feb 28 (overdue as of Mar 1); lost 80,000;
    //      won 30,000 (Apr 1 01:00 UTC, so Q2). dave (APAC): won 50,000 (Jan 20); open 100,000 Prospecting 10% (Mar 10).
    private static readonly Deal[] Deals =
    [
        Won("A1", "alice", 120_000m, Instant.FromUtc(2026, 2, 10, 12, 0)),
        Open("A2", "alice", 400_000m, new LocalDate(2026, 3, 15), "proposal"),
        Open("A3", "alice", 50_000m, new LocalDate(2026, 3, 20), "negotiation"),
        Won("B1", "bob", 250_000m, Instant.FromUtc(2026, 3, 31, 23, 30)),
        Open("B2", "bob", 100_000m, new LocalDate(2026, 2, 28), "qualified"),
        Lost("B3", "bob", 80_000m, new LocalDate(2026, 3, 10)),
        Won("B4", "bob", 30_000m, Instant.FromUtc(2026, 4, 1, 1, 0)),
        Won("D1", "dave", 50_000m, Instant.FromUtc(2026, 1, 20, 9, 0)),
        Open("D2", "dave", 100_000m, new LocalDate(2026, 3, 10), "prospecting"),
    ];

    private static readonly Quota[] Quotas =
    [
        Quota.ForPerson("alice", Q1, Usd(300_000m)),
        Quota.ForPerson("bob", Q1, Usd(200_000m)),
        Quota.ForTeam("emea", Q1, Usd(450_000m)),
        Quota.ForCompany("Acme", Q1, Usd(600_000m)),
        Quota.ForPerson("alice", Jan, Usd(100_000m)),
        Quota.ForPerson("bob", Q2, Usd(200_000m)),
    ];

    private static readonly AttainmentOptions Options = new()
    {
        ForecastOptions = new ForecastOptions { AsOf = new LocalDate(2026, 3, 1), Organization = Org },
        WinRate = 0.25m,
    };

    [Fact]
    public void Of_WorkedExample_Person()
    {
        // alice Q1: won 120,000 of 300,000 = 0.4; gap 180,000; open 450,000, weighted 200,000 + 40,000 = 240,000;
        // coverage 450,000 / 180,000 = 2.5; required 1 / 0.25 = 4; coverage gap 1.5;
        // pipeline gap 180,000 / 0.25 - 450,000 = 720,000 - 450,000 = 270,000.
        var alice = Attainment.Of(Deals, Pipeline, Quotas, Options).Lines[0];

        Assert.Equal((1, Usd(120_000m), 0.4m, Usd(180_000m)), (alice.WonDeals, alice.Won, alice.CompletionRate, alice.Gap));
        Assert.Equal(
            (2, Usd(450_000m), Usd(240_000m), Usd(360_000m)),
            (alice.OpenDeals, alice.OpenPipeline, alice.WeightedPipeline, alice.Projected)
        );
        Assert.Equal((2.5m, 4m, 1.5m, Usd(270_000m)), (alice.Coverage, alice.RequiredCoverage, alice.CoverageGap, alice.PipelineGap));
    }

    [Fact]
    public void Of_WorkedExample_OverAchieverHasANegativeGapAndNoCoverage()
    {
        // bob Q1: won 250,000 of 200,000 = 1.25; gap -50,000 (over-achieved); nothing remains, so no coverage. His
        // Feb 28 deal is overdue as of Mar 1 (pipeline of no period), his lost deal counts nowhere, and the deal won
        // on Apr 1 is Q2's: Q2 won 30,000 of 200,000 = 0.15, coverage 0 / 170,000 = 0, pipeline gap 680,000.
        var report = Attainment.Of(Deals, Pipeline, Quotas, Options);
        var (q1, q2) = (report.Lines[1], report.Lines[5]);

        Assert.Equal((Usd(250_000m), 1.25m, Usd(-50_000m), Usd(0m)), (q1.Won, q1.CompletionRate, q1.Gap, q1.Remaining));
        Assert.Equal((0, Usd(0m)), (q1.OpenDeals, q1.OpenPipeline));
        Assert.Equal(((decimal?)null, (decimal?)4m, (decimal?)null), (q1.Coverage, q1.RequiredCoverage, q1.CoverageGap));
        Assert.Null(q1.PipelineGap);
        Assert.Equal((Usd(30_000m), 0.15m, 0m, Usd(680_000m)), (q2.Won, q2.CompletionRate, q2.Coverage, q2.PipelineGap));
    }

    [Fact]
    public void Of_WorkedExample_TeamAndCompanyRollUp()
    {
        // emea (erin, alice, bob) Q1: won 120,000 + 250,000 = 370,000 of 450,000; gap 80,000; open 450,000 (bob's
        // overdue deal excluded), weighted 240,000; coverage 450,000 / 80,000 = 5.625; coverage gap 4 - 5.625 = -1.625;
        // pipeline gap 320,000 - 450,000 = -130,000 (a surplus).
        // Company Q1: won 370,000 + dave's 50,000 = 420,000 of 600,000 = 0.7; open 450,000 + 100,000 = 550,000,
        // weighted 240,000 + 10,000 = 250,000; pipeline gap 720,000 - 550,000 = 170,000.
        var report = Attainment.Of(Deals, Pipeline, Quotas, Options);
        var (emea, acme) = (report[Q1, "emea"], report[Q1, "Acme"]);

        Assert.Equal(
            (Usd(370_000m), Usd(80_000m), Usd(450_000m), Usd(240_000m)),
            (emea.Won, emea.Gap, emea.OpenPipeline, emea.WeightedPipeline)
        );
        Assert.Equal((5.625m, -1.625m, Usd(-130_000m)), (emea.Coverage, emea.CoverageGap, emea.PipelineGap));
        Assert.Equal(370_000m / 450_000m, emea.CompletionRate);
        Assert.Equal((3, Usd(420_000m), 0.7m), (acme.WonDeals, acme.Won, acme.CompletionRate));
        Assert.Equal((Usd(550_000m), Usd(250_000m), Usd(170_000m)), (acme.OpenPipeline, acme.WeightedPipeline, acme.PipelineGap));
    }

    [Fact]
    public void Of_WorkedExample_AMonthBeforeTheAsOfDate()
    {
        // alice January: nothing won, no pipeline (her open deals are March's): completion 0, coverage 0 / 100,000 = 0,
        // pipeline gap 100,000 / 0.25 = 400,000.
        var jan = Attainment.Of(Deals, Pipeline, Quotas, Options)[Jan, "alice"];

        Assert.Equal(
            (Usd(0m), 0m, Usd(100_000m), 0m, Usd(400_000m)),
            (jan.Won, jan.CompletionRate, jan.Gap, jan.Coverage, jan.PipelineGap)
        );
    }

    [Fact]
    public void Of_Report_KeepsTheQuotaOrderAndPrintsATable()
    {
        var report = Attainment.Of(Deals, Pipeline, Quotas, Options);

        Assert.Equal(Quotas, report.Lines.Select(l => l.Quota));
        Assert.Equal((Currency.USD, new LocalDate(2026, 3, 1), (decimal?)0.25m), (report.Currency, report.AsOf, report.WinRate));
        var text = report.ToString();
        Assert.Contains(
            "alice        2026-Q1                        300,000.00         120,000.00   40.0%",
            text,
            StringComparison.Ordinal
        );
        Assert.Contains("2.50x   4.00x", text, StringComparison.Ordinal);
        Assert.Contains("won USD 120,000.00 of USD 300,000.00 (40.0%)", report.Lines[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Of_WithoutWinRate_HasNoRequiredCoverageNorGaps()
    {
        var line = Attainment.Of(Deals, Pipeline, Quotas, Options with { WinRate = null }).Lines[0];

        Assert.Equal(2.5m, line.Coverage);
        Assert.Null(line.RequiredCoverage);
        Assert.Null(line.CoverageGap);
        Assert.Null(line.PipelineGap);
    }

    [Fact]
    public void Of_ZeroTarget_HasNoCompletionRateAndNoCoverage()
    {
        // Won 120,000 against nothing: completion is undefined (null, not infinity), gap -120,000, nothing remains.
        var line = Attainment.Of(Deals, Pipeline, [Quota.ForPerson("alice", Q1, Usd(0m))], Options).Lines[0];

        Assert.Null(line.CompletionRate);
        Assert.Equal(Usd(-120_000m), line.Gap);
        Assert.Null(line.Coverage);
    }

    [Fact]
    public void Of_WinRateOfOne_NeedsCoverageOfOne()
    {
        var line = Attainment.Of(Deals, Pipeline, Quotas, Options with { WinRate = 1m }).Lines[0];

        // Remaining 180,000 / 1 - open 450,000 = -270,000.
        Assert.Equal((1m, Usd(-270_000m)), (line.RequiredCoverage, line.PipelineGap));
    }

    [Fact]
    public void Of_DefaultAsOf_IsTheEarliestQuotaStartSoEarlierOpenDealsAreNotOverdue()
    {
        // As of Jan 1 (alice's January quota starts first), bob's deal expected Feb 28 is Q1 pipeline: 100,000 at 20%.
        var report = Attainment.Of(Deals, Pipeline, Quotas, Options with { ForecastOptions = new ForecastOptions { Organization = Org } });

        Assert.Equal(new LocalDate(2026, 1, 1), report.AsOf);
        Assert.Equal(
            (1, Usd(100_000m), Usd(20_000m)),
            (report.Lines[1].OpenDeals, report.Lines[1].OpenPipeline, report.Lines[1].WeightedPipeline)
        );
    }

    [Fact]
    public void Of_WonDate_IsTakenInTheOptionsZone()
    {
        // bob's B1 was won 2026-03-31 23:30 UTC: April 1 in UTC+2, so Q2's there (with B4: 250,000 + 30,000).
        var plus2 = DateTimeZone.ForOffset(Offset.FromHours(2));
        var options = Options with { ForecastOptions = Options.ForecastOptions with { Zone = plus2 } };

        var report = Attainment.Of(Deals, Pipeline, Quotas, options);

        Assert.Equal((Usd(0m), Usd(280_000m)), (report.Lines[1].Won, report.Lines[5].Won));
    }

    [Fact]
    public void Of_SeveralCurrencies_AreConvertedByTheRates()
    {
        // EUR 10,000 at 1.08 = USD 10,800 won in Q1.
        var rates = ExchangeRates.In(Currency.USD).With(Currency.EUR, 1.08m);
        Deal[] deals = [Won("E", "alice", 10_000m, Instant.FromUtc(2026, 2, 2, 9, 0), Currency.EUR)];

        var line = Attainment
            .Of(deals, Pipeline, Quotas.Take(1), new AttainmentOptions { ForecastOptions = new ForecastOptions { Rates = rates } })
            .Lines[0];

        Assert.Equal(Usd(10_800m), line.Won);
    }

    [Fact]
    public void Of_PlanQuotas_AllLevelsAtOnce()
    {
        // A plan's year, quarters, months and weeks overlap: each is measured on its own days. alice's 120,000 won on
        // Feb 10 counts in FY2026, Q1, February and the week of Feb 9-15, and nowhere else.
        var plan = Quota.Decompose(Quota.ForPerson("alice", FiscalCalendar.Calendar.Year(2026), Usd(1_200_000m)), FiscalCalendar.Calendar);

        var report = Attainment.Of(Deals, Pipeline, plan.All(), Options);

        var withWins = report.Lines.Where(l => l.WonDeals > 0).Select(l => l.Quota.Period.Label).ToArray();
        Assert.Equal(["2026", "2026-Q1", "2026-02", "2026 W07"], withWins);
        Assert.All(report.Lines.Where(l => l.WonDeals > 0), l => Assert.Equal(Usd(120_000m), l.Won));
        Assert.Equal(new LocalDate(2026, 2, 9), plan.Weeks[6].Period.Start);
    }

    [Fact]
    public void Of_Snapshot_GivesTheSameReport()
    {
        var snapshot = ForecastSnapshot.Create(Deals, Pipeline, new ForecastOptions { Organization = Org });

        var fromSnapshot = Attainment.Of(snapshot, Quotas, new LocalDate(2026, 3, 1), 0.25m);

        Assert.Equal(Attainment.Of(Deals, Pipeline, Quotas, Options), fromSnapshot);
    }

    [Fact]
    public void Accumulator_MergedHalves_EqualTheWhole()
    {
        var first = new AttainmentAccumulator(Pipeline, Quotas, Options);
        var second = new AttainmentAccumulator(Pipeline, Quotas, Options);
        first.AddRange(Deals.Take(4));
        second.AddRange(Deals.Skip(4));

        first.Merge(second);

        Assert.Equal(Currency.USD, first.Currency);
        Assert.Equal(Attainment.Of(Deals, Pipeline, Quotas, Options), first.Result());
    }

    // ---- bad input --------------------------------------------------------------------------------------------

    [Fact]
    public void Of_RatesInAnotherCurrencyThanTheQuotas_ThrowsNamingBoth()
    {
        var options = new AttainmentOptions { ForecastOptions = new ForecastOptions { Rates = ExchangeRates.In(Currency.EUR) } };
        var error = Assert.Throws<ArgumentException>(() => Attainment.Of(Deals, Pipeline, [Quotas[0]], options));
        Assert.Equal("options", error.ParamName);
        Assert.Contains("The exchange rates report in EUR, but the quotas are in USD.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_BadQuotaLists_ThrowNamingTheQuota()
    {
        AssertQuotasRejected([], "the list was empty");
        AssertQuotasRejected(
            [Quotas[0], Quota.ForPerson("bob", Q1, Money.Of(1m, Currency.EUR))],
            "Quota 1",
            "is in EUR, but quota 0 is in USD"
        );
        AssertQuotasRejected([Quotas[0], Quotas[1], Quota.ForPerson("alice", Q1, Usd(5m))], "Quota 2 (Person alice", "repeats");
        AssertQuotasRejected([Quota.ForTeam("nowhere", Q1, Usd(1m))], "Quota 0 (Team nowhere", "Acme does not have");
        var noOrg = Assert.Throws<ArgumentException>(() => Attainment.Of(Deals, Pipeline, [Quotas[2]]));
        Assert.Contains("Quota 0 (Team emea", noOrg.Message, StringComparison.Ordinal);
        Assert.Contains("need an organization", noOrg.Message, StringComparison.Ordinal);
        Assert.Equal("quotas", Assert.Throws<ArgumentNullException>(() => Attainment.Of(Deals, Pipeline, [Quotas[0], null!])).ParamName);
    }

    private static void AssertQuotasRejected(Quota[] quotas, params string[] fragments)
    {
        var ex = Assert.Throws<ArgumentException>(() => Attainment.Of(Deals, Pipeline, quotas, Options));
        Assert.Equal("quotas", ex.ParamName);
        Assert.All(fragments, f => Assert.Contains(f, ex.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0.1")]
    [InlineData("1.5")]
    public void WinRate_OutsideZeroToOne_Throws(string value)
    {
        var rate = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new AttainmentOptions { WinRate = rate });
        var snapshot = ForecastSnapshot.Create(Deals, Pipeline);
        var viaSnapshot = Assert.Throws<ArgumentOutOfRangeException>(() => Attainment.Of(snapshot, Quotas.Take(1), winRate: rate));

        Assert.Equal("WinRate", ex.ParamName);
        Assert.Contains($"it was {value}", ex.Message, StringComparison.Ordinal);
        Assert.Equal("winRate", viaSnapshot.ParamName);
    }

    [Fact]
    public void Of_BadDealsAndOptions_Throw()
    {
        var inEuro = Open("E", "alice", 1_000m, new LocalDate(2026, 3, 1), currency: Currency.EUR);
        var gbpRates = new AttainmentOptions { ForecastOptions = new ForecastOptions { Rates = ExchangeRates.In(Currency.GBP) } };

        var missing = Assert.Throws<MissingExchangeRateException>(() => Attainment.Of([inEuro], Pipeline, Quotas.Take(1)));
        var wrongRates = Assert.Throws<ArgumentException>(() => Attainment.Of(Deals, Pipeline, Quotas.Take(1), gbpRates));
        var nullDeal = Assert.Throws<ArgumentNullException>(() => Attainment.Of([Deals[0], null!], Pipeline, Quotas.Take(1)));

        Assert.Contains("EUR", missing.Message, StringComparison.Ordinal);
        Assert.Equal("options", wrongRates.ParamName);
        Assert.Contains("GBP", wrongRates.Message, StringComparison.Ordinal);
        Assert.Equal("deals", nullDeal.ParamName);
        Assert.Contains("Deal 1 is null", nullDeal.Message, StringComparison.Ordinal);
        Assert.Equal(
            "ForecastOptions",
            Assert.Throws<ArgumentNullException>(() => new AttainmentOptions { ForecastOptions = null! }).ParamName
        );
    }

    [Fact]
    public void Of_SnapshotInAnotherCurrency_Throws()
    {
        var snapshot = ForecastSnapshot.Create(Deals, Pipeline);

        var ex = Assert.Throws<ArgumentException>(() =>
            Attainment.Of(snapshot, [Quota.ForPerson("alice", Q1, Money.Of(1m, Currency.EUR))])
        );

        Assert.Equal("quotas", ex.ParamName);
        Assert.Contains("the snapshot is in USD", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accumulator_RejectedDeal_LeavesItUnchanged()
    {
        var accumulator = new AttainmentAccumulator(Pipeline, Quotas, Options);
        accumulator.AddRange(Deals);
        var before = accumulator.Result();

        Assert.Throws<MissingExchangeRateException>(() =>
            accumulator.Add(Open("E", "alice", 1_000m, new LocalDate(2026, 3, 20), currency: Currency.EUR))
        );

        Assert.Equal(before, accumulator.Result());
    }

    [Fact]
    public void Accumulator_MergeWithOtherQuotas_Throws()
    {
        var accumulator = new AttainmentAccumulator(Pipeline, Quotas, Options);
        var other = new AttainmentAccumulator(Pipeline, Quotas.Take(2), Options);

        Assert.Equal("other", Assert.Throws<ArgumentException>(() => accumulator.Merge(other)).ParamName);
    }

    [Fact]
    public void Indexer_Missing_ThrowsListingTheSubjectsOfThePeriod()
    {
        var report = Attainment.Of(Deals, Pipeline, Quotas, Options);

        var ex = Assert.Throws<KeyNotFoundException>(() => report[Q1, "zed"]);

        Assert.StartsWith($"The attainment report for {Q1.Label} has no row \"zed\"; it has \"", ex.Message, StringComparison.Ordinal);
        Assert.All(
            report.Lines.Where(l => l.Quota.Period == Q1),
            l => Assert.Contains($"\"{l.Quota.SubjectId}\"", ex.Message, StringComparison.Ordinal)
        );
        Assert.False(report.TryGet(Q1, "zed", out var none));
        Assert.Null(none);
        Assert.True(report.TryGet(Q1, "alice", out var alice));
        Assert.Same(report[Q1, "alice"], alice);
        Assert.Equal("alice", alice.Quota.SubjectId);
        Assert.Equal("period", Assert.Throws<ArgumentNullException>(() => report[null!, "alice"]).ParamName);
    }
}
