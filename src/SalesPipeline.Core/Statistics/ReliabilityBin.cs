using System.Globalization;
using SalesPipeline.Utility;

namespace SalesPipeline.Statistics;

/// <summary>One bin of a <see cref="ReliabilityTable"/>: the forecasts whose probability fell in [<paramref name="Lower"/>,
/// <paramref name="Upper"/>) (the last bin includes 1), and how often the event happened for them.</summary>
/// <param name="Lower">The bin's lower bound (included): j / B for the j-th of B bins.</param>
/// <param name="Upper">The bin's upper bound (excluded, except 1 in the last bin): (j + 1) / B.</param>
/// <param name="Count">How many forecasts fell in the bin.</param>
/// <param name="MeanForecast">Their mean probability; null for an empty bin.</param>
/// <param name="ObservedFrequency">The share of them whose outcome was true (a deal won); null for an empty bin.</param>
/// <remarks>For a well-calibrated forecaster the observed frequency is close to the mean forecast in every bin. Immutable; thread-safe.</remarks>
public sealed record ReliabilityBin(decimal Lower, decimal Upper, int Count, double? MeanForecast, double? ObservedFrequency)
{
    /// <summary>"[0.3, 0.4): 12 forecasts, mean 0.300, won 0.417".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{Range}: {Count} forecasts, mean {InvariantText.Fixed(MeanForecast, "0.000")}, won {InvariantText.Fixed(ObservedFrequency, "0.000")}"
        );

    internal string Range => string.Create(CultureInfo.InvariantCulture, $"[{Lower:0.0##}, {Upper:0.0##}{(Upper == 1m ? "]" : ")")}");
}
