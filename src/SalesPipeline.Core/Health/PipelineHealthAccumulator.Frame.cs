using System;
using System.Collections.Generic;
using SalesPipeline.Deals;

namespace SalesPipeline.Health;

public sealed partial class PipelineHealthAccumulator
{
    private int framed;

    // Set by TryAdd: the frame and the row of each deal in `open`, so that the deals at risk are put in id order by the
    // frame's id order instead of a sort of their ids.
    private DealFrame? frameRows;
    private List<int>? openRows;

    // Adds every deal of the frame, as AddRange would, and returns true; or returns false and changes nothing when a
    // deal would be refused (the caller then runs AddRange, which refuses it by the usual rules and messages): another
    // pipeline, a deal not yet observed at the as-of instant, a stage the pipeline does not have, an id given twice,
    // or instants finer than a tick. Only for a fresh accumulator that the caller keeps to itself: the ids are checked
    // on the frame (once per frame), not kept, so it could not be merged with another.
    internal bool TryAdd(DealFrame frame)
    {
        if (ids.Count > 0 || framed > 0 || !frame.Exactness.WholeTicks)
        {
            return false;
        }
        if (frame.Pipelines is not [var name] || !string.Equals(name, pipeline.Name, StringComparison.Ordinal) || !frame.HasDistinctIds)
        {
            return false;
        }
        // The frame's instants are whole ticks, so "at or before asOf" is "at or before asOf's tick".
        var limit = asOf.ToUnixTimeTicks();
        var stageKnown = Array.ConvertAll(frame.Stages, id => pipeline.TryGetStage(id, out _));
        var views = new Deal[frame.Count];
        var currencyUsed = new bool[frame.Currencies.Length];
        var viewCurrencies = new List<Currency>();
        for (var r = 0; r < frame.Count; r++)
        {
            if (frame.ObservedFrom(r) > limit)
            {
                return false;
            }
            if (frame.LastEventAt(r) <= limit)
            {
                if (!stageKnown[frame.Stage[r]])
                {
                    return false;
                }
                views[r] = frame.DealAt(r);
                currencyUsed[frame.AmountCurrency[r]] = true;
                continue;
            }
            var view = frame.DealAt(r).AsOf(asOf);
            if (!pipeline.TryGetStage(view.StageId, out _))
            {
                return false;
            }
            views[r] = view;
            viewCurrencies.Add(view.Amount.Currency);
        }
        for (var c = 0; c < currencyUsed.Length; c++)
        {
            if (currencyUsed[c])
            {
                currencies.Add(frame.Currencies[c]);
            }
        }
        currencies.UnionWith(viewCurrencies);
        open.EnsureCapacity(views.Length);
        var rows = new List<int>(views.Length);
        for (var r = 0; r < views.Length; r++)
        {
            if (views[r].Status == DealStatus.Open)
            {
                rows.Add(r);
            }
            KeepDeal(views[r]);
        }
        (framed, frameRows, openRows) = (views.Length, frame, rows);
        return true;
    }

    // AddRange over a list into an empty accumulator: the frame's checks and views (TryAdd), then the ids claimed as the
    // deal code claims them, so that a later Add or Merge still refuses a deal given twice. False, with nothing changed,
    // when the deal code must run: a lazy sequence, an accumulator that holds deals, or a deal TryAdd declines.
    private bool TryAddRange(IEnumerable<Deal> deals)
    {
        if (ids.Count > 0 || framed > 0 || DealFrames.For(deals) is not { } frame || !TryAdd(frame))
        {
            return false;
        }
        ids.EnsureCapacity(frame.Count);
        foreach (var deal in frame.DealList)
        {
            ids.Add(deal.Id);
        }
        framed = 0;
        return true;
    }

    // Whether the deals came through TryAdd (for the tests that check the frame path ran).
    internal bool AddedFromFrame => frameRows is not null;

    private void KeepDeal(Deal view)
    {
        switch (view.Status)
        {
            case DealStatus.Open:
                open.Add(view);
                break;
            case DealStatus.Won:
                won.Add(view);
                break;
            case DealStatus.Stopped:
                stopped++;
                break;
            default:
                lost++;
                break;
        }
    }
}
