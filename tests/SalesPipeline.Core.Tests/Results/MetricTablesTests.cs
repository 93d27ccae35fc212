using NodaTime;
using SalesPipeline.Activities;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Leads;
using SalesPipeline.Metrics;
using SalesPipeline.Tests.Metrics;

namespace SalesPipeline.Tests.Results;

// The metric results' ToString tables pinned with their exact text (with ToStringTableTests). The inputs are small and
// the numbers in the expected text are worked out by hand in the comments; only the column padding is mechanical (the
// format strings of each ToString).
public class MetricTablesTests
{
    [Fact]
    public void SalesCycleAndItsKaplanMeierCurve()
    {
        // As of day 100 (2026-04-11): won after 2 days, lost after 4, won after 4, and one open for 6 days (censored).
        // Time to close. t = 2: n = 4, d = 1: S = 3/4; Greenwood sum 1/(4 x 3) = 1/12, se = 0.75 x sqrt(1/12) = 0.2165.
        // t = 4: n = 3, d = 2: S = 0.75 x 1/3 = 0.25; sum 1/12 + 2/(3 x 1) = 3/4, se = 0.25 x sqrt(0.75) = 0.2165.
        // t = 6: n = 1, one censored: S and se unchanged. Log-log 95% band, z = 1.95996: theta = z sqrt(sum) / |ln S|,
        // band S^exp(+-theta). t = 2: theta = 1.95996 x 0.28868 / 0.28768 = 1.96674, exp = 7.1472: lower
        // 0.75^7.1472 = 0.1279, upper 0.75^(1/7.1472) = 0.9605. t = 4: theta = 1.95996 x 0.86603 / 1.38629 = 1.22441,
        // exp = 3.4021: lower 0.25^3.4021 = 0.0089, upper 0.25^(1/3.4021) = 0.6653.
        // Median: first S <= 0.5 at 4; band: lower first <= 0.5 at 2, upper never (0.6653): not reached.
        // Restricted mean to the largest time 6: 1 x 2 + 0.75 x 2 + 0.25 x 2 = 4. Naive mean of the wins: (2 + 4) / 2 = 3.
        var deals = new[]
        {
            CycleDeals.Won(CycleDeals.Day(10), CycleDeals.Day(12)),
            CycleDeals.Lost(CycleDeals.Day(20), CycleDeals.Day(24)),
            CycleDeals.Won(CycleDeals.Day(30), CycleDeals.Day(34)),
            CycleDeals.Open(CycleDeals.Day(94)),
        };

        var cycle = SalesCycle.Of(deals, CycleDeals.Day(100));

        const string curve = """
                  time  at risk  events censored    S(t) std err   lower   upper
                     2        4       1        0  0.7500  0.2165  0.1279  0.9605
                     4        3       2        0  0.2500  0.2165  0.0089  0.6653
                     6        1       0        1  0.2500  0.2165  0.0089  0.6653
            median 4 (95% CI 2 .. not reached, LogLog)
            """;
        const string expected = $"""
            Sales cycle as of 2026-04-11T00:00:00Z (time to close, days): 4 deals, 3 closed, 1 censored
            Kaplan-Meier median 4 (95% CI 2 .. not reached, LogLog); restricted mean to 6: 4
            Naive mean over 2 won deals: 3
            {curve}
            """;
        Assert.Equal(curve + "\n", cycle.Curve.ToString());
        Assert.Equal(expected + "\n", cycle.ToString());
    }

    [Fact]
    public void LossReport()
    {
        // Lost: P1 10,000 (price, from proposal), P2 30,000 (price, from qualified), T1 10,000 (timing, from proposal):
        // 3 deals, 50,000; W1 is won and not counted. Every share is of all losses. price: 2/3 = 66.7%, 40,000/50,000 =
        // 80.0%; its stages qualified 1 (33.3%), 30,000 (60.0%) before proposal 1 (33.3%), 10,000 (20.0%) on value.
        // timing: 1 (33.3%), 10,000 (20.0%). Stages: proposal 2 (66.7%), 20,000 (40.0%); qualified 1, 30,000 (60.0%).
        var report = LossAnalysis.Of([
            MetricDeals.Lost("P1", "alice", 10_000m, 5, LossReason.Price, stage: 2),
            MetricDeals.Lost("P2", "bob", 30_000m, 6, LossReason.Price, stage: 1),
            MetricDeals.Lost("T1", "bob", 10_000m, 7, LossReason.Timing, stage: 2),
            MetricDeals.Won("W1", "bob", 99_000m, 8),
        ]);

        const string expected = """
            lost: 3 (100.0%), USD 50,000.00 (100.0%)
            price: 2 (66.7%), USD 40,000.00 (80.0%)
              from qualified: 1 (33.3%), USD 30,000.00 (60.0%)
              from proposal: 1 (33.3%), USD 10,000.00 (20.0%)
            timing: 1 (33.3%), USD 10,000.00 (20.0%)
              from proposal: 1 (33.3%), USD 10,000.00 (20.0%)
            stage proposal: 2 (66.7%), USD 20,000.00 (40.0%)
            stage qualified: 1 (33.3%), USD 30,000.00 (60.0%)
            """;
        Assert.Equal(expected, report.ToString());
    }

    // D1 won 10,000 against Globex; D2 lost 20,000 to Globex; D3 open 5,000 against Globex; D4 lost 30,000 to Initech
    // with Globex also in; D5 won 8,000 with no competitor. Wilson 95% intervals, z = 1.95996.
    private static Deal[] CompetitorDeals() =>
        [
            MetricDeals.Won("D1", "alice", 10_000m, 5, competitors: ["Globex"]),
            MetricDeals.Lost("D2", "alice", 20_000m, 6, LossReason.Competitor, lostTo: "Globex"),
            MetricDeals.Open("D3", "alice", 5_000m, competitors: ["Globex"]),
            MetricDeals.Lost("D4", "bob", 30_000m, 7, LossReason.Competitor, lostTo: "Initech", competitors: ["Globex"]),
            MetricDeals.Won("D5", "bob", 8_000m, 8),
        ];

    [Fact]
    public void CompetitorReport()
    {
        // Globex: D1-D4, 4 deals, D3 open; decided 1 won of 3: 33.3%, Wilson (1/3 + z^2/6) / (1 + z^2/3) -+
        // z sqrt(2/27 + z^2/36) / (1 + z^2/3) = 0.42692 -+ 0.36542: [6.1%, 79.2%]; by value 10,000 of 10,000 + 20,000 +
        // 30,000 = 60,000: 16.7%; lost to Globex: D2, 20,000. Initech: D4 only: 0/1, Wilson [0, z^2 / (1 + z^2)] =
        // [0.0%, 79.3%]; 0 of 30,000; lost to it 30,000. No competitor: D5, 1/1: [1 / (1 + z^2), 1] = [20.7%, 100.0%].
        // Total: 2/4 = 50.0%, Wilson 0.5 -+ z sqrt(1/16 + z^2/64) / (1 + z^2/4) = 0.5 -+ 0.34996: [15.0%, 85.0%]; by
        // value 18,000 of 68,000 = 26.5%.
        var report = CompetitorAnalysis.Of(CompetitorDeals());

        const string expected = """
            Globex: 4 deals (1 open), 1/3 won = 33.3% [6.1%, 79.2%]; by value 16.7% (USD 10,000.00 of USD 60,000.00); lost to them 1, USD 20,000.00
            Initech: 1 deals (0 open), 0/1 won = 0.0% [0.0%, 79.3%]; by value 0.0% (USD 0.00 of USD 30,000.00); lost to them 1, USD 30,000.00
            no competitor: 1/1 won = 100.0% [20.7%, 100.0%]; by value 100.0% (USD 8,000.00 of USD 8,000.00)
            total: 2/4 won = 50.0% [15.0%, 85.0%]; by value 26.5% (USD 18,000.00 of USD 68,000.00)
            """;
        Assert.Equal(expected, report.ToString());
    }

    [Fact]
    public void WinRateTableAndResult()
    {
        // The competitor deals by owner. alice: D1 won 10,000, D2 lost 20,000 (D3 open, not decided): 1/2 = 50.0%,
        // Wilson 0.5 -+ z sqrt(1/8 + z^2/16) / (1 + z^2/2) = 0.5 -+ 0.40547: [9.5%, 90.5%]; by value 10,000 of 30,000 =
        // 33.3%. bob: D4 lost 30,000, D5 won 8,000: 1/2, same interval; 8,000 of 38,000 = 21.1%. Total as in
        // CompetitorReport: 2/4 [15.0%, 85.0%], 18,000 of 68,000 = 26.5%. Keys padded to "total"'s 5 characters.
        var table = WinRate.By(CompetitorDeals(), Breakdown.Owner);

        const string total = "2/4 won = 50.0% [15.0%, 85.0%]; by value 26.5% (USD 18,000.00 of USD 68,000.00)";
        const string expected = $"""
            alice  1/2 won = 50.0% [9.5%, 90.5%]; by value 33.3% (USD 10,000.00 of USD 30,000.00)
            bob    1/2 won = 50.0% [9.5%, 90.5%]; by value 21.1% (USD 8,000.00 of USD 38,000.00)
            total  {total}
            """;
        Assert.Equal(expected, table.ToString());
        Assert.Equal(total, WinRate.Of(CompetitorDeals()).ToString());
    }

    [Fact]
    public void SalesVelocity()
    {
        // Q1 2026. Open at its end: the deals created on days 10 and 20: N = 2. Won in it: 12,000 after 30 days and
        // 6,000 after 10 days; lost in it: one. A = 18,000 / 2 = 9,000; W = 2 / 3 = 0.6667 (shown to 4 places);
        // C = (30 + 10) / 2 = 20 days. V = 2 x 9,000 x 2/3 / 20 = 600 per day.
        var q1 = new FiscalPeriod("2026 Q1", new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 3, 31)));
        var velocity = SalesPipeline.Metrics.SalesVelocity.Of(
            [
                CycleDeals.Open(CycleDeals.Day(10)),
                CycleDeals.Open(CycleDeals.Day(20)),
                CycleDeals.Won(CycleDeals.Day(5), CycleDeals.Day(35), 12_000m),
                CycleDeals.Won(CycleDeals.Day(10), CycleDeals.Day(20), 6_000m),
                CycleDeals.Lost(CycleDeals.Day(1), CycleDeals.Day(60)),
            ],
            q1
        );

        Assert.Equal("2026 Q1: N 2 x A USD 9,000.00 x W 0.6667 (2 won, 1 lost) / C 20 days = USD 600.00 per day", velocity.ToString());
    }

    [Fact]
    public void LeadResponseTime()
    {
        // As of Apr 3 08:00 (48 h after Apr 1 08:00). L-1 answered after 2 h, L-2 after 30 h (late: over 24 h); L-3
        // created at 10 h, untouched for 38 h: overdue; L-4 created at 40 h, untouched for 8 h: waiting. Responses
        // [2, 30]: median = mean = 16; type-7 P90 = 2 + 0.9 x 28 = 27.2.
        var t0 = Instant.FromUtc(2026, 4, 1, 8, 0);
        Lead Created(string id, int hours) =>
            Lead.Create(new LeadId(id), "Lead " + id, LeadSource.Web, "alice", t0 + Duration.FromHours(hours));
        var report = SalesPipeline.Metrics.LeadResponseTime.Of(
            [
                Created("L-1", 0).Touch(t0 + Duration.FromHours(2)),
                Created("L-2", 0).Touch(t0 + Duration.FromHours(30)),
                Created("L-3", 10),
                Created("L-4", 40),
            ],
            ActivityIndex.Create([]),
            t0 + Duration.FromHours(48)
        );

        const string expected = """
            All leads as of 2026-04-03T08:00:00Z: 4 leads, 2 touched (median 16 h, mean 16 h, P90 27.2 h; 1 late), 1 overdue, 1 waiting
              overdue: L-3 alice waiting 38 h
            """;
        Assert.Equal(expected + "\n", report.ToString());
    }

    [Fact]
    public void ActivityReport()
    {
        // alice: three calls in January (connected, no answer, connected: connected 2, no-answer 1) and a demo in
        // February with no outcome; bob: an email in January, and one in 2027, in neither period.
        var jan = new FiscalPeriod("Jan", new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 1, 31)));
        var feb = new FiscalPeriod("Feb", new DateInterval(new LocalDate(2026, 2, 1), new LocalDate(2026, 2, 28)));
        Activity On(ActivityKind kind, int day, string rep, ActivityOutcome? outcome = null) =>
            Activity.ForDeal(kind, MetricDeals.Day(day), rep, new DealId("D-1"), outcome);
        var report = SalesPipeline.Metrics.ActivityReport.Of(
            [
                On(ActivityKind.Call, 1, "alice", ActivityOutcome.Connected),
                On(ActivityKind.Call, 2, "alice", ActivityOutcome.NoAnswer),
                On(ActivityKind.Call, 3, "alice", ActivityOutcome.Connected),
                On(ActivityKind.Demo, 40, "alice"),
                On(ActivityKind.Email, 5, "bob"),
                On(ActivityKind.Email, 400, "bob"),
            ],
            [jan, feb]
        );

        const string expected = """
            alice  Jan  Call  3 (connected 2, no-answer 1)
            alice  Feb  Demo  1 ((none) 1)
            bob  Jan  Email  1 ((none) 1)
            outside the periods: 1
            """;
        Assert.Equal(expected, report.ToString());
    }

    [Fact]
    public void ActivityProgressReport()
    {
        // D1 moves forward on day 10 and is won on day 30; D2 only moves backward. Judged (demos and meetings not
        // marked no-show, 14-day window): D1 demo day 0 (move on day 10: progressed), meeting day 12 (win 18 days
        // later: not), meeting day 20 (win on day 30: progressed); D2 (bob) meeting day 1: not. The no-show and the
        // call are not judged; the demo on an unknown deal is unmatched; the one on a lead is not about a deal.
        // Total 2/4, Wilson [15.0%, 85.0%] (as in CompetitorReport). alice 2/3 = 66.7%: (2/3 + z^2/6) / (1 + z^2/3)
        // -+ z sqrt(2/27 + z^2/36) / (1 + z^2/3) = 0.57308 -+ 0.36542: [20.8%, 93.9%]; bob 0/1: [0.0%, 79.3%].
        // Meetings 1/3: [6.1%, 79.2%]; demos 1/1: [20.7%, 100.0%].
        var d1 = MetricDeals.Pipeline.Move(MetricDeals.Open("D1", "alice", 1m), "qualified", MetricDeals.Day(10), "alice");
        d1 = MetricDeals.Pipeline.Win(d1, MetricDeals.Day(30), "alice");
        var d2 = MetricDeals.Pipeline.Move(MetricDeals.Open("D2", "bob", 1m, stage: 2), "prospecting", MetricDeals.Day(5), "bob");
        Activity On(Deal deal, ActivityKind kind, int day, string rep = "alice", ActivityOutcome? outcome = null) =>
            Activity.ForDeal(kind, MetricDeals.Day(day), rep, deal.Id, outcome);
        var report = ActivityProgress.Of(
            [d1, d2],
            [
                On(d1, ActivityKind.Demo, 0),
                On(d1, ActivityKind.Meeting, 12),
                On(d1, ActivityKind.Meeting, 20),
                On(d1, ActivityKind.Meeting, 21, outcome: ActivityOutcome.NoShow),
                On(d1, ActivityKind.Call, 1),
                On(d2, ActivityKind.Meeting, 1, "bob"),
                Activity.ForDeal(ActivityKind.Demo, MetricDeals.Day(3), "bob", new DealId("elsewhere")),
                Activity.ForLead(ActivityKind.Demo, MetricDeals.Day(3), "bob", new LeadId("L-1")),
            ]
        );

        const string expected = """
            total 2/4 = 50.0% [15.0%, 85.0%], 0 pending
            alice 2/3 = 66.7% [20.8%, 93.9%], 0 pending
            bob 0/1 = 0.0% [0.0%, 79.3%], 0 pending
            Meeting 1/3 = 33.3% [6.1%, 79.2%], 0 pending
            Demo 1/1 = 100.0% [20.7%, 100.0%], 0 pending
            unmatched activities: 1
            """;
        Assert.Equal(expected, report.ToString());
    }
}
