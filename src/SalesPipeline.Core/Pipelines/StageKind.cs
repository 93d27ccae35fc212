namespace SalesPipeline.Pipelines;

/// <summary>What a stage means for a deal in it.</summary>
public enum StageKind
{
    /// <summary>An open stage: the deal is still being worked.</summary>
    Open = 0,

    /// <summary>The terminal stage of won deals.</summary>
    Won = 1,

    /// <summary>The terminal stage of lost deals.</summary>
    Lost = 2,
}
