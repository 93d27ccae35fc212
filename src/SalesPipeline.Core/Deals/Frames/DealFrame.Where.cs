using System;
using System.Collections.Generic;

namespace SalesPipeline.Deals;

internal sealed partial class DealFrame
{
    // The frame of the rows `keeps` keeps, in row order, of this frame's kind: the frame DealFrameBuilder builds from
    // those rows' deals. A frame without deal objects copies each kept row's history and columns (DealFrameBuilder.AddRow,
    // no deal made), in parts on the cores, joined as one builder of those rows would build them; a frame that keeps
    // its deals gives the frame of the kept objects, its rows made again from them (no builder copies a row of that
    // kind of frame). `keeps` is called from several threads at once, once per row.
    internal DealFrame Where(Func<int, bool> keeps)
    {
        if (deals is null)
        {
            var parts = FramePartitions.Run(
                Count,
                FramePartitions.Parts(Count, splitFrom: RebuildSplit),
                (_, from, to) =>
                {
                    // The kept rows first, so that the builder is sized for them and not for every row.
                    var kept = new List<int>();
                    var events = 0;
                    for (var r = from; r < to; r++)
                    {
                        if (keeps(r))
                        {
                            kept.Add(r);
                            events += EventStart[r + 1] - EventStart[r];
                        }
                    }
                    var part = new DealFrameBuilder(DealFrameBuilder.Keeping.History, kept.Count, events);
                    foreach (var r in kept)
                    {
                        part.AddRow(this, r);
                    }
                    return part;
                }
            );
            return DealFrameBuilder.Join(parts);
        }
        var keptDeals = new List<Deal>();
        for (var r = 0; r < Count; r++)
        {
            if (keeps(r))
            {
                keptDeals.Add(deals[r]);
            }
        }
        return DealFrameBuilder.Build([.. keptDeals], DealFrameBuilder.Keeping.Given);
    }
}
