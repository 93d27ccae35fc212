using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Collections;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Health;
using SalesPipeline.Targets;
using SalesPipeline.Tests.Forecasting.Calibration;
using static SalesPipeline.Tests.Health.HealthFixtures;
using RF = SalesPipeline.Tests.Collections.Receivables.ReceivablesFixtures;

namespace SalesPipeline.Tests.Results;

// The ToString text of the operational results (health, quotas, collections, import, transitions) pinned exactly. The
// inputs are small and the numbers in the expected text are worked out by hand in the comments; only the column padding
// is mechanical (the format strings of each ToString).
public class OperationsTablesTests
{
    private static readonly FiscalPeriod Q1 = new("Q1", new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 3, 31)));
    private static readonly FiscalPeriod April = new("Apr", new DateInterval(new LocalDate(2026, 4, 1), new LocalDate(2026, 4, 30)));
    private static readonly FiscalPeriod May = new("May", new DateInterval(new LocalDate(2026, 5, 1), new LocalDate(2026, 5, 31)));

    // As of Apr 1 09:00, default policy, no activities (a deal's last touch is its last event).
    // A (alice): 1,000 in Proposal (50%) since Mar 10 09:00, close Mar 27: idle 22 days > 14: stale; 22 days in stage
    //   < 30: not rotting; close passed Mar 27 -> Apr 1 = 5 days > grace 0. Weighted 1,000 x 50% = 500.00.
    // B (bob): 2,000 in Negotiation (80%) since Feb 1 09:00, close Jun 30: idle Feb 1 -> Apr 1 = 28 + 31 = 59 days:
    //   stale and rotting (59 > 30). Weighted 2,000 x 80% = 1,600.00.
    // C (alice): 300 in Prospecting since Mar 31: no finding.
    // 3 open deals, 2 at risk, 2 + 2 = 4 findings. No won deal: the typical-cycle check is skipped; 3 open deals < 10:
    // both share checks are skipped. Shortlist: B (1,600) before A (500); weighted at risk 500 + 1,600 = 2,100.00.
    private static HealthReport Health() =>
        PipelineHealth.Inspect(
            [
                DealIn("A", "proposal", 1_000m, Date(3, 27), At(3, 1), At(3, 10)),
                DealIn("B", "negotiation", 2_000m, Date(6, 30), At(1, 5), At(2, 1), owner: "bob"),
                DealIn("C", "prospecting", 300m, Date(6, 30), At(3, 31)),
            ],
            Pipeline,
            AsOf
        );

    [Fact]
    public void HealthReport()
    {
        const string expected = """
            Pipeline health as of 2026-04-01T09:00:00Z: 3 open deals, 2 at risk, 4 findings
            Skipped: Older than the typical won cycle: there are no won deals to take the median from and HealthPolicy.TypicalWonCycle is not set.
            Skipped: Late-stage pile-up: 3 deals are open, fewer than HealthPolicy.MinOpenDealsForShares (10).
            Skipped: Crowded stages by share: 3 deals are open, fewer than HealthPolicy.MinOpenDealsForShares (10).
            A: No touch for 22 days (limit 14 days).
            A: Expected close date passed 5 days ago (grace 0 days).
            B: No touch for 59 days (limit 14 days).
            B: In stage negotiation for 59 days (limit 30 days).
            Review shortlist (whole pipeline): top 2 of 2 deals at risk, weighted USD 2,100.00
            1. B B | bob | negotiation | USD 2,000.00 x 80% = USD 1,600.00
               - No touch for 59 days (limit 14 days).
               - In stage negotiation for 59 days (limit 30 days).
            2. A A | alice | proposal | USD 1,000.00 x 50% = USD 500.00
               - No touch for 22 days (limit 14 days).
               - Expected close date passed 5 days ago (grace 0 days).
            """;
        Assert.Equal(expected + "\n", Health().ToString());
    }

    [Fact]
    public void ReviewShortlist()
    {
        // alice's deals at risk: A only (C has no finding): top 1 of 1, weighted 500.00. With no open deal the report has
        // no currency, so the shortlist shows no weighted total.
        const string alice = """
            Review shortlist (alice): top 1 of 1 deals at risk, weighted USD 500.00
            1. A A | alice | proposal | USD 1,000.00 x 50% = USD 500.00
               - No touch for 22 days (limit 14 days).
               - Expected close date passed 5 days ago (grace 0 days).
            """;
        Assert.Equal(alice + "\n", Health().ShortlistFor("alice").ToString());
        Assert.Equal(
            "Review shortlist (whole pipeline): top 0 of 0 deals at risk\n",
            PipelineHealth.Inspect([], Pipeline, AsOf).Shortlist.ToString()
        );
    }

    [Fact]
    public void QuotaPlan()
    {
        // USD 100.00 for calendar 2026, evenly: 25.00 a quarter, each split 8.34, 8.33, 8.33 (the cent left over goes to
        // the first month). Weeks from Monday: Jan 1-4 (Thu-Sun), the 51 full weeks Jan 5 - Dec 27 (357 days), and
        // Dec 28-31: 53.
        var annual = Quota.ForPerson("alice", FiscalCalendar.Calendar.Year(2026), Usd(100m));
        var plan = Quota.Decompose(annual, FiscalCalendar.Calendar);

        const string expected = """
            2026                                   USD 100.00
            2026-Q1                                 USD 25.00
            2026-Q2                                 USD 25.00
            2026-Q3                                 USD 25.00
            2026-Q4                                 USD 25.00
            2026-01                                  USD 8.34
            2026-02                                  USD 8.33
            2026-03                                  USD 8.33
            2026-04                                  USD 8.34
            2026-05                                  USD 8.33
            2026-06                                  USD 8.33
            2026-07                                  USD 8.34
            2026-08                                  USD 8.33
            2026-09                                  USD 8.33
            2026-10                                  USD 8.34
            2026-11                                  USD 8.33
            2026-12                                  USD 8.33
            (53 weeks)
            """;
        Assert.Equal(expected + "\n", plan.ToString());
    }

    [Fact]
    public void CashForecastReport()
    {
        // The worked book on 2026-04-10 (see ReceivablesFixtures). Overdue (due before Apr 10): C-1 #2 2,500.00 and #3
        // 3,500.00, C-3 900.00, the paid instalments 0: 6,900.00. Apr: C-2's 1,000.00 due on the day. Undated: C-4's
        // go-live half, 1,000.00. Projected with "100% 30 days after start": W1 won Apr 5 for 500 -> due May 5, won
        // column in May; P1 1,000 in Proposal (50%) closing Jun 15 -> 500.00 due Jul 15, outside the periods.
        var options = new CashForecastOptions
        {
            DefaultTerms = PaymentTerms.Create(TermsLine.Percentage(100m, DueRule.DaysAfterStart(30))),
            WonDeals = [WonDeal("W1", 500m, At(3, 1), At(4, 5))],
            OpenDeals = [DealIn("P1", "proposal", 1_000m, Date(6, 15), At(3, 1))],
            Pipeline = Pipeline,
        };
        var report = CashForecast.Of(RF.Book(), RF.AsOf, [April, May], options);

        const string expected = """
            Cash forecast as of 2026-04-10 (USD)
                                        scheduled            won       pipeline
            overdue                      6,900.00           0.00           0.00
            Apr                          1,000.00           0.00           0.00
            May                              0.00         500.00           0.00
            outside periods                  0.00           0.00         500.00
            undated                      1,000.00           0.00           0.00
            """;
        Assert.Equal(expected + "\n", report.ToString());
    }

    [Fact]
    public void DaysSalesOutstanding()
    {
        // Q1 2026 (90 days). On Mar 31: C-1 billed 3,000 + 3,500 + 3,500, paid 4,000: owes 6,000; C-3 owes 900 (billed
        // Dec 1, before Q1); C-2 is signed in April; C-4 billed 1,000 on Mar 1, paid. Receivables 6,900.00, billed in Q1
        // 10,000 + 1,000 = 11,000.00: 6,900 / 11,000 x 90 = 56.45 -> 56.5 days. In May nothing falls due (C-4's go-live
        // half is undated); receivables on May 31: 6,000 + 1,000 (C-2) + 900 = 7,900.00.
        Assert.Equal(
            "DSO Q1: 56.5 days (receivables USD 6,900.00 / billed USD 11,000.00 x 90 days)",
            SalesPipeline.Collections.DaysSalesOutstanding.Of(RF.Book(), Q1).ToString()
        );
        Assert.Equal(
            "DSO May: n/a (nothing billed) (receivables USD 7,900.00 / billed USD 0.00 x 31 days)",
            SalesPipeline.Collections.DaysSalesOutstanding.Of(RF.Book(), May).ToString()
        );
    }

    [Fact]
    public void CollectionStatus()
    {
        // C-1 on 2026-04-10 (see ReceivablesFixtures): #1 3,000 due Jan 31 paid by WIRE-1; #2 3,500 due Feb 28, 1,000
        // paid, 41 days overdue; #3 3,500 due Mar 31, 10 days overdue. Billed 10,000.00, collected 4,000.00, outstanding
        // and overdue 2,500 + 3,500 = 6,000.00; no credit, refund or cost.
        var status = RF.C1().StatusAsOf(RF.AsOf);

        const string expected = """
            C-1 Globex (alice) USD 10,000.00 as of 2026-04-10
            #    Due                      Amount               Paid State
            1    2026-01-31         USD 3,000.00       USD 3,000.00 Paid
            2    2026-02-28         USD 3,500.00       USD 1,000.00 Overdue 41d
            3    2026-03-31         USD 3,500.00           USD 0.00 Overdue 10d
            billed USD 10,000.00 | collected USD 4,000.00 | outstanding USD 6,000.00 | overdue USD 6,000.00
            credit USD 0.00 | refunded USD 0.00 | costs USD 0.00 | collected less costs USD 4,000.00
            """;
        Assert.Equal(expected + "\n", status.ToString());
    }

    [Fact]
    public void CollectionSchedule()
    {
        // C-4: 2,000.00 signed Mar 1, half on signing, half on go-live; one payment recorded (CHK-4).
        const string expected = """
            C-4 Umbrella (bob) USD 2,000.00 signed 2026-03-01
            #1            USD 1,000.00  2026-03-01
            #2            USD 1,000.00  on go-live
            1 history entries
            """;
        Assert.Equal(expected + "\n", RF.C4().ToString());
    }

    [Fact]
    public void ImportResult()
    {
        // Three records: the first a good one, the second null, the third in an unknown stage: read 3, accepted 1,
        // rejected 2, one line per error after the summary.
        DealImport?[] records = [Record("SF-1", "proposal"), null, Record("SF-3", "closing")];
        var result = Pipeline.Import(records, AsOf);

        const string expected = """
            read 3: accepted 1, rejected 2
            record 1 (no id): (record) = null: A record must not be null.
            record 2 (SF-3): StageId = "closing": Pipeline "Default" has no stage with this id; its stages are prospecting, qualified, proposal, negotiation, won, lost.
            """;
        Assert.Equal(expected, result.ToString());
    }

    [Fact]
    public void TransitionResult()
    {
        // Accepted: the event's type and the deal after it (close moved to Jul 31). Rejected (a won deal cannot change its
        // close date): the rejections' messages.
        var deal = DealIn("T1", "prospecting", 100m, Date(6, 30), At(3, 1));
        var accepted = Pipeline.Apply(deal, DealCommand.ChangeExpectedCloseTo(Date(7, 31), At(3, 2), "alice"));
        Assert.Equal("accepted: ExpectedCloseChanged -> T1 T1 | alice | USD 100.00 | prospecting | close 2026-07-31", accepted.ToString());

        var rejected = Pipeline.Apply(
            WonDeal("W1", 100m, At(3, 1), At(3, 3)),
            DealCommand.ChangeExpectedCloseTo(Date(7, 31), At(3, 4), "alice")
        );
        Assert.Equal("rejected: Deal W1 is won; reopen it before changing it.", rejected.ToString());
    }

    [Fact]
    public void ForecastReliability()
    {
        // The worked set of ForecastReliabilityTests (pipeline A 0.1 > B 0.3): d1 A 0.1 won, B 0.3 won; d2 A 0.1 lost;
        // d3 A 0.1 lost, then B at a manual 0.8, lost; o4 open, no forecast. Squared errors 0.81 + 0.49 + 0.01 + 0.01 +
        // 0.64 = 1.96 over 5 = 0.3920; the stage defaults 1.32 / 4 = 0.3300; the override 0.64 / 1 = 0.6400. Bins:
        // [0.1, 0.2) the three 0.1 forecasts, 1 won = 0.333; [0.3, 0.4) the 0.3, won; [0.8, 0.9) the 0.8, lost.
        var pipeline = CalibrationFixtures.Abc();
        var reliability = StageCalibration
            .FromHistory(
                [
                    CalibrationFixtures.Script(pipeline, "d1", (1, "b"), (2, "won")),
                    CalibrationFixtures.Script(pipeline, "d2", (1, "lost")),
                    CalibrationFixtures.Script(pipeline, "d3", (0.5, "p=0.8"), (1, "b"), (2, "lost")),
                    CalibrationFixtures.Script(pipeline, "o4", (1, "b")),
                ],
                pipeline
            )
            .Reliability;

        const string expected = """
            Brier 0.3920 over 5 forecasts (stage defaults 0.3300 over 4; overrides 0.6400 over 1)
            Bin           Count  Forecast    Won
            [0.0, 0.1)        0         -      -
            [0.1, 0.2)        3     0.100  0.333
            [0.2, 0.3)        0         -      -
            [0.3, 0.4)        1     0.300  1.000
            [0.4, 0.5)        0         -      -
            [0.5, 0.6)        0         -      -
            [0.6, 0.7)        0         -      -
            [0.7, 0.8)        0         -      -
            [0.8, 0.9)        1     0.800  0.000
            [0.9, 1.0]        0         -      -
            """;
        Assert.Equal(expected + "\n", reliability.ToString());
    }

    private static DealImport Record(string id, string stageId) =>
        new()
        {
            Id = new DealId(id),
            Name = "Acme",
            Owner = "alice",
            Amount = Usd(1_000m),
            StageId = stageId,
            ExpectedClose = Date(6, 30),
            CreatedAt = At(3, 1),
        };
}
