using System;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Forecasting;

// What the forecast kernels need to weigh a frame's rows against one pipeline: per stage code whether the pipeline
// has the stage, whether it is open, its probability and its forecast category; the probability overrides as
// integer mantissas; and the common scales at which sums of amounts and of amount x probability are exact. Null from
// TryCreate when the frame holds other pipelines' deals or its sums could round: then the deal-based code runs.
internal sealed class FramePlan
{
    private FramePlan(StagePlan[] stages, Probability[] overrides, int amountScale, int weightedScale, bool sumsFitLong)
    {
        Stages = stages;
        Overrides = overrides;
        AmountScale = amountScale;
        WeightedScale = weightedScale;
        SumsFitLong = sumsFitLong;
    }

    internal StagePlan[] Stages { get; }

    internal Probability[] Overrides { get; }

    internal int AmountScale { get; }

    internal int WeightedScale { get; }

    // Every amount at AmountScale, every amount x probability at WeightedScale, and every sum of either, fits in a long
    // (both scales within LongPow10 too): a kernel may multiply in 64 bits.
    internal bool SumsFitLong { get; }

    internal static FramePlan? TryCreate(DealFrame frame, PipelineDefinition pipeline) => TryCreate(frame, pipeline, frame.Exactness);

    // amounts: the Exactness of the amounts the kernel sums (ReportingAmounts.Exactness when they are converted).
    internal static FramePlan? TryCreate(DealFrame frame, PipelineDefinition pipeline, Exactness amounts)
    {
        if (frame.Pipelines is not [var name] || !string.Equals(name, pipeline.Name, StringComparison.Ordinal))
        {
            return null;
        }
        var stages = new StagePlan[frame.Stages.Length];
        byte maxScale = 0;
        UInt128 maxMagnitude = 0;
        var probabilities = new Probability[frame.Stages.Length + frame.ProbabilityOverrides.Length];
        for (var s = 0; s < stages.Length; s++)
        {
            if (!pipeline.StagesById.TryGetValue(frame.Stages[s], out var stage))
            {
                stages[s] = new StagePlan(false, false, default, default);
                continue;
            }
            if (!Probability.TrySplit(stage.Probability, out var p))
            {
                return null;
            }
            stages[s] = new StagePlan(true, stage.IsOpen, p, stage.Category);
            probabilities[s] = p;
        }
        var overrides = new Probability[frame.ProbabilityOverrides.Length];
        for (var o = 0; o < overrides.Length; o++)
        {
            if (!Probability.TrySplit(frame.ProbabilityOverrides[o], out overrides[o]))
            {
                return null;
            }
            probabilities[stages.Length + o] = overrides[o];
        }
        foreach (var p in probabilities)
        {
            maxScale = Math.Max(maxScale, p.Scale);
        }
        foreach (var p in probabilities)
        {
            var magnitude = Exactness.SaturatingMultiply((ulong)Math.Abs(p.Mantissa), Exactness.Pow10[maxScale - p.Scale]);
            maxMagnitude = magnitude > maxMagnitude ? magnitude : maxMagnitude;
        }
        var amountScale = amounts.MaxAmountScale;
        var weightedScale = amountScale + maxScale;
        // Every partial sum of amount x probability, at the common scale, stays within decimal's 96 bits.
        var weightedBound = Exactness.SaturatingMultiply(amounts.AmountBound, maxMagnitude);
        if (weightedScale > 28 || weightedBound >= Exactness.DecimalLimit)
        {
            return null;
        }
        var sumsFitLong =
            weightedScale < Exactness.LongPow10.Length && amounts.AmountBound <= long.MaxValue && weightedBound <= long.MaxValue;
        return new FramePlan(stages, overrides, amountScale, weightedScale, sumsFitLong);
    }
}

internal readonly record struct StagePlan(bool Exists, bool IsOpen, Probability Probability, ForecastCategory Category);

// A probability as an integer mantissa and a decimal scale: 0.25 is (25, 2).
internal readonly record struct Probability(long Mantissa, byte Scale)
{
    internal static bool TrySplit(decimal value, out Probability probability)
    {
        var ok = Exactness.TrySplit(value, out var mantissa, out var scale);
        probability = new Probability(mantissa, scale);
        return ok;
    }
}
