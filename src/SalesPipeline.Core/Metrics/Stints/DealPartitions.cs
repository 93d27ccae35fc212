using System;
using SalesPipeline.Deals;

namespace SalesPipeline.Metrics;

// Splits a large list of deals across the cores (FramePartitions), one accumulator per part, and merges the parts in
// order. Every history metric's accumulator is exact under merging, so the result does not depend on the split. When
// deals are invalid, the exception of the earliest part is rethrown as is (not wrapped), so the caller sees the same
// exception as from a sequential run.
internal static class DealPartitions
{
    // The number of deals from which work is split across the cores (FramePartitions.Threshold, the one rule's).
    internal static int ParallelThreshold => FramePartitions.Threshold();

    internal static TAccumulator Accumulate<TAccumulator>(
        Deal[] deals,
        Func<int, TAccumulator> create, // given a capacity hint: the deals the part will hold once merged
        Action<TAccumulator, Deal> add,
        Action<TAccumulator, TAccumulator> merge
    )
    {
        var parts = FramePartitions.Parts(deals.Length);
        var partial = FramePartitions.Run(
            deals.Length,
            parts,
            (part, from, to) =>
            {
                // The parts are merged into the first, so it is sized for all the deals and never grows.
                var accumulator = create(part == 0 ? deals.Length : to - from);
                for (var i = from; i < to; i++)
                {
                    add(accumulator, deals[i]);
                }
                return accumulator;
            }
        );
        var result = partial[0];
        for (var part = 1; part < parts; part++)
        {
            merge(result, partial[part]);
        }
        return result;
    }
}
