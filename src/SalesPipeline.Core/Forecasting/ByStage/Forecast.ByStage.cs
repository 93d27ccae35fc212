using System;
using System.Collections.Generic;
using System.Linq;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;
using SalesPipeline.Utility;

namespace SalesPipeline.Forecasting;

public static partial class Forecast
{
    /// <summary>
    /// The pipeline by stage: per open stage, the open deals in it, their amount and their weighted amount; then the
    /// stopped deals on their own line (count and amount, weighted nothing: a stopped deal is in no forecast); then the
    /// open total. Won and lost deals count nowhere.
    /// </summary>
    /// <param name="deals">The deals, as they stand now.</param>
    /// <param name="pipeline">The pipeline they belong to.</param>
    /// <param name="options">Currency conversion; defaults when null (the zone, as-of date and organisation are not used).</param>
    /// <returns>The pipeline by stage.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="deals"/>, a deal or <paramref name="pipeline"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// A deal belongs to another pipeline, or is open in a stage that is not an open stage of it; or there are no deals and no <see cref="ForecastOptions.Rates"/> to tell the
    /// reporting currency.
    /// </exception>
    /// <exception cref="MissingExchangeRateException">A deal's currency has no rate (or, without rates, differs from the others').</exception>
    /// <remarks>
    /// <para>Each weighted amount is the exact sum of amount x effective win probability (see
    /// <see cref="PipelineTransitions.WinProbabilityOf"/>) over the line's deals, rounded once to the currency's minor
    /// unit; the total's is rounded from its own exact sum, so it may differ from the sum of the rounded stage lines by
    /// a minor unit or so.</para>
    /// <para>Example: USD 100,000.00 in Proposal (50%) and USD 40,000.00 in Negotiation (80%) open, USD 30,000.00
    /// stopped: Proposal 1 deal, 100,000.00, weighted 50,000.00; Negotiation 1 deal, 40,000.00, weighted 32,000.00;
    /// stopped 1 deal, 30,000.00; open total 2 deals, 140,000.00, weighted 82,000.00.</para>
    /// </remarks>
    public static PipelineByStage ByStage(IEnumerable<Deal> deals, PipelineDefinition pipeline, ForecastOptions? options = null)
    {
        Preconditions.CheckNotNull(deals);
        if (DealFrames.For(deals) is { } frame)
        {
            Preconditions.CheckNotNull(pipeline);
            options ??= ForecastOptions.Default;
            if (TryByStage(frame, pipeline, options, ReportingCurrency(frame, options.Rates)) is { } framed)
            {
                return framed;
            }
        }
        var list = Preconditions.CheckNoNullElement(deals, "Deal", nameof(deals));
        Preconditions.CheckNotNull(pipeline);
        options ??= ForecastOptions.Default;
        var currency = ReportingCurrency(list, options.Rates, nameof(deals));
        var stages = pipeline.OpenStages;
        var counts = new int[stages.Count];
        var amounts = new decimal[stages.Count];
        var weighted = new decimal[stages.Count];
        var (stoppedCount, stoppedAmount) = (0, 0m);
        foreach (var deal in list)
        {
            if (!string.Equals(deal.Pipeline, pipeline.Name, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"Deal {deal.Id} belongs to pipeline \"{deal.Pipeline}\", not \"{pipeline.Name}\".",
                    nameof(deals)
                );
            }
            if (deal.Status is not (DealStatus.Open or DealStatus.Stopped))
            {
                continue;
            }
            var amount = options.ToReporting(deal.Amount, currency).Amount;
            if (deal.Status == DealStatus.Stopped)
            {
                (stoppedCount, stoppedAmount) = (stoppedCount + 1, stoppedAmount + amount);
                continue;
            }
            if (!pipeline.TryGetStage(deal.StageId, out var stage) || !stage.IsOpen)
            {
                // Only a history folded without its pipeline can get here (Deal.FromEvents without one).
                throw new ArgumentException(
                    $"Open deal {deal.Id} is in stage \"{deal.StageId}\", which is not an open stage of pipeline \"{pipeline.Name}\".",
                    nameof(deals)
                );
            }
            var index = stage.Index;
            counts[index]++;
            amounts[index] += amount;
            weighted[index] += amount * pipeline.WinProbabilityOf(deal).Value;
        }
        var lines = stages
            .Select(s => new StagePipelineLine(
                s,
                counts[s.Index],
                Money.Of(amounts[s.Index], currency),
                Money.Of(weighted[s.Index], currency).Round()
            ))
            .ToArray();
        return new PipelineByStage(
            currency,
            lines,
            stoppedCount,
            Money.Of(stoppedAmount, currency),
            counts.Sum(),
            Money.Of(amounts.Sum(), currency),
            Money.Of(weighted.Sum(), currency).Round()
        );
    }
}
