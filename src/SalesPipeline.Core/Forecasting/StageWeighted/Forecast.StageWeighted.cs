using System;
using System.Collections.Generic;
using System.Linq;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;
using SalesPipeline.Utility;

namespace SalesPipeline.Forecasting;

/// <summary>
/// The forecasts. Every method is a pure function of its arguments and is thread-safe.
/// </summary>
public static partial class Forecast
{
    /// <summary>
    /// The stage-weighted forecast ("opportunity stage forecasting"): per period, revenue already won in it plus
    /// amount x effective win probability of the open deals expected to close in it.
    /// </summary>
    /// <param name="deals">The deals (open, won and lost; lost deals count nowhere).</param>
    /// <param name="pipeline">The pipeline they belong to.</param>
    /// <param name="periods">The periods, for example <c>FiscalCalendar.Calendar.Months(2026)</c>; they must not overlap.</param>
    /// <param name="options">Currency conversion, time zone, as-of date, organization; defaults when null.</param>
    /// <returns>The forecast.</returns>
    /// <exception cref="ArgumentNullException">A required argument or a deal is null.</exception>
    /// <exception cref="ArgumentException">
    /// The periods are empty or overlap; a deal belongs to another pipeline; or there are no deals and no
    /// <see cref="ForecastOptions.Rates"/> to tell the reporting currency.
    /// </exception>
    /// <exception cref="MissingExchangeRateException">A deal's currency has no rate (or, without rates, differs from the others').</exception>
    /// <remarks>
    /// <para>Example: a USD 100,000.00 deal in Proposal (50%) and a USD 40,000.00 deal in Negotiation (80%), both expected
    /// to close in March, plus USD 25,000.00 won in March: March's weighted amount is 50,000.00 + 32,000.00 = USD 82,000.00
    /// and its expected revenue USD 107,000.00.</para>
    /// <para>A deal's effective probability is its override if it has one, else its stage's (see
    /// <see cref="PipelineTransitions.WinProbabilityOf"/>). Won deals count in the period of the date they were won
    /// (<see cref="ForecastOptions.Zone"/>), not their old expected close date.</para>
    /// </remarks>
    public static StageWeightedForecast StageWeighted(
        IEnumerable<Deal> deals,
        PipelineDefinition pipeline,
        IEnumerable<FiscalPeriod> periods,
        ForecastOptions? options = null
    )
    {
        Preconditions.CheckNotNull(deals);
        if (DealFrames.For(deals) is { } frame)
        {
            var framed = new StageWeightedAccumulator(pipeline, periods, ReportingCurrency(frame, options?.Rates), options);
            if (!framed.TryAdd(frame))
            {
                FrameAddRange.AddEach(framed, frame.DealList);
            }
            return framed.Result();
        }
        var list = deals.ToArray();
        var accumulator = new StageWeightedAccumulator(pipeline, periods, ReportingCurrency(list, options?.Rates, nameof(deals)), options);
        FrameAddRange.AddEach(accumulator, list);
        return accumulator.Result();
    }

    // The same rule over a frame, which has no null deal and at least one (DealFrames builds none otherwise).
    internal static Currency ReportingCurrency(DealFrame frame, ExchangeRates? rates) =>
        ReportingCurrencyRule.Choose(rates, frame.Currencies)!;

    internal static Currency ReportingCurrency(Deal[] deals, ExchangeRates? rates, string paramName)
    {
        for (var i = 0; i < deals.Length; i++)
        {
            if (deals[i] is null)
            {
                throw new ArgumentNullException(paramName, $"Deal {i} is null.");
            }
        }
        // The one rule (docs/money.md): the rates' currency, else the deals' one currency; mixed currencies throw.
        return ReportingCurrencyRule.Choose(rates, deals.Select(d => d.Amount.Currency))
            ?? throw new ArgumentException(
                "There are no deals to tell the reporting currency from; pass ForecastOptions.Rates (for example ExchangeRates.In(Currency.USD)).",
                paramName
            );
    }
}
