namespace SalesPipeline.Deals;

/// <summary>The direction of a stage move between open stages.</summary>
public enum MoveDirection
{
    /// <summary>To a later stage (possibly skipping stages in between).</summary>
    Forward = 0,

    /// <summary>To an earlier stage: a regression, allowed and recorded.</summary>
    Backward = 1,
}
