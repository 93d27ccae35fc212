namespace SalesPipeline.Health;

/// <summary>Where the typical won cycle of a <see cref="HealthReport"/> came from.</summary>
public enum TypicalCycleSource
{
    /// <summary>Unknown: no <see cref="HealthPolicy.TypicalWonCycle"/> and no won deals, so the age check was skipped.</summary>
    Unknown = 0,

    /// <summary>Given by <see cref="HealthPolicy.TypicalWonCycle"/>.</summary>
    Policy = 1,

    /// <summary>The median creation-to-won duration of the won deals inspected.</summary>
    MedianOfWonDeals = 2,
}
