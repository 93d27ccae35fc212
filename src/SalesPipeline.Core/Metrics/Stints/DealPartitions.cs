using System;
using System.Runtime.ExceptionServices;
using SalesPipeline.Deals;

namespace SalesPipeline.Metrics;

// Splits a large list of deals across the cores, one accumulator per part, and merges the parts in order. Every
// history metric's accumulator is exact under merging, so the result does not depend on the split. When deals are
// invalid, the exception of the earliest part is rethrown as is (not wrapped), so the caller sees the same exception
// type as from a sequential run.
internal static class DealPartitions
{
    internal const int ParallelThreshold = 100_000;

    internal static TAccumulator Accumulate<TAccumulator>(
        Deal[] deals,
        Func<int, TAccumulator> create, // given a capacity hint: the deals the part will hold once merged
        Action<TAccumulator, Deal> add,
        Action<TAccumulator, TAccumulator> merge
    )
    {
        var parts = deals.Length >= ParallelThreshold ? Math.Clamp(Environment.ProcessorCount, 1, 8) : 1;
        if (parts == 1)
        {
            var single = create(deals.Length);
            foreach (var deal in deals)
            {
                add(single, deal);
            }
            return single;
        }
        var partial = new TAccumulator[parts];
        var failures = new Exception?[parts];
        System.Threading.Tasks.Parallel.For(
            0,
            parts,
            part =>
            {
                try
                {
                    var (from, to) = DealFrame.Bounds(deals.Length, parts, part);
                    // The parts are merged into the first, so it is sized for all the deals and never grows.
                    var accumulator = create(part == 0 ? deals.Length : to - from);
                    for (var i = from; i < to; i++)
                    {
                        add(accumulator, deals[i]);
                    }
                    partial[part] = accumulator;
                }
#pragma warning disable CA1031 // rethrown below, unwrapped, from the earliest failing part
                catch (Exception e)
#pragma warning restore CA1031
                {
                    failures[part] = e;
                }
            }
        );
        foreach (var failure in failures)
        {
            if (failure is not null)
            {
                ExceptionDispatchInfo.Capture(failure).Throw();
            }
        }
        var result = partial[0];
        for (var part = 1; part < parts; part++)
        {
            merge(result, partial[part]);
        }
        return result;
    }
}
