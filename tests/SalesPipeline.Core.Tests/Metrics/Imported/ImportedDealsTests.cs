using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Metrics;
using SalesPipeline.Pipelines;
using SalesPipeline.Tests.Deals;
using static SalesPipeline.Tests.Deals.DealFixtures;

namespace SalesPipeline.Tests.Metrics.Imported;

// How each metric reads imported deals: stages before the first observed one are unobserved (neither reached nor
// skipped), a stay the import did not see begin has no length, and the current state counts as it stands.
public sealed class ImportedDealsTests
{
    private static readonly Instant AsOf = H(24 * 60);

    private static DealImport Record(string id, string stageId, params StageEntry[] history) =>
        new()
        {
            Id = new DealId(id),
            Owner = "alice",
            Amount = Money.Of(1_000m, Currency.USD),
            StageId = stageId,
            ExpectedClose = Close,
            CreatedAt = T0,
            History = history,
        };

    // Default pipeline: prospecting (P), qualified (Q), proposal (R), negotiation (N).
    // A: open in R, no history.                         reaches R (still in)
    // B: Q@1 -> R@2 -> N@3, open.                       Q moved on, R moved on, N still in
    // C: won on day 30, no history.                     reaches no open stage
    // D: P@1 -> Q@2, lost @5.                            P moved on, Q lost
    // E: P@1 -> N@4 (jumps over Q and R), open.          P moved on, Q and R passed (moved on), N still in
    private static IReadOnlyList<Deal> Handful() =>
        Default
            .Import(
                [
                    Record("A", "proposal"),
                    Record("B", "negotiation", new("qualified", H(1)), new("proposal", H(2)), new("negotiation", H(3))),
                    Record("C", "won") with
                    {
                        Status = DealStatus.Won,
                        ClosedAt = H(24 * 30),
                    },
                    Record("D", "lost", new("prospecting", H(1)), new("qualified", H(2))) with
                    {
                        Status = DealStatus.Lost,
                        ClosedAt = H(5),
                    },
                    Record("E", "negotiation", new("prospecting", H(1)), new("negotiation", H(4))),
                ],
                AsOf
            )
            .GetDealsOrThrow();

    [Fact]
    public void Funnel_CountsOnlyObservedStages()
    {
        var funnel = Funnel.Of(Handful(), Default);

        // Reached: P = D, E (2); Q = B, D, E (3); R = A, B, E (3); N = B, E (2). C reaches nothing.
        // Conversion counts deals that reached both: P->Q = D, E = 2/2; Q->R = B, E = 2/3 (D was lost in Q);
        // R->N = B, E = 2/3 (A is still in R). Counting the next stage's reached alone would give Q->R 3/3.
        Assert.Equal(
            [
                ("prospecting", 2, 2, 0, 0, 0, (double?)1.0),
                ("qualified", 3, 2, 1, 0, 0, 2.0 / 3),
                ("proposal", 3, 2, 0, 0, 1, 2.0 / 3),
                ("negotiation", 2, 0, 0, 0, 2, null),
            ],
            funnel.Stages.Select(s => (s.Stage.Id, s.Reached, s.MovedOn, s.Lost, s.Won, s.StillIn, s.ConversionToNext))
        );
        Assert.Equal(5, funnel.All.Deals); // C counts as a deal, though in no stage
        // Each deal is USD 1,000.00, so the reached-value share is reached / 5 deals (not / the first stage's 2).
        Assert.Equal([0.4, 0.6, 0.6, 0.4], funnel.Stages.Select(s => s.ReachedValueShare!.Value));
    }

    [Fact]
    public void WinRateAndCycle_ReadTheCurrentStateAndTheRecordsCreationDate()
    {
        var deals = Handful();

        var rate = WinRate.Of(deals);
        var cycle = SalesCycle.Of(deals, AsOf);

        // Won C, lost D (A, B and E are open, outside the default "decided" definition): 1 / (1 + 1).
        Assert.Equal((1, 1, (decimal?)0.5m), (rate.Won, rate.Lost, rate.CountRate));
        // All created at T0: C closed after 30 days and D after 5 hours (both events), A, B, E censored at 60 days.
        Assert.Equal((5L, 2L, 3L, (double?)30.0), (cycle.Deals, cycle.Closed, cycle.Censored, cycle.NaiveMeanWonDays));
    }

    [Fact]
    public void Cycle_BeforeAnImportedDealWasObserved_CountsItAsOpen()
    {
        // C was created at T0 and first observed (won) on day 30; on day 10 it was open: censored at 10 days.
        var cycle = SalesCycle.Of([Handful()[2]], H(24 * 10));

        Assert.Equal((1L, 0L, 1L, 0L), (cycle.Deals, cycle.Closed, cycle.Censored, cycle.NotYetCreated));
    }

    [Fact]
    public void Velocity_BeforeAnImportedDealWasObserved_CountsItAsOpen()
    {
        // C was created on 2026-03-02 and first observed (won) on 2026-04-01: at the end of March it was open.
        var march = FiscalCalendar.Calendar.Month(2026, 3);

        var velocity = SalesVelocity.Of([Handful()[2]], march);

        Assert.Equal((1L, 0L, 0L), (velocity.OpenDeals, velocity.WonDeals, velocity.LostDeals));
    }

    [Fact]
    public void CalibrationChain_CountsATruncatedStayAsAnExitButNotInTheMeanDays()
    {
        var pipeline = PipelineDefinition
            .CreateBuilder("Simple")
            .Stage("Discovery", 0.2m)
            .Stage("Proposal", 0.5m)
            .Won("Won")
            .Lost("Lost")
            .Build();
        Instant Day(int d) => T0.Plus(Duration.FromDays(d));
        // G: 3 days in discovery, then proposal, won. F: seen in discovery on day 10 (entry unknown), proposal on day 15, won.
        var g = pipeline.Win(
            pipeline.Move(Deal.Open(pipeline, new DealId("G"), "G", "alice", Amount, Close, T0), "proposal", Day(3), "a"),
            Day(4),
            "a"
        );
        var f = pipeline.Win(pipeline.Move(pipeline.Import(Record("F", "discovery"), Day(10)), "proposal", Day(15), "a"), Day(16), "a");

        var discovery = StageCalibration.FromHistory([g, f], pipeline).Chain.Stages[0];

        // Two exits to proposal; the mean days in discovery is G's 3, not (3 + 5) / 2.
        Assert.Equal((2L, (double?)3.0), (discovery.ObservedExits, discovery.MeanDaysInStage));
    }

    [Fact]
    public void Calibration_CountsOnlyObservedStages()
    {
        // Closed deals: C (won, no open stage observed) and D (lost, observed in P and Q).
        var calibration = StageCalibration.FromHistory(Handful(), Default);

        Assert.Equal((2, 1), (calibration.ClosedDeals, calibration.WonDeals));
        Assert.Equal([(1, 0), (1, 0), (0, 0), (0, 0)], calibration.Stages.Select(s => (s.Reached, s.Won)));
    }

    [Fact]
    public void TimeInStage_LeavesOutAStayTheImportDidNotSeeBegin()
    {
        var pipeline = PipelineDefinition
            .CreateBuilder("Simple")
            .Stage("Discovery", 0.2m)
            .Stage("Proposal", 0.5m)
            .Won("Won")
            .Lost("Lost")
            .Build();
        Instant Day(int d) => T0.Plus(Duration.FromDays(d));
        // G, opened here: 3 days in discovery. H, imported with its history: 9 days (known entry on day 2).
        // F, imported as seen in discovery on day 10 (entry unknown), moved out on day 15: no known length.
        // K, like F, moved out on day 12, back on day 13 and out on day 17: latest stay 4 days; cumulative unknown.
        var g = pipeline.Move(Deal.Open(pipeline, new DealId("G"), "G", "alice", Amount, Close, T0), "proposal", Day(3), "alice");
        var h = pipeline.Import(
            Record("H", "proposal", new("discovery", Day(2)), new("proposal", Day(11))) with
            {
                CreatedAt = Day(1),
            },
            Day(20)
        );
        var f = pipeline.Move(pipeline.Import(Record("F", "discovery"), Day(10)), "proposal", Day(15), "alice");
        var k = pipeline.Import(Record("K", "discovery"), Day(10));
        k = pipeline.Move(
            pipeline.Move(pipeline.Move(k, "proposal", Day(12), "alice"), "discovery", Day(13), "alice"),
            "proposal",
            Day(17),
            "alice"
        );

        var discovery = TimeInStage.Of([g, h, f, k], pipeline, Day(20)).Stages[0];

        // Latest: G 3, H 9, K 4 -> 3 deals, mean 16/3. Cumulative: G 3, H 9 -> 2 deals, mean 6.
        Assert.Equal((3, 16.0 / 3), (discovery.Latest!.Count, discovery.Latest.MeanDays));
        Assert.Equal((2, 6.0), (discovery.Cumulative!.Count, discovery.Cumulative.MeanDays));
    }

    [Fact]
    public void TenThousandImportedDeals_FunnelWinRateCycleAndForecast_MatchAPlainRecomputation()
    {
        var pipeline = PipelineDefinition.Default;
        var rng = new Random(20261204);
        var records = Enumerable.Range(0, 10_000).Select(i => ImportRecords.Draw(rng, pipeline, $"SF-{i:D5}")).ToArray();

        var result = pipeline.Import(records, ImportRecords.AsOf);
        var deals = result.GetDealsOrThrow();

        Assert.Equal((10_000, 10_000, 0), (result.Read, result.Accepted, result.Rejected));

        // Funnel: a record reaches the open stages of its history, the stages a forward step jumps over, and, without a
        // history, its current open stage.
        var ids = pipeline.OpenStages.Select(s => s.Id).ToList();
        var reached = records
            .Select(r =>
            {
                var seen = new bool[ids.Count];
                var steps = r.History.Select(e => ids.IndexOf(e.StageId)).Where(i => i >= 0).ToList();
                if (steps.Count == 0 && r.Status == DealStatus.Open)
                {
                    steps.Add(ids.IndexOf(r.StageId));
                }
                for (var i = 0; i < steps.Count; i++)
                {
                    seen[steps[i]] = true;
                    for (var s = i > 0 ? steps[i - 1] + 1 : steps[i]; s < steps[i]; s++)
                    {
                        seen[s] = true;
                    }
                }
                return seen;
            })
            .ToArray();
        var funnel = Funnel.Of(deals, pipeline);
        for (var s = 0; s < ids.Count; s++)
        {
            var reachedHere = reached.Count(r => r[s]);
            Assert.Equal(reachedHere, funnel.Stages[s].Reached);
            Assert.Equal(records.Count(r => r.Status == DealStatus.Open && r.StageId == ids[s]), funnel.Stages[s].StillIn);
            if (s + 1 < ids.Count)
            {
                Assert.Equal((double)reached.Count(r => r[s] && r[s + 1]) / reachedHere, funnel.Stages[s].ConversionToNext!.Value, 12);
            }
        }

        // Win rate: won / (won + lost).
        var won = records.Where(r => r.Status == DealStatus.Won).ToArray();
        var lost = records.Count(r => r.Status == DealStatus.Lost);
        var open = records.Where(r => r.Status == DealStatus.Open).ToArray();
        var rate = WinRate.Of(deals);
        Assert.Equal((won.Length, lost), (rate.Won, rate.Lost));
        Assert.Equal((decimal)won.Length / (won.Length + lost), rate.CountRate);

        // Sales cycle from each record's CreatedAt: every close is an event, every open deal censored at asOf.
        var cycle = SalesCycle.Of(deals, ImportRecords.AsOf);
        Assert.Equal((10_000L, (long)(won.Length + lost), (long)open.Length), (cycle.Deals, cycle.Closed, cycle.Censored));
        Assert.Equal(won.Average(r => (r.ClosedAt!.Value - r.CreatedAt).TotalDays), cycle.NaiveMeanWonDays!.Value, 9);

        // Stage-weighted forecast over 2026-2027 (every expected close and close falls in it): each open deal's amount times
        // its override, else its stage's probability; won deals at their amount.
        var forecast = Forecast.StageWeighted(
            deals,
            pipeline,
            [.. FiscalCalendar.Calendar.Months(2026), .. FiscalCalendar.Calendar.Months(2027)]
        );
        var weighted = open.Sum(r => r.Amount.Amount * (r.ProbabilityOverride ?? pipeline.GetStage(r.StageId).Probability));
        Assert.Equal(open.Length, forecast.Total.OpenDeals);
        Assert.Equal(Money.Of(weighted, Currency.USD).Round(), forecast.Total.Weighted);
        Assert.Equal((won.Length, Money.Of(won.Sum(r => r.Amount.Amount), Currency.USD)), (forecast.Total.WonDeals, forecast.Total.Won));
    }
}
