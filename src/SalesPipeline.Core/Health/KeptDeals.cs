using System.Collections.Generic;
using SalesPipeline.Deals;

namespace SalesPipeline.Health;

// A run of the deals a health accumulator holds, in the order they were added: deals added as objects (KeptViews) or
// a whole frame read on its columns (KeptRows). The accumulator keeps the runs in order because the report's sums
// and its first failure follow the order the deals were added in, as when every deal is added one by one.
internal abstract class KeptDeals
{
    internal abstract int OpenCount { get; }

    internal abstract int WonCount { get; }
}

// Deals added as objects, each as it was at the as-of instant: open and won ones listed (lost and stopped ones are
// only counted). Grows only while it is its accumulator's last run; a merge copies it.
internal sealed class KeptViews : KeptDeals
{
    internal List<Deal> Open { get; } = [];

    internal List<Deal> Won { get; } = [];

    internal override int OpenCount => Open.Count;

    internal override int WonCount => Won.Count;

    internal KeptViews Copy()
    {
        var copy = new KeptViews();
        copy.Open.AddRange(Open);
        copy.Won.AddRange(Won);
        return copy;
    }
}

// Every row of a frame, its open and won rows listed in row order. A row whose deal has events after the as-of
// instant and is open or won then carries that deal as it was then (views); every other row's columns are its state
// then, so no deal is kept for it. The frame's ids are the ids this run holds. Immutable, so merged accumulators
// share it.
internal sealed class KeptRows(DealFrame frame, int[] open, int[] won, Dictionary<int, Deal> views) : KeptDeals
{
    internal DealFrame Frame => frame;

    internal int[] Open => open;

    internal int[] Won => won;

    internal override int OpenCount => open.Length;

    internal override int WonCount => won.Length;

    // The row's deal as of the as-of instant when it had events after it, else null (its columns are that state).
    internal Deal? ViewOf(int row) => views.Count > 0 && views.TryGetValue(row, out var view) ? view : null;

    // How many rows carry a deal (for the tests that check that the other rows are kept as rows).
    internal int ViewCount => views.Count;
}
