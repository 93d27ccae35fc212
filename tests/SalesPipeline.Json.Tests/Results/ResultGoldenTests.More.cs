using System.Text.Json;
using SalesPipeline.Activities;
using SalesPipeline.Collections;
using SalesPipeline.Forecasting;
using SalesPipeline.Metrics;
using SalesPipeline.Targets;
using static SalesPipeline.Json.Tests.Results.ResultScenario;

namespace SalesPipeline.Json.Tests.Results;

// The remaining results, from the same scenario (ResultScenario's comment has the deals, leads, activities, contracts).
public partial class ResultGoldenTests
{
    [Fact]
    public void Forecast_comparison()
    {
        // The open deals compared: D-1, D-2, D-3 (won and lost deals are not forecast any more).
        var json = Pin("forecast-comparison", Forecast.Compare(AllDeals, Pipeline));
        Assert.Equal(
            ["D-1", "D-2", "D-3"],
            json.GetProperty("deals").EnumerateArray().Select(d => d.GetProperty("dealId").GetString()).Order(StringComparer.Ordinal)
        );
    }

    [Fact]
    public void Stage_calibration()
    {
        // Closed: D-4 won, D-5 lost; the three open deals are ignored. Overall win rate 1/2.
        var json = Pin("stage-calibration", StageCalibration.FromHistory(AllDeals, Pipeline));
        Assert.Equal(2, json.GetProperty("closedDeals").GetInt32());
        Assert.Equal(3, json.GetProperty("openDealsIgnored").GetInt32());
        Assert.Equal(0.5, json.GetProperty("overallWinRate").GetDouble());
    }

    [Fact]
    public void Backtest()
    {
        // Forecast on Jan 1 for Q1: no deal existed yet (all opened Jan 5), so every method said 0; Q1 actually won 8,000.
        var json = Pin("backtest", ForecastBacktest.Run(AllDeals, Pipeline, [BacktestPoint.AtStartOf(Q1)]));
        var row = json.GetProperty("rows")[0];
        Assert.Equal(8_000m, Amount(row.GetProperty("actual")));
        Assert.Equal(0m, Amount(row.GetProperty("stageWeighted")));
    }

    [Fact]
    public void Velocity_comparison()
    {
        // Q4 2025 had no deals; Q1 2026 won D-4 (8,000) and lost D-5.
        var json = Pin(
            "velocity-comparison",
            SalesVelocity.Compare(SalesVelocity.Of(AllDeals, Calendar.Quarter(2025, 4)), SalesVelocity.Of(AllDeals, Q1))
        );
        Assert.Equal(0, json.GetProperty("before").GetProperty("wonDeals").GetInt64());
        Assert.Equal(1, json.GetProperty("after").GetProperty("wonDeals").GetInt64());
    }

    [Fact]
    public void Loss_report()
    {
        // One loss: D-5, 4,000, for price, from Qualified: all of the count and the value.
        var json = Pin("loss-report", LossAnalysis.Of(AllDeals));
        Assert.Equal(1, json.GetProperty("lost").GetProperty("count").GetInt32());
        var reason = json.GetProperty("reasons")[0];
        Assert.Equal("price", reason.GetProperty("reason").GetString());
        Assert.Equal(4_000m, Amount(reason.GetProperty("value")));
        Assert.Equal("qualified", reason.GetProperty("stages")[0].GetProperty("stageId").GetString());
    }

    [Fact]
    public void Competitor_report()
    {
        // Contoso was met once (D-5) and took it: lost to 1, 4,000.
        var json = Pin("competitor-report", CompetitorAnalysis.Of(AllDeals));
        var contoso = json.GetProperty("lines")[0];
        Assert.Equal("Contoso", contoso.GetProperty("competitor").GetString());
        Assert.Equal(1, contoso.GetProperty("lostTo").GetInt32());
        Assert.Equal(4_000m, Amount(contoso.GetProperty("lostToValue")));
    }

    [Fact]
    public void Incoming_volume()
    {
        // Q1: 2 new leads (Feb 2, Feb 20) and 5 new deals (Jan 5); Q2: none.
        var json = Pin("incoming-volume", IncomingVolume.Of(AllLeads, AllDeals, Quarters));
        var q1 = json.GetProperty("periods")[0];
        Assert.Equal(2, q1.GetProperty("newLeads").GetInt32());
        Assert.Equal(5, q1.GetProperty("newDeals").GetInt32());
    }

    [Fact]
    public void Lead_response_time()
    {
        // L-1 answered after 23 hours (Feb 2 09:00 to Feb 3 08:00); L-2 waits 207 hours (Feb 20 09:00 to Mar 1 00:00).
        var json = Pin("lead-response-time", LeadResponseTime.Of(AllLeads, ActivityIndex.Create(AllActivities), AsOf));
        Assert.Equal(1, json.GetProperty("touched").GetInt64());
        Assert.Equal(23d, json.GetProperty("meanHours").GetDouble());
        var overdue = json.GetProperty("overdue")[0];
        Assert.Equal("L-2", overdue.GetProperty("leadId").GetString());
        Assert.Equal(207d, overdue.GetProperty("waitingHours").GetDouble());
    }

    [Fact]
    public void Activity_report()
    {
        // Q1: alice 1 call; bob 1 meeting and 1 call.
        var json = Pin("activity-report", ActivityReport.Of(AllActivities, Quarters));
        var lines = json.GetProperty("lines")
            .EnumerateArray()
            .Select(l => (l.GetProperty("rep").GetString(), l.GetProperty("kind").GetString(), l.GetProperty("count").GetInt32()));
        Assert.Equal([("alice", "Call", 1), ("bob", "Call", 1), ("bob", "Meeting", 1)], lines.Order());
    }

    [Fact]
    public void Activity_progress()
    {
        // Judged by default: meetings and demos. bob's meeting on D-4 (Jan 19 08:00) was followed by the move to Proposal
        // an hour later: 1 of 1 progressed (alice's call is not a kind judged by default).
        var json = Pin("activity-progress", ActivityProgress.Of(AllDeals, AllActivities));
        var total = json.GetProperty("total");
        Assert.Equal(1, total.GetProperty("activities").GetInt32());
        Assert.Equal(1, total.GetProperty("progressed").GetInt32());
        Assert.Equal("Meeting", json.GetProperty("byKind")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public void Quota_plan()
    {
        // 120,000 for fiscal 2026, split over the quarters: they add up to the year.
        var plan = Pin(
            "quota-plan",
            Quota.Decompose(Quota.ForPerson("alice", Calendar.Year(2026), Money.Of(120_000m, Currency.USD)), Calendar)
        );
        Assert.Equal(120_000m, plan.GetProperty("quarters").EnumerateArray().Sum(q => Amount(q.GetProperty("target"))));
    }

    [Fact]
    public void Quota_assignment()
    {
        // The team's Q1 40,000 against alice 30,000 + bob 10,000: it adds up.
        var assignment = Pin(
            "quota-assignment",
            QuotaAssignment.Of(
                Quota.ForTeam("sales", Q1, Money.Of(40_000m, Currency.USD)),
                [Quota.ForPerson("alice", Q1, Money.Of(30_000m, Currency.USD)), Quota.ForPerson("bob", Q1, Money.Of(10_000m, Currency.USD))]
            )
        );
        Assert.True(assignment.GetProperty("addsUp").GetBoolean());
        Assert.Equal(40_000m, Amount(assignment.GetProperty("assigned")));
    }

    [Fact]
    public void Collection_progress()
    {
        // Due by Mar 1: C-4's 4,000 (Feb 1, paid Feb 5) and C-9's 6,000 (Jan 24, unpaid): 10,000 due, 4,000 collected.
        var json = Pin("collection-progress", CollectionProgress.Of(Schedules, AsOfDate));
        var total = json.GetProperty("total");
        Assert.Equal(10_000m, Amount(total.GetProperty("due")));
        Assert.Equal(4_000m, Amount(total.GetProperty("collected")));
    }

    [Fact]
    public void Days_sales_outstanding()
    {
        // Q1 has 90 days (31 + 28 + 31).
        var json = Pin("days-sales-outstanding", DaysSalesOutstanding.Of(Schedules, Q1));
        Assert.Equal(90, json.GetProperty("days").GetInt32());
    }

    [Fact]
    public void Collection_status()
    {
        // C-9 on Mar 1: its one instalment of 6,000 was due Jan 24 and is unpaid: overdue by 36 days (7 to the end of
        // January, 28 in February, 1 into March).
        var json = Pin("collection-status", Schedules[1].StatusAsOf(AsOfDate));
        Assert.Equal("C-9", json.GetProperty("contractId").GetString());
        Assert.Equal(6_000m, Amount(json.GetProperty("overdue")));
        var instalment = json.GetProperty("instalments")[0];
        Assert.Equal("Overdue", instalment.GetProperty("state").GetString());
        Assert.Equal(36, instalment.GetProperty("daysOverdue").GetInt32());
    }
}
