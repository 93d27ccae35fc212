using SalesPipeline.Deals;

namespace SalesPipeline.Targets;

public sealed partial class AttainmentAccumulator
{
    // Adds every deal of the frame to every layer on the frame's kernel and returns true; or returns false and changes
    // nothing when a layer's kernel cannot prove its result identical (the caller then adds the deals one by one).
    internal bool TryAdd(DealFrame frame)
    {
        for (var i = 0; i < layers.Length; i++)
        {
            if (!layers[i].TryAdd(frame))
            {
                // The layers before it took the frame; they go back to empty, as the caller expects on false.
                for (var j = 0; j < i; j++)
                {
                    layers[j].Clear();
                }
                return false;
            }
        }
        return true;
    }
}
