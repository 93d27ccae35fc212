using System;
using System.Collections.Generic;
using System.Linq;
using SalesPipeline.Reporting;

namespace SalesPipeline.Interactive;

/// <summary>A table's first rows and how many rows the whole table has: all a cell shows of it.</summary>
/// <param name="Rows">The rows shown.</param>
/// <param name="RowCount">The rows of the whole table; the footer counts those beyond <paramref name="Rows"/>.</param>
internal sealed record TableHead(ReportTable Rows, int RowCount)
{
    /// <summary>The first <paramref name="maxRows"/> rows of a table that is already whole.</summary>
    public static TableHead Of(ReportTable table, int maxRows) => new(TableText.Head(table, maxRows), table.RowCount);

    /// <summary>
    /// The table of the first <paramref name="maxRows"/> items only. A list of a million imported deals makes each deal it
    /// is asked for (about 0.3 us each): its count comes from the list, and only the items shown are read. Anything else
    /// is enumerated once, keeping the items shown and counting the others.
    /// </summary>
    public static TableHead Of<T>(IEnumerable<T> items, int maxRows, Func<IEnumerable<T>, ReportTable> table)
    {
        // TryGetNonEnumeratedCount knows ICollection<T>, not IReadOnlyCollection<T> (which a list held as columns is).
        int? known =
            items is IReadOnlyCollection<T> collection ? collection.Count
            : items.TryGetNonEnumeratedCount(out var counted) ? counted
            : null;
        if (known is { } rowCount)
        {
            return new(table(items.Take(maxRows)), rowCount);
        }
        var shown = new List<T>(maxRows);
        var count = 0;
        foreach (var item in items)
        {
            if (count < maxRows)
            {
                shown.Add(item);
            }
            count++;
        }
        return new(table(shown), count);
    }
}
