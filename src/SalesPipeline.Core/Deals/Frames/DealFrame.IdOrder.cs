using System;
using System.Collections.Generic;

namespace SalesPipeline.Deals;

internal sealed partial class DealFrame
{
    private static readonly object RowsByIdKey = new();

    // The rows in ordinal order of their deal ids, rows with the same id in input order, so that a report listed by
    // id walks this once instead of sorting strings on every call. Sorted once per frame, on first use: in parts on
    // every core, then merged.
    internal int[] RowsById =>
        Derived(
            RowsByIdKey,
            static frame =>
            {
                var n = frame.Count;
                var ids = new string[n];
                var fields = frame.Fields;
                for (var r = 0; r < n; r++)
                {
                    ids[r] = fields.IdText[fields.IdOffset[r]];
                }
                var order = new IdThenRow(ids);
                var rows = new int[n];
                for (var r = 0; r < n; r++)
                {
                    rows[r] = r;
                }
                var parts = FramePartitions.Parts(n);
                FramePartitions.Run(n, parts, (_, from, to) => Array.Sort(rows, from, to - from, order));
                for (var width = 1; width < parts; width *= 2)
                {
                    for (var left = 0; left + width < parts; left += 2 * width)
                    {
                        var from = FramePartitions.Bounds(n, parts, left).From;
                        var middle = FramePartitions.Bounds(n, parts, left + width).From;
                        var to = FramePartitions.Bounds(n, parts, Math.Min(left + (2 * width), parts) - 1).To;
                        MergeRuns(rows, from, middle, to, order);
                    }
                }
                return rows;
            }
        );

    // Merges the sorted runs [from, middle) and [middle, to) of rows.
    private static void MergeRuns(int[] rows, int from, int middle, int to, IdThenRow order)
    {
        var left = rows[from..middle];
        int i = 0,
            j = middle,
            k = from;
        while (i < left.Length && j < to)
        {
            rows[k++] = order.Compare(left[i], rows[j]) <= 0 ? left[i++] : rows[j++];
        }
        while (i < left.Length)
        {
            rows[k++] = left[i++];
        }
    }

    // Ordinal order of the ids, then input order: Array.Sort is not stable, so the row number breaks ties.
    private sealed class IdThenRow(string[] ids) : IComparer<int>
    {
        public int Compare(int x, int y)
        {
            var byId = string.CompareOrdinal(ids[x], ids[y]);
            return byId != 0 ? byId : x.CompareTo(y);
        }
    }
}
