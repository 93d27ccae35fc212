namespace SalesPipeline.Deals;

/// <summary>Whether a deal is still being worked, has been decided, or is stopped (paused) without a decision.</summary>
public enum DealStatus
{
    /// <summary>In one of the pipeline's open stages.</summary>
    Open = 0,

    /// <summary>Won (terminal until reopened).</summary>
    Won = 1,

    /// <summary>Lost (terminal until reopened).</summary>
    Lost = 2,

    /// <summary>
    /// Stopped: the customer paused the purchase or put the project on hold (<see cref="DealStopped"/>). Neither open nor
    /// decided: in no forecast, left out of decided deals by default, and resumed into an open stage (or lost) later.
    /// </summary>
    Stopped = 3,
}
