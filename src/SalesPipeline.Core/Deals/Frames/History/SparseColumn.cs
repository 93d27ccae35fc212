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

        internal SparseColumn<T> Build() => Join([this], [0]);

        // Every entry through `change` (its new value, or dropped when it says so), and the entries of `more` (rows
        // no entry has, ascending) added; rows stay ascending. To renumber codes when the dictionaries are sealed.
        internal void Rewrite(Func<int, T, (bool Keep, T Value)> change, List<(int Row, T Value)> more)
        {
            var merged = new List<(int Row, T Value)>(rows.Count + more.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                var (keep, value) = change(rows[i], values[i]);
                if (keep)
                {
                    merged.Add((rows[i], value));
                }
            }
            if (more.Count > 0)
            {
                merged.AddRange(more);
                merged.Sort((a, b) => a.Row.CompareTo(b.Row));
            }
            rows.Clear();
            values.Clear();
            foreach (var (row, value) in merged)
            {
                Add(row, value);
            }
        }

        // The columns of builders that filled consecutive parts of the rows, part p's rows starting at rowBases[p].
        internal static SparseColumn<T> Join(IReadOnlyList<Builder> parts, int[] rowBases)
        {
            var count = 0;
            foreach (var part in parts)
            {
                count += part.Count;
            }
            if (count == 0)
            {
                return Empty;
            }
            var rows = new int[count];
            var values = new T[count];
            var at = 0;
            for (var p = 0; p < parts.Count; p++)
            {
                var part = parts[p];
                for (var i = 0; i < part.Count; i++, at++)
                {
                    rows[at] = part.rows[i] + rowBases[p];
                    values[at] = part.values[i];
                }
            }
            return new SparseColumn<T>(rows, values);
        }
    }
}
