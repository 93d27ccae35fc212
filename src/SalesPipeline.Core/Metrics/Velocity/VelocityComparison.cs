namespace SalesPipeline.Metrics;

/// <summary>
/// How sales velocity changed between two windows (or groups) and which of the four levers moved it: contributions of
/// open deals, average won amount, win rate and cycle length that add up to the change exactly (a Shapley
/// decomposition to the minor unit; see <see cref="SalesVelocity.Compare"/>).
/// </summary>
/// <param name="Before">The earlier velocity.</param>
/// <param name="After">The later velocity.</param>
/// <param name="Change">After's <see cref="SalesVelocity.PerDay"/> less before's (both rounded to the minor unit, as
/// shown); null when undefined (see <paramref name="Reason"/>).</param>
/// <param name="OpenDeals">The open deals' contribution to <paramref name="Change"/>, rounded to the minor unit; null when undefined.</param>
/// <param name="AverageWonAmount">The average won amount's contribution.</param>
/// <param name="WinRate">The win rate's contribution.</param>
/// <param name="CycleLength">The cycle length's contribution (a longer cycle lowers velocity, so it is negative then).</param>
/// <param name="Reason">Why the contributions are null, or null when they are defined.</param>
/// <remarks>The four contributions add up to <paramref name="Change"/> exactly, to the minor unit; each is within one
/// minor unit of its exact Shapley value (the rounding rule is in <see cref="SalesVelocity.Compare"/>). Immutable;
/// thread-safe.</remarks>
public sealed record VelocityComparison(
    SalesVelocity Before,
    SalesVelocity After,
    Money? Change,
    Money? OpenDeals,
    Money? AverageWonAmount,
    Money? WinRate,
    Money? CycleLength,
    string? Reason
)
{
    /// <summary>The reporting currency.</summary>
    public Currency Currency => Before.Currency;

    /// <summary>"Change +4,500.00 USD/day = open deals +2,268.75 + average won -2,306.25 + win rate +2,268.75 + cycle +2,268.75".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        Change is null
            ? $"Velocity change undefined: {Reason}"
            : $"Change {Signed(Change)} {Currency.Code}/day = open deals {Signed(OpenDeals!)} + average won {Signed(AverageWonAmount!)} + win rate {Signed(WinRate!)} + cycle {Signed(CycleLength!)}";

    // "+4,500.00" or "-2,306.25": Money's invariant digits without the code, with a sign.
    private static string Signed(Money value) =>
        (value.Amount < 0m ? "-" : "+") + value.Abs().ToString()[(value.Currency.Code.Length + 1)..];
}
