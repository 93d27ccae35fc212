namespace SalesPipeline.Deals;

/// <summary>Where a deal's effective win probability or forecast category comes from.</summary>
public enum ValueSource
{
    /// <summary>The default of the stage the deal is in.</summary>
    StageDefault = 0,

    /// <summary>Set by a person; survives stage moves until cleared.</summary>
    Manual = 1,

    /// <summary>Set by a model (for example a calibrated or scored probability); survives stage moves until cleared.</summary>
    Model = 2,

    /// <summary>
    /// Fixed by the deal's status, whatever its stage or overrides: a stopped deal weighs 0 and is omitted from every
    /// forecast until it is resumed.
    /// </summary>
    Status = 3,
}
