using System;
using System.Collections.Generic;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Collections;

internal sealed partial class DealProjection
{
    // No due date under any terms is more than 36,525 days and a month, or 2,400 months (DueRule's 1,200 plus 1,199
    // monthly parts), after the signing: under 201 years. So from a signing day before 9700 no due date passes
    // 9999-12-31, where DueOn throws; a later one is left to the deal path.
    private static readonly int LastSafeSigningDay = new DateOnly(9699, 12, 31).DayNumber;

    // The column the deal path (Won or Open) fills from the frame's deals, read off its columns without a deal: the
    // same status, amount, won day (in the zone), expected close day and win probability, the same weighted amount
    // (the decimal product, rounded as Money.Round), split by CollectionSchedule.SplitUnits and dated by DueDates.
    // Null, having changed nothing, for whatever the deal path throws for (a deal in another currency, not won or not
    // open, of another pipeline or stage, a total or a date Create refuses, a row's sum past Currency.MaxAmount): the
    // deal path then runs and throws for the same deal as before. In parts on the cores; a part's sums add up.
    internal long[]? TryFrame(DealFrame frame, bool won)
    {
        if (!currency.HasMinorUnit || terms.FixedCurrency is { } fixedCurrency && fixedCurrency != currency)
        {
            return null;
        }
        if (!won && !frame.Exactness.IsoDates)
        {
            return null; // an expected close date in another calendar: Create's date check throws
        }
        var weights = won ? null : Weights.TryCreate(frame, options.Pipeline!);
        if (!won && weights is null)
        {
            return null;
        }
        var inCurrency = Array.ConvertAll(frame.Currencies, c => c == currency);
        var parts = FramePartitions.Parts(frame.Count);
        var sums = FramePartitions.Run(frame.Count, parts, (_, from, to) => Part(frame, won, weights, inCurrency, from, to));
        if (Array.IndexOf(sums, null) >= 0)
        {
            return null;
        }
        var total = sums[0]!;
        for (var part = 1; part < parts; part++)
        {
            for (var row = 0; row < total.Length; row++)
            {
                // Each part's sum is within 10^18, so eight of them stay within a long.
                total[row] += sums[part]![row];
            }
        }
        return Array.TrueForAll(total, t => t <= Money.MaxMinorUnits) ? total : null;
    }

    private long[]? Part(DealFrame frame, bool won, Weights? weights, bool[] inCurrency, int from, int to)
    {
        var sums = new long[placing.Count];
        var lineUnits = new long[terms.Lines.Count];
        var parts = new long[terms.InstalmentCount];
        var dueDates = new LocalDate?[terms.InstalmentCount];
        // The row of each instalment per signing day: deals signed on one day share their due dates.
        var rowsOn = new Dictionary<int, int[]?>();
        var zone = new ZoneDays(options.Zone);
        var minor = currency.MinorUnit;
        for (var r = from; r < to; r++)
        {
            if (!inCurrency[frame.AmountCurrency[r]])
            {
                return null;
            }
            var status = (DealStatus)frame.Status[r];
            decimal total;
            int day;
            if (won)
            {
                if (status != DealStatus.Won || frame.DecidedAt[r] == DealFrame.NoInstant)
                {
                    return null;
                }
                total = frame.AmountAt(r);
                if (total <= 0m || decimal.Round(total, minor) != total)
                {
                    return null; // not a positive whole number of minor units: Create throws
                }
                day = zone.DayOf(frame.DecidedAt[r]);
            }
            else
            {
                if (status != DealStatus.Open || weights!.Of(frame, r) is not { } p)
                {
                    return null;
                }
                // Money's arithmetic: the decimal product, rounded to the minor unit half away from zero.
                total = decimal.Round(frame.AmountAt(r) * p, minor, MidpointRounding.AwayFromZero);
                if (total <= 0m)
                {
                    continue; // weighted to nothing: adds nothing
                }
                day = frame.ExpectedCloseDay[r];
            }
            if (!ZoneDays.IsPlaceable(day) || day > LastSafeSigningDay)
            {
                return null;
            }
            if (!rowsOn.TryGetValue(day, out var rows))
            {
                rows = RowsOn(day, dueDates);
                rowsOn[day] = rows;
            }
            var units = decimal.ToInt64(total / currency.MinorUnitValue);
            if (
                rows is null
                || CollectionSchedule.SplitUnits(units, currency, terms, lineUnits, parts, out _, out _)
                    != CollectionSchedule.UnitsProblem.None
            )
            {
                return null;
            }
            for (var n = 0; n < parts.Length; n++)
            {
                // Every part is at least zero, so a row's sum only grows: past the limit here, past it in the deal path.
                var sum = sums[rows[n]] + parts[n];
                if (sum > Money.MaxMinorUnits)
                {
                    return null;
                }
                sums[rows[n]] = sum;
            }
        }
        return sums;
    }

    // The forecast row of each instalment of a deal signed on `day`; null when the terms put one before the signing.
    private int[]? RowsOn(int day, LocalDate?[] dueDates)
    {
        var signedOn = LocalDate.FromDateOnly(DateOnly.FromDayNumber(day));
        if (CollectionSchedule.DueDates(signedOn, terms, dueDates) >= 0)
        {
            return null;
        }
        var rows = new int[dueDates.Length];
        for (var n = 0; n < rows.Length; n++)
        {
            rows[n] = placing.RowOf(dueDates[n]);
        }
        return rows;
    }

    // PipelineTransitions.WinProbabilityOf of an open deal of the frame, per stage code and override: its override in
    // an open stage, else its stage's; null for a row the pipeline cannot weigh (another pipeline, or a stage it lacks).
    private sealed class Weights
    {
        private readonly bool[] pipelineKnown;
        private readonly decimal?[] stageProbability;
        private readonly bool[] stageOpen;

        private Weights(bool[] pipelineKnown, decimal?[] stageProbability, bool[] stageOpen)
        {
            this.pipelineKnown = pipelineKnown;
            this.stageProbability = stageProbability;
            this.stageOpen = stageOpen;
        }

        // Null when a probability is outside [0, 1]: the product could then leave Money's range, which the deal path reports.
        internal static Weights? TryCreate(DealFrame frame, PipelineDefinition pipeline)
        {
            var known = Array.ConvertAll(frame.Pipelines, name => string.Equals(name, pipeline.Name, StringComparison.Ordinal));
            var probability = new decimal?[frame.Stages.Length];
            var open = new bool[frame.Stages.Length];
            for (var s = 0; s < probability.Length; s++)
            {
                if (pipeline.TryGetStage(frame.Stages[s], out var stage))
                {
                    (probability[s], open[s]) = (stage.Probability, stage.IsOpen);
                }
            }
            var inRange =
                Array.TrueForAll(probability, p => p is null or >= 0m and <= 1m)
                && Array.TrueForAll(frame.ProbabilityOverrides, p => p is >= 0m and <= 1m);
            return inRange ? new Weights(known, probability, open) : null;
        }

        internal decimal? Of(DealFrame frame, int row)
        {
            var stage = frame.Stage[row];
            if (!pipelineKnown[frame.Pipeline[row]] || stageProbability[stage] is not { } p)
            {
                return null;
            }
            return stageOpen[stage] && frame.ProbabilityOverride[row] is var o and >= 0 ? frame.ProbabilityOverrides[o] : p;
        }
    }
}
