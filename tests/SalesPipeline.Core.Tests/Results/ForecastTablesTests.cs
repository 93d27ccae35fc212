using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Leads;
using SalesPipeline.Metrics;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;
using SalesPipeline.Tests.Metrics;
using static SalesPipeline.Tests.Forecasting.Calibration.CalibrationFixtures;
using Distributions = SalesPipeline.Tests.Forecasting.Distribution.DistributionFixtures;

namespace SalesPipeline.Tests.Results;

// The forecast, calibration and funnel tables pinned with their exact text. The inputs are small and the numbers in the
// expected text are worked out by hand in the comments; only the column padding is mechanical (the format strings of
// each ToString).
public class ForecastTablesTests
{
    private static readonly PipelineDefinition AbcPipeline = Abc();

    [Fact]
    public void ReliabilityTable()
    {
        // Two bins, [0, 0.5) and [0.5, 1]. 0.2 lost, 0.4 won: n 2, mean 0.3, won 1/2. 0.6 won, 0.8 won: n 2, mean 0.7,
        // won 1. Brier = (0.04 + 0.36 + 0.16 + 0.04) / 4 = 0.15; base rate 3/4, UNC 3/4 x 1/4 = 0.1875.
        // REL = (2 x 0.2^2 + 2 x 0.3^2) / 4 = 0.065; RES = (2 x 0.25^2 + 2 x 0.25^2) / 4 = 0.0625.
        // WBV = (0.1^2 + 0.1^2 + 0.1^2 + 0.1^2) / 4 = 0.01; WBC = 2 x ((-0.1)(-0.5) + (0.1)(0.5) + 0 + 0) / 4 = 0.05.
        // Check: 0.065 - 0.0625 + 0.1875 + 0.01 - 0.05 = 0.15. Skill = 1 - 0.15 / 0.1875 = 0.2.
        var table = SalesPipeline.Statistics.ReliabilityTable.Of([(0.2, false), (0.4, true), (0.6, true), (0.8, true)], bins: 2);

        const string expected = """
            Brier 0.1500 over 4 forecasts
            REL 0.0650 - RES 0.0625 + UNC 0.1875 + WBV 0.0100 - WBC 0.0500; base rate 0.750, skill 0.200
            Bin           Count  Forecast    Won
            [0.0, 0.5)        2     0.300  0.500
            [0.5, 1.0]        2     0.700  1.000
            """;
        Assert.Equal(expected + "\n", table.ToString());
    }

    [Fact]
    public void PipelineChain()
    {
        // Stint lengths in days in brackets; C is never entered, o5 is open in A (censored, no exit).
        //   d1: A [2] -> B [3] -> Won        d2: A [2] -> B [5] -> Won
        //   d3: A [2] -> B [4] -> A [6] -> Lost    d4: A [2] -> B [4] -> Lost
        // Exits of A: to B 4, to Lost 1 (5, days 2+2+2+2+6 = 14, mean 2.8). Exits of B: Won 2, Lost 1, A 1 (4, days
        // 3+5+4+4 = 16, mean 4.0). Win: w_A = 4/5 w_B, w_B = 2/4 + 1/4 w_A, so w_A = 1/2, w_B = 5/8; loss is the rest:
        // 1/2 and 3/8. N = (I - Q)^-1 = [[5/4, 1], [5/16, 5/4]]: days to close from A 5/4 x 2.8 + 1 x 4 = 7.5, from B
        // 5/16 x 2.8 + 5/4 x 4 = 5.875 -> 5.9.
        var deals = new[]
        {
            Script(AbcPipeline, "d1", (2, "b"), (5, "won")),
            Script(AbcPipeline, "d2", (2, "b"), (7, "won")),
            Script(AbcPipeline, "d3", (2, "b"), (6, "a"), (12, "lost")),
            Script(AbcPipeline, "d4", (2, "b"), (6, "lost")),
            Script(AbcPipeline, "o5"),
        };
        var chain = SalesPipeline.Forecasting.StageCalibration.FromHistory(deals, AbcPipeline).Chain;

        const string expected = """
            Stage                  Exits  Days in    Win   Loss  Days to close
            A                          5      2.8  0.500  0.500            7.5
            B                          4      4.0  0.625  0.375            5.9
            C                          0        -      -      -              -
            """;
        Assert.Equal(expected + "\n", chain.ToString());
    }

    [Fact]
    public void FunnelReport()
    {
        // The worked example of docs/metrics-funnel.md (P = prospecting, Q = qualified, R = proposal, N = negotiation):
        // D1 alice 100: P > Q > R > N > won        D4 bob 400: P > Q > R > back to Q (open)
        // D2 alice 200: P > Q > lost               D5 bob 500: P > lost
        // D3 alice 300: P > R (skips Q) (open)     D6 bob 600: P > Q > R > lost, reopened into N (open)
        // Reached, on, back, lost, won, in: P 6, 5, 0, 1, 0, 0; Q 5, 3, 0, 1, 0, 1 (D3 jumped over it: moved on);
        // R 4, 2, 1, 0, 0, 1; N 2, 0, 0, 0, 1, 1. Next: P 5/6 = 83.3%, Q 4/5 = 80.0%, R 2/4 = 50.0%, N none (last).
        // Loss: P 1/6 = 16.7%, Q 1/5 = 20.0%, R 0/4, N 0/2 = 0.0%; Q loses most: the bottleneck. Reached value of 2,100 in
        // all: P 2,100 = 100.0%, Q 1,600 = 76.2%, R 1,400 = 66.7%, N 700 = 33.3%.
        // One lead, L1 (web, crm), converted into D1, which reached Qualified: 1/1 to a deal and 1/1 qualified. The 95%
        // Wilson interval of 1/1 is [1 / (1 + z^2), 1] = [1 / 4.8415, 1] = [0.207, 1.000] (z = 1.95996).
        Deal[] deals =
        [
            History
                .Open("D1", 0, "alice", 100m, lead: new LeadId("L1"))
                .Move("qualified", 1)
                .Move("proposal", 2)
                .Move("negotiation", 3)
                .Win(4),
            History.Open("D2", 0, "alice", 200m).Move("qualified", 1).Lose(2),
            History.Open("D3", 0, "alice", 300m).Move("proposal", 1),
            History.Open("D4", 0, "bob", 400m).Move("qualified", 1).Move("proposal", 2).Move("qualified", 3),
            History.Open("D5", 0, "bob", 500m).Lose(1),
            History.Open("D6", 0, "bob", 600m).Move("qualified", 1).Move("proposal", 2).Lose(3).Reopen("negotiation", 4),
        ];
        var lead = Lead.Create(new LeadId("L1"), "One", LeadSource.Web, "alice", History.T0, "crm")
            .Convert(History.Pipeline, new DealId("D1"), Money.Of(100m, Currency.USD), new LocalDate(2026, 6, 30), History.T0)
            .Lead;
        var report = Funnel.Of(deals, [lead], History.Pipeline);

        const string expected = """
            All deals: 6 deals
            Stage             Reached     On   Back   Lost    Won     In    Next    Loss   Value
            Prospecting             6      5      0      1      0      0   83.3%   16.7%  100.0%
            Qualified               5      3      0      1      0      1   80.0%   20.0%   76.2%
            Proposal                4      2      1      0      0      1   50.0%    0.0%   66.7%
            Negotiation             2      0      0      0      1      1       -    0.0%   33.3%
            Bottleneck: Qualified
            All leads: 1 leads, to deal 1/1 = 1.000, 95% Wilson [0.207, 1.000], to qualified 1/1 = 1.000, 95% Wilson [0.207, 1.000]
            Source web: 1 leads, to deal 1/1 = 1.000, 95% Wilson [0.207, 1.000], to qualified 1/1 = 1.000, 95% Wilson [0.207, 1.000]
            Product crm: 1 leads, to deal 1/1 = 1.000, 95% Wilson [0.207, 1.000], to qualified 1/1 = 1.000, 95% Wilson [0.207, 1.000]
            """;
        Assert.Equal(expected + "\n", report.ToString());
    }

    [Fact]
    public void ForecastComparison()
    {
        // All four in Prospecting (10%) on the Default pipeline. small-commit: Commit at 10%, 0.7 - 0.1 = 0.6 below
        // Commit's [0.7, 1]; weighted 5,000 x 10% = 500. big-pipeline: Pipeline at 80%, 0.8 - 0.6 = 0.2 above Pipeline's
        // [0, 0.6]; weighted 200,000 x 80% = 160,000. fine-best (BestCase at 50%, inside [0.4, 0.9]) and fine-pipeline
        // (Pipeline at 10%) agree. Disagreements by amount, largest first.
        var start = Instant.FromUtc(2026, 1, 5, 9, 0);
        var pipeline = PipelineDefinition.Default;
        Deal Open(string id, decimal amount, ForecastCategory category, decimal? probability = null)
        {
            var deal = Deal.Open(pipeline, new DealId(id), id, "alice", Money.Of(amount, Currency.USD), new LocalDate(2026, 3, 31), start);
            deal = pipeline.ApplyOrThrow(deal, DealCommand.OverrideCategoryTo(category, start, "alice"));
            return probability is { } p ? pipeline.ApplyOrThrow(deal, DealCommand.OverrideProbabilityTo(p, start, "alice")) : deal;
        }
        var comparison = Forecast.Compare(
            [
                Open("small-commit", 5_000m, ForecastCategory.Commit),
                Open("big-pipeline", 200_000m, ForecastCategory.Pipeline, 0.8m),
                Open("fine-best", 50_000m, ForecastCategory.BestCase, 0.5m),
                Open("fine-pipeline", 70_000m, ForecastCategory.Pipeline),
            ],
            pipeline
        );

        const string expected = """
            2 of 4 open deals disagree
            big-pipeline big-pipeline | alice | prospecting 80% | Pipeline | USD 200,000.00 | weighted USD 160,000.00 | off by 0.2
            small-commit small-commit | alice | prospecting 10% | Commit | USD 5,000.00 | weighted USD 500.00 | off by 0.6
            """;
        Assert.Equal(expected + "\n", comparison.ToString());
    }

    [Fact]
    public void RevenueDistribution()
    {
        // March 2026: A 100 at 50% and B 300 at 20% open, W 50 won on Mar 3. Open outcomes 0 (0.5 x 0.8 = 0.4),
        // 100 (0.4), 300 (0.5 x 0.2 = 0.1), 400 (0.1); plus the 50 won: 50, 150, 350, 450, cumulative 0.4, 0.8, 0.9, 1.
        // P10 = 50, P50 = 150, P90 = 350 (first value whose cumulative reaches the level). Mean 50 + 50 + 60 = 160;
        // variance 100^2 x 0.25 + 300^2 x 0.16 = 2,500 + 14,400 = 16,900, sd 130. Exact: no grid step, error bound 0.
        var d = Forecast.Distribution(
            [
                Distributions.OpenInMarch("A", 100m, 0.5m),
                Distributions.OpenInMarch("B", 300m, 0.2m),
                Distributions.Won("W", 50m, Instant.FromUtc(2026, 3, 3, 12, 0)),
            ],
            Distributions.Pipeline,
            Distributions.March
        );

        const string expected = """
            Revenue distribution 2026-03 [Exact, USD]
            Open deals                                         2
            Overdue deals excluded                             0
            Won deals                                          1
            Won amount                                 USD 50.00
            Mean                                      USD 160.00
            Standard deviation                        USD 130.00
            P10                                        USD 50.00
            P50                                       USD 150.00
            P90                                       USD 350.00
            Grid step                                      exact
            Error bound                                 USD 0.00
            """;
        Assert.Equal(expected + "\n", d.ToString());
    }

    [Fact]
    public void BacktestResult()
    {
        // Default pipeline. On Feb 1: A 10,000 in Proposal (50%, Best case, closing Feb 15), B 20,000 in Negotiation (80%,
        // Commit, closing Feb 20). Later B becomes 30,000 (Feb 5) and is won (Feb 21), A is lost (Feb 16), and C (created
        // Feb 10) is won for 5,000 (Feb 12). February as of Feb 1: weighted 5,000 + 16,000 = 21,000, Commit (cum) 20,000,
        // Best case and Pipeline (cum) 30,000; outcomes 0 (0.5 x 0.2 = 0.1), 10,000 (0.1), 20,000 (0.4), 30,000 (0.4):
        // P10 0, P50 20,000, P90 30,000; actual 30,000 + 5,000 = 35,000, outside [P10, P90]. March as of Mar 1: every deal
        // is closed, so every figure is 0 and 0 lies in [0, 0]. Coverage 1/2 = 0.50.
        // Errors (forecast - actual) over the two points: weighted -14,000 and 0: bias -7,000, MAE 7,000, RMSE
        // 14,000 / sqrt 2 = 9,899.49; commit and P50 -15,000 and 0: -7,500, 7,500, 10,606.60; best case and pipeline
        // -5,000 and 0: -2,500, 2,500, 3,535.53.
        var pipeline = PipelineDefinition.Default;
        Instant On(int month, int day) => Instant.FromUtc(2026, month, day, 10, 0);
        Deal ToStage(string id, decimal amount, LocalDate close, string stage, Instant at)
        {
            var deal = Deal.Open(pipeline, new DealId(id), id, "alice", Money.Of(amount, Currency.USD), close, at);
            foreach (var c in new[] { "use-case", "technical-fit", "budget" })
            {
                deal = pipeline.Answer(deal, c, at, "alice");
            }
            foreach (var s in pipeline.OpenStages.Skip(1).TakeWhile(s => s.Index <= pipeline.GetStage(stage).Index))
            {
                deal = pipeline.Move(deal, s.Id, at, "alice");
            }
            return deal;
        }
        Deal[] deals =
        [
            pipeline.Lose(ToStage("A", 10_000m, new LocalDate(2026, 2, 15), "proposal", On(1, 20)), LossReason.Price, On(2, 16), "alice"),
            pipeline.Win(
                pipeline.ApplyOrThrow(
                    ToStage("B", 20_000m, new LocalDate(2026, 2, 20), "negotiation", On(1, 25)),
                    DealCommand.ChangeAmountTo(Money.Of(30_000m, Currency.USD), On(2, 5), "alice")
                ),
                On(2, 21),
                "alice"
            ),
            pipeline.Win(ToStage("C", 5_000m, new LocalDate(2026, 2, 28), "negotiation", On(2, 10)), On(2, 12), "alice"),
        ];
        var result = ForecastBacktest.Run(
            deals,
            pipeline,
            [
                BacktestPoint.AtStartOf(FiscalCalendar.Calendar.Month(2026, 2)),
                BacktestPoint.AtStartOf(FiscalCalendar.Calendar.Month(2026, 3)),
            ]
        );

        const string expected = """
            2026-02-01 2026-02: actual USD 35,000.00 | weighted USD 21,000.00 | commit USD 20,000.00 | best case USD 30,000.00 | P50 USD 20,000.00 [USD 0.00, USD 30,000.00]
            2026-03-01 2026-03: actual USD 0.00 | weighted USD 0.00 | commit USD 0.00 | best case USD 0.00 | P50 USD 0.00 [USD 0.00, USD 0.00]
            Stage-weighted           bias        -7,000.00  MAE         7,000.00  RMSE         9,899.49
            Commit (cumulative)      bias        -7,500.00  MAE         7,500.00  RMSE        10,606.60
            Best case (cumulative)   bias        -2,500.00  MAE         2,500.00  RMSE         3,535.53
            Pipeline (cumulative)    bias        -2,500.00  MAE         2,500.00  RMSE         3,535.53
            Distribution P50         bias        -7,500.00  MAE         7,500.00  RMSE        10,606.60
            P10-P90 coverage 0.50 over 2 points
            """;
        Assert.Equal(expected + "\n", result.ToString());
    }

    [Fact]
    public void CategoryForecast()
    {
        // Acme -> EMEA (lead erin: erin, bob) -> DACH (lead dan: dan, alice). In Q1 alice has W 10,000 won (Closed),
        // C 20,000 Commit, B 5,000 Best case, P 40,000 Pipeline, O 99,000 Omitted; bob X 7,000 Commit.
        // alice: Commit (cum) 10,000 + 20,000 = 30,000; Best case (cum) 30,000 + 5,000 = 35,000; open pipeline
        // 20,000 + 5,000 + 40,000 = 65,000 (Omitted left out). DACH = alice. EMEA = DACH + bob: closed 10,000, commit
        // 37,000, best case 42,000, open 72,000. The company = EMEA. dan calls alice's Commit 15,000: adjusted commit
        // (cum) alice and DACH 10,000 + 15,000 = 25,000, EMEA and the company 25,000 + 7,000 = 32,000. Only the company and
        // the teams are printed.
        var pipeline = PipelineDefinition.Default;
        var start = Instant.FromUtc(2025, 12, 1, 9, 0);
        var q1 = FiscalCalendar.Calendar.Quarter(2026, 1);
        var org = SalesOrg
            .CreateBuilder("Acme")
            .Team("emea", "EMEA", lead: "erin")
            .Team("dach", "DACH", parent: "emea", lead: "dan")
            .Rep("erin", "Erin", "emea")
            .Rep("bob", "Bob", "emea")
            .Rep("dan", "Dan", "dach")
            .Rep("alice", "Alice", "dach")
            .Build();
        Deal DealOf(string id, string owner, ForecastCategory category, decimal amount, LocalDate close)
        {
            var deal = Deal.Open(pipeline, new DealId(id), id, owner, Money.Of(amount, Currency.USD), close, start);
            if (category == ForecastCategory.Closed)
            {
                var answered = new[] { "use-case", "technical-fit", "budget" }.Aggregate(
                    deal,
                    (d, c) => pipeline.Answer(d, c, start, owner)
                );
                return pipeline.Win(answered, Instant.FromUtc(close.Year, close.Month, close.Day, 12, 0), owner);
            }
            return pipeline.ApplyOrThrow(deal, DealCommand.OverrideCategoryTo(category, start, owner));
        }
        Deal[] deals =
        [
            DealOf("W", "alice", ForecastCategory.Closed, 10_000m, new LocalDate(2026, 2, 1)),
            DealOf("C", "alice", ForecastCategory.Commit, 20_000m, new LocalDate(2026, 3, 1)),
            DealOf("B", "alice", ForecastCategory.BestCase, 5_000m, new LocalDate(2026, 3, 2)),
            DealOf("P", "alice", ForecastCategory.Pipeline, 40_000m, new LocalDate(2026, 3, 3)),
            DealOf("O", "alice", ForecastCategory.Omitted, 99_000m, new LocalDate(2026, 3, 4)),
            DealOf("X", "bob", ForecastCategory.Commit, 7_000m, new LocalDate(2026, 3, 5)),
        ];
        var adjustment = new CategoryAdjustment("alice", q1, ForecastCategory.Commit, Money.Of(15_000m, Currency.USD), "dan", start);
        var forecast = Forecast.ByCategory(deals, pipeline, [q1], org, [adjustment]);

        const string expected = """
            2026-Q1
              Node                             Closed       Commit (cum)    Best case (cum)      Open pipeline        Adj. commit
              Acme                      USD 10,000.00      USD 37,000.00      USD 42,000.00      USD 72,000.00      USD 32,000.00
              emea                      USD 10,000.00      USD 37,000.00      USD 42,000.00      USD 72,000.00      USD 32,000.00
              dach                      USD 10,000.00      USD 30,000.00      USD 35,000.00      USD 65,000.00      USD 25,000.00
            """;
        Assert.Equal(expected + "\n", forecast.ToString());
    }

    [Fact]
    public void StageCalibration()
    {
        // Pipeline ABC (A 10%, B 30%, C 60%). D1 is won from A on day 2, D2 lost from A on day 4: 2 closed, 1 won,
        // overall 1/2. Only A was reached (1/2 = 0.500), so one group: the fallback prior of the pooled rate 1/2 and
        // strength 10, Beta(5, 5), mean 0.500. Smoothed: A (1 + 5) / (2 + 10) = 0.500; B and C, never reached, the prior
        // mean 0.500; suggested 0.5 each. Wilson 95% of 1/2 (z^2 = 3.841459): centre (0.5 + 0.960365) / 2.920729 = 0.5,
        // half 1.959964 / 2.920729 x sqrt(0.125 + 0.240091) = 0.671052 x 0.604228 = 0.405469: [0.095, 0.905].
        // Chain: A exits once to Won, once to Lost: win 0.500, mean days in A (2 + 4) / 2 = 3.0, so 3.0 days to close;
        // B and C have no exits. Reliability: both deals forecast 0.1 on entering A (stage defaults): won (0.9^2 = 0.81)
        // and lost (0.1^2 = 0.01): Brier (0.81 + 0.01) / 2 = 0.41; no overrides.
        var calibration = SalesPipeline.Forecasting.StageCalibration.FromHistory(
            [Script(AbcPipeline, "D1", (2, "won")), Script(AbcPipeline, "D2", (4, "lost"))],
            AbcPipeline
        );

        const string expected = """
            Stage calibration of "ABC": 2 closed deals, 1 won (overall 0.500), 0 open ignored
            Prior Beta(5, 5), mean 0.500, strength 10 (pooled-rate fallback: OneGroup; maximum likelihood asked, 1 group)
            Stage                   Now Reached   Won   Rate 95% Wilson       Smoothed Suggest Chain win    Days
            A                      0.10       2     1  0.500 [0.095, 0.905]      0.500     0.5     0.500     3.0
            B                      0.30       0     0      - -                   0.500     0.5         -       -
            C                      0.60       0     0      - -                   0.500     0.5         -       -
            Brier 0.4100 over 2 forecasts (stage defaults 0.4100 over 2; overrides - over 0)
            """;
        Assert.Equal(expected + "\n", calibration.ToString());
    }
}
