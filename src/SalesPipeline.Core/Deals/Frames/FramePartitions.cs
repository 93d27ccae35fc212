using System;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace SalesPipeline.Deals;

// How every kernel splits rows across the cores, and runs the parts: the one rule for the number of parts, the one
// split into row ranges, and the one runner, which hands each part its number and rows and gives back the parts'
// results in part order for the caller's merge. The kernels' merges are exact (integer cells, order statistics, sorted
// runs), so a result never depends on the number of parts; only the time does. Stateless apart from the test hook
// (SplitFrom), which is local to the flow of the test that sets it; thread-safe.
internal static class FramePartitions
{
    // Below this many rows one core does the work: handing parts to other threads and merging their cells would cost
    // about what it saves (the break-even the first kernels were split with; the threshold was kept, not re-measured).
    // A pass whose work per row is much cheaper or dearer than a frame kernel's passes its own break-even as
    // `splitFrom` (the snapshot's plain integer pass, the rebuild of a deal, a survival curve's points).
    internal const int SplitFromRows = 100_000;

    // At most this many parts: each part holds its own cells, which the merge then adds up, so past a few cores the
    // memory and the merge grow while the scan no longer shrinks.
    private const int MaxParts = 8;

    // The test hook: while set, every threshold (SplitFromRows and each caller's own) is this row count instead.
    private static readonly AsyncLocal<int?> Forced = new();

    // The number of parts for `rows` rows: `requested` when positive (tests ask for several parts on small inputs, so
    // the merge of parts runs); else one below the threshold, and one per core (2 to 8) from it on. At least two parts
    // from the threshold on, even on one core, so that the split and the merge run on every machine once the threshold
    // is reached (the tests that lower it check them); on one core the second part costs one more set of cells.
    // Never more parts than rows (so no part is empty), and one part for no rows.
    internal static int Parts(int rows, int requested = 0, int splitFrom = SplitFromRows)
    {
        var parts =
            requested > 0 ? requested
            : rows >= Threshold(splitFrom) ? Math.Clamp(Environment.ProcessorCount, 2, MaxParts)
            : 1;
        return Math.Min(parts, Math.Max(1, rows));
    }

    // The row count from which work is split: `splitFrom`, or the test hook's while it is set.
    internal static int Threshold(int splitFrom = SplitFromRows) => Forced.Value ?? splitFrom;

    // Part `part` of `parts` nearly equal parts of `count` rows, [From, To): the parts tile 0..count in order.
    internal static (int From, int To) Bounds(int count, int parts, int part) =>
        ((int)((long)count * part / parts), (int)((long)count * (part + 1) / parts));

    // Runs `part(index, from, to)` for every part of the rows, in parallel when there are several, and returns the
    // parts' results in part order. Every part runs to its end; if any throws, the earliest part's exception is
    // rethrown as is (not wrapped), which is the one a single pass over the rows meets first.
    internal static T[] Run<T>(int rows, int parts, Func<int, int, int, T> part)
    {
        var results = new T[parts];
        if (parts == 1)
        {
            results[0] = part(0, 0, rows);
            return results;
        }
        var failures = new Exception?[parts];
        Parallel.For(
            0,
            parts,
            new ParallelOptions { MaxDegreeOfParallelism = parts },
            index =>
            {
                try
                {
                    var (from, to) = Bounds(rows, parts, index);
                    results[index] = part(index, from, to);
                }
#pragma warning disable CA1031 // rethrown below, unwrapped, from the earliest failing part
                catch (Exception e)
#pragma warning restore CA1031
                {
                    failures[index] = e;
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
        return results;
    }

    // Run for parts that write their rows' results in place (into arrays the caller owns) and return nothing.
    internal static void Run(int rows, int parts, Action<int, int, int> part) =>
        Run(
            rows,
            parts,
            (index, from, to) =>
            {
                part(index, from, to);
                return true;
            }
        );

    // Every threshold is `rows` until the returned scope is disposed, in the flow that calls this (the test's own
    // thread and the parallel parts it starts), so tests that run at the same time do not see it. Tests only.
    internal static IDisposable SplitFrom(int rows)
    {
        var before = Forced.Value;
        Forced.Value = rows;
        return new Restore(before);
    }

    private sealed class Restore(int? before) : IDisposable
    {
        public void Dispose() => Forced.Value = before;
    }
}
