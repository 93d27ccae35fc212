namespace SalesPipeline.Metrics;

/// <summary>Which deals a win rate divides by. The default is <see cref="Decided"/>; any other is an explicit choice.</summary>
public enum WinRateDefinition
{
    /// <summary>
    /// won / (won + lost): the deals decided (won or lost) with their close date in the window. Open deals do not count.
    /// </summary>
    Decided = 1,

    /// <summary>
    /// won / created: the deals created in the window, whatever their status now, so deals still open count against
    /// the rate. Useful for a cohort ("of the deals opened in Q1, how many did we win?"), lower than
    /// <see cref="Decided"/> while the cohort is still being worked.
    /// </summary>
    Created = 2,
}
