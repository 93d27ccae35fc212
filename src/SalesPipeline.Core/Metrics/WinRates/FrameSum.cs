using System;
using SalesPipeline.Deals;

namespace SalesPipeline.Metrics;

// A count and an exact sum of amounts: the cell of the frame kernels that count deals and add their values.
internal struct FrameSum
{
    internal int Count;
    internal ExactSum Value;

    internal void Add(Int128 amount, byte scale)
    {
        Count++;
        Value.Add(amount, scale);
    }

    internal void Add(FrameSum other)
    {
        Count += other.Count;
        Value.Add(other.Value);
    }
}
