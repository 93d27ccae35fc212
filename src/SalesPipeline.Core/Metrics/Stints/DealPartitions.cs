using System;
using System.Collections.Generic;
using SalesPipeline.Deals;

namespace SalesPipeline.Metrics;

// Splits a large list of deals across the cores (FramePartitions), one accumulator per part, and merges the parts in
// order, when each merge gives exactly what adding the part's deals one by one would (MergesLikeAdd: no count that
// overflows, no decimal sum that the merge rounds where the steps would not, or the other way round); otherwise the
// deals are added one by one on one core. So the result never depends on the number of cores. When deals are invalid,
// the exception of the earliest part is rethrown as is (not wrapped), the one a sequential run throws first.
internal static class DealPartitions
{
    internal static TAccumulator Accumulate<TAccumulator>(
        IReadOnlyList<Deal> deals,
        Func<int, TAccumulator> create // given a capacity hint: the deals the part will hold once merged
    )
        where TAccumulator : class, IFrameAccumulator<TAccumulator>
    {
        var parts = FramePartitions.Parts(deals.Count);
        var partial = FramePartitions.Run(
            deals.Count,
            parts,
            (part, from, to) =>
            {
                // The parts are merged into the first, so it is sized for all the deals and never grows.
                var accumulator = create(part == 0 ? deals.Count : to - from);
                for (var i = from; i < to; i++)
                {
                    accumulator.Add(deals[i]);
                }
                return accumulator;
            }
        );
        var result = partial[0];
        for (var part = 1; part < parts; part++)
        {
            if (!result.MergesLikeAdd(partial[part]))
            {
                return Sequential(deals, create);
            }
            result.Merge(partial[part]);
        }
        return result;
    }

    private static TAccumulator Sequential<TAccumulator>(IReadOnlyList<Deal> deals, Func<int, TAccumulator> create)
        where TAccumulator : class, IFrameAccumulator<TAccumulator>
    {
        var accumulator = create(deals.Count);
        foreach (var deal in deals)
        {
            accumulator.Add(deal);
        }
        return accumulator;
    }
}
