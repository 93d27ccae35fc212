using System.Text.Json;
using SalesPipeline.Collections;
using SalesPipeline.Forecasting;
using SalesPipeline.Health;
using SalesPipeline.Json.Tests.Documents;
using SalesPipeline.Metrics;
using SalesPipeline.Targets;
using static SalesPipeline.Json.Tests.Results.ResultScenario;

namespace SalesPipeline.Json.Tests.Results;

// One golden file per result, all from ResultScenario's five deals and two contracts. Each test also reads back the
// figures worked out by hand in its comment, so a golden file cannot be regenerated over a wrong number unnoticed.
public partial class ResultGoldenTests
{
    private static JsonElement Pin<T>(string name, T result) =>
        JsonDocument.Parse(GoldenFile.AssertMatches($"result-{name}.json", result)).RootElement;

    // Money is written as {"amount": "1234.50", "currency": "USD"} with the amount's own scale (a sum of whole amounts
    // is "30000"), so amounts are compared as numbers; exact decimals (rates, shares) are strings too.
    private static decimal Amount(JsonElement money)
    {
        Assert.Equal("USD", money.GetProperty("currency").GetString());
        return Exact(money.GetProperty("amount"));
    }

    private static decimal Exact(JsonElement text) => decimal.Parse(text.GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Stage_weighted_forecast()
    {
        // Q1: D-1 10,000 x 0.5 + D-2 20,000 x 0.8 = 5,000 + 16,000 = 21,000 weighted of 30,000 open; D-4 won 8,000;
        // expected 29,000. Q2: D-3 5,000 x 0.1 = 500. Total weighted 21,500, expected 29,500.
        var json = Pin("stage-weighted-forecast", Forecast.StageWeighted(AllDeals, Pipeline, Quarters));
        var q1 = json.GetProperty("periods")[0];
        Assert.Equal(30_000m, Amount(q1.GetProperty("openAmount")));
        Assert.Equal(21_000m, Amount(q1.GetProperty("weighted")));
        Assert.Equal(8_000m, Amount(q1.GetProperty("won")));
        Assert.Equal(29_000m, Amount(q1.GetProperty("expected")));
        Assert.Equal(500m, Amount(json.GetProperty("periods")[1].GetProperty("weighted")));
        Assert.Equal(29_500m, Amount(json.GetProperty("total").GetProperty("expected")));
    }

    [Fact]
    public void Category_forecast()
    {
        // Q1 company line: Closed 8,000 (D-4), Commit 20,000 (D-2 in Negotiation), Best case 10,000 (D-1 in Proposal);
        // cumulative Commit 28,000, Best case 38,000. Q2: Pipeline 5,000 (D-3).
        var json = Pin("category-forecast", Forecast.ByCategory(AllDeals, Pipeline, Quarters, Org));
        var company = json.GetProperty("lines").EnumerateArray().First(l => l.GetProperty("kind").GetString() == "Company");
        var gross = company.GetProperty("gross");
        Assert.Equal(8_000m, Amount(gross.GetProperty("closed")));
        Assert.Equal(20_000m, Amount(gross.GetProperty("commit")));
        Assert.Equal(10_000m, Amount(gross.GetProperty("bestCase")));
        Assert.Equal(28_000m, Amount(gross.GetProperty("commitCumulative")));
        Assert.Equal(38_000m, Amount(gross.GetProperty("bestCaseCumulative")));
    }

    [Fact]
    public void Revenue_distribution()
    {
        // Q1 revenue = 8,000 won + 10,000 with p 0.5 + 20,000 with p 0.8: 8,000 (0.5 x 0.2 = 0.1), 18,000 (0.1),
        // 28,000 (0.5 x 0.8 = 0.4), 38,000 (0.4). Mean 29,000; variance 10,000^2 x 0.25 + 20,000^2 x 0.16 = 89,000,000.
        // Cumulative 0.1, 0.2, 0.6, 1.0: P05 = P10 = 8,000, P25 = P50 = 28,000, P75 = P90 = P95 = 38,000.
        var json = Pin("revenue-distribution", Forecast.Distribution(AllDeals, Pipeline, Q1));
        Assert.Equal(29_000m, Amount(json.GetProperty("mean")));
        Assert.Equal(89_000_000d, json.GetProperty("variance").GetDouble(), 6);
        decimal[] expected = [8_000m, 8_000m, 28_000m, 28_000m, 38_000m, 38_000m, 38_000m];
        Assert.Equal(expected, json.GetProperty("percentiles").EnumerateArray().Select(p => Amount(p.GetProperty("value"))));
    }

    [Fact]
    public void Win_rate_table()
    {
        // Decided: D-4 won (bob, 8,000), D-5 lost (alice, 4,000). Total 1/2 = 0.5 by count, 8,000 / 12,000 by value.
        var json = Pin("win-rate-table", WinRate.By(AllDeals, Breakdown.Owner));
        var total = json.GetProperty("total");
        Assert.Equal(0.5m, Exact(total.GetProperty("countRate")));
        Assert.Equal(1, total.GetProperty("countInterval").GetProperty("successes").GetInt32());
        Assert.Equal(4_000m, Amount(total.GetProperty("lostValue")));
        Assert.Equal(["alice", "bob"], json.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("key").GetString()));
    }

    [Fact]
    public void Funnel_report()
    {
        // Reached: Prospecting 5, Qualified 4 (all but D-3), Proposal 3 (D-1, D-2, D-4), Negotiation 2 (D-2, D-4).
        // Lost from Qualified: D-5; won from Negotiation: D-4.
        var json = Pin("funnel-report", Funnel.Of(AllDeals, Pipeline));
        var stages = json.GetProperty("all").GetProperty("stages").EnumerateArray().ToArray();
        Assert.Equal([5, 4, 3, 2], stages.Take(4).Select(s => s.GetProperty("reached").GetInt32()));
        Assert.Equal(1, stages[1].GetProperty("lost").GetInt32());
        Assert.Equal(1, stages[3].GetProperty("won").GetInt32());
    }

    [Fact]
    public void Sales_cycle()
    {
        // Closed: D-4 after 27 days (Jan 5 to Feb 1), D-5 after 36 days (Jan 5 to Feb 10); the three open deals are
        // censored at 54.625 days (Jan 5 09:00 to Mar 1 00:00: 31 days to Feb 5, 24 more to Mar 1, less 9 hours).
        var json = Pin("sales-cycle", SalesCycle.Of(AllDeals, AsOf));
        Assert.Equal(5, json.GetProperty("deals").GetInt64());
        Assert.Equal(2, json.GetProperty("closed").GetInt64());
        Assert.Equal(3, json.GetProperty("censored").GetInt64());
        Assert.Equal(
            [27d, 36d, 54.625d],
            json.GetProperty("curve").GetProperty("points").EnumerateArray().Select(p => p.GetProperty("time").GetDouble())
        );
    }

    [Fact]
    public void Time_in_stage()
    {
        // Prospecting: 7 days for the four deals that left it on Jan 12, and D-3's open stint of 54.625 days (open stints
        // count by default): 5 stints, 1 open, median 7, mean (4 x 7 + 54.625) / 5 = 16.525.
        var json = Pin("time-in-stage", TimeInStage.Of(AllDeals, Pipeline, AsOf));
        var prospecting = json.GetProperty("stages")[0];
        Assert.Equal("prospecting", prospecting.GetProperty("stageId").GetString());
        var latest = prospecting.GetProperty("latest");
        Assert.Equal(5, latest.GetProperty("count").GetInt32());
        Assert.Equal(1, latest.GetProperty("openCount").GetInt32());
        Assert.Equal(7d, latest.GetProperty("medianDays").GetDouble());
        Assert.Equal(16.525d, latest.GetProperty("meanDays").GetDouble(), 9);
    }

    [Fact]
    public void Sales_velocity()
    {
        // Q1: D-4 won (8,000) and D-5 lost in the window: 1 won, 1 lost, 8,000 won.
        var json = Pin("sales-velocity", SalesVelocity.Of(AllDeals, Q1));
        Assert.Equal(1, json.GetProperty("wonDeals").GetInt64());
        Assert.Equal(1, json.GetProperty("lostDeals").GetInt64());
        Assert.Equal(8_000m, Amount(json.GetProperty("wonAmount")));
    }

    [Fact]
    public void Leaderboard_by_won_amount()
    {
        // bob won 8,000 (D-4), alice nothing: bob first. Lena owns no deal.
        var json = Pin("leaderboard", Leaderboard.Of(AllDeals, [], LeaderboardMeasure.WonAmount));
        var ranked = json.GetProperty("ranked").EnumerateArray().ToArray();
        Assert.Equal("bob", ranked[0].GetProperty("key").GetString());
        Assert.Equal(1, ranked[0].GetProperty("rank").GetInt32());
        Assert.Equal(8_000m, Amount(ranked[0].GetProperty("wonAmount")));
    }

    [Fact]
    public void Health_report()
    {
        // At Mar 1 00:00: D-1 has passed its close date (Feb 15) by 14 days; the typical won cycle is D-4's 27 days
        // (Jan 5 to Feb 1), and all three open deals have been open 54.625 days (Jan 5 09:00 to Mar 1 00:00).
        var json = Pin("health-report", PipelineHealth.Inspect(AllDeals, Pipeline, AsOf));
        Assert.Equal(3, json.GetProperty("openDeals").GetInt32());
        Assert.Equal("648:00:00", json.GetProperty("typicalWonCycle").GetString());
        var pastClose = json.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("kind").GetString() == "PastExpectedClose");
        Assert.Equal("D-1", pastClose.GetProperty("dealId").GetString());
        Assert.Equal(14m, Exact(pastClose.GetProperty("measured")));
    }

    [Fact]
    public void Attainment_report()
    {
        // Q1 quotas: bob 10,000 (won 8,000: 0.8 complete, gap 2,000), alice 30,000 (won nothing; open pipeline in Q1
        // D-1 10,000 + D-2 20,000 = 30,000, weighted 21,000).
        Quota[] quotas =
        [
            Quota.ForPerson("alice", Q1, Money.Of(30_000m, Currency.USD)),
            Quota.ForPerson("bob", Q1, Money.Of(10_000m, Currency.USD)),
        ];
        var json = Pin("attainment-report", Attainment.Of(AllDeals, Pipeline, quotas));
        var lines = json.GetProperty("lines").EnumerateArray().ToArray();
        var bob = lines.Single(l => l.GetProperty("subjectId").GetString() == "bob");
        Assert.Equal(0.8m, Exact(bob.GetProperty("completionRate")));
        Assert.Equal(2_000m, Amount(bob.GetProperty("gap")));
        var alice = lines.Single(l => l.GetProperty("subjectId").GetString() == "alice");
        Assert.Equal(30_000m, Amount(alice.GetProperty("openPipeline")));
        Assert.Equal(21_000m, Amount(alice.GetProperty("weightedPipeline")));
    }

    [Fact]
    public void Aging_report()
    {
        // C-9's 6,000 was due Jan 24: 36 days overdue on Mar 1, in the 31-60 bucket; C-4's open 4,000 is due Mar 3.
        var json = Pin("aging-report", Aging.Of(Schedules, AsOfDate));
        Assert.Equal(
            ["current", "1-30", "31-60", "61-90", "over 90"],
            json.GetProperty("buckets").GetProperty("labels").EnumerateArray().Select(l => l.GetString())
        );
        Assert.Equal(6_000m, Amount(json.GetProperty("total").GetProperty("buckets")[2]));
    }

    [Fact]
    public void Cash_forecast()
    {
        // Overdue: C-9's 6,000 (due Jan 24). Q1: C-4's balance 4,000 due Mar 3. Q2: nothing scheduled.
        var json = Pin("cash-forecast", CashForecast.Of(Schedules, AsOfDate, Quarters));
        Assert.Equal(6_000m, Amount(json.GetProperty("overdue").GetProperty("scheduled")));
        Assert.Equal(4_000m, Amount(json.GetProperty("periods")[0].GetProperty("scheduled")));
        Assert.Equal(0m, Amount(json.GetProperty("periods")[1].GetProperty("scheduled")));
    }
}
