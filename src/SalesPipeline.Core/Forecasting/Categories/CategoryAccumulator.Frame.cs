using System;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Forecasting;

public sealed partial class CategoryAccumulator
{
    // Adds every deal of the frame, as Add(deal) for each would, and returns true; or returns false and changes nothing
    // when the integer kernel cannot prove the result identical (the caller then adds the deals one by one): a deal the
    // pipeline cannot place or the rates cannot convert (Add throws for it), another currency without rates, sums that
    // could round, or an accumulator that already holds deals. With rates it sums the converted column (AmountsIn).
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
        // Slots: the periods, then Overdue; an open deal outside every period has no line here.
        var slots = periods.Length + 1;
        var owners = frame.OwnerKeys.Length;
        if ((long)slots * owners * Categories > MaxFrameCells)
        {
            return false;
        }
        var cells = new ExactSum[slots * owners * Categories];
        var used = new bool[slots * owners];
        // The cells in the order the deal code first meets them: Result adds the owners' sums in the dictionary's order,
        // so an overflow there names the same two amounts on both paths.
        var firstSeen = new System.Collections.Generic.List<int>();
        var zone = new ZoneDays(options.Zone);
        var pow10 = Exactness.SignedPow10;
        for (var r = 0; r < frame.Count; r++)
        {
            var stage = plan.Stages[frame.Stage[r]];
            if (!stage.Exists)
            {
                return false;
            }
            if (!index.TrySlotOf(frame, r, zone, out var placed))
            {
                return false;
            }
            if (placed is PeriodIndex.None or PeriodIndex.Outside)
            {
                continue; // lost, stopped, won outside the periods, or open and expected outside them
            }
            var status = (DealStatus)frame.Status[r];
            var slot = placed == PeriodIndex.Overdue ? periods.Length : placed;
            var category =
                stage.IsOpen && frame.CategoryOverride[r] is var c && c != DealFrame.NoCategory ? (ForecastCategory)c : stage.Category;
            var scale = amounts.Scale[r];
            if (scale == ReportingAmounts.Unusable)
            {
                return false; // the deal code's conversion throws here (or its product has no long mantissa)
            }
            var at = slot * owners + frame.OwnerKey[r];
            if (!used[at])
            {
                used[at] = true;
                firstSeen.Add(at);
            }
            cells[at * Categories + (int)category].Add((Int128)amounts.Mantissa[r] * pow10[plan.AmountScale - scale], scale);
        }
        foreach (var at in firstSeen)
        {
            var cell = new decimal[Categories];
            for (var k = 0; k < Categories; k++)
            {
                cell[k] = cells[at * Categories + k].ToDecimal(plan.AmountScale);
            }
            var s = at / owners;
            sums[(s < periods.Length ? s : OverdueSlot, frame.OwnerKeys[at % owners])] = cell;
        }
        return true;
    }

    private const int Categories = 5;

    // Dense cells (slot x owner x category) beyond this many would cost more memory than the deal path's dictionary.
    private const long MaxFrameCells = 8_000_000;
}
