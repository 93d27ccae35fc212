using System;
using System.Collections.Generic;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Forecasting;

public static partial class Forecast
{
    // The compared rows of Compare from the frame's columns, in row order, or null when they could differ from the
    // deal-by-deal code's (a compared deal the rates cannot convert, a deal the pipeline cannot weigh, an invalid band):
    // then that code runs and gives the rows or the exception. A row's values are the ones the deal code computes: the
    // deal's own Money (with rates, the converted one, from the frame's converted column), the pipeline's
    // own probability and category (or the deal's override), the same Money product rounded, the same band distance,
    // so each row is equal to the last bit; the probability and band lookups per deal become array reads.
    internal static List<DealComparison>? TryCompareRows(
        DealFrame frame,
        PipelineDefinition pipeline,
        FiscalPeriod? period,
        CategoryBands bands,
        ForecastOptions? options
    )
    {
        if (!BandsValid(bands))
        {
            return null;
        }
        if (frame.Pipelines is not [var name] || !string.Equals(name, pipeline.Name, StringComparison.Ordinal))
        {
            return null;
        }
        // The period filter reads day numbers, which the frame has only for ISO dates from year 1 (a period's are).
        if (period is not null && !frame.Exactness.IsoDates)
        {
            return null;
        }
        var (first, last) = period is null
            ? (int.MinValue, int.MaxValue)
            : (PeriodIndex.DayNumber(period.Start), PeriodIndex.DayNumber(period.End));
        var stages = Array.ConvertAll(frame.Stages, id => pipeline.StagesById.TryGetValue(id, out var stage) ? stage : null);
        // WinProbabilityOf throws for a stage the pipeline lacks on any deal, open or not.
        foreach (var code in frame.Stage)
        {
            if (stages[code] is null)
            {
                return null;
            }
        }
        var rates = options?.Rates;
        var converted = rates is null ? null : frame.AmountsIn(rates);
        var distances = new BandDistances(bands, stages.Length, frame.ProbabilityOverrides.Length);
        var rows = new List<DealComparison>();
        for (var r = 0; r < frame.Count; r++)
        {
            if ((DealStatus)frame.Status[r] != DealStatus.Open || frame.ExpectedCloseDay[r] < first || frame.ExpectedCloseDay[r] > last)
            {
                continue;
            }
            var stage = stages[frame.Stage[r]]!;
            var overridden = stage.IsOpen && frame.ProbabilityOverride[r] >= 0;
            // Every field of the row is a column but the override's source, which only the history's last override
            // event holds: an overridden row is the one decoded.
            var (probabilityKey, probability) = overridden
                ? (
                    stages.Length + frame.ProbabilityOverride[r],
                    new EffectiveValue<decimal>(
                        frame.ProbabilityOverrides[frame.ProbabilityOverride[r]],
                        frame.DealAt(r).ProbabilityOverrideSource ?? ValueSource.Manual
                    )
                )
                : (frame.Stage[r], new EffectiveValue<decimal>(stage.Probability, ValueSource.StageDefault));
            var category =
                stage.IsOpen && frame.CategoryOverride[r] != DealFrame.NoCategory
                    ? new EffectiveValue<ForecastCategory>((ForecastCategory)frame.CategoryOverride[r], ValueSource.Manual)
                    : new EffectiveValue<ForecastCategory>(stage.Category, ValueSource.StageDefault);
            Money amount;
            if (converted is null)
            {
                // The deal's own amount, in range as every deal's is.
                amount = Money.Of(frame.AmountAt(r), frame.Currencies[frame.AmountCurrency[r]]);
            }
            else if (converted.Scale[r] == ReportingAmounts.Unusable)
            {
                return null; // the rates cannot convert it: the deal code throws
            }
            else
            {
                amount = Money.Of(converted.ValueOf(r), rates!.ReportingCurrency);
            }
            rows.Add(
                new DealComparison(
                    frame.Fields.IdAt(r),
                    frame.NameAt(r),
                    frame.OwnerKeys[frame.OwnerKey[r]],
                    frame.Stages[frame.Stage[r]],
                    amount,
                    probability,
                    category,
                    (amount * probability.Value).Round(),
                    distances.Of(probabilityKey, probability.Value, category.Value)
                )
            );
        }
        return rows;
    }

    // Whether Distance can throw for no category: then the kernel never meets the exception the deal code may raise.
    private static bool BandsValid(CategoryBands bands) =>
        Valid(bands.Commit) && Valid(bands.BestCase) && Valid(bands.Pipeline) && Valid(bands.Omitted);

    private static bool Valid((decimal Min, decimal Max) band) => band.Min >= 0m && band.Max <= 1m && band.Min <= band.Max;

    // CategoryBands.Distance once per (probability, category) met: a probability is a stage's or an override's, so a
    // key (stage code, or stage count + override code) names it.
    private sealed class BandDistances(CategoryBands bands, int stages, int overrides)
    {
        private const int Categories = 5;
        private readonly decimal?[] cache = new decimal?[(stages + overrides) * Categories];

        internal decimal Of(int probabilityKey, decimal probability, ForecastCategory category)
        {
            if ((uint)category >= Categories)
            {
                return bands.Distance(category, probability);
            }
            ref var cell = ref cache[probabilityKey * Categories + (int)category];
            return cell ??= bands.Distance(category, probability);
        }
    }
}
