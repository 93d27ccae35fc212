using System.Globalization;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Metrics;

/// <summary>Time in one open stage, over the deals that spent time in it.</summary>
/// <param name="Stage">The open stage.</param>
/// <param name="Latest">Per deal, its latest stint in the stage; null when no deal has a stint there.</param>
/// <param name="Cumulative">Per deal, all its stints in the stage added up (a deal that came back, by a regression or a
/// reopen, adds its stays); null when no deal has a stint there.</param>
/// <remarks>Both measures have one sample per deal, so their counts are equal; for a deal with one stint they agree.
/// Immutable; thread-safe.</remarks>
public sealed record StageTime(Stage Stage, DurationSummary? Latest, DurationSummary? Cumulative)
{
    /// <summary>"Proposal | latest n 4 ... | cumulative n 4 ...".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{Stage.Name} | latest {Latest?.ToString() ?? "-"} | cumulative {Cumulative?.ToString() ?? "-"}"
        );
}
