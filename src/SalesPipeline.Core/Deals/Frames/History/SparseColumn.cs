using System;
using System.Collections.Generic;

namespace SalesPipeline.Deals;

// A value for a few rows of a column most rows leave empty (sub-tick nanoseconds, causes, skipped stages, losses):
// the rows in ascending order and their values, looked up by binary search, so an empty column costs nothing and a
// rare one a few bytes per row that has a value.
internal sealed class SparseColumn<T>
{
    private readonly int[] rows;
    private readonly T[] values;

    private SparseColumn(int[] rows, T[] values)
    {
        this.rows = rows;
        this.values = values;
    }

    internal static SparseColumn<T> Empty { get; } = new([], []);

    internal int Count => rows.Length;

    internal T[] Values => values;

    internal int RowAt(int index) => rows[index];

    internal bool TryGet(int row, out T value)
    {
        var index = rows.Length == 0 ? -1 : Array.BinarySearch(rows, row);
        if (index < 0)
        {
            value = default!;
            return false;
        }
        value = values[index];
        return true;
    }

    internal long Bytes(int valueBytes) => 4L * rows.Length + (long)valueBytes * values.Length;

    // Rows are added in ascending order, each at most once.
    internal sealed class Builder
    {
        private readonly List<int> rows = [];
        private readonly List<T> values = [];

        internal int Count => rows.Count;

        internal void Add(int row, T value)
        {
            rows.Add(row);
            values.Add(value);
        }

        // The values, changed in place (to renumber codes when the dictionaries are sealed).
        internal void Update(Func<T, T> change)
        {
            for (var i = 0; i < values.Count; i++)
            {
                values[i] = change(values[i]);
            }
        }

        internal SparseColumn<T> Build() => rows.Count == 0 ? Empty : new SparseColumn<T>([.. rows], [.. values]);
    }
}
