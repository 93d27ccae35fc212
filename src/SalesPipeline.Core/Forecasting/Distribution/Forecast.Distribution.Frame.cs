using System;
using System.Collections.Generic;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Forecasting;

public static partial class Forecast
{
    // The distribution's inputs from the frame's columns, or null when they could differ from the deal-by-deal code's
    // (a counted deal the rates cannot convert, a deal the pipeline cannot weigh, dates the day numbers cannot hold):
    // then that code runs and gives the inputs or the exception. The deals are placed by day number (PeriodIndex's rule
    // on columns), and the values kept are the deal code's own: each deal's amount as it is (no rates: ToReporting
    // returns it) or as the rates convert it (the frame's converted column, the same decimal), the pipeline's or the
    // override's probability, the won amounts added in row order, so the convolution gets the very same inputs.
    internal static DistributionInputs? TryDistributionInputs(
        DealFrame frame,
        PipelineDefinition pipeline,
        PeriodIndex index,
        ForecastOptions forecast
    )
    {
        if (!frame.Exactness.IsoDates || index.AsOf.Calendar != CalendarSystem.Iso)
        {
            return null;
        }
        var converted = forecast.Rates is null ? null : frame.AmountsIn(forecast.Rates);
        if (frame.Pipelines is not [var name] || !string.Equals(name, pipeline.Name, StringComparison.Ordinal))
        {
            return null;
        }
        var stages = Array.ConvertAll(frame.Stages, id => pipeline.StagesById.TryGetValue(id, out var stage) ? stage : null);
        var won = 0m;
        int wonDeals = 0,
            overdue = 0;
        var amounts = new List<decimal>();
        var probabilities = new List<decimal>();
        var zone = new ZoneDays(forecast.Zone);
        for (var r = 0; r < frame.Count; r++)
        {
            // WinProbabilityOf throws for a stage the pipeline lacks on any deal, whatever its status.
            if (stages[frame.Stage[r]] is not { } stage)
            {
                return null;
            }
            switch ((DealStatus)frame.Status[r])
            {
                case DealStatus.Lost or DealStatus.Stopped:
                    continue;
                case DealStatus.Won:
                    var wonDay = zone.DayOf(frame.DecidedAt[r]);
                    if (!ZoneDays.IsPlaceable(wonDay))
                    {
                        return null; // the deal code cannot place that date and throws
                    }
                    if (index.IndexOfDay(wonDay) == 0)
                    {
                        if (!TryAmountOf(frame, converted, r, out var wonAmount))
                        {
                            return null; // the rates cannot convert it: the deal code throws
                        }
                        won += wonAmount;
                        wonDeals++;
                    }
                    continue;
            }
            var day = frame.ExpectedCloseDay[r];
            if (day < index.AsOfDay)
            {
                overdue++;
            }
            else if (index.IndexOfDay(day) == 0)
            {
                if (!TryAmountOf(frame, converted, r, out var amount))
                {
                    return null; // the rates cannot convert it: the deal code throws
                }
                amounts.Add(amount);
                probabilities.Add(
                    stage.IsOpen && frame.ProbabilityOverride[r] is var o and >= 0 ? frame.ProbabilityOverrides[o] : stage.Probability
                );
            }
        }
        return new DistributionInputs(won, wonDeals, overdue, amounts, probabilities);
    }

    // The deal's amount converted by the rates (converted: the frame's column for them; false for a row it marks), or
    // without rates its own amount.
    private static bool TryAmountOf(DealFrame frame, ReportingAmounts? converted, int row, out decimal amount)
    {
        if (converted is null)
        {
            amount = frame.AmountOf(row);
            return true;
        }
        var usable = converted.Scale[row] != ReportingAmounts.Unusable;
        amount = usable ? converted.ValueOf(row) : 0m;
        return usable;
    }
}
