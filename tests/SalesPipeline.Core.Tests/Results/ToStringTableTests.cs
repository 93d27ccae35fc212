using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Collections;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Metrics;
using SalesPipeline.Targets;
using static SalesPipeline.Tests.Health.HealthFixtures;

namespace SalesPipeline.Tests.Results;

// Each result's ToString table pinned with its exact text. The inputs are small and the numbers in the expected text
// are worked out by hand in the comments; only the column padding is mechanical (the format strings of each ToString).
public class ToStringTableTests
{
    // Periods with fixed labels, so the tables do not depend on how a calendar names its periods.
    private static readonly FiscalPeriod Q1 = new("Q1", new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 3, 31)));
    private static readonly FiscalPeriod Q2 = new("Q2", new DateInterval(new LocalDate(2026, 4, 1), new LocalDate(2026, 6, 30)));

    // A1: 1,000 in Proposal (50%) since Jan 10, closing Feb 10. B1: 2,000 in Negotiation (80%) since Jan 8, closing May 20.
    private static readonly Deal A1 = DealIn("A1", "proposal", 1_000m, Date(2, 10), At(1, 5), At(1, 10));
    private static readonly Deal B1 = DealIn("B1", "negotiation", 2_000m, Date(5, 20), At(1, 6), At(1, 8), owner: "bob");

    [Fact]
    public void StageWeightedForecast()
    {
        // As of Feb 15: A1 (close Feb 10) is overdue: 1,000 x 50% = 500. W1 won 500 on Mar 1, in Q1. B1 closes in Q2:
        // 2,000 x 80% = 1,600. C1: 300 in Prospecting (10%) closing Sep 1, in neither period: 30. Total = Q1 + Q2:
        // open 1 (2,000), weighted 1,600, won 1 (500), expected 500 + 1,600 = 2,100.
        var w1 = WonDeal("W1", 500m, At(1, 20), At(3, 1));
        var c1 = DealIn("C1", "prospecting", 300m, new LocalDate(2026, 9, 1), At(1, 7));
        var forecast = Forecast.StageWeighted([A1, B1, w1, c1], Pipeline, [Q1, Q2], new ForecastOptions { AsOf = Date(2, 15) });

        const string expected = """
            Period                        Open          Open amount             Weighted  Won           Won amount             Expected
            Q1                               0             USD 0.00             USD 0.00    1           USD 500.00           USD 500.00
            Q2                               1         USD 2,000.00         USD 1,600.00    0             USD 0.00         USD 1,600.00
            Overdue                          1         USD 1,000.00           USD 500.00    0             USD 0.00           USD 500.00
            Outside the periods              1           USD 300.00            USD 30.00    0             USD 0.00            USD 30.00
            Total                            1         USD 2,000.00         USD 1,600.00    1           USD 500.00         USD 2,100.00
            """;
        Assert.Equal(expected + "\n", forecast.ToString());
    }

    [Fact]
    public void TimeInStageReport()
    {
        // As of Apr 1 09:00. Prospecting: A1 Jan 5 -> Jan 10 = 5 days, B1 Jan 6 -> Jan 8 = 2 days: mean = median = 3.5;
        // type-7 percentiles of [2, 5]: P25 = 2 + 0.25 x 3 = 2.75, P75 = 4.25, P90 = 4.70. Qualified: skipped by both.
        // Proposal: A1 since Jan 10, open: 21 + 28 + 31 + 1 = 81 days. Negotiation: B1 since Jan 8, open: 83 days.
        var report = TimeInStage.Of([A1, B1], Pipeline, AsOf);

        const string expected = """
            Time in stage as of 2026-04-01T09:00:00Z, days, open stints included
            Stage             Deals  Open     Mean   Median Latest med.  Percentiles
            Prospecting           2     0     3.50     3.50        3.50  P25 2.75 P75 4.25 P90 4.70
            Qualified             0
            Proposal              1     1    81.00    81.00       81.00  P25 81.00 P75 81.00 P90 81.00
            Negotiation           1     1    83.00    83.00       83.00  P25 83.00 P75 83.00 P90 83.00
            """;
        Assert.Equal(expected + "\n", report.ToString());
    }

    [Fact]
    public void Leaderboard()
    {
        // Won amounts: carol 50,000 (1 win); alice 10,000 + 20,000 and bob 15,000 + 15,000 = 30,000 (2 wins each);
        // erin 30,000 (1 win); dave 10,000 (1 win, 1 loss: 1/2 = 50.0%). alice and bob tie on amount and count: rank 2
        // both, by id; erin ties on amount with fewer wins: 4th; dave 5th.
        var board = SalesPipeline.Metrics.Leaderboard.Of(
            [
                Tests.Metrics.MetricDeals.Won("C1", "carol", 50_000m, 3),
                Tests.Metrics.MetricDeals.Won("A1", "alice", 10_000m, 3),
                Tests.Metrics.MetricDeals.Won("A2", "alice", 20_000m, 4),
                Tests.Metrics.MetricDeals.Won("B1", "bob", 15_000m, 3),
                Tests.Metrics.MetricDeals.Won("B2", "bob", 15_000m, 4),
                Tests.Metrics.MetricDeals.Won("E1", "erin", 30_000m, 5),
                Tests.Metrics.MetricDeals.Won("D1", "dave", 10_000m, 5),
                Tests.Metrics.MetricDeals.Lost("D2", "dave", 10_000m, 6),
            ],
            [],
            LeaderboardMeasure.WonAmount
        );

        const string expected = """
            Rep by WonAmount
            1. carol  won 1, USD 50,000.00, 1/1 won = 100.0%, 0 activities
            2. alice  won 2, USD 30,000.00, 2/2 won = 100.0%, 0 activities
            2. bob  won 2, USD 30,000.00, 2/2 won = 100.0%, 0 activities
            4. erin  won 1, USD 30,000.00, 1/1 won = 100.0%, 0 activities
            5. dave  won 1, USD 10,000.00, 1/2 won = 50.0%, 0 activities
            """;
        Assert.Equal(expected, board.ToString());
    }

    [Fact]
    public void CollectionProgressReport()
    {
        // The worked book of ReceivablesFixtures on 2026-04-10 (see CollectionProgressTests): alice (east) due 10,900.00,
        // paid 4,000.00: 4,000 / 10,900 = 36.70%; bob (west) due 2,000.00, paid 1,000.00: 50.0%; total due 12,900.00,
        // paid 5,000.00: 5,000 / 12,900 = 38.76%. Collected equals paid here (no prepayments, refunds or credit).
        var report = CollectionProgress.Of(
            Tests.Collections.Receivables.ReceivablesFixtures.Book(),
            Tests.Collections.Receivables.ReceivablesFixtures.AsOf,
            Tests.Collections.Receivables.ReceivablesFixtures.Org
        );

        const string expected = """
            Collection progress as of 2026-04-10
            rep alice due USD 10,900.00 paid USD 4,000.00 (36.7 %) collected USD 4,000.00
            rep bob due USD 2,000.00 paid USD 1,000.00 (50.0 %) collected USD 1,000.00
            team east due USD 10,900.00 paid USD 4,000.00 (36.7 %) collected USD 4,000.00
            team west due USD 2,000.00 paid USD 1,000.00 (50.0 %) collected USD 1,000.00
            total due USD 12,900.00 paid USD 5,000.00 (38.8 %) collected USD 5,000.00
            """;
        Assert.Equal(expected + "\n", report.ToString());
    }

    [Fact]
    public void AgingReport()
    {
        // The worked book of ReceivablesFixtures on 2026-04-10 (see AgingTests): alice (east) owes C-1's 3,500.00 in
        // 1-30 and 2,500.00 in 31-60, and C-3's 900.00 over 90: 6,900.00; bob (west) C-2's 1,000.00, current; total
        // 7,900.00.
        var report = Aging.Of(
            Tests.Collections.Receivables.ReceivablesFixtures.Book(),
            Tests.Collections.Receivables.ReceivablesFixtures.AsOf,
            organization: Tests.Collections.Receivables.ReceivablesFixtures.Org
        );

        const string expected = """
            Aging as of 2026-04-10 (USD)
                                    current           1-30          31-60          61-90        over 90          total
            rep alice                  0.00       3,500.00       2,500.00           0.00         900.00       6,900.00
            rep bob                1,000.00           0.00           0.00           0.00           0.00       1,000.00
            team east                  0.00       3,500.00       2,500.00           0.00         900.00       6,900.00
            team west              1,000.00           0.00           0.00           0.00           0.00       1,000.00
            total                  1,000.00       3,500.00       2,500.00           0.00         900.00       7,900.00
            """;
        Assert.Equal(expected + "\n", report.ToString());
    }

    [Fact]
    public void IncomingVolumeReport()
    {
        // Deals created: A1 (alice) Jan 5 and B1 (bob) Jan 6 in Q1; E1 (alice) Apr 2 in Q2; O1 Aug 3 in neither. No
        // leads. Total sums the period lines only (2 + 1 = 3), like the forecasts' totals; O1 shows on its own line.
        var e1 = DealIn("E1", "prospecting", 100m, Date(6, 30), At(4, 2));
        var o1 = DealIn("O1", "prospecting", 100m, Date(9, 30), At(8, 3));
        var report = IncomingVolume.Of([], [A1, B1, e1, o1], [Q1, Q2], new IncomingVolumeOptions { Breakdown = Breakdown.Owner });

        const string expected = """
            Period / Owner                     Leads   Deals
            Q1                                     0       2
              alice                                0       1
              bob                                  0       1
            Q2                                     0       1
              alice                                0       1
            Outside the periods                    0       1
            Total                                  0       3
            """;
        Assert.Equal(expected + "\n", report.ToString());
    }

    [Fact]
    public void AttainmentReport()
    {
        // alice, Q1 quota 300,000, as of Mar 1 with a 25% win rate: won 120,000 (Feb 10) = 40.0%, gap 180,000; open
        // 400,000 in Proposal (50%) closing Mar 15: weighted 200,000; coverage 400,000 / 180,000 = 2.22x; required
        // 1 / 0.25 = 4.00x.
        var won = WonDeal("W1", 120_000m, At(1, 5), At(2, 10));
        var open = DealIn("P1", "proposal", 400_000m, Date(3, 15), At(1, 5));
        var options = new AttainmentOptions
        {
            ForecastOptions = new ForecastOptions { AsOf = Date(3, 1) },
            WinRate = 0.25m,
        };
        var report = Attainment.Of([won, open], Pipeline, [Quota.ForPerson("alice", Q1, Usd(300_000m))], options);

        const string expected = """
            Subject      Period                             Target                Won    Done                Gap               Open           Weighted   Cover    Need
            alice        Q1                             300,000.00         120,000.00   40.0%         180,000.00         400,000.00         200,000.00   2.22x   4.00x
            """;
        Assert.Equal(expected + "\n", report.ToString());
    }
}
