using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Collections;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Pipelines;
using SalesPipeline.Targets;
using static SalesPipeline.Tests.Collections.CollectionFixtures;
using static SalesPipeline.Tests.Collections.Receivables.ReceivablesFixtures;

namespace SalesPipeline.Tests.Collections.Receivables;

public sealed class CashForecastTests
{
    private static readonly FiscalPeriod April = new("Apr", new DateInterval(D("2026-04-01"), D("2026-04-30")));
    private static readonly FiscalPeriod May = new("May", new DateInterval(D("2026-05-01"), D("2026-05-31")));

    private static readonly PipelineDefinition Simple = PipelineDefinition
        .CreateBuilder("Simple")
        .Stage("Proposal", 0.25m, ForecastCategory.BestCase)
        .Won("Won")
        .Lost("Lost")
        .Build();

    // Half on signing, the balance 30 days later.
    private static readonly PaymentTerms HalfNowHalfIn30 = PaymentTerms.Create(
        TermsLine.Percentage(50m, DueRule.DaysAfterStart(0)),
        TermsLine.Balance(DueRule.DaysAfterStart(30))
    );

    // C-5 (bob): USD 3,000.00 signed 2026-04-10, 30% then two monthly parts: 900.00 due 04-10, 1,050.00 due 05-10,
    // 1,050.00 due 06-10 (after the last period).
    private static CollectionSchedule C5() =>
        CollectionSchedule.Create(Usd(3_000m), D("2026-04-10"), ThirtyThenTwoMonthly(), new ContractInfo("C-5", "Hooli", "bob"));

    private static Deal OpenDeal(string id, decimal amount, string expectedClose) =>
        Deal.Open(Simple, new DealId(id), id, "alice", Usd(amount), D(expectedClose), Instant.FromUtc(2026, 3, 1, 9, 0));

    // On 2026-04-10: overdue C-1 6,000.00 + C-3 900.00 = 6,900.00; April C-2 1,000.00 + C-5 900.00 = 1,900.00; May C-5 1,050.00;
    // outside C-5 1,050.00; undated C-4's go-live half 1,000.00. Sum 11,900.00 = what the five contracts still owe
    // (6,000 + 1,000 + 900 + 1,000 + 3,000).
    [Fact]
    public void Of_WorkedBook_PlacesEveryInstalment()
    {
        var report = CashForecast.Of([.. Book(), C5()], AsOf, [April, May]);

        Assert.Equal(["overdue", "Apr", "May", "outside periods", "undated"], report.Lines.Select(l => l.Label));
        Assert.Equal([6_900m, 1_900m, 1_050m, 1_050m, 1_000m], report.Lines.Select(l => l.Scheduled.Amount));
        Assert.All(report.Lines, l => Assert.True(l.WonNotScheduled.IsZero && l.WeightedPipeline.IsZero));
        Assert.Same(May, report.Periods[1].Period);
        Assert.Null(report.Undated.Period);
    }

    // Won D-W USD 2,000.00 on 2026-04-20 10:00 UTC: 1,000.00 due 04-20 (Apr) and 1,000.00 due 05-20 (May).
    // Open D-O USD 10,000.00 at 25%: 2,500.00 signed 05-15: 1,250.00 (May) and 1,250.00 due 06-14 (outside).
    // Open D-R USD 333.33 at 25% = 83.3325, rounded 83.33, split 41.67 / 41.66 (the tied cent to the earlier line):
    // May 1,291.67, outside 1,291.66.
    [Fact]
    public void Of_WithDeals_ShowsWonAndPipelineSeparately()
    {
        var won = Simple.Win(OpenDeal("D-W", 2_000m, "2026-04-30"), Instant.FromUtc(2026, 4, 20, 10, 0), "alice");
        var options = new CashForecastOptions
        {
            DefaultTerms = HalfNowHalfIn30,
            WonDeals = [won],
            OpenDeals = [OpenDeal("D-O", 10_000m, "2026-05-15"), OpenDeal("D-R", 333.33m, "2026-05-15")],
            Pipeline = Simple,
        };

        var report = CashForecast.Of([C2()], AsOf, [April, May], options);

        Assert.Equal([0m, 1_000m, 0m, 0m, 0m], report.Lines.Select(l => l.Scheduled.Amount));
        Assert.Equal([0m, 1_000m, 1_000m, 0m, 0m], report.Lines.Select(l => l.WonNotScheduled.Amount));
        Assert.Equal([0m, 0m, 1_291.67m, 1_291.66m, 0m], report.Lines.Select(l => l.WeightedPipeline.Amount));
    }

    [Fact]
    public void Of_BadInput_Throws()
    {
        var open = OpenDeal("D-O", 10_000m, "2026-05-15");
        Assert.Equal("periods", Assert.Throws<ArgumentException>(() => CashForecast.Of([C2()], AsOf, [])).ParamName);
        Assert.Equal("periods", Assert.Throws<ArgumentException>(() => CashForecast.Of([C2()], AsOf, [April, April])).ParamName);
        Assert.Equal("schedules", Assert.Throws<ArgumentException>(() => CashForecast.Of([], AsOf, [April])).ParamName);

        var noTerms = Assert.Throws<ArgumentException>(() =>
            CashForecast.Of([C2()], AsOf, [April], new CashForecastOptions { OpenDeals = [open], Pipeline = Simple })
        );
        Assert.Equal("options", noTerms.ParamName);
        Assert.Contains("DefaultTerms", noTerms.Message, StringComparison.Ordinal);

        var noPipeline = Assert.Throws<ArgumentException>(() =>
            CashForecast.Of([C2()], AsOf, [April], new CashForecastOptions { OpenDeals = [open], DefaultTerms = HalfNowHalfIn30 })
        );
        Assert.Contains("Pipeline", noPipeline.Message, StringComparison.Ordinal);

        var notWon = Assert.Throws<ArgumentException>(() =>
            CashForecast.Of([C2()], AsOf, [April], new CashForecastOptions { WonDeals = [open], DefaultTerms = HalfNowHalfIn30 })
        );
        Assert.Contains("D-O", notWon.Message, StringComparison.Ordinal);

        var yenDeal = Deal.Open(Simple, new DealId("D-Y"), "y", "alice", Jpy(1_000m), D("2026-05-15"), Instant.FromUtc(2026, 3, 1, 9, 0));
        var mixed = Assert.Throws<ArgumentException>(() =>
            CashForecast.Of(
                [C2()],
                AsOf,
                [April],
                new CashForecastOptions
                {
                    OpenDeals = [yenDeal],
                    DefaultTerms = HalfNowHalfIn30,
                    Pipeline = Simple,
                }
            )
        );
        Assert.Contains("JPY", mixed.Message, StringComparison.Ordinal);
    }

    // The scheduled column adds up to what the schedules still owe; overdue and undated match the schedules' own status.
    [Fact]
    public void Of_AnyPortfolio_LinesAddUpToRemaining_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                ReceivablesGen.Portfolios.ToArbitrary(),
                p =>
                {
                    var start = new LocalDate(p.AsOf.Year, p.AsOf.Month, 1);
                    // Six months with a gap in the third, so that "outside periods" is exercised inside the range too.
                    var periods = Enumerable
                        .Range(0, 6)
                        .Where(m => m != 2)
                        .Select(m => new FiscalPeriod($"m{m}", new DateInterval(start.PlusMonths(m), start.PlusMonths(m + 1).PlusDays(-1))))
                        .ToArray();
                    var report = CashForecast.Of(p.Schedules, p.AsOf, periods);
                    var currency = report.Currency;
                    var statuses = p.Schedules.Select(s => s.StatusAsOf(p.AsOf)).ToArray();
                    var remaining = Money.Sum(statuses.Select(s => s.Remaining), currency);
                    var undated = Money.Sum(
                        statuses.SelectMany(s => s.Instalments).Where(i => i.DueOn is null).Select(i => i.Remaining),
                        currency
                    );
                    return Money.Sum(report.Lines.Select(l => l.Scheduled), currency) == remaining
                        && report.Overdue.Scheduled == Money.Sum(statuses.Select(s => s.Overdue), currency)
                        && report.Undated.Scheduled == undated
                        && report.Lines.All(l => !l.Scheduled.IsNegative);
                }
            )
        );

    private static readonly LocalDate YearZero = new(0, 6, 1);

    // A lost deal is not open: projecting it at its win probability (zero) would hide a caller's mistake.
    [Fact]
    public void Of_DealInOpenDealsThatIsNotOpen_IsRefused()
    {
        var lost = Simple.Lose(OpenDeal("D-L", 1_000m, "2026-05-15"), LossReason.Price, Instant.FromUtc(2026, 4, 1, 9, 0), "alice");
        var options = new CashForecastOptions
        {
            DefaultTerms = HalfNowHalfIn30,
            OpenDeals = [lost],
            Pipeline = Simple,
        };

        var ex = Assert.Throws<ArgumentException>(() => CashForecast.Of([C2()], AsOf, [April], options));

        Assert.Equal("Deal D-L is in OpenDeals but is Lost, not open. (Parameter 'options')", ex.Message);
    }

    // A lost deal has a close instant too; only a won one may be projected as won.
    [Fact]
    public void Of_LostDealInWonDeals_IsRefused()
    {
        var lost = Simple.Lose(OpenDeal("D-L", 1_000m, "2026-05-15"), LossReason.Price, Instant.FromUtc(2026, 4, 1, 9, 0), "alice");

        var ex = Assert.Throws<ArgumentException>(() =>
            CashForecast.Of([C2()], AsOf, [April], new CashForecastOptions { DefaultTerms = HalfNowHalfIn30, WonDeals = [lost] })
        );

        Assert.Equal("Deal D-L is in WonDeals but is Lost, not won. (Parameter 'options')", ex.Message);
    }

    [Fact]
    public void Of_WonDealInAnotherCurrency_IsRefused()
    {
        var yen = Deal.Open(Simple, new DealId("D-Y"), "y", "alice", Jpy(1_000m), D("2026-05-15"), Instant.FromUtc(2026, 3, 1, 9, 0));
        var won = Simple.Win(yen, Instant.FromUtc(2026, 4, 20, 10, 0), "alice");

        var ex = Assert.Throws<ArgumentException>(() =>
            CashForecast.Of([C2()], AsOf, [April], new CashForecastOptions { DefaultTerms = HalfNowHalfIn30, WonDeals = [won] })
        );

        Assert.Equal("Deal D-Y is in JPY; the schedules are in USD. Convert it first. (Parameter 'options')", ex.Message);
    }

    [Fact]
    public void Of_NullDealInEitherList_IsRefusedNamingTheList()
    {
        var wonEx = Assert.Throws<ArgumentNullException>(() =>
            CashForecast.Of([C2()], AsOf, [April], new CashForecastOptions { DefaultTerms = HalfNowHalfIn30, WonDeals = [null!] })
        );
        var openEx = Assert.Throws<ArgumentNullException>(() =>
            CashForecast.Of([C2()], AsOf, [April], new CashForecastOptions { DefaultTerms = HalfNowHalfIn30, OpenDeals = [null!] })
        );

        Assert.Equal("Won deal 0 is null. (Parameter 'options')", wonEx.Message);
        Assert.Equal("Open deal 0 is null. (Parameter 'options')", openEx.Message);
    }

    // Options with no deals at all need neither terms nor a pipeline: the forecast is the scheduled one, C-2's 1,000.00 in April.
    [Fact]
    public void Of_OptionsWithoutDeals_NeedNoTermsAndAddNothing()
    {
        var report = CashForecast.Of([C2()], AsOf, [April], new CashForecastOptions());

        Assert.Equal([0m, 1_000m, 0m, 0m], report.Lines.Select(l => l.Scheduled.Amount));
        Assert.All(report.Lines, l => Assert.True(l.WonNotScheduled.IsZero && l.WeightedPipeline.IsZero));
    }

    // As many won deals as open ones. Won D-W USD 2,000.00 on 2026-04-20: 1,000.00 (Apr) and 1,000.00 due 05-20 (May).
    // Open D-O USD 10,000.00 at 25% = 2,500.00 signed 05-15: 1,250.00 (May) and 1,250.00 due 06-14 (outside).
    [Fact]
    public void Of_OneWonAndOneOpenDeal_ProjectsBoth()
    {
        var won = Simple.Win(OpenDeal("D-W", 2_000m, "2026-04-30"), Instant.FromUtc(2026, 4, 20, 10, 0), "alice");
        var options = new CashForecastOptions
        {
            DefaultTerms = HalfNowHalfIn30,
            WonDeals = [won],
            OpenDeals = [OpenDeal("D-O", 10_000m, "2026-05-15")],
            Pipeline = Simple,
        };

        var report = CashForecast.Of([C2()], AsOf, [April, May], options);

        Assert.Equal([0m, 1_000m, 1_000m, 0m, 0m], report.Lines.Select(l => l.WonNotScheduled.Amount));
        Assert.Equal([0m, 0m, 1_250m, 1_250m, 0m], report.Lines.Select(l => l.WeightedPipeline.Amount));
    }

    // Rows: 0 overdue, 1..n the periods, then outside periods and undated; only the period rows carry a period.
    [Fact]
    public void Of_PeriodRows_CarryTheirPeriod_FromTheFirst()
    {
        var report = CashForecast.Of([C2()], AsOf, [April, May]);

        Assert.Equal([null, April, May, null, null], report.Lines.Select(l => l.Period));
    }

    // Two won deals of USD 6 x 10^15, all due on winning (2026-04-20, April): USD 1.2 x 10^16 in one row, past the limit.
    [Fact]
    public void Of_ProjectedRowBeyondTheLimit_IsRefusedNamingTheColumn()
    {
        var allOnSigning = AllOnSigning();
        Deal Won(string id) => Simple.Win(OpenDeal(id, 6e15m, "2026-04-30"), Instant.FromUtc(2026, 4, 20, 10, 0), "alice");
        var options = new CashForecastOptions { DefaultTerms = allOnSigning, WonDeals = [Won("D-1"), Won("D-2")] };

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => CashForecast.Of([C2()], AsOf, [April], options));

        Assert.Equal("options", ex.ParamName);
        Assert.StartsWith("A row of the projected deals would reach USD 12,000,000,000,000,000.00", ex.Message, StringComparison.Ordinal);
    }

    // The date is checked before the schedules, so a bad date is reported as such even with an empty list.
    [Fact]
    public void Of_UnsupportedAsOf_IsRefusedFirst() =>
        Assert.Equal("asOf", Assert.Throws<ArgumentOutOfRangeException>(() => CashForecast.Of([], YearZero, [April])).ParamName);
}
