using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Health;
using SalesPipeline.Metrics;
using SalesPipeline.Reporting;
using static SalesPipeline.Tests.Metrics.MetricDeals;

namespace SalesPipeline.Tests.Metrics;

// How every metric treats a stopped deal (DealStatus.Stopped): the decisions of docs/metrics.md "Stopped deals".
public class StoppedDealsTests
{
    private static readonly Instant AsOf = Day(60);

    // Opened day 0 in prospecting, moved to qualified (hour 1 of day 0), to proposal (hour 2), stopped on day 10.
    private static Deal Stopped(string id, string owner, decimal amount, int stoppedDay = 10, StopReason? reason = null, int stage = 2) =>
        Pipeline.Stop(Open(id, owner, amount, stage: stage), reason ?? StopReason.OnHold, Day(stoppedDay), owner);

    // One loss (price, proposal, 10,000); three stops: budget frozen in proposal twice (30,000 on day 10, 10,000 on day
    // 11), on hold in qualified once (20,000 on day 11).
    private static Deal[] LossesAndStops() =>
        [
            Lost("L", "alice", 10_000m, 5, LossReason.Price, stage: 2),
            Stopped("S1", "alice", 30_000m, 10, StopReason.BudgetFrozen),
            Stopped("S2", "bob", 10_000m, 11, StopReason.BudgetFrozen),
            Stopped("S3", "carol", 20_000m, 11, StopReason.OnHold, stage: 1),
            Open("O", "bob", 5m),
        ];

    [Fact]
    public void LossAndStop_WorkedExample_CountsValuesAndSharesByHand()
    {
        var report = LossAnalysis.Of(LossesAndStops());

        Assert.Equal(new LossFigures(1, Money.Of(10_000m, Currency.USD), 1m, 1m), report.Lost);
        Assert.Equal(new LossFigures(3, Money.Of(60_000m, Currency.USD), 1m, 1m), report.Stopped);
        // budget-frozen: 2 of 3 deals, 40,000 of 60,000; on-hold: 1 of 3, 20,000 of 60,000.
        Assert.Equal(["budget-frozen", "on-hold"], report.StopReasons.Select(r => r.Reason.Code));
        Assert.Equal(new LossFigures(2, Money.Of(40_000m, Currency.USD), 2m / 3m, 2m / 3m), report.StopReasons[0].Figures);
        Assert.Equal(new LossFigures(1, Money.Of(20_000m, Currency.USD), 1m / 3m, 1m / 3m), report.StopReasons[1].Figures);
        Assert.Equal("proposal", Assert.Single(report.StopReasons[0].Stages).StageId);
        // By stage: proposal 2 (40,000), qualified 1 (20,000).
        Assert.Equal([("proposal", 2), ("qualified", 1)], report.StopStages.Select(s => (s.StageId, s.Figures.Count)));
        Assert.Contains("stopped: 3 (100.0%), USD 60,000.00 (100.0%)", report.ToString());
        Assert.Contains("budget-frozen: 2 (66.7%), USD 40,000.00 (66.7%)", report.ToString());
    }

    [Fact]
    public void LossAndStop_Window_TakesStopsByTheDateTheyStopped()
    {
        var options = new WinRateOptions { Start = new LocalDate(2026, 1, 12) }; // day 11 on

        var report = LossAnalysis.Of(LossesAndStops(), options);

        Assert.Equal((0, 2), (report.Lost.Count, report.Stopped.Count));
    }

    [Fact]
    public void LossAndStop_CountStoppedAsLost_KeepsStopsInTheirOwnPart()
    {
        var report = LossAnalysis.Of(LossesAndStops(), new WinRateOptions { CountStoppedAsLost = true });

        Assert.Equal((1, 3), (report.Lost.Count, report.Stopped.Count));
    }

    [Fact]
    public void LossAndStop_StoppedThenLost_IsALoss()
    {
        var deal = Pipeline.Lose(Stopped("S", "alice", 10m), LossReason.Timing, Day(20), "alice");

        var report = LossAnalysis.Of([deal]);

        Assert.Equal((1, 0), (report.Lost.Count, report.Stopped.Count));
        Assert.Equal("proposal", Assert.Single(report.Stages).StageId);
    }

    [Fact]
    public void LossAndStop_Table_HasBothParts()
    {
        var table = LossAnalysis.Of(LossesAndStops()).ToTable();

        // lost: total, price, price x proposal, proposal; stopped: total, 2 reasons with a stage each, 2 stages.
        Tests.Reporting.TableAssert.Equal(
            table,
            "outcome",
            new[] { "lost", "lost", "lost", "lost", "stopped", "stopped", "stopped", "stopped", "stopped", "stopped", "stopped" }
        );
    }

    [Fact]
    public void TimeInStage_PausedTimeIsNoTimeInStage()
    {
        // Qualified from hour 10 to the stop at hour 30 (20 h), resumed at hour 100 and moved on at hour 120 (20 h):
        // two stays of 20 h, 40 h in all; the 70 paused hours count nowhere.
        Deal deal = History.Open("S").Move("qualified", 10).Stop(30).Resume("qualified", 100).Move("proposal", 120);

        var report = TimeInStage.Of([deal], History.Pipeline, History.H(200));

        var qualified = report.Stages[1];
        Assert.Equal(40.0 / 24, qualified.Cumulative!.MedianDays, 9);
        Assert.Equal(20.0 / 24, qualified.Latest!.MedianDays, 9);
    }

    [Fact]
    public void TimeInStage_StoppedNow_StayEndsAtTheStop()
    {
        // Prospecting from 0 to the stop at hour 12, then stopped until the as-of hour 500: one finished 12 h stay.
        Deal deal = History.Open("S").Stop(12);

        var report = TimeInStage.Of([deal], History.Pipeline, History.H(500), new TimeInStageOptions { IncludeOpenStints = true });

        var prospecting = report.Stages[0].Cumulative!;
        Assert.Equal(0.5, prospecting.MedianDays, 9);
        Assert.Equal(0, prospecting.OpenCount);
    }

    [Fact]
    public void Funnel_StoppedDeal_CountsAsStoppedInItsStage_NotStillIn()
    {
        var report = Funnel.Of([Stopped("S", "alice", 30_000m), Open("O", "bob", 10_000m, stage: 2)], Pipeline);

        var proposal = report.All.Stages[2];
        // reached 2 = still in 1 + stopped 1; only the open deal's amount is open pipeline.
        Assert.Equal((2, 1, 1), (proposal.Reached, proposal.StillIn, proposal.Stopped));
        Assert.Equal(Money.Of(30_000m, Currency.USD), proposal.StoppedAmount);
        Assert.Equal(1.0, proposal.OpenValueShare);
    }

    [Fact]
    public void Funnel_ResumedDeal_CountsByHowItThenLeft()
    {
        // Stopped in qualified, resumed into proposal: qualified is "moved on", proposal "still in".
        Deal deal = History.Open("S").Move("qualified", 1).Stop(2).Resume("proposal", 5);

        var stages = Funnel.Of([deal], History.Pipeline).All.Stages;

        Assert.Equal((1, 0), (stages[1].MovedOn, stages[1].Stopped));
        Assert.Equal(1, stages[2].StillIn);
    }

    [Fact]
    public void Funnel_LostWhileStopped_IsLostFromTheStageItStoppedIn()
    {
        Deal deal = History.Open("S").Move("qualified", 1).Stop(2).Lose(9);

        var qualified = Funnel.Of([deal], History.Pipeline).All.Stages[1];

        Assert.Equal((1, 0), (qualified.Lost, qualified.Stopped));
    }

    [Fact]
    public void WinRate_DefaultLeavesStoppedOut_OptionCountsItAsLost()
    {
        Deal[] deals = [Won("W", "alice", 10m, 5), Lost("L", "alice", 10m, 6), Stopped("S", "alice", 10m)];

        // Decided: 1 won / (1 won + 1 lost) = 0.5; counting the stop as a loss: 1 / 3.
        Assert.Equal((1, 1), (WinRate.Of(deals).Won, WinRate.Of(deals).Lost));
        var strict = WinRate.Of(deals, new WinRateOptions { CountStoppedAsLost = true });
        Assert.Equal((1, 2), (strict.Won, strict.Lost));
    }

    [Fact]
    public void WinRate_CountStoppedAsLost_PlacesTheStopByItsDate()
    {
        Deal[] deals = [Stopped("S", "alice", 10m, stoppedDay: 10)];
        var window = new WinRateOptions { CountStoppedAsLost = true, Start = new LocalDate(2026, 1, 12) }; // day 11 on

        Assert.Equal(0, WinRate.Of(deals, window).Lost);
        Assert.Equal(1, WinRate.Of(deals, window with { Start = new LocalDate(2026, 1, 11) }).Lost); // day 10 on
    }

    [Fact]
    public void WinRate_CreatedCohort_StoppedCountsAsNotWon()
    {
        Deal[] deals = [Won("W", "alice", 10m, 5), Stopped("S", "alice", 10m)];

        var cohort = WinRate.Of(deals, new WinRateOptions { Definition = WinRateDefinition.Created });

        Assert.Equal((1, 0, 1), (cohort.Won, cohort.Lost, cohort.Open));
    }

    [Fact]
    public void SalesCycle_StoppedDeal_IsCensoredAtTheStop()
    {
        // One deal won after 20 days; one stopped on day 10 (censored at 10 days, not at the as-of day 60).
        // Kaplan-Meier: at 20 days one deal at risk (the stopped one left at 10), one event: S(20) = 0.
        // Were it censored at 60 days, two would be at risk at 20 days and S(20) = 0.5.
        Deal[] deals = [Won("W", "alice", 10m, closedDay: 20), Stopped("S", "alice", 10m, stoppedDay: 10)];

        var cycle = SalesCycle.Of(deals, AsOf);

        var point = Assert.Single(cycle.Curve.Points, p => p.Events > 0);
        Assert.Equal((20.5, 1L, 0.0), (point.Time, point.AtRisk, point.Survival)); // won at noon of day 20
        Assert.Equal(10.5, Assert.Single(cycle.Curve.Points, p => p.Censored > 0).Time); // stopped at noon of day 10
    }

    [Fact]
    public void StageWeighted_StoppedDeal_IsInNoForecast()
    {
        // Open 100,000 in proposal (50%) expected 2026-12-31; the stopped 40,000 adds nothing.
        Deal[] deals = [Open("O", "alice", 100_000m, stage: 2), Stopped("S", "alice", 40_000m)];
        var year = Calendars.FiscalCalendar.Calendar.Year(2026);

        var forecast = Forecast.StageWeighted(deals, Pipeline, [year]);

        Assert.Equal(Money.Of(50_000m, Currency.USD), forecast.Periods[0].Weighted);
        Assert.Equal(1, forecast.Periods[0].OpenDeals);
    }

    [Fact]
    public void StageWeighted_StoppedPastExpectedClose_IsNotOverdue()
    {
        var options = new ForecastOptions { AsOf = new LocalDate(2027, 3, 1) }; // after the 2026-12-31 expected close
        Deal[] deals = [Stopped("S", "alice", 40_000m)];

        var forecast = Forecast.StageWeighted(deals, Pipeline, [Calendars.FiscalCalendar.Calendar.Year(2027)], options);

        Assert.Equal(0, forecast.Overdue.OpenDeals);
    }

    [Fact]
    public void ByStage_ListsStoppedOnItsOwnLine()
    {
        // proposal: 100,000 x 0.5 = 50,000; qualified: 20,000 x 0.25 = 5,000; stopped 40,000 (unweighted, not in the total).
        Deal[] deals =
        [
            Open("O1", "alice", 100_000m, stage: 2),
            Open("O2", "bob", 20_000m, stage: 1),
            Stopped("S", "alice", 40_000m),
            Won("W", "bob", 7m, 3),
        ];

        var byStage = Forecast.ByStage(deals, Pipeline);

        Assert.Equal([0, 1, 1], byStage.Stages.Select(s => s.Deals));
        Assert.Equal(Money.Of(5_000m, Currency.USD), byStage.Stages[1].Weighted);
        Assert.Equal((1, Money.Of(40_000m, Currency.USD)), (byStage.StoppedDeals, byStage.StoppedAmount));
        Assert.Equal(
            (2, Money.Of(120_000m, Currency.USD), Money.Of(55_000m, Currency.USD)),
            (byStage.OpenDeals, byStage.OpenAmount, byStage.Weighted)
        );
        var table = byStage.ToTable();
        Assert.Equal("pipeline_by_stage", table.Name);
        Assert.Equal(5, table.RowCount);
        Assert.Contains("(stopped)", byStage.ToString());
    }

    [Fact]
    public void Health_StoppedDeal_IsNotStaleRottingOrOverdue()
    {
        // Stopped on day 10 and untouched since: as of day 400 an open deal would be stale, rotting and past its close.
        var report = PipelineHealth.Inspect([Stopped("S", "alice", 40_000m)], Pipeline, Day(400));

        Assert.Equal((0, 1), (report.OpenDeals, report.StoppedDeals));
        Assert.DoesNotContain(report.Findings, f => f.Subject == HealthSubject.Deal);
        var summary = report.ToSummaryTable();
        Assert.Equal(1L, summary[0, summary.Columns.ToList().FindIndex(c => c.Name == "stopped_deals")]);
    }

    [Fact]
    public void Calibration_StoppedDeal_IsNotAClosedLoss()
    {
        // One won and one stopped deal, both through proposal: the stopped one is open (censored), so every closed deal
        // that reached proposal was won.
        Deal[] deals = [Won("W", "alice", 10m, 5), Stopped("S", "bob", 10m)];
        Deal[] withoutStop = [Won("W", "alice", 10m, 5), Open("S", "bob", 10m, stage: 2)];

        Assert.Equal(
            StageCalibration.FromHistory(withoutStop, Pipeline).ToString(),
            StageCalibration.FromHistory(deals, Pipeline).ToString()
        );
    }

    [Fact]
    public void StoppedDeals_NeverContributeToAForecast_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                History.RandomDeals.ToArbitrary(),
                deals =>
                {
                    var notStopped = deals.Where(d => d.Status != DealStatus.Stopped).ToArray();
                    var options = new ForecastOptions { Rates = ExchangeRates.In(Currency.USD), AsOf = new LocalDate(2026, 3, 1) };
                    var months = Calendars.FiscalCalendar.Calendar.Months(2026);
                    var all = Forecast.StageWeighted(deals, History.Pipeline, months, options);
                    var some = Forecast.StageWeighted(notStopped, History.Pipeline, months, options);
                    var categories = Forecast.ByCategory(deals, History.Pipeline, months, Org, options: options);
                    var someCategories = Forecast.ByCategory(notStopped, History.Pipeline, months, Org, options: options);
                    return all.Equals(some) && categories.ToString() == someCategories.ToString();
                }
            )
        );

    [Fact]
    public void Funnel_EveryReachedDealIsInExactlyOneCategory_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                History.RandomDeals.ToArbitrary(),
                deals =>
                    Funnel
                        .Of(deals, History.Pipeline, new FunnelOptions { Rates = ExchangeRates.In(Currency.USD) })
                        .All.Stages.All(s => s.Reached == s.MovedOn + s.MovedBack + s.Lost + s.Won + s.StillIn + s.Stopped)
            )
        );

    [Fact]
    public void LossAndStop_MergeOfAnySplit_EqualsTheWhole_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                History.RandomDeals.ToArbitrary(),
                Gen.Choose(0, 100).ToArbitrary(),
                (deals, cut) =>
                {
                    var options = new WinRateOptions { Currency = Currency.USD };
                    var at = deals.Length * cut / 100;
                    var (left, right) = (new LossAccumulator(options), new LossAccumulator(options));
                    left.AddRange(deals.Take(at));
                    right.AddRange(deals.Skip(at));
                    left.Merge(right);
                    return left.Result().ToString() == LossAnalysis.Of(deals, options).ToString();
                }
            )
        );
}
