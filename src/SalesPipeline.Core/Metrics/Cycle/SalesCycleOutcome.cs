namespace SalesPipeline.Metrics;

/// <summary>Which closes end a deal's sales cycle in <see cref="SalesCycle"/>; the others are censored.</summary>
public enum SalesCycleOutcome
{
    /// <summary>Time to close: a won or a lost deal ends its cycle; only open deals are censored. The default, because
    /// the sales cycle is creation to close.</summary>
    Closed = 0,

    /// <summary>Time to win: only a won deal ends its cycle; a lost deal is censored at the instant it was lost (it
    /// stopped being observed as a possible win). S(t) is then the cause-specific survival, not one minus the share
    /// of deals won by t: read it as "how long wins take", not "how many deals are won".</summary>
    Won = 1,
}
