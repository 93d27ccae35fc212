using System.Globalization;

namespace SalesPipeline.Forecasting;

/// <summary>One open stage of a <see cref="PipelineChain"/>: how often deals were seen leaving it, and where the chain says
/// deals in it end up.</summary>
/// <param name="StageId">The stage's id.</param>
/// <param name="Name">The stage's name.</param>
/// <param name="Index">The stage's position among the open stages (0 for the first).</param>
/// <param name="ObservedExits">How many stints in the stage ended (a move, a win or a loss); a stint still running is censored.</param>
/// <param name="MeanDaysInStage">The mean length in days of the stints that ended; null when none did.</param>
/// <param name="WinProbability">The probability that a deal in the stage is eventually won; null when the chain cannot resolve the stage.</param>
/// <param name="LossProbability">The probability that it is eventually lost; 1 - <paramref name="WinProbability"/> up to rounding; null likewise.</param>
/// <param name="ExpectedDaysToClose">The expected days until the deal is won or lost, counted from entering the stage; null likewise.</param>
/// <remarks>
/// A stage is unresolved (its three figures null) when it has no observed exit, or when the deals seen leaving it can
/// reach, through observed moves, a stage that has none (see <see cref="PipelineChain"/>). Immutable; thread-safe.
/// </remarks>
public sealed record ChainStage(
    string StageId,
    string Name,
    int Index,
    long ObservedExits,
    double? MeanDaysInStage,
    double? WinProbability,
    double? LossProbability,
    double? ExpectedDaysToClose
)
{
    /// <summary>Whether any stint in the stage was seen to end.</summary>
    public bool IsObserved => ObservedExits > 0;

    /// <summary>Whether the chain resolves the stage, that is whether <see cref="WinProbability"/> has a value.</summary>
    public bool IsResolved => WinProbability.HasValue;

    /// <summary>"Proposal: 12 exits, 4.5 days, win 0.625, 5.9 days to close" (or "unresolved").</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        IsResolved
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"{Name}: {ObservedExits} exits, {MeanDaysInStage:0.0} days, win {WinProbability:0.000}, {ExpectedDaysToClose:0.0} days to close"
            )
            : string.Create(CultureInfo.InvariantCulture, $"{Name}: {ObservedExits} exits, unresolved");
}
