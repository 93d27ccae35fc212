using System;
using System.Runtime.CompilerServices;
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
        var cells = options.Rates is null
            ? AccumulatePlaced(frame.PlacedRows, plan, slots, owners)
            : AccumulateRows(frame, amounts, plan, slots, owners);
        if (cells is null)
        {
            return false;
        }
        var total = cells[0];
        for (var part = 1; part < cells.Length; part++)
        {
            for (var i = 0; i < total.Length; i++)
            {
                total[i].Add(cells[part][i]);
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

    // Every row of the frame, in parts on the cores: the parts' cells, or null when a row's deal could not be weighed.
    private FrameCell[][]? AccumulateRows(DealFrame frame, ReportingAmounts amounts, FramePlan plan, int slots, int owners)
    {
        var cells = FramePartitions.Run(
            frame.Count,
            FramePartitions.Parts(frame.Count),
            (_, first, last) =>
            {
                var part = new FrameCell[slots * owners];
                return Accumulate(frame, amounts, plan, first, last, part) ? part : null;
            }
        );
        return Complete(cells);
    }

    // The parts' cells, or null when a part gave up (its deals go to the deal code).
    private static FrameCell[][]? Complete(FrameCell[]?[] parts)
    {
        var complete = new FrameCell[parts.Length][];
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i] is not { } part)
            {
                return null;
            }
            complete[i] = part;
        }
        return complete;
    }

    // False when a row's deal could not be weighed by this pipeline (Add would throw for it).
    private bool Accumulate(DealFrame frame, ReportingAmounts amounts, FramePlan plan, int from, int to, FrameCell[] cells)
    {
        var owners = frame.OwnerKeys.Length;
        var zone = new ZoneDays(options.Zone);
        var scales = new Scales(plan);
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
            if (status == DealStatus.Won)
            {
                cell.AddWon(amounts.Mantissa[r], scale, scales);
                continue;
            }
            var probability = stage.IsOpen && frame.ProbabilityOverride[r] is var o and >= 0 ? plan.Overrides[o] : stage.Probability;
            cell.AddOpen(amounts.Mantissa[r], scale, probability, scales);
        }
        return true;
    }

    // A FramePlan's common scales, as locals for a kernel's loop.
    private readonly record struct Scales(int Amount, int Weighted, bool SumsFitLong)
    {
        internal Scales(FramePlan plan)
            : this(plan.AmountScale, plan.WeightedScale, plan.SumsFitLong) { }
    }

    private struct FrameCell
    {
        internal int OpenDeals;
        internal int WonDeals;
        internal ExactSum OpenAmount;
        internal ExactSum Weighted;
        internal ExactSum Won;

        // A won row's amount (at its scale), summed at the plan's amount scale. The plan comes as its parts (Scales),
        // which a kernel reads once: its loop stores into cells, after which the JIT would read the plan's fields again.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal void AddWon(long mantissa, byte scale, Scales plan)
        {
            WonDeals++;
            Won.Add(Scaled(mantissa, scale, plan), scale);
        }

        // An open row's amount and amount x probability, at the plan's scales.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal void AddOpen(long mantissa, byte scale, Probability probability, Scales plan)
        {
            OpenDeals++;
            OpenAmount.Add(Scaled(mantissa, scale, plan), scale);
            var weightedScale = Exactness.ProductScale(mantissa, scale, probability.Mantissa, probability.Scale);
            // SumsFitLong: the plan's bounds prove every term fits in a long, so the products run in 64 bits.
            var weighted = plan.SumsFitLong
                ? mantissa * probability.Mantissa * Exactness.LongPow10[plan.Weighted - weightedScale]
                : (Int128)mantissa * probability.Mantissa * Exactness.SignedPow10[plan.Weighted - weightedScale];
            Weighted.Add(weighted, weightedScale);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Int128 Scaled(long mantissa, byte scale, Scales plan) =>
            plan.SumsFitLong
                ? mantissa * Exactness.LongPow10[plan.Amount - scale]
                : (Int128)mantissa * Exactness.SignedPow10[plan.Amount - scale];

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
