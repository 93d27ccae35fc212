namespace SalesPipeline.Deals;

/// <summary>Whether a deal is still being worked or has been decided.</summary>
public enum DealStatus
{
    /// <summary>In one of the pipeline's open stages.</summary>
    Open = 0,

    /// <summary>Won (terminal until reopened).</summary>
    Won = 1,

    /// <summary>Lost (terminal until reopened).</summary>
    Lost = 2,
}
