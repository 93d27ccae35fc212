using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace SalesPipeline.Deals;

internal sealed partial class DealFrame
{
    private static readonly object DistinctIdsKey = new();
    private static readonly object RowOfIdKey = new();

    // Whether no deal id appears twice (DealId equality, ordinal): the check every report that counts a deal once makes
    // first. Worked out once per frame and kept; a frame that fails it goes to the deal code, which names the id.
    internal bool HasDistinctIds =>
        Derived(
            DistinctIdsKey,
            static frame =>
            {
                // The ids' text compared in the heap, without a string per row.
                var fields = frame.Fields;
                var seen = new HashSet<int>(frame.Count, fields.IdText.SameText);
                foreach (var offset in fields.IdOffset)
                {
                    if (!seen.Add(offset))
                    {
                        return new StrongBox<bool>(false);
                    }
                }
                return new StrongBox<bool>(true);
            }
        ).Value;

    // The row of each deal id (the first, should an id repeat: callers check HasDistinctIds first), for the reports
    // that join other records to deals by id. Built on first use only: a million entries are kept with the frame.
    internal Dictionary<DealId, int> RowOfId =>
        Derived(
            RowOfIdKey,
            static frame =>
            {
                var rows = new Dictionary<DealId, int>(frame.Count);
                for (var r = 0; r < frame.Count; r++)
                {
                    rows.TryAdd(frame.Fields.IdAt(r), r);
                }
                return rows;
            }
        );
}
