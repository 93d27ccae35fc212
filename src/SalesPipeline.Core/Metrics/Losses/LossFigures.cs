using System.Globalization;

namespace SalesPipeline.Metrics;

/// <summary>A number of lost (or stopped) deals, their value, and their shares of all lost (or all stopped) deals in the report.</summary>
/// <param name="Count">Lost (or stopped) deals.</param>
/// <param name="Value">Their amount in the reporting currency, rounded to its minor unit; null when no currency is known.</param>
/// <param name="CountShare">
/// Count / all lost (or stopped) deals, as a <c>decimal</c> quotient (28 significant digits: 1/3 is
/// 0.3333333333333333333333333333, so three such shares add up to 0.9999999999999999999999999999, not 1); null when
/// nothing was lost.
/// </param>
/// <param name="ValueShare">Value / all lost (or stopped) value, the quotient of the exact sums to 28 significant digits;
/// null when all lost value is zero.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record LossFigures(int Count, Money? Value, decimal? CountShare, decimal? ValueShare)
{
    /// <summary>"3 (30.0%), USD 90,000.00 (45.0%)".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{Count} ({(CountShare is { } c ? c.ToString("0.0%", CultureInfo.InvariantCulture) : "n/a")}), {Value} ({(ValueShare is { } v ? v.ToString("0.0%", CultureInfo.InvariantCulture) : "n/a")})"
        );
}
