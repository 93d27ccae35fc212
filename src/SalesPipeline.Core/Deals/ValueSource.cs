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
}
