using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace SalesPipeline.Deals;

// Where the deal-based entry points get their frame: built on first use for a list of deals and kept for as long as
// the caller keeps that list, so a second metric over the same list skips the build. The frame is reused only when
// the list still holds the same deal objects in the same order (deals are immutable, so the same objects are the
// same data); a list changed in between gets a new frame. A frame's own DealList needs neither. Thread-safe: the table
// is, and frames are immutable.
internal static class DealFrames
{
    private static readonly ConditionalWeakTable<object, DealFrame> Frames = new();

    // The frame of a list of deals, or null when the input is not a list (a lazy sequence is read once, by the
    // deal-based code) or has a null element (the deal-based code reports it, by position).
    internal static DealFrame? For(IEnumerable<Deal> deals)
    {
        if (deals is FrameDealList framed)
        {
            // An empty frame (a back-test point before every deal) is no list's frame: the deal code handles "no deals".
            return framed.Count > 0 ? framed.Frame : null;
        }
        if (deals is not IReadOnlyList<Deal> list || list.Count == 0)
        {
            return null;
        }
        if (Frames.TryGetValue(list, out var cached) && cached.HoldsSame(list))
        {
            return cached;
        }
        var copy = new Deal[list.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            if (list[i] is not { } deal)
            {
                return null;
            }
            copy[i] = deal;
        }
        var frame = DealFrame.Of(copy);
        Frames.AddOrUpdate(list, frame);
        return frame;
    }
}
