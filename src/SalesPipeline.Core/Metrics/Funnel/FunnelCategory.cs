namespace SalesPipeline.Metrics;

/// <summary>
/// Where a deal that reached a stage stands with respect to it: decided by how the deal last left the stage, so each deal
/// counts exactly once per stage it reached: reached = moved on + moved back + lost + won + still in + stopped.
/// </summary>
public enum FunnelCategory
{
    /// <summary>The deal's last stay in the stage ended with a move to a later stage (or it jumped over the stage).</summary>
    MovedOn = 1,

    /// <summary>The deal's last stay in the stage ended with a move back to an earlier stage (a regression).</summary>
    MovedBack = 2,

    /// <summary>The deal was lost from the stage and is still lost.</summary>
    Lost = 3,

    /// <summary>The deal was won from the stage and is still won.</summary>
    Won = 4,

    /// <summary>The deal is open and in the stage now.</summary>
    StillIn = 5,

    /// <summary>
    /// The deal was stopped in the stage and is still stopped: neither still in the stage (its stay ended at the stop)
    /// nor decided. A deal later resumed counts by how it then left the stage it resumed in.
    /// </summary>
    Stopped = 6,
}
