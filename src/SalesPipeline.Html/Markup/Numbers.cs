using System;
using System.Globalization;

namespace SalesPipeline.Html.Markup;

// Every number the package writes, in the invariant culture, so a page is the same on every machine.
internal static class Numbers
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    // An SVG coordinate or length: at most two decimals, never "-0".
    public static string Coord(double value)
    {
        var rounded = Math.Round(value, 2, MidpointRounding.AwayFromZero);
        return rounded == 0 ? "0" : rounded.ToString("0.##", Invariant);
    }

    // A whole number with a comma every three digits: 1,234.
    public static string Whole(long value) => value.ToString("N0", Invariant);

    // An exact number with its scale kept (1.50 stays 1.50) and a comma every three digits.
    public static string Exact(decimal value) => value.ToString("N" + value.Scale.ToString(Invariant), Invariant);

    // An amount of money with at least the currency's decimals and every decimal it holds that is not a trailing zero,
    // as Money.ToString writes it: 60,000.00 and 10.125 for USD, 125,000 for JPY.
    public static string Amount(decimal value, int minorUnit)
    {
        var scale = value.Scale;
        while (scale > minorUnit && decimal.Round(value, scale - 1) == value)
        {
            scale--;
        }
        return value.ToString("N" + Math.Max(scale, minorUnit).ToString(Invariant), Invariant);
    }

    // A real number for reading: four decimals at most (3 significant digits in scientific notation below 0.001).
    public static string Real(double value)
    {
        if (value == 0)
        {
            return "0";
        }
        return Math.Abs(value) >= 0.001 ? value.ToString("#,0.####", Invariant) : value.ToString("0.##E+0", Invariant);
    }

    // The shortest text that reads back as the same double.
    public static string RoundTrip(double value) => value.ToString("R", Invariant);

    // A short label for an amount on a chart: 950, 42.5k, 1.25M, 3B (at most two decimals).
    public static string Compact(decimal value)
    {
        // Rounded first, so 999,999 is "1M" rather than "1000k".
        var magnitude = Math.Abs(decimal.Round(value, 2, MidpointRounding.AwayFromZero));
        foreach (var (unit, suffix) in Units)
        {
            if (Math.Abs(decimal.Round(value / unit, 2, MidpointRounding.AwayFromZero)) >= 1m || unit == 1m)
            {
                return magnitude == 0 ? "0" : Scaled(value / unit) + suffix;
            }
        }
        return Scaled(value);
    }

    private static readonly (decimal Unit, string Suffix)[] Units = [(1_000_000_000m, "B"), (1_000_000m, "M"), (1_000m, "k"), (1m, "")];

    // A probability as a percentage with one decimal: 0.632 -> 63.2%.
    public static string Percent(double probability) => (probability * 100).ToString("0.0", Invariant) + "%";

    // A decimal rate as a percentage with one decimal: 0.4 -> 40.0%.
    public static string Percent(decimal rate) =>
        decimal.Round(rate * 100, 1, MidpointRounding.AwayFromZero).ToString("0.0", Invariant) + "%";

    private static string Scaled(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.##", Invariant);
}
