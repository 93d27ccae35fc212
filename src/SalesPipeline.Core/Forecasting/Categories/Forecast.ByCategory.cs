using System;
using System.Collections.Generic;
using System.Linq;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;
using SalesPipeline.Utility;

namespace SalesPipeline.Forecasting;

public static partial class Forecast
{
    /// <summary>
    /// The rep-category forecast: per period and per node of the organization, the amount in each forecast category
    /// (Closed, Commit, Best case, Pipeline; Omitted shown but never counted), on its own and cumulatively, gross and
    /// with managers' adjustments.
    /// </summary>
    /// <param name="deals">The deals (won deals are Closed in the period they were won; lost deals count nowhere).</param>
    /// <param name="pipeline">The pipeline they belong to.</param>
    /// <param name="periods">The periods; they must not overlap.</param>
    /// <param name="organization">The organization the figures roll up through.</param>
    /// <param name="adjustments">Managers' adjustments; none when null.</param>
    /// <param name="options">Rates, zone and as-of date; defaults when null.</param>
    /// <param name="allowSelfAdjustment">Whether people may adjust their own figures.</param>
    /// <returns>The forecast.</returns>
    /// <exception cref="ArgumentNullException">A required argument, a deal or an adjustment is null.</exception>
    /// <exception cref="ArgumentException">
    /// The periods are empty or overlap; a deal belongs to another pipeline; there are no deals and no rates; or an
    /// adjustment is invalid (see <see cref="CategoryAccumulator.Result"/>).
    /// </exception>
    /// <exception cref="MissingExchangeRateException">A deal's currency has no rate.</exception>
    /// <remarks>
    /// Example: alice has USD 10,000 won, USD 20,000 in Commit, USD 5,000 in Best case and USD 40,000 in Pipeline this
    /// quarter: Commit (cumulative) is 30,000, Best case (cumulative) 35,000 and open pipeline 65,000. If her manager
    /// adjusts her Commit to 15,000, her team's adjusted Commit (cumulative) drops by 5,000; its gross figure does not.
    /// </remarks>
    public static CategoryForecast ByCategory(
        IEnumerable<Deal> deals,
        PipelineDefinition pipeline,
        IEnumerable<FiscalPeriod> periods,
        SalesOrg organization,
        IEnumerable<CategoryAdjustment>? adjustments = null,
        ForecastOptions? options = null,
        bool allowSelfAdjustment = false
    )
    {
        Preconditions.CheckNotNull(deals);
        Preconditions.CheckNotNull(organization);
        if (DealFrames.For(deals) is { } frame)
        {
            var framed = new CategoryAccumulator(pipeline, periods, ReportingCurrency(frame, options?.Rates), options);
            if (!framed.TryAdd(frame))
            {
                FrameAddRange.AddEach(framed, frame.DealList);
            }
            return framed.Result(organization, adjustments, allowSelfAdjustment);
        }
        var list = deals.ToArray();
        var accumulator = new CategoryAccumulator(pipeline, periods, ReportingCurrency(list, options?.Rates, nameof(deals)), options);
        FrameAddRange.AddEach(accumulator, list);
        return accumulator.Result(organization, adjustments, allowSelfAdjustment);
    }
}
