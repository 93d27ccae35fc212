using System.Collections.Generic;
using System.Linq;
using SalesPipeline.Forecasting;

namespace SalesPipeline.Reporting;

/// <summary>The forecasts as <see cref="ReportTable"/>s, for the CSV and Parquet writers (columns in docs/export.md).</summary>
/// <remarks>Pure functions of their report; thread-safe.</remarks>
public static class ForecastingTables
{
    private static readonly TableSchema<(string Scope, WeightedLine Line)> StageWeightedSchema = new TableSchema<(
        string Scope,
        WeightedLine Line
    )>("stage_weighted_forecast")
        .Text(
            "scope",
            "What the row is: period, overdue, outside_periods, total, owner (a period and owner) or team (a period and team).",
            r => r.Scope
        )
        .Text("label", "The line's label as the report prints it.", r => r.Line.Label)
        .Period("the line's period", r => r.Line.Period, "the overdue, outside and total rows")
        .Text("owner", "The owner of an owner row; empty otherwise.", r => r.Line.Owner)
        .Text("team", "The team (with its subtree) of a team row; empty otherwise.", r => r.Line.TeamId)
        .Whole("open_deals", "Open deals expected to close in the line.", r => r.Line.OpenDeals)
        .Money("open_amount", "Their amount, unweighted.", r => r.Line.OpenAmount)
        .Money(
            "weighted",
            "Their amount weighted by each deal's effective win probability, summed exactly and rounded once.",
            r => r.Line.Weighted
        )
        .Whole("won_deals", "Deals won in the period.", r => r.Line.WonDeals)
        .Money("won", "Their amount.", r => r.Line.Won)
        .Money("expected", "The expected revenue: won + weighted.", r => r.Line.Expected);

    private static readonly TableSchema<(string Scope, Pipelines.Stage? Stage, int Deals, Money Amount, Money? Weighted)> ByStageSchema =
        new TableSchema<(string Scope, Pipelines.Stage? Stage, int Deals, Money Amount, Money? Weighted)>("pipeline_by_stage")
            .Text("scope", "What the row is: stage, stopped (every stopped deal, in no forecast) or total (the open deals).", r => r.Scope)
            .Stage("the open stage; empty on the stopped and total rows", r => r.Stage)
            .Whole("deals", "Open deals in the stage (stopped deals on the stopped row, open deals on the total row).", r => r.Deals)
            .Money("amount", "Their amount, unweighted.", r => r.Amount)
            .Exact(
                "probability",
                "The stage's default win probability, 0 to 1; empty on the stopped and total rows.",
                r => r.Stage?.Probability
            )
            .Money(
                "weighted",
                "Their amount weighted by each deal's effective win probability, summed exactly and rounded once; empty on the stopped row.",
                r => r.Weighted
            );

    private static readonly TableSchema<CategoryAmounts> AmountsSchema = new TableSchema<CategoryAmounts>("category_amounts")
        .Money("closed", "Won in the period.", a => a.Closed)
        .Money("commit", "Open deals in the Commit category.", a => a.Commit)
        .Money("best_case", "Open deals in the Best case category.", a => a.BestCase)
        .Money("pipeline", "Open deals in the Pipeline category.", a => a.Pipeline)
        .Money("omitted", "Open deals in the Omitted category (shown, never added in).", a => a.Omitted)
        .Money("commit_cumulative", "Closed + commit.", a => a.CommitCumulative)
        .Money("best_case_cumulative", "Closed + commit + best case.", a => a.BestCaseCumulative)
        .Money("open_pipeline", "Commit + best case + pipeline: the open deals that count.", a => a.OpenPipeline);

    private static readonly TableSchema<(string Scope, CategoryLine? Line, CategoryAmounts Gross)> CategorySchema = new TableSchema<(
        string Scope,
        CategoryLine? Line,
        CategoryAmounts Gross
    )>("category_forecast")
        .Text(
            "scope",
            "What the row is: node (a company, team, person or unassigned line of a period) or overdue (open deals expected to close before the as-of date).",
            r => r.Scope
        )
        .Period("the line's period", r => r.Line?.Period, "the overdue row")
        .Enum("node_kind", "company, team, person or unassigned.", r => r.Line?.Kind)
        .Text("node_id", "The team or person id, the company name, or (unassigned).", r => r.Line?.Id)
        .Text("parent_id", "The node it rolls up into; empty for the company.", r => r.Line?.ParentId)
        .Include("gross_", "Before adjustments", AmountsSchema, r => r.Gross)
        .Include("adjusted_", "With the managers' adjustments in force (empty on the overdue row)", AmountsSchema, r => r.Line?.Adjusted)
        .Whole(
            "adjustments",
            "How many adjustments of the node's own figures were made (in force or superseded).",
            r => r.Line?.Adjustments.Count
        );

    private static readonly TableSchema<CategoryAdjustment> AdjustmentSchema = new TableSchema<CategoryAdjustment>("category_adjustments")
        .Period("the period adjusted", a => a.Period)
        .Text("subject_id", "The team or person whose figure was adjusted.", a => a.SubjectId)
        .Enum("category", "The category adjusted: commit, best_case, pipeline or omitted.", a => (Pipelines.ForecastCategory?)a.Category)
        .Money("amount", "The figure the manager set.", a => a.Amount)
        .Text("by", "Who made the adjustment.", a => a.By)
        .Instant("at", "When it was made.", a => a.At)
        .Text("note", "The manager's note; empty without one.", a => a.Note);

    private static readonly TableSchema<(RevenueDistribution Report, DistributionPoint Point)> PointSchema = new TableSchema<(
        RevenueDistribution Report,
        DistributionPoint Point
    )>("revenue_distribution")
        .Period("the period forecast", r => r.Report.Period)
        .Money("revenue", "A possible revenue of the period (won + the open deals won).", r => r.Point.Value)
        .Real("probability", "The probability of exactly that revenue.", r => r.Point.Probability)
        .Real("cumulative", "The probability of at most that revenue.", r => r.Point.Cumulative);

    private static readonly TableSchema<RevenueDistribution> DistributionSummarySchema = new TableSchema<RevenueDistribution>(
        "revenue_distribution_summary"
    )
        .Period("the period forecast", d => d.Period)
        .Enum("method", "exact or monte_carlo: how the percentiles were computed.", d => (DistributionMethod?)d.Method)
        .Whole(
            "open_deals",
            "Open deals in the distribution (expected to close in the period, on or after the as-of date).",
            d => d.DealCount
        )
        .Whole("won_deals", "Deals won in the period.", d => d.WonDealCount)
        .Whole(
            "overdue_deals_excluded",
            "Open deals left out because their expected close date is before the as-of date.",
            d => d.OverdueDealsExcluded
        )
        .Money("won", "Revenue already won in the period (in every outcome).", d => d.WonAmount)
        .Money("mean", "The expected revenue, exact, rounded once to the minor unit.", d => d.Mean)
        .Real("variance", "The exact variance of the revenue, in currency units squared.", d => d.Variance)
        .Real("standard_deviation", "Its square root, in currency units.", d => d.StandardDeviation)
        .Money("p10", "The 10th percentile: revenue is at most this with probability at least 10%.", d => d.P10)
        .Money("p25", "The 25th percentile.", d => d.Percentile(0.25))
        .Money("p50", "The median.", d => d.P50)
        .Money("p75", "The 75th percentile.", d => d.Percentile(0.75))
        .Money("p90", "The 90th percentile.", d => d.P90)
        .Money(
            "grid_step",
            "The exact method's grid step when amounts were split between grid points; empty when exact or Monte Carlo.",
            d => d.GridStep
        )
        .Money("error_bound", "The exact method's guaranteed bound on the grid's error; empty otherwise.", d => d.ErrorBound)
        .Whole("trials", "Monte Carlo samples; empty for the exact method.", d => d.Trials)
        .Money("sample_mean", "The Monte Carlo samples' mean; empty for the exact method.", d => d.SampleMean)
        .Real("standard_error", "The standard error of sample_mean; empty for the exact method.", d => d.StandardError);

    private static readonly TableSchema<(RevenueDistribution Report, int Won)> CountSchema = new TableSchema<(
        RevenueDistribution Report,
        int Won
    )>("won_count_distribution")
        .Period("the period forecast", r => r.Report.Period)
        .Whole("deals_won", "A number k of the open deals won.", r => r.Won)
        .Real(
            "probability",
            "The exact probability that exactly k of them are won (Poisson-binomial).",
            r => r.Report.CountProbabilities[r.Won]
        );

    private static readonly TableSchema<(DealComparison Deal, bool Disagrees)> ComparisonSchema = new TableSchema<(
        DealComparison Deal,
        bool Disagrees
    )>("forecast_comparison")
        .Text("deal_id", "The deal.", r => r.Deal.DealId.Value)
        .Text("deal_name", "Its name.", r => r.Deal.Name)
        .Text("owner", "Its owner.", r => r.Deal.Owner)
        .Text("stage_id", "Its stage.", r => r.Deal.StageId)
        .Money("amount", "Its amount in the reporting currency.", r => r.Deal.Amount)
        .Exact("probability", "Its effective win probability (0 to 1).", r => r.Deal.Probability.Value)
        .Enum(
            "probability_source",
            "stage_default, manual, model or status: where the probability comes from.",
            r => (Deals.ValueSource?)r.Deal.Probability.Source
        )
        .Enum("category", "Its effective forecast category.", r => (Pipelines.ForecastCategory?)r.Deal.Category.Value)
        .Enum(
            "category_source",
            "stage_default, manual or status: where the category comes from.",
            r => (Deals.ValueSource?)r.Deal.Category.Source
        )
        .Money("weighted", "Amount x probability, rounded to the minor unit.", r => r.Deal.Weighted)
        .Exact("disagreement", "How far the probability lies outside the category's band (0 when they agree).", r => r.Deal.Disagreement)
        .Boolean("disagrees", "Whether the deal is among the report's disagreements.", r => r.Disagrees);

    private static readonly TableSchema<(StageCalibration Report, CalibratedStage Stage, ChainStage Chain)> CalibrationSchema =
        new TableSchema<(StageCalibration Report, CalibratedStage Stage, ChainStage Chain)>("stage_calibration")
            .Whole("stage_index", "The stage's position in the pipeline, from 0.", r => r.Stage.Index)
            .Text("stage_id", "The id of the open stage.", r => r.Stage.StageId)
            .Text("stage_name", "Its display name.", r => r.Stage.Name)
            .Exact("current_probability", "The stage's probability in the pipeline now.", r => r.Stage.CurrentProbability)
            .Whole("reached", "Closed deals that were in the stage.", r => r.Stage.Reached)
            .Whole("won", "Of those, the ones won.", r => r.Stage.Won)
            .Whole("lost", "Of those, the ones lost.", r => r.Stage.Lost)
            .Real("observed_rate", "won / reached; empty when none reached it.", r => r.Stage.ObservedRate)
            .Interval("observed_rate", "observed_rate", r => r.Stage.Interval)
            .Real("smoothed_rate", "The rate smoothed by the prior; empty without one.", r => r.Stage.SmoothedRate)
            .Exact(
                "suggested_probability",
                "The probability the calibration suggests for the stage; empty when there is too little data.",
                r => r.Stage.SuggestedProbability
            )
            .Real(
                "chain_win_probability",
                "The chance a deal in the stage is won, from the observed moves between stages.",
                r => r.Chain.WinProbability
            )
            .Real("chain_loss_probability", "The chance it is lost.", r => r.Chain.LossProbability)
            .Real("mean_days_in_stage", "The mean stay in the stage, in days.", r => r.Chain.MeanDaysInStage)
            .Real("expected_days_to_close", "The expected time from the stage to a win or loss, in days.", r => r.Chain.ExpectedDaysToClose)
            .Whole("observed_exits", "Exits from the stage observed.", r => r.Chain.ObservedExits)
            .Text("pipeline_name", "The pipeline calibrated.", r => r.Report.PipelineName)
            .Whole("closed_deals", "Closed deals the calibration read.", r => r.Report.ClosedDeals)
            .Whole("won_deals", "Of those, the ones won.", r => r.Report.WonDeals)
            .Whole("open_deals_ignored", "Open deals left out.", r => r.Report.OpenDealsIgnored)
            .Real("overall_win_rate", "won_deals / closed_deals; empty when none closed.", r => r.Report.OverallWinRate);

    private static readonly TableSchema<BacktestRow> BacktestSchema = new TableSchema<BacktestRow>("forecast_backtest")
        .Date("forecast_date", "The date the forecast was made on.", r => r.ForecastDate)
        .Period("the period forecast", r => r.Period)
        .Money("actual", "What was won in the period.", r => r.Actual)
        .Money("stage_weighted", "The stage-weighted expected revenue.", r => r.StageWeighted)
        .Money("commit_cumulative", "Closed + commit.", r => r.CommitCumulative)
        .Money("best_case_cumulative", "Closed + commit + best case.", r => r.BestCaseCumulative)
        .Money("pipeline_cumulative", "Closed + commit + best case + pipeline.", r => r.PipelineCumulative)
        .Money("p10", "The 10th percentile of the revenue distribution.", r => r.P10)
        .Money("p50", "The median of the revenue distribution.", r => r.P50)
        .Money("p90", "The 90th percentile of the revenue distribution.", r => r.P90)
        .Boolean("within_p10_p90", "Whether the actual revenue fell between p10 and p90 (inclusive).", r => r.WithinP10ToP90);

    private static readonly TableSchema<(BacktestResult Result, MethodAccuracy Method)> AccuracySchema = new TableSchema<(
        BacktestResult Result,
        MethodAccuracy Method
    )>("forecast_accuracy")
        .Text(
            "method",
            "The method, as the report names it (Stage-weighted, Commit (cumulative), ..., Distribution P50).",
            r => r.Method.Method
        )
        .Exact("bias", "The mean error, in the currency: positive when the method forecast too much on average.", r => r.Method.Bias)
        .Exact("mean_absolute_error", "The mean of the absolute errors, in the currency.", r => r.Method.MeanAbsoluteError)
        .Real("root_mean_squared_error", "The square root of the mean squared error, in the currency.", r => r.Method.RootMeanSquaredError)
        .Text("currency", "The ISO 4217 code of the three errors.", r => r.Result.Currency.Code);

    /// <summary>Stage calibration from closed deals as the table <c>stage_calibration</c>: per open stage, what the deals
    /// that were in it became, the probability it suggests, and the chain's win probability and time to close.</summary>
    /// <param name="calibration">The calibration.</param>
    /// <returns>The table, one row per open stage.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="calibration"/> is null.</exception>
    public static ReportTable ToTable(this StageCalibration calibration)
    {
        System.ArgumentNullException.ThrowIfNull(calibration);
        return CalibrationSchema.Build(calibration.Stages.Select(s => (calibration, s, calibration.Chain.Stages[s.Index])));
    }

    /// <summary>The pipeline by stage as the table <c>pipeline_by_stage</c>: one row per open stage, then the stopped deals'
    /// row, then the open total.</summary>
    /// <param name="pipeline">The pipeline by stage.</param>
    /// <returns>The table.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="pipeline"/> is null.</exception>
    public static ReportTable ToTable(this PipelineByStage pipeline)
    {
        System.ArgumentNullException.ThrowIfNull(pipeline);
        return ByStageSchema.Build(
            pipeline
                .Stages.Select(l => ("stage", (Pipelines.Stage?)l.Stage, l.Deals, l.Amount, (Money?)l.Weighted))
                .Append(("stopped", null, pipeline.StoppedDeals, pipeline.StoppedAmount, null))
                .Append(("total", null, pipeline.OpenDeals, pipeline.OpenAmount, pipeline.Weighted))
        );
    }

    /// <summary>The stage-weighted forecast as the table <c>stage_weighted_forecast</c>: its period lines, then overdue,
    /// outside the periods and total, then the owner and team lines.</summary>
    /// <param name="forecast">The forecast.</param>
    /// <returns>The table, one row per line.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="forecast"/> is null.</exception>
    public static ReportTable ToTable(this StageWeightedForecast forecast)
    {
        System.ArgumentNullException.ThrowIfNull(forecast);
        return StageWeightedSchema.Build(
            forecast
                .Periods.Select(l => ("period", l))
                .Append(("overdue", forecast.Overdue))
                .Append(("outside_periods", forecast.OutsidePeriods))
                .Append(("total", forecast.Total))
                .Concat(forecast.ByOwner.Select(l => ("owner", l)))
                .Concat(forecast.ByTeam.Select(l => ("team", l)))
        );
    }

    /// <summary>The category forecast (Commit, Best case, Pipeline) as the table <c>category_forecast</c>: one row per node
    /// and period, gross and adjusted side by side, then the overdue amounts.</summary>
    /// <param name="forecast">The forecast.</param>
    /// <returns>The table.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="forecast"/> is null.</exception>
    public static ReportTable ToTable(this CategoryForecast forecast)
    {
        System.ArgumentNullException.ThrowIfNull(forecast);
        return CategorySchema.Build(
            forecast.Lines.Select(l => ("node", (CategoryLine?)l, l.Gross)).Append(("overdue", null, forecast.Overdue))
        );
    }

    /// <summary>The managers' adjustments of a category forecast as the table <c>category_adjustments</c>, in the order
    /// they were given (a later one of the same figure supersedes an earlier one).</summary>
    /// <param name="forecast">The forecast.</param>
    /// <returns>The table, one row per adjustment.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="forecast"/> is null.</exception>
    public static ReportTable ToAdjustmentsTable(this CategoryForecast forecast)
    {
        System.ArgumentNullException.ThrowIfNull(forecast);
        return AdjustmentSchema.Build(forecast.Adjustments);
    }

    /// <summary>The revenue distribution's points as the table <c>revenue_distribution</c>: each possible revenue with its
    /// probability and cumulative probability (the points to plot).</summary>
    /// <param name="distribution">The distribution.</param>
    /// <returns>The table, one row per point, revenue increasing.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="distribution"/> is null.</exception>
    public static ReportTable ToTable(this RevenueDistribution distribution)
    {
        System.ArgumentNullException.ThrowIfNull(distribution);
        return PointSchema.Build(distribution.Points.Select(p => (distribution, p)));
    }

    /// <summary>The revenue distribution's figures as the one-row table <c>revenue_distribution_summary</c>: counts, won,
    /// mean, variance, the percentiles P10, P25, P50, P75 and P90, and the method's accuracy figures.</summary>
    /// <param name="distribution">The distribution.</param>
    /// <returns>The table, one row.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="distribution"/> is null.</exception>
    public static ReportTable ToSummaryTable(this RevenueDistribution distribution)
    {
        System.ArgumentNullException.ThrowIfNull(distribution);
        return DistributionSummarySchema.Build([distribution]);
    }

    /// <summary>The exact distribution of how many open deals are won, as the table <c>won_count_distribution</c>.</summary>
    /// <param name="distribution">The distribution.</param>
    /// <returns>The table, one row per count from 0 to the number of open deals.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="distribution"/> is null.</exception>
    public static ReportTable ToCountTable(this RevenueDistribution distribution)
    {
        System.ArgumentNullException.ThrowIfNull(distribution);
        return CountSchema.Build(Enumerable.Range(0, distribution.CountProbabilities.Count).Select(k => (distribution, k)));
    }

    /// <summary>The comparison of probabilities with categories as the table <c>forecast_comparison</c>.</summary>
    /// <param name="comparison">The comparison.</param>
    /// <returns>The table, one row per deal compared, in the report's order.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="comparison"/> is null.</exception>
    public static ReportTable ToTable(this ForecastComparison comparison)
    {
        System.ArgumentNullException.ThrowIfNull(comparison);
        var disagreements = new HashSet<DealComparison>(comparison.Disagreements);
        return ComparisonSchema.Build(comparison.Deals.Select(d => (d, disagreements.Contains(d))));
    }

    /// <summary>The backtest's rows as the table <c>forecast_backtest</c>: each forecast date and period, what every method
    /// forecast and what was won.</summary>
    /// <param name="result">The backtest.</param>
    /// <returns>The table.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static ReportTable ToTable(this BacktestResult result)
    {
        System.ArgumentNullException.ThrowIfNull(result);
        return BacktestSchema.Build(result.Rows);
    }

    /// <summary>The backtest's accuracy per method as the table <c>forecast_accuracy</c>.</summary>
    /// <param name="result">The backtest.</param>
    /// <returns>The table, one row per method.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static ReportTable ToAccuracyTable(this BacktestResult result)
    {
        System.ArgumentNullException.ThrowIfNull(result);
        return AccuracySchema.Build(result.Methods.Select(m => (result, m)));
    }
}
