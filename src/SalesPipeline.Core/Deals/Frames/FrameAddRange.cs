using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using SalesPipeline.Utility;

namespace SalesPipeline.Deals;

// A public accumulator whose AddRange over a list of deals can run its frame kernel (see FrameAddRange).
internal interface IFrameAccumulator<TSelf>
    where TSelf : class, IFrameAccumulator<TSelf>
{
    // Holds no deal, so its kernel may run on it directly. Only a hint: false for an empty one costs a merge, true for
    // one whose kernel still finds it non-empty costs the deal code.
    bool IsEmpty { get; }

    // An empty accumulator set up exactly as this one (the same options, periods, pipeline...), so Merge accepts it.
    TSelf Fresh();

    // The accumulator's kernel: every deal of the frame added as Add would, or false with nothing changed.
    bool TryAdd(DealFrame frame);

    // True when Merge(framed) cannot throw and leaves exactly the state that adding framed's deals one by one after
    // this one's would: the same reporting currency rule, and no sum that the merge would round where the steps would
    // not (see FrameAddRange.SumsExactly).
    bool MergesLikeAdd(TSelf framed);

    void Merge(TSelf other);

    void Add(Deal deal);
}

// The one shape of every accumulator's AddRange over deals: on a list, the frame kernel when it can prove the result
// identical (on the accumulator itself when it is empty, else on a fresh one merged in when the merge gives what the
// steps would), else Add on every deal, exactly as before. The kernel never throws: a deal the deal code refuses makes
// it decline, and the deal code then throws for that deal with the deals before it added, as it always did.
internal static class FrameAddRange
{
    internal static void Run<T>(
        T accumulator,
        [NotNull] IEnumerable<Deal>? deals,
        [CallerArgumentExpression(nameof(deals))] string? paramName = null
    )
        where T : class, IFrameAccumulator<T>
    {
        Preconditions.CheckNotNull(deals, paramName);
        if (!TryList(accumulator, deals))
        {
            Preconditions.AddEach(deals, accumulator.Add, "Deal", paramName);
        }
    }

    // The frame path of Run: true when the kernel added the deals (a list whose frame it takes), false with the
    // accumulator unchanged otherwise.
    internal static bool TryList<T>(T accumulator, IEnumerable<Deal> deals)
        where T : class, IFrameAccumulator<T> => DealFrames.For(deals) is { } frame && TryFrame(accumulator, frame);

    // Add on every deal: the deal code, for an entry point whose kernel already declined the list's frame (AddRange
    // would build a frame of the same deals again only to decline again), or that was given a lazy sequence (read
    // deal by deal, as before, which keeps the deal code the oracle the frame tests compare with).
    internal static void AddEach<T>(T accumulator, IEnumerable<Deal> deals)
        where T : class, IFrameAccumulator<T> => Preconditions.AddEach(deals, accumulator.Add, "Deal", nameof(deals));

    // Adds the frame by the kernel and returns true, or returns false with the accumulator unchanged.
    internal static bool TryFrame<T>(T accumulator, DealFrame frame)
        where T : class, IFrameAccumulator<T>
    {
        if (accumulator.IsEmpty)
        {
            return accumulator.TryAdd(frame);
        }
        var framed = accumulator.Fresh();
        if (!framed.TryAdd(frame) || !accumulator.MergesLikeAdd(framed))
        {
            return false;
        }
        accumulator.Merge(framed);
        return true;
    }

    // Whether a merge joins the reporting currencies the deals fixed (a metric without rates or a given currency takes
    // the first one it converts) without throwing: Join throws where Convert would have thrown for a deal.
    internal static bool CurrenciesJoin(Currency? mine, Currency? theirs) => mine is null || theirs is null || mine == theirs;

    // Counts add up the same in any order; only one past the type's range, which checked arithmetic throws for at
    // the step that passes it, must be left to the steps.
    internal static bool CountsExactly(long mine, long added) => added <= long.MaxValue - mine;

    internal static bool CountsExactly(int mine, int added) => added <= int.MaxValue - mine;

    // Whether mine + added, as a merge computes it, equals the sum the steps reach by adding added's terms to mine one
    // by one. added is a kernel's sum: its terms added without rounding (ExactSum, ScaledSum refuse a sum that could
    // round), so its scale is the largest of theirs; this holds with rates too, where a term is the converted amount
    // (itself perhaps rounded by the product, alike on both paths). Every term is non-negative (amounts, rates above
    // zero, amount x probability in [0, 1]), so each step's sum lies between mine and mine + added and has a scale no
    // larger than theirs: when mine + added is exact (its scale is the larger of the two, which decimal addition lowers
    // only to round), no step rounds either, and both give the exact sum. A rounded added would void this (a step
    // could round where the merge does not), hence the kernels' refusal. (A sum past decimal's range, which the steps
    // would throw for, is refused before it is taken.)
    internal static bool SumsExactly(decimal mine, decimal added) =>
        mine >= 0m && added >= 0m && mine <= decimal.MaxValue - added && (mine + added).Scale == Math.Max(mine.Scale, added.Scale);
}
