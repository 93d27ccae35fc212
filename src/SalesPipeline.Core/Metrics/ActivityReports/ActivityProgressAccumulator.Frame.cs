using System;
using System.Collections.Generic;
using NodaTime;
using SalesPipeline.Activities;
using SalesPipeline.Deals;

namespace SalesPipeline.Metrics;

public sealed partial class ActivityProgressAccumulator
{
    // Adds every deal of the frame with its activities, as Add(deal, index.ForDeal(deal.Id)) for each deal would, and
    // counts the judged activities about deals not in the frame (unmatched); or returns false and changes nothing when
    // it cannot prove the same counts: an accumulator that already holds cells, or a window end past the last instant
    // NodaTime holds. The activities must be the ones the caller indexed (so none is null).
    // It walks the activities instead of the deals: a deal's progress instants are read off the frame's event table
    // (forward moves and wins) only for the deals that have judged activities, and the deals are found by id. The
    // instants are read off the events themselves, so a frame with instants finer than ticks is taken too.
    internal bool TryAdd(DealFrame frame, IEnumerable<Activity> activities, out int unmatched)
    {
        unmatched = 0;
        if (cells.Count > 0)
        {
            return false;
        }
        var rows = frame.RowOfId;
        var found = new Dictionary<(string Rep, ActivityKind Kind), (int Judged, int Progressed, int Pending)>();
        var others = 0;
        foreach (var activity in activities)
        {
            if (activity.Deal is not { } id)
            {
                continue;
            }
            if (!rows.TryGetValue(id, out var row))
            {
                others += options.Judges(activity) ? 1 : 0;
                continue;
            }
            if (!options.Judges(activity))
            {
                continue;
            }
            if (!TryLimit(activity.At, out var limit))
            {
                return false;
            }
            var progressed = Progressed(frame, row, activity.At, limit);
            var pending = !progressed && options.AsOf is { } asOf && limit > asOf;
            var key = (activity.Rep, activity.Kind);
            var cell = found.GetValueOrDefault(key);
            found[key] = pending
                ? cell with
                {
                    Pending = cell.Pending + 1,
                }
                : (cell.Judged + 1, cell.Progressed + (progressed ? 1 : 0), cell.Pending);
        }
        foreach (var (key, cell) in found)
        {
            cells[key] = cell;
        }
        unmatched = others;
        return true;
    }

    private bool TryLimit(Instant at, out Instant limit)
    {
        try
        {
            limit = at.Plus(options.Within);
            return true;
        }
        catch (OverflowException)
        {
            limit = default;
            return false;
        }
    }

    // Whether the deal moved forward or was won at an instant t with from <= t <= limit (and t <= AsOf when given):
    // ProgressInstants on the frame's event rows, each instant read off its event (the frame keeps only whole ticks).
    private bool Progressed(DealFrame frame, int row, Instant from, Instant limit)
    {
        var first = frame.EventStart[row];
        for (var e = first; e < frame.EventStart[row + 1]; e++)
        {
            var kind = frame.EventKind[e];
            if (!(kind == FrameEventKind.Won || (kind == FrameEventKind.StageMoved && frame.EventAux[e] == (byte)MoveDirection.Forward)))
            {
                continue;
            }
            // With every instant a whole tick the ticks are the instant; else it is read off the deal's event.
            var t = frame.Exactness.WholeTicks ? Instant.FromUnixTimeTicks(frame.EventAt[e]) : frame.DealAt(row).Events[e - first].At;
            if (t >= from && t <= limit && (options.AsOf is not { } asOf || t <= asOf))
            {
                return true;
            }
        }
        return false;
    }
}
