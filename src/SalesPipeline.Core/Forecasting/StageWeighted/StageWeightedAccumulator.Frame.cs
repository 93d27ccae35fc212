using System;
using SalesPipeline.Deals;

namespace SalesPipeline.Forecasting;

public sealed partial class StageWeightedAccumulator
{
    // Adds every deal of the frame, as Add(deal) for each would, and returns true; or returns false and changes nothing
    // when the frame's integer kernel cannot prove the result identical (then the caller adds the frame's deals one by
    // one): a deal the pipeline cannot weigh or the rates cannot convert (Add throws for it), amounts or probabilities
    // whose sums could round, or an accumulator that already holds deals. With rates the kernel sums the frame's
    // converted column (DealFrame.AmountsIn), the same decimals ToReporting gives each deal.
    internal bool TryAdd(DealFrame frame)
    {
        if (sums.Count > 0 || !frame.Exactness.IsoDates || index.AsOf.Calendar != NodaTime.CalendarSystem.Iso)
        {
            return false;
        }
        // Without rates every amount must already be in the reporting currency (the deal code throws otherwise).
        if (options.Rates is null && (frame.Currencies is not [var only] || only != currency))
        {
            return false;
        }
        var amounts = frame.AmountsIn(options.Rates);
        if (!amounts.Exactness.AmountsSum || FramePlan.TryCreate(frame, pipeline, amounts.Exactness) is not { } plan)
        {
            return false;
        }
        var slots = periods.Length + 2;
        var owners = frame.OwnerKeys.Length;
        if ((long)slots * owners > MaxFrameCells)
        {
            return false;
        }
        var parts = FramePartitions.Parts(frame.Count);
        var cells = FramePartitions.Run(
            frame.Count,
            parts,
            (_, first, last) =>
            {
                var part = new FrameCell[slots * owners];
                return Accumulate(frame, amounts, plan, first, last, part) ? part : null;
            }
        );
        if (Array.IndexOf(cells, null) >= 0)
        {
            return false;
        }
        var total = cells[0]!;
        for (var part = 1; part < parts; part++)
        {
            for (var i = 0; i < total.Length; i++)
            {
                total[i].Add(cells[part]![i]);
            }
        }
        for (var s = 0; s < slots; s++)
        {
            var slot = s < periods.Length ? s : PeriodIndex.Overdue - (s - periods.Length);
            for (var o = 0; o < owners; o++)
            {
                ref var cell = ref total[s * owners + o];
                if (cell.OpenDeals + cell.WonDeals > 0)
                {
                    sums[(slot, frame.OwnerKeys[o])] = new Sums(
                        cell.OpenDeals,
                        cell.OpenAmount.ToDecimal(plan.AmountScale),
                        cell.Weighted.ToDecimal(plan.WeightedScale),
                        cell.WonDeals,
                        cell.Won.ToDecimal(plan.AmountScale)
                    );
                }
            }
        }
        return true;
    }

    // Back to empty (only an accumulator whose last TryAdd succeeded is cleared: its sums came from that frame alone).
    internal void Clear() => sums.Clear();

    // Dense cells (slot x owner) beyond this many would cost more memory than the dictionary the deal path fills.
    private const long MaxFrameCells = 4_000_000;

    // False when a row's deal could not be weighed by this pipeline (Add would throw for it).
    private bool Accumulate(DealFrame frame, ReportingAmounts amounts, FramePlan plan, int from, int to, FrameCell[] cells)
    {
        var owners = frame.OwnerKeys.Length;
        var zone = new ZoneDays(options.Zone);
        var pow10 = Exactness.SignedPow10;
        var longPow10 = Exactness.LongPow10;
        var narrow = plan.SumsFitLong;
        for (var r = from; r < to; r++)
        {
            // One pipeline in the frame (the plan checked), so only the stage can be foreign.
            var stage = plan.Stages[frame.Stage[r]];
            if (!stage.Exists)
            {
                return false;
            }
            if (!index.TrySlotOf(frame, r, zone, out var placed))
            {
                return false;
            }
            if (placed == PeriodIndex.None)
            {
                continue; // lost, stopped, or won outside the periods
            }
            var status = (DealStatus)frame.Status[r];
            var slot = placed switch
            {
                PeriodIndex.Overdue => periods.Length,
                PeriodIndex.Outside => periods.Length + 1,
                _ => placed,
            };
            var scale = amounts.Scale[r];
            if (scale == ReportingAmounts.Unusable)
            {
                return false; // the deal code's conversion throws here (or its product has no long mantissa)
            }
            ref var cell = ref cells[slot * owners + frame.OwnerKey[r]];
            var mantissa = amounts.Mantissa[r];
            // Narrow: the plan's bounds prove every term fits in a long, so the products run in 64 bits.
            var amount = narrow ? mantissa * longPow10[plan.AmountScale - scale] : (Int128)mantissa * pow10[plan.AmountScale - scale];
            if (status == DealStatus.Won)
            {
                cell.WonDeals++;
                cell.Won.Add(amount, scale);
                continue;
            }
            var probability = stage.IsOpen && frame.ProbabilityOverride[r] is var o and >= 0 ? plan.Overrides[o] : stage.Probability;
            cell.OpenDeals++;
            cell.OpenAmount.Add(amount, scale);
            var weightedScale = Exactness.ProductScale(mantissa, scale, probability.Mantissa, probability.Scale);
            var weighted = narrow
                ? mantissa * probability.Mantissa * longPow10[plan.WeightedScale - weightedScale]
                : (Int128)mantissa * probability.Mantissa * pow10[plan.WeightedScale - weightedScale];
            cell.Weighted.Add(weighted, weightedScale);
        }
        return true;
    }

    private struct FrameCell
    {
        internal int OpenDeals;
        internal int WonDeals;
        internal ExactSum OpenAmount;
        internal ExactSum Weighted;
        internal ExactSum Won;

        internal void Add(FrameCell other)
        {
            OpenDeals += other.OpenDeals;
            WonDeals += other.WonDeals;
            OpenAmount.Add(other.OpenAmount);
            Weighted.Add(other.Weighted);
            Won.Add(other.Won);
        }
    }
}
