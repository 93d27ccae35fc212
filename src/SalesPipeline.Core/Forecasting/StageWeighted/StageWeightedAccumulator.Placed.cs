using System;
using SalesPipeline.Deals;

namespace SalesPipeline.Forecasting;

public sealed partial class StageWeightedAccumulator
{
    // The kernel without rates: the same rules as Accumulate, over the frame's narrow copy of its open and won rows
    // (DealFrame.PlacedRows), which streams a fifth of the memory the frame's columns take. Null when a deal could not be
    // weighed (a stage the pipeline lacks, on any row) or placed (a won day the deal code cannot place).
    private FrameCell[][]? AccumulatePlaced(PlacedRows placed, FramePlan plan, int slots, int owners)
    {
        foreach (var code in placed.UsedStages)
        {
            if (!plan.Stages[code].Exists)
            {
                return null;
            }
        }
        var wonDays = placed.WonDaysIn(options.Zone);
        var cells = FramePartitions.Run(
            placed.Count,
            FramePartitions.Parts(placed.Count),
            (_, first, last) =>
            {
                var part = new FrameCell[slots * owners];
                return AccumulatePlaced(placed, wonDays, plan, owners, first, last, part) ? part : null;
            }
        );
        return Complete(cells);
    }

    // Rows from .. to - 1 of the placed rows (open ones, then won ones); false at a won day the deal code cannot place.
    private bool AccumulatePlaced(PlacedRows placed, int[] wonDays, FramePlan plan, int owners, int from, int to, FrameCell[] cells)
    {
        // Locals, not fields: the loop stores into cells, after which the JIT would read fields again for every row.
        var open = placed.OpenCount;
        var scales = new Scales(plan);
        var (stages, overrides) = (plan.Stages, plan.Overrides);
        var (dayTable, firstDay, asOfDay) = (index.DayTable, index.FirstDay, index.AsOfDay);
        var (overdue, outside) = (periods.Length, periods.Length + 1);
        var (owner, mantissa, scale) = (placed.OwnerKey, placed.Mantissa, placed.Scale);
        var (stage, probabilityOverride, expectedCloseDay) = (placed.Stage, placed.ProbabilityOverride, placed.ExpectedCloseDay);
        for (var r = from; r < Math.Min(to, open); r++)
        {
            var day = expectedCloseDay[r];
            var slot =
                day < asOfDay ? overdue
                : PeriodIndex.IndexOfDay(dayTable, firstDay, day) is var p and >= 0 ? p
                : outside;
            var stagePlan = stages[stage[r]];
            var probability = stagePlan.IsOpen && probabilityOverride[r] is var o and >= 0 ? overrides[o] : stagePlan.Probability;
            cells[slot * owners + owner[r]].AddOpen(mantissa[r], scale[r], probability, scales);
        }
        for (var r = Math.Max(from, open); r < to; r++)
        {
            var day = wonDays[r - open];
            if (!ZoneDays.IsPlaceable(day))
            {
                return false;
            }
            if (PeriodIndex.IndexOfDay(dayTable, firstDay, day) is var slot and >= 0)
            {
                cells[slot * owners + owner[r]].AddWon(mantissa[r], scale[r], scales);
            }
        }
        return true;
    }
}
