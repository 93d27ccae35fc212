namespace SalesPipeline.Health;

/// <summary>The unit of a finding's <see cref="HealthFinding.Measured"/> value and <see cref="HealthFinding.Threshold"/>.</summary>
public enum HealthUnit
{
    /// <summary>Days (24 hours each; exact, so 14.5 is 14 days and 12 hours).</summary>
    Days = 1,

    /// <summary>A count (of deals, or of close-date pushes).</summary>
    Count = 2,

    /// <summary>A share between 0 and 1 (0.4 is 40%).</summary>
    Share = 3,

    /// <summary>A ratio (pipeline coverage: 3 means the open pipeline is three times the remaining target).</summary>
    Ratio = 4,
}
