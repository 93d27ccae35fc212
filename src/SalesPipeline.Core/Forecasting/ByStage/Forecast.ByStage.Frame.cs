using System;
using System.Linq;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Forecasting;

public static partial class Forecast
{
    // ByStage on the frame's columns (with rates, its converted column), or null when the result could differ from the
    // deal-by-deal code's (another currency without rates, a deal the code would throw for or the rates cannot
    // convert, sums that could round): then that code runs.
    internal static PipelineByStage? TryByStage(DealFrame frame, PipelineDefinition pipeline, ForecastOptions options, Currency currency)
    {
        if (options.Rates is null && (frame.Currencies is not [var only] || only != currency))
        {
            return null;
        }
        var converted = frame.AmountsIn(options.Rates);
        if (!converted.Exactness.AmountsSum || FramePlan.TryCreate(frame, pipeline, converted.Exactness) is not { } plan)
        {
            return null;
        }
        var indexOf = Array.ConvertAll(frame.Stages, id => pipeline.TryGetStage(id, out var stage) && stage.IsOpen ? stage.Index : -1);
        var stages = pipeline.OpenStages;
        var counts = new int[stages.Count];
        var amounts = new ExactSum[stages.Count];
        var weighted = new ExactSum[stages.Count];
        var (stoppedCount, stoppedAmount) = (0, default(ExactSum));
        var pow10 = Exactness.SignedPow10;
        for (var r = 0; r < frame.Count; r++)
        {
            var status = (DealStatus)frame.Status[r];
            if (status is not (DealStatus.Open or DealStatus.Stopped))
            {
                continue;
            }
            var (mantissa, scale) = (converted.Mantissa[r], converted.Scale[r]);
            if (scale == ReportingAmounts.Unusable)
            {
                return null; // the rates cannot convert it: the deal code throws
            }
            var amount = (Int128)mantissa * pow10[plan.AmountScale - scale];
            if (status == DealStatus.Stopped)
            {
                stoppedCount++;
                stoppedAmount.Add(amount, scale);
                continue;
            }
            var index = indexOf[frame.Stage[r]];
            if (index < 0)
            {
                return null;
            }
            var probability = frame.ProbabilityOverride[r] is var o and >= 0 ? plan.Overrides[o] : plan.Stages[frame.Stage[r]].Probability;
            var weightedScale = Exactness.ProductScale(mantissa, scale, probability.Mantissa, probability.Scale);
            counts[index]++;
            amounts[index].Add(amount, scale);
            weighted[index].Add((Int128)mantissa * probability.Mantissa * pow10[plan.WeightedScale - weightedScale], weightedScale);
        }
        var amountTotals = Array.ConvertAll(amounts, a => a.ToDecimal(plan.AmountScale));
        var weightedTotals = Array.ConvertAll(weighted, w => w.ToDecimal(plan.WeightedScale));
        var lines = stages
            .Select(s => new StagePipelineLine(
                s,
                counts[s.Index],
                Money.Of(amountTotals[s.Index], currency),
                Money.Of(weightedTotals[s.Index], currency).Round()
            ))
            .ToArray();
        return new PipelineByStage(
            currency,
            lines,
            stoppedCount,
            Money.Of(stoppedAmount.ToDecimal(plan.AmountScale), currency),
            counts.Sum(),
            Money.Of(amountTotals.Sum(), currency),
            Money.Of(weightedTotals.Sum(), currency).Round()
        );
    }
}
