using System.Globalization;

namespace SalesPipeline.Metrics;

/// <summary>
/// How sales velocity changed between two windows (or groups) and which of the four levers moved it: contributions of
/// open deals, average won amount, win rate and cycle length that add up to the change (a log-ratio, LMDI,
/// decomposition; see <see cref="SalesVelocity.Compare"/>).
/// </summary>
/// <param name="Before">The earlier velocity.</param>
/// <param name="After">The later velocity.</param>
/// <param name="Change">V1 - V0 per day, from the unrounded velocities; null when either is undefined.</param>
/// <param name="OpenDeals">The open deals' contribution to <paramref name="Change"/>; null when undefined (see <paramref name="Reason"/>).</param>
/// <param name="AverageWonAmount">The average won amount's contribution.</param>
/// <param name="WinRate">The win rate's contribution.</param>
/// <param name="CycleLength">The cycle length's contribution (a longer cycle lowers velocity, so it is negative then).</param>
/// <param name="Reason">Why the contributions are null, or null when they are defined.</param>
/// <remarks>The contributions are <see cref="double"/>s: their sum equals <paramref name="Change"/> to within
/// 1e-9 x max(|V0|, |V1|) (rounding of logarithms), not to the last digit. Immutable; thread-safe.</remarks>
public sealed record VelocityComparison(
    SalesVelocity Before,
    SalesVelocity After,
    decimal? Change,
    double? OpenDeals,
    double? AverageWonAmount,
    double? WinRate,
    double? CycleLength,
    string? Reason
)
{
    /// <summary>The reporting currency.</summary>
    public Currency Currency => Before.Currency;

    /// <summary>"Change +1,200.00/day = open +900.00 + amount +500.00 + win rate -100.00 + cycle -100.00".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        Change is null || OpenDeals is null
            ? $"Velocity change undefined: {Reason}"
            : string.Create(
                CultureInfo.InvariantCulture,
                $"Change {Change:+#,0.00;-#,0.00;0.00} {Currency.Code}/day = open deals {OpenDeals:+#,0.00;-#,0.00;0.00} + average won {AverageWonAmount:+#,0.00;-#,0.00;0.00} + win rate {WinRate:+#,0.00;-#,0.00;0.00} + cycle {CycleLength:+#,0.00;-#,0.00;0.00}"
            );
}
