using System;
using System.Collections.Generic;
using System.Linq;
using SalesPipeline.Deals;

namespace SalesPipeline.Health;

public sealed partial class PipelineHealthAccumulator
{
    // Adds every deal of the frame, as AddRange would, and returns true; or returns false and changes nothing when a
    // deal would be refused (the caller then runs AddRange, which refuses it by the usual rules and messages): another
    // pipeline, a deal not yet observed at the as-of instant, a stage the pipeline does not have, an id given twice,
    // or instants finer than a tick. Only into an empty accumulator (AddRange into another adds the frame to a fresh
    // one and merges it in). The rows are kept, not their deals: a row with no event after the as-of instant is its
    // columns (the checks read them in Result), and only a row with later events has its deal rebuilt as of then. The
    // frame's ids are the ids claimed, so a later Add or Merge refuses a deal given again without reading a deal per row.
    internal bool TryAdd(DealFrame frame)
    {
        if (Count > 0 || !frame.Exactness.WholeTicks)
        {
            return false;
        }
        if (frame.Pipelines is not [var name] || !string.Equals(name, pipeline.Name, StringComparison.Ordinal) || !frame.HasDistinctIds)
        {
            return false;
        }
        // The frame's instants are whole ticks, so "at or before asOf" is "at or before asOf's tick" (rounded down).
        var limit = asOf.ToUnixTimeTicks();
        var stageKnown = Array.ConvertAll(frame.Stages, id => pipeline.TryGetStage(id, out _));
        var (open, won) = (new List<int>(), new List<int>());
        var views = new Dictionary<int, Deal>();
        var viewCurrencies = new HashSet<Currency>();
        var (lostRows, stoppedRows) = (0, 0);
        var currencyUsed = new bool[frame.Currencies.Length];
        for (var r = 0; r < frame.Count; r++)
        {
            if (frame.ObservedFrom(r) > limit)
            {
                return false;
            }
            var status = (DealStatus)frame.Status[r];
            if (frame.LastEventAt(r) <= limit)
            {
                if (!stageKnown[frame.Stage[r]])
                {
                    return false;
                }
                currencyUsed[frame.AmountCurrency[r]] = true;
            }
            else
            {
                var view = frame.DealAt(r).AsOf(asOf);
                if (!pipeline.TryGetStage(view.StageId, out _))
                {
                    return false;
                }
                viewCurrencies.Add(view.Amount.Currency);
                status = view.Status;
                if (status is DealStatus.Open or DealStatus.Won) // the others are only counted
                {
                    views.Add(r, view);
                }
            }
            switch (status)
            {
                case DealStatus.Open:
                    open.Add(r);
                    break;
                case DealStatus.Won:
                    won.Add(r);
                    break;
                case DealStatus.Stopped:
                    stoppedRows++;
                    break;
                default:
                    lostRows++;
                    break;
            }
        }
        for (var c = 0; c < currencyUsed.Length; c++)
        {
            if (currencyUsed[c])
            {
                currencies.Add(frame.Currencies[c]);
            }
        }
        currencies.UnionWith(viewCurrencies);
        kept.Add(new KeptRows(frame, [.. open], [.. won], views));
        (lost, stopped) = (lostRows, stoppedRows);
        return true;
    }

    bool IFrameAccumulator<PipelineHealthAccumulator>.IsEmpty => Count == 0;

    PipelineHealthAccumulator IFrameAccumulator<PipelineHealthAccumulator>.Fresh() => new(this);

    bool IFrameAccumulator<PipelineHealthAccumulator>.TryAdd(DealFrame frame) => TryAdd(frame);

    // The fresh accumulator has this one's setup, so Merge can only refuse a deal both hold; the deal code then refuses
    // it, naming its position in the batch, as adding one by one would.
    bool IFrameAccumulator<PipelineHealthAccumulator>.MergesLikeAdd(PipelineHealthAccumulator framed) => FirstShared(framed) is null;

    // MergesLikeAdd has made Merge's checks.
    void IFrameAccumulator<PipelineHealthAccumulator>.Merge(PipelineHealthAccumulator other) => Join(other);

    // An empty accumulator set up as this one, without checking the setup again.
    private PipelineHealthAccumulator(PipelineHealthAccumulator setup) =>
        (pipeline, asOf, policy, inputs) = (setup.pipeline, setup.asOf, setup.policy, setup.inputs);

    // Whether the deals came through TryAdd (for the tests that check the frame path ran).
    internal bool AddedFromFrame => kept.Exists(k => k is KeptRows);

    // How many deals are kept as objects (for the tests that check that a frame's rows are kept as rows).
    internal int DealsKept => kept.Sum(run => run is KeptRows rows ? rows.ViewCount : run.OpenCount + run.WonCount);

    // Whether a deal with this id is held: added as an object, or a row of a frame added whole.
    private bool Holds(DealId id)
    {
        if (ids.Contains(id))
        {
            return true;
        }
        foreach (var run in kept)
        {
            if (run is KeptRows rows && rows.Frame.RowOfId.ContainsKey(id))
            {
                return true;
            }
        }
        return false;
    }

    // The first deal the other accumulator holds that this one holds too, or null: the other's frames' ids (each in
    // row order: RowOfId is filled in row order), then its deals added as objects.
    private DealId? FirstShared(PipelineHealthAccumulator other)
    {
        foreach (var run in other.kept)
        {
            if (run is KeptRows rows)
            {
                foreach (var id in rows.Frame.RowOfId.Keys)
                {
                    if (Holds(id))
                    {
                        return id;
                    }
                }
            }
        }
        foreach (var id in other.ids)
        {
            if (Holds(id))
            {
                return id;
            }
        }
        return null;
    }
}
