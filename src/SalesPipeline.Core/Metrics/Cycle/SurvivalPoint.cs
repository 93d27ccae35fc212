using System.Globalization;

namespace SalesPipeline.Metrics;

/// <summary>One row of a Kaplan-Meier curve: a distinct observed time and the survival estimate from that time on.</summary>
/// <param name="Time">The time (in days for a sales cycle).</param>
/// <param name="AtRisk">How many observations had not ended before <paramref name="Time"/> (n_i): those ending at it count.</param>
/// <param name="Events">How many ended with the event at <paramref name="Time"/> (d_i).</param>
/// <param name="Censored">How many were censored at <paramref name="Time"/>; they count as at risk at it.</param>
/// <param name="Survival">S(t) = product over event times t_i &lt;= t of (n_i - d_i) / n_i.</param>
/// <param name="StandardError">Greenwood's standard error S(t) sqrt(sum d_i / (n_i (n_i - d_i))), or null once an event
/// time had every observation at risk end (n_i = d_i), where the variance is undefined.</param>
/// <param name="Lower">The lower end of the pointwise confidence interval, or null where the standard error is.</param>
/// <param name="Upper">The upper end, or null where the standard error is.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record SurvivalPoint(
    double Time,
    long AtRisk,
    long Events,
    long Censored,
    double Survival,
    double? StandardError,
    double? Lower,
    double? Upper
)
{
    /// <summary>"t=6 n=21 d=3 c=1 S=0.8571 se=0.0764 [0.6197, 0.9516]".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"t={Time:0.####} n={AtRisk} d={Events} c={Censored} S={Survival:0.0000} se={StandardError:0.0000} [{Lower:0.0000}, {Upper:0.0000}]"
        );
}
