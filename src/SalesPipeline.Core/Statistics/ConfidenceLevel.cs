using System.Globalization;
using SalesPipeline.Utility;

namespace SalesPipeline.Statistics;

// One check for every confidence level the library takes (intervals, calibration, win rates, funnels).
internal static class ConfidenceLevel
{
    internal static double Check(double value, string paramName)
    {
        Preconditions.CheckRange(
            value > 0 && value < 1,
            paramName,
            value,
            $"A confidence level must be strictly between 0 and 1, for example 0.95; it was {value.ToString("R", CultureInfo.InvariantCulture)}."
        );
        return value;
    }
}
