using System;
using System.Collections.Generic;
using System.Linq;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;
using SalesPipeline.Utility;

namespace SalesPipeline.Forecasting;

public static partial class Forecast
{
    /// <summary>
    /// Puts the two forecasting views side by side for every open deal (optionally only those expected to close in a
    /// period): the stage-weighted value and the category call, with the deals where they disagree most, ranked by
    /// amount. For example a USD 200,000 deal in Commit at a 10% stage, or one in Pipeline at an 80% stage.
    /// </summary>
    /// <param name="deals">The deals; won, lost and stopped deals are left out.</param>
    /// <param name="pipeline">Their pipeline.</param>
    /// <param name="period">Only open deals expected to close in this period; every open deal when null.</param>
    /// <param name="bands">The probability band of each category; <see cref="CategoryBands.Default"/> when null.</param>
    /// <param name="options">Rates for the reporting currency; defaults when null.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentNullException">A required argument or a deal is null.</exception>
    /// <exception cref="ArgumentException">A deal belongs to another pipeline, there are no deals and no rates, or a band is invalid.</exception>
    /// <exception cref="MissingExchangeRateException">A deal's currency has no rate.</exception>
    public static ForecastComparison Compare(
        IEnumerable<Deal> deals,
        PipelineDefinition pipeline,
        FiscalPeriod? period = null,
        CategoryBands? bands = null,
        ForecastOptions? options = null
    )
    {
        Preconditions.CheckNotNull(deals);
        Preconditions.CheckNotNull(pipeline);
        bands ??= CategoryBands.Default;
        if (DealFrames.For(deals) is { } frame)
        {
            var framedCurrency = ReportingCurrency(frame, options?.Rates);
            var framed =
                TryCompareRows(frame, pipeline, period, bands, options)
                ?? CompareRows(frame.DealList, pipeline, period, bands, options, framedCurrency);
            return Comparison(framedCurrency, framed);
        }
        var list = deals.ToArray();
        var currency = ReportingCurrency(list, options?.Rates, nameof(deals));
        return Comparison(currency, CompareRows(list, pipeline, period, bands, options, currency));
    }

    // The deal-by-deal rows: every deal is weighed (so a deal of another pipeline throws, open or not), open deals in
    // the period are compared, in the order given.
    private static List<DealComparison> CompareRows(
        IReadOnlyList<Deal> list,
        PipelineDefinition pipeline,
        FiscalPeriod? period,
        CategoryBands bands,
        ForecastOptions? options,
        Currency currency
    )
    {
        var rows = new List<DealComparison>();
        foreach (var deal in list)
        {
            var probability = pipeline.WinProbabilityOf(deal);
            var category = pipeline.ForecastCategoryOf(deal);
            if (!deal.IsOpen || (period is not null && !period.Contains(deal.ExpectedClose)))
            {
                continue;
            }
            var amount = (options ?? ForecastOptions.Default).ToReporting(deal.Amount, currency);
            rows.Add(
                new DealComparison(
                    deal.Id,
                    deal.Name,
                    deal.OwnerKey,
                    deal.StageId,
                    amount,
                    probability,
                    category,
                    (amount * probability.Value).Round(),
                    bands.Distance(category.Value, probability.Value)
                )
            );
        }
        return rows;
    }

    private static ForecastComparison Comparison(Currency currency, List<DealComparison> rows)
    {
        var disagreements = rows.Where(r => r.Disagreement > 0m)
            .OrderByDescending(r => r.Amount.Amount)
            .ThenByDescending(r => r.Disagreement)
            .ThenBy(r => r.DealId.Value, StringComparer.Ordinal)
            .ToArray();
        return new ForecastComparison(currency, rows.AsReadOnly(), Array.AsReadOnly(disagreements));
    }
}
