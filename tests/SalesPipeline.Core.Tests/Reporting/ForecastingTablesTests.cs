using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Pipelines;
using SalesPipeline.Reporting;
using SalesPipeline.Tests.Forecasting;
using SalesPipeline.Tests.Metrics;
using static SalesPipeline.Tests.Reporting.TableAssert;

namespace SalesPipeline.Tests.Reporting;

public sealed class ForecastingTablesTests
{
    private static readonly PipelineDefinition Pipeline = PipelineDefinition.Default;
    private static readonly IReadOnlyList<FiscalPeriod> Q1Months = [.. FiscalCalendar.Calendar.Months(2026).Take(3)];
    private static readonly FiscalPeriod March = Q1Months[2];
    private static readonly Instant Start = Instant.FromUtc(2026, 1, 5, 9, 0);

    private static Money Usd(decimal amount) => Money.Of(amount, Currency.USD);

    private static Deal DealIn(string id, string stage, decimal amount, LocalDate close) =>
        ForecastDeals.WalkedTo(id, "alice", Usd(amount), close, stage, Start);

    // The worked example of docs/forecasting.md: in March, A (USD 100,000 in Proposal, 50%) and B (USD 40,000 in
    // Negotiation, 80%) are open and C (USD 25,000) was won on March 10; D (USD 12,345.67 in Prospecting, 10%) closes in
    // January.
    internal static Deal[] Deals() =>
        [
            DealIn("A", "proposal", 100_000m, new LocalDate(2026, 3, 20)),
            DealIn("B", "negotiation", 40_000m, new LocalDate(2026, 3, 31)),
            Pipeline.Win(DealIn("C", "negotiation", 25_000m, new LocalDate(2026, 12, 31)), Instant.FromUtc(2026, 3, 10, 12, 0), "alice"),
            DealIn("D", "prospecting", 12_345.67m, new LocalDate(2026, 1, 15)),
        ];

    [Fact]
    public void StageWeighted_RowsFollowTheReport_AndTheMarchRowIsTheWorkedExample()
    {
        var forecast = Forecast.StageWeighted(Deals(), Pipeline, Q1Months);

        var table = forecast.ToTable();

        WellFormed(table);
        Assert.Equal("stage_weighted_forecast", table.Name);
        WeightedLine[] lines =
        [
            .. forecast.Periods,
            forecast.Overdue,
            forecast.OutsidePeriods,
            forecast.Total,
            .. forecast.ByOwner,
            .. forecast.ByTeam,
        ];
        Equal(table, "scope", ["period", "period", "period", "overdue", "outside_periods", "total", "owner", "owner"]); // alice has deals in January and March only
        Equal(table, "label", lines.Select(l => l.Label));
        Equal(table, "period_start", lines.Select(l => l.Period?.Start));
        Equal(table, "period_end", lines.Select(l => l.Period?.End));
        Equal(table, "owner", lines.Select(l => l.Owner));
        Equal(table, "open_deals", lines.Select(l => l.OpenDeals));
        Money(table, "open_amount", lines.Select(l => l.OpenAmount));
        Money(table, "weighted", lines.Select(l => l.Weighted));
        Equal(table, "won_deals", lines.Select(l => l.WonDeals));
        Money(table, "won", lines.Select(l => l.Won));
        Money(table, "expected", lines.Select(l => l.Expected));
        // By hand: March holds 140,000 open, 50,000 + 32,000 = 82,000 weighted, 25,000 won, 107,000 expected.
        Assert.Equal(
            (new LocalDate(2026, 3, 1), 2L, 140_000m, 82_000m, 25_000m, 107_000m, "USD"),
            (
                (LocalDate)Cell(table, 2, "period_start")!,
                (long)Cell(table, 2, "open_deals")!,
                (decimal)Cell(table, 2, "open_amount")!,
                (decimal)Cell(table, 2, "weighted")!,
                (decimal)Cell(table, 2, "won")!,
                (decimal)Cell(table, 2, "expected")!,
                (string)Cell(table, 2, "expected_currency")!
            )
        );
        // Total: 1,234.57 (January: 12,345.67 x 10%, rounded) + 82,000.
        Assert.Equal(83_234.57m, Cell(table, 5, "weighted"));
    }

    [Fact]
    public void Category_GrossAndAdjustedSideBySide_ThenOverdue()
    {
        var forecast = Forecast.ByCategory(Deals(), Pipeline, [FiscalCalendar.Calendar.Quarter(2026, 1)], MetricDeals.Org);

        var table = forecast.ToTable();

        WellFormed(table);
        var lines = forecast.Lines;
        Equal(table, "scope", lines.Select(_ => "node").Append("overdue"));
        Equal(table, "node_id", lines.Select(l => l.Id).Append(null));
        Equal(table, "parent_id", lines.Select(l => l.ParentId).Append(null));
        Equal(table, "node_kind", lines.Select(l => l.Kind.ToString().ToLowerInvariant()).Append(null));
        Money(table, "gross_commit", lines.Select(l => l.Gross.Commit).Append(forecast.Overdue.Commit));
        Money(table, "gross_best_case", lines.Select(l => l.Gross.BestCase).Append(forecast.Overdue.BestCase));
        Money(table, "gross_pipeline", lines.Select(l => l.Gross.Pipeline).Append(forecast.Overdue.Pipeline));
        Money(table, "gross_closed", lines.Select(l => l.Gross.Closed).Append(forecast.Overdue.Closed));
        Money(table, "gross_omitted", lines.Select(l => l.Gross.Omitted).Append(forecast.Overdue.Omitted));
        Money(
            table,
            "gross_best_case_cumulative",
            lines.Select(l => l.Gross.BestCaseCumulative).Append(forecast.Overdue.BestCaseCumulative)
        );
        Money(table, "adjusted_commit_cumulative", lines.Select(l => (Money?)l.Adjusted.CommitCumulative).Append(null));
        Money(table, "adjusted_open_pipeline", lines.Select(l => (Money?)l.Adjusted.OpenPipeline).Append(null));
        Equal(table, "adjustments", lines.Select(l => (long?)l.Adjustments.Count).Append(null));
        // By hand, alice's quarter: Negotiation (Commit) 40,000; Proposal (Best case) 100,000; Prospecting (Pipeline)
        // 12,345.67; closed 25,000.
        var alice = lines.ToList().FindIndex(l => l.Id == "alice");
        Assert.Equal(
            (40_000m, 100_000m, 12_345.67m, 25_000m),
            (
                Cell(table, alice, "gross_commit"),
                Cell(table, alice, "gross_best_case"),
                Cell(table, alice, "gross_pipeline"),
                Cell(table, alice, "gross_closed")
            )
        );
    }

    [Fact]
    public void CategoryAdjustments_OneRowPerAdjustment()
    {
        var q1 = FiscalCalendar.Calendar.Quarter(2026, 1);
        var adjustment = new CategoryAdjustment(
            "alice",
            q1,
            ForecastCategory.BestCase,
            Usd(60_000m),
            "zoe",
            Start,
            "legal review slipping"
        );
        var forecast = Forecast.ByCategory(Deals(), Pipeline, [q1], MetricDeals.Org, [adjustment]);

        var table = forecast.ToAdjustmentsTable();

        WellFormed(table);
        Assert.Equal(1, table.RowCount);
        Assert.Equal(
            (q1.Start, "alice", "best_case", 60_000m, "USD", "zoe", Start, "legal review slipping"),
            (
                (LocalDate)Cell(table, 0, "period_start")!,
                Cell(table, 0, "subject_id"),
                Cell(table, 0, "category"),
                Cell(table, 0, "amount"),
                Cell(table, 0, "amount_currency"),
                Cell(table, 0, "by"),
                Cell(table, 0, "at"),
                Cell(table, 0, "note")
            )
        );
        // The adjusted best case of alice's line is the manager's 60,000, the gross stays 100,000.
        var alice = forecast.ToTable();
        var row = Column(alice, "node_id").ToList().IndexOf("alice");
        Assert.Equal((100_000m, 60_000m), (Cell(alice, row, "gross_best_case"), Cell(alice, row, "adjusted_best_case")));
        Assert.Equal(1L, Cell(alice, row, "adjustments"));
    }

    [Fact]
    public void Distribution_PointsCountsAndSummary_WorkedByHand()
    {
        // March: 25,000 won for sure; A (100,000) won with 0.5 and B (40,000) with 0.8, independently:
        // 25,000 with 0.5 x 0.2 = 0.1; 65,000 with 0.5 x 0.8 = 0.4; 125,000 with 0.1; 165,000 with 0.4.
        var distribution = Forecast.Distribution(Deals(), Pipeline, March);

        var points = distribution.ToTable();
        var counts = distribution.ToCountTable();
        var summary = distribution.ToSummaryTable();

        WellFormed(points);
        Equal(points, "revenue", new decimal[] { 25_000m, 65_000m, 125_000m, 165_000m });
        Assert.Equal([0.1, 0.4, 0.1, 0.4], Column(points, "probability").Cast<double>(), new Tolerance(1e-12));
        Assert.Equal([0.1, 0.5, 0.6, 1.0], Column(points, "cumulative").Cast<double>(), new Tolerance(1e-12));
        Equal(points, "period_label", Enumerable.Repeat(March.Label, 4));
        // k won of the two: none 0.5 x 0.2 = 0.1; one 0.5 x 0.2 + 0.5 x 0.8 = 0.5; both 0.4.
        Equal(counts, "deals_won", new long[] { 0, 1, 2 });
        Assert.Equal([0.1, 0.5, 0.4], Column(counts, "probability").Cast<double>(), new Tolerance(1e-12));
        WellFormed(summary);
        Assert.Equal(1, summary.RowCount);
        // Mean 25,000 + 50,000 + 32,000; P10 25,000 (cumulative 0.1 reaches 0.1), P50 65,000, P90 165,000.
        Assert.Equal(
            (107_000m, 25_000m, 65_000m, 165_000m, 2L, 1L, "exact"),
            (
                Cell(summary, 0, "mean"),
                Cell(summary, 0, "p10"),
                Cell(summary, 0, "p50"),
                Cell(summary, 0, "p90"),
                Cell(summary, 0, "open_deals"),
                Cell(summary, 0, "won_deals"),
                Cell(summary, 0, "method")
            )
        );
        Assert.Equal(distribution.Percentile(0.25).Amount, Cell(summary, 0, "p25"));
        Assert.Equal(distribution.Percentile(0.75).Amount, Cell(summary, 0, "p75"));
        Assert.Equal(distribution.Variance, Cell(summary, 0, "variance"));
        Assert.Equal(distribution.StandardDeviation, Cell(summary, 0, "standard_deviation"));
        Assert.Null(Cell(summary, 0, "trials"));
    }

    [Fact]
    public void Comparison_OneRowPerDeal_FlagsTheDisagreements()
    {
        var comparison = Forecast.Compare(Deals(), Pipeline);

        var table = comparison.ToTable();

        WellFormed(table);
        var deals = comparison.Deals;
        Equal(table, "deal_id", deals.Select(d => d.DealId.Value));
        Equal(table, "owner", deals.Select(d => d.Owner));
        Equal(table, "stage_id", deals.Select(d => d.StageId));
        Money(table, "amount", deals.Select(d => (Money?)d.Amount));
        Equal(table, "probability", deals.Select(d => d.Probability.Value));
        Equal(table, "probability_source", deals.Select(_ => "stage_default"));
        Equal(
            table,
            "category",
            deals.Select(d => d.Category.Value == ForecastCategory.BestCase ? "best_case" : d.Category.Value.ToString().ToLowerInvariant())
        );
        Money(table, "weighted", deals.Select(d => (Money?)d.Weighted));
        Equal(table, "disagreement", deals.Select(d => d.Disagreement));
        Equal(table, "disagrees", deals.Select(d => comparison.Disagreements.Contains(d)));
    }

    [Fact]
    public void Backtest_RowsAndAccuracy()
    {
        var february = FiscalCalendar.Calendar.Month(2026, 2);
        var result = ForecastBacktest.Run(Deals(), Pipeline, [BacktestPoint.AtStartOf(february), BacktestPoint.AtStartOf(March)]);

        var rows = result.ToTable();
        var accuracy = result.ToAccuracyTable();

        WellFormed(rows);
        Equal(rows, "forecast_date", result.Rows.Select(r => r.ForecastDate));
        Equal(rows, "period_start", result.Rows.Select(r => (LocalDate?)r.Period.Start));
        Money(rows, "actual", result.Rows.Select(r => (Money?)r.Actual));
        Money(rows, "stage_weighted", result.Rows.Select(r => (Money?)r.StageWeighted));
        Money(rows, "commit_cumulative", result.Rows.Select(r => (Money?)r.CommitCumulative));
        Money(rows, "best_case_cumulative", result.Rows.Select(r => (Money?)r.BestCaseCumulative));
        Money(rows, "pipeline_cumulative", result.Rows.Select(r => (Money?)r.PipelineCumulative));
        Money(rows, "p10", result.Rows.Select(r => (Money?)r.P10));
        Money(rows, "p50", result.Rows.Select(r => (Money?)r.P50));
        Money(rows, "p90", result.Rows.Select(r => (Money?)r.P90));
        Equal(rows, "within_p10_p90", result.Rows.Select(r => r.WithinP10ToP90));
        // March actual: C's 25,000 (A and B close on March 20 and 31 but are never won).
        Assert.Equal(25_000m, Cell(rows, 1, "actual"));
        Equal(accuracy, "method", result.Methods.Select(m => m.Method));
        Equal(accuracy, "bias", result.Methods.Select(m => m.Bias));
        Equal(accuracy, "mean_absolute_error", result.Methods.Select(m => m.MeanAbsoluteError));
        Equal(accuracy, "root_mean_squared_error", result.Methods.Select(m => m.RootMeanSquaredError));
        Equal(accuracy, "currency", result.Methods.Select(_ => "USD"));
    }

    [Fact]
    public void Calibration_OneRowPerOpenStage_WithItsChain()
    {
        var calibration = StageCalibration.FromHistory(Deals(), Pipeline);

        var table = calibration.ToTable();

        WellFormed(table);
        var stages = calibration.Stages;
        Equal(table, "stage_id", stages.Select(s => s.StageId));
        Equal(table, "current_probability", stages.Select(s => s.CurrentProbability));
        Equal(table, "reached", stages.Select(s => s.Reached));
        Equal(table, "won", stages.Select(s => s.Won));
        Equal(table, "lost", stages.Select(s => s.Lost));
        Equal(table, "observed_rate", stages.Select(s => s.ObservedRate));
        Equal(table, "observed_rate_lower", stages.Select(s => s.Interval?.Lower));
        Equal(table, "smoothed_rate", stages.Select(s => s.SmoothedRate));
        Equal(table, "suggested_probability", stages.Select(s => s.SuggestedProbability));
        Equal(table, "chain_win_probability", stages.Select(s => calibration.Chain.Stages[s.Index].WinProbability));
        Equal(table, "expected_days_to_close", stages.Select(s => calibration.Chain.Stages[s.Index].ExpectedDaysToClose));
        // By hand: one closed deal, C, won after passing every open stage: each stage reached once, won once (rate 1).
        Equal(table, "reached", stages.Select(_ => 1L));
        Equal(table, "observed_rate", stages.Select(_ => (double?)1.0));
        Equal(table, "closed_deals", stages.Select(_ => 1L));
        Equal(table, "open_deals_ignored", stages.Select(_ => 3L));
    }

    [Fact]
    public void NullReports_AreRejectedByName()
    {
        Assert.Equal("forecast", Assert.Throws<ArgumentNullException>(() => ((StageWeightedForecast)null!).ToTable()).ParamName);
        Assert.Equal("distribution", Assert.Throws<ArgumentNullException>(() => ((RevenueDistribution)null!).ToSummaryTable()).ParamName);
        Assert.Equal("result", Assert.Throws<ArgumentNullException>(() => ((BacktestResult)null!).ToAccuracyTable()).ParamName);
    }

    private sealed class Tolerance(double epsilon) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= epsilon;

        public int GetHashCode(double obj) => 0;
    }
}
