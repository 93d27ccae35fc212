namespace SalesPipeline.Deals;

public sealed partial record Deal
{
    // The deal a history folds to, for a history that has already passed FromEvents' checks (a frame's history holds
    // only such histories, or deals' own): the fold without the checks, over the array itself (the caller gives it
    // up). The same deal FromEvents would build, event log included.
    internal static Deal FromCheckedHistory(DealEvent[] history)
    {
        var deal = Start(history[0], EventLog.Building(history));
        for (var i = 1; i < history.Length; i++)
        {
            deal.FoldIn(history[i]);
            deal.log.Extend();
        }
        return deal;
    }
}
