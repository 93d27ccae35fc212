using System.Globalization;
using SalesPipeline.Statistics;

namespace SalesPipeline.Forecasting;

/// <summary>
/// One open stage of a <see cref="StageCalibration"/>: of the closed deals that were ever in it, how many were won, with
/// a confidence interval, a smoothed rate and the probability it suggests for the stage.
/// </summary>
/// <param name="StageId">The stage's id.</param>
/// <param name="Name">The stage's name.</param>
/// <param name="Index">The stage's position among the open stages (0 for the first).</param>
/// <param name="CurrentProbability">The stage's probability in the pipeline definition now.</param>
/// <param name="Reached">How many closed deals were ever in the stage (each deal counts once, however often it entered).</param>
/// <param name="Won">How many of those were won (their final status).</param>
/// <param name="ObservedRate">Won / Reached; null when Reached is 0.</param>
/// <param name="Interval">The confidence interval of Won out of Reached at the options' confidence, by their
/// <see cref="CalibrationOptions.IntervalMethod"/> (Wilson by default); null when Reached is 0.</param>
/// <param name="SmoothedRate">The beta-binomial posterior mean (Won + alpha) / (Reached + alpha + beta) (see <see cref="BetaPrior"/>):
/// between the observed rate and the prior mean; the prior mean when Reached is 0; null when no closed deal reached any open stage (no prior).</param>
/// <param name="SuggestedProbability">The smoothed rate rounded to the options' decimals (half away from zero); null with it.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record CalibratedStage(
    string StageId,
    string Name,
    int Index,
    decimal CurrentProbability,
    int Reached,
    int Won,
    double? ObservedRate,
    BinomialInterval? Interval,
    double? SmoothedRate,
    decimal? SuggestedProbability
)
{
    /// <summary>How many closed deals that were in the stage were lost.</summary>
    public int Lost => Reached - Won;

    /// <summary>"Proposal: 3/6 won = 0.500 [0.188, 0.812], smoothed 0.509, suggested 0.51 (now 0.50)".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{Name}: {Won}/{Reached} won = {PipelineChain.Fixed(ObservedRate, "0.000")} [{PipelineChain.Fixed(Interval?.Lower, "0.000")}, {PipelineChain.Fixed(Interval?.Upper, "0.000")}], smoothed {PipelineChain.Fixed(SmoothedRate, "0.000")}, suggested {SuggestedProbability?.ToString(CultureInfo.InvariantCulture) ?? "-"} (now {CurrentProbability})"
        );
}
