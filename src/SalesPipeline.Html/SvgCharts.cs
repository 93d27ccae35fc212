using System;
using SalesPipeline.Collections;
using SalesPipeline.Forecasting;
using SalesPipeline.Html.Charts;
using SalesPipeline.Metrics;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Html;

/// <summary>
/// Charts of the library's reports as self-contained inline SVG: one <c>&lt;svg&gt;</c> element each, to put in a page, a
/// notebook cell or an <c>.svg</c> file.
/// </summary>
/// <remarks>
/// <para>Each chart has a <c>viewBox</c> (it scales to its container), <c>role="img"</c>, a <c>&lt;title&gt;</c> and a
/// <c>&lt;desc&gt;</c> for screen readers, axis titles and value labels, and a tooltip (<c>&lt;title&gt;</c>) on every data
/// shape with its exact value. It holds no script, no style sheet, no font, image or any other external reference: only
/// presentation attributes and a system font stack, so it draws the same offline, in a notebook or in a mail client.</para>
/// <para>Output is deterministic: invariant culture, coordinates with at most two decimals, no random ids (the chart has
/// no id at all, so any number of charts can share a page).</para>
/// <para>Every data shape has the classes <c>sp-mark</c> and its kind (<c>sp-bar</c>, <c>sp-step</c>, <c>sp-marker</c>,
/// <c>sp-target</c>, <c>sp-cdf</c>, <c>sp-lever</c>, <c>sp-stage</c>, <c>sp-won</c>, <c>sp-lost</c>, <c>sp-arrow</c>), and the
/// root the classes <c>sp-chart</c> and <c>sp-</c> plus the chart's name, so a check can count what a chart shows. An
/// empty input (nothing won or expected in any period, nothing outstanding, no deal reached a stage) draws a small chart that says "No data" and
/// why, with no data shape, rather than throwing.</para>
/// <para>Thread-safe: the methods share no state.</para>
/// </remarks>
/// <example><code>
/// string funnel = SvgCharts.Funnel(Funnel.Of(deals, pipeline));
/// string spread = SvgCharts.Distribution(Forecast.Distribution(deals, pipeline, march), target: Money.Of(120_000m, Currency.USD));
/// File.WriteAllText("funnel.svg", funnel);
/// </code></example>
public static class SvgCharts
{
    /// <summary>
    /// The funnel: a horizontal bar per open stage, in the pipeline's order, its length proportional to the deals that
    /// reached the stage, labelled with the count and the conversion to the next stage; the bottleneck stage in red.
    /// </summary>
    /// <param name="report">The funnel (its <see cref="FunnelReport.All"/> group).</param>
    /// <returns>One <c>&lt;svg&gt;</c> element.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string Funnel(FunnelReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return FunnelChart.Draw(report);
    }

    /// <summary>
    /// Both forecasts by period, as bars side by side for each period of the stage-weighted forecast: revenue won,
    /// stage-weighted expected revenue (won plus open deals weighted by their win probability) and, with a category
    /// forecast, the company's adjusted commit (closed + commit) and best case (closed + commit + best case).
    /// </summary>
    /// <param name="stageWeighted">The stage-weighted forecast; its periods are the chart's.</param>
    /// <param name="categories">The rep-category forecast for the same periods, or null; a period it lacks has no
    /// commit or best-case bar.</param>
    /// <returns>One <c>&lt;svg&gt;</c> element.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stageWeighted"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="categories"/> is in another currency than <paramref name="stageWeighted"/>.</exception>
    public static string Forecast(StageWeightedForecast stageWeighted, CategoryForecast? categories = null)
    {
        ArgumentNullException.ThrowIfNull(stageWeighted);
        return ForecastChart.Draw(stageWeighted, categories);
    }

    /// <summary>
    /// A period's revenue distribution: the probability of each revenue as bars (gathered into 50 equal bins when there
    /// are more than 60 possible values), the cumulative probability as a step line, and P10, P50 and P90 as labelled
    /// vertical lines; with a target, a dashed line at it and the chance of reaching it
    /// (<see cref="RevenueDistribution.ProbabilityOfAtLeast"/>).
    /// </summary>
    /// <param name="distribution">The distribution.</param>
    /// <param name="target">A revenue target in the distribution's currency, or null.</param>
    /// <returns>One <c>&lt;svg&gt;</c> element.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="distribution"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="target"/> is in another currency than the distribution.</exception>
    public static string Distribution(RevenueDistribution distribution, Money? target = null)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        return DistributionChart.Draw(distribution, target);
    }

    /// <summary>
    /// Sales velocity as its formula: open deals x average won amount x win rate / average cycle = revenue per day, five
    /// tiles with their values (the levers have different units, so they share no axis); why the velocity is undefined
    /// when it is.
    /// </summary>
    /// <param name="velocity">The velocity.</param>
    /// <returns>One <c>&lt;svg&gt;</c> element.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="velocity"/> is null.</exception>
    public static string VelocityLevers(SalesVelocity velocity)
    {
        ArgumentNullException.ThrowIfNull(velocity);
        return VelocityChart.Draw(velocity);
    }

    /// <summary>
    /// How velocity changed and which lever moved it: a waterfall from the velocity before to the velocity after, one step
    /// per lever (open deals, average won amount, win rate, cycle length) of its contribution, green up and red down. When
    /// the change is undefined, a "No data" chart with the reason.
    /// </summary>
    /// <param name="comparison">The comparison.</param>
    /// <returns>One <c>&lt;svg&gt;</c> element.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="comparison"/> is null.</exception>
    public static string VelocityLevers(VelocityComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return VelocityChart.Draw(comparison);
    }

    /// <summary>
    /// Receivables by age: the company's outstanding amount in each bucket (current, then each band of days overdue), as
    /// bars from green to red.
    /// </summary>
    /// <param name="report">The aging report.</param>
    /// <returns>One <c>&lt;svg&gt;</c> element.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string Aging(AgingReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return AgingChart.Draw(report);
    }

    /// <summary>
    /// Expected collections by period, three bars side by side (never added up: they differ in certainty): scheduled
    /// instalments, won deals not yet scheduled, weighted pipeline; overdue, outside the periods and undated amounts as
    /// groups of their own when they hold something.
    /// </summary>
    /// <param name="report">The cash forecast.</param>
    /// <returns>One <c>&lt;svg&gt;</c> element.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string CashForecast(CashForecastReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return CashForecastChart.Draw(report);
    }

    /// <summary>
    /// A pipeline's diagram: the open stages in order with their win probability, forecast category and number of exit
    /// criteria, joined by arrows to the won stage; a dashed rail from every open stage to the lost stage; the policies
    /// in a line below.
    /// </summary>
    /// <param name="pipeline">The pipeline.</param>
    /// <returns>One <c>&lt;svg&gt;</c> element.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pipeline"/> is null.</exception>
    public static string Pipeline(PipelineDefinition pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        return PipelineChart.Draw(pipeline);
    }
}
