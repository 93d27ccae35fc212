using System.Globalization;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Metrics;

/// <summary>
/// One open stage of a funnel: how many deals reached it and where each of them stands with respect to it, with their
/// value, the conversion to the next stage and the loss rate.
/// </summary>
/// <param name="Stage">The open stage.</param>
/// <param name="Reached">
/// Deals that reached the stage (entered it, or jumped over it), each counted once however often it re-entered. An
/// imported deal reaches only the stages it was observed in or passing over: the stages before its first observed stage
/// are unobserved and not counted.
/// </param>
/// <param name="MovedOn">Reached deals whose last stay ended forward (see <see cref="FunnelCategory.MovedOn"/>).</param>
/// <param name="MovedBack">Reached deals whose last stay ended with a move back (see <see cref="FunnelCategory.MovedBack"/>).</param>
/// <param name="Lost">Deals lost from the stage (and still lost).</param>
/// <param name="Won">Deals won from the stage (and still won).</param>
/// <param name="StillIn">Open deals in the stage now.</param>
/// <param name="ReachedAmount">The current amount of the deals that reached the stage.</param>
/// <param name="LostAmount">The amount of the deals lost from it.</param>
/// <param name="WonAmount">The amount of the deals won from it.</param>
/// <param name="StillInAmount">The amount of the open deals in it: the stage's open pipeline.</param>
/// <param name="ConversionToNext">
/// The deals that reached this stage and the next open stage / <paramref name="Reached"/>; null for the last open stage or
/// when none reached this one. For deals opened here it equals the next stage's Reached / Reached; imported deals first
/// observed in the next stage count in neither.
/// </param>
/// <param name="LossRate">Lost / Reached; null when none reached the stage.</param>
/// <param name="ReachedValueShare">ReachedAmount / the amount of every deal in the funnel; null when that is zero.</param>
/// <param name="OpenValueShare">StillInAmount / the amount of every open deal; null when that is zero.</param>
/// <param name="Stopped">Deals stopped in the stage and still stopped (<see cref="FunnelCategory.Stopped"/>): not open pipeline.</param>
/// <param name="StoppedAmount">The amount of the deals stopped in it.</param>
/// <remarks>Always Reached = MovedOn + MovedBack + Lost + Won + StillIn + Stopped. Immutable; thread-safe.</remarks>
public sealed record FunnelStage(
    Stage Stage,
    int Reached,
    int MovedOn,
    int MovedBack,
    int Lost,
    int Won,
    int StillIn,
    Money ReachedAmount,
    Money LostAmount,
    Money WonAmount,
    Money StillInAmount,
    double? ConversionToNext,
    double? LossRate,
    double? ReachedValueShare,
    double? OpenValueShare,
    int Stopped,
    Money StoppedAmount
)
{
    /// <summary>"Proposal: reached 4, moved on 2, back 0, lost 1, won 0, in 1 | next 50.0% | loss 25.0%".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{Stage.Name}: reached {Reached}, moved on {MovedOn}, back {MovedBack}, lost {Lost}, won {Won}, in {StillIn}{(Stopped > 0 ? $", stopped {Stopped}" : "")} | next {Percent(ConversionToNext)} | loss {Percent(LossRate)}"
        );

    internal static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";
}
