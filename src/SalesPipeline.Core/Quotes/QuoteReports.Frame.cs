using System.Collections.Generic;
using SalesPipeline.Deals;

namespace SalesPipeline.Quotes;

public static partial class QuoteReports
{
    // The quote-to-win rows of the frame's deals, as the deal code counts them, and true; or false when a deal id is
    // given twice (the deal code counts each copy, and the frame's id lookup finds one row per id). The quoted deals
    // are found by id; their owner key (the owner, or "(unassigned)" for a pooled deal, merged as GroupBy merges the
    // text) is a code in ordinal order, so the rows come out in the deal code's order.
    internal static bool TryQuoteToWin(DealFrame frame, HashSet<DealId> quoted, out QuoteToWinReport report)
    {
        report = null!;
        if (!frame.HasDistinctIds)
        {
            return false;
        }
        var rows = frame.RowOfId;
        var counts = new (int Deals, int Won, int Lost)[frame.OwnerKeys.Length];
        var total = (Deals: 0, Won: 0, Lost: 0);
        foreach (var id in quoted)
        {
            if (!rows.TryGetValue(id, out var row))
            {
                continue;
            }
            var status = (DealStatus)frame.Status[row];
            var (won, lost) = (status == DealStatus.Won ? 1 : 0, status == DealStatus.Lost ? 1 : 0);
            ref var cell = ref counts[frame.OwnerKey[row]];
            cell = (cell.Deals + 1, cell.Won + won, cell.Lost + lost);
            total = (total.Deals + 1, total.Won + won, total.Lost + lost);
        }
        var lines = new List<QuoteToWinRow> { new(null, total.Deals, total.Won, total.Lost) };
        for (var owner = 0; owner < counts.Length; owner++)
        {
            if (counts[owner].Deals > 0)
            {
                lines.Add(new QuoteToWinRow(frame.OwnerKeys[owner], counts[owner].Deals, counts[owner].Won, counts[owner].Lost));
            }
        }
        report = new QuoteToWinReport(lines.AsReadOnly());
        return true;
    }
}
