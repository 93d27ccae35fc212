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
                var seen = new HashSet<DealId>(frame.Count);
                foreach (var deal in frame.DealList)
                {
                    if (!seen.Add(deal.Id))
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
                    rows.TryAdd(frame.DealAt(r).Id, r);
                }
                return rows;
            }
        );
}
