using System.Globalization;

namespace SalesPipeline.Utility;

// How result tables print an optional number: the invariant format, or "-" when there is none.
internal static class InvariantText
{
    internal static string Fixed(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "-";
}
