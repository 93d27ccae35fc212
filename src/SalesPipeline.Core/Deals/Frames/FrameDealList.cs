using SalesPipeline.Utility;

namespace SalesPipeline.Deals;

// A frame's deals as a read-only list (DealFrame.DealList): what the entry points pass to the deal-based code when a
// kernel declines, and what the back-test hands to the public entry points for its past frames, which find the frame
// again through DealFrames.For in constant time. Immutable, as the frame is; thread-safe.
internal sealed class FrameDealList(DealFrame frame) : ReadOnlyListBase<Deal>
{
    internal DealFrame Frame { get; } = frame;

    public override int Count => Frame.Count;

    public override Deal this[int index]
    {
        get
        {
            Preconditions.CheckIndex(index, Count);
            return Frame.DealAt(index);
        }
    }
}
