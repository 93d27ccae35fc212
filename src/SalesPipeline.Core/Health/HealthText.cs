using System;
using System.Globalization;
using NodaTime;

namespace SalesPipeline.Health;

// How findings print their numbers. A measured value is rounded away from its threshold (up when it must exceed the
// limit, down when it must fall short of it), so a sentence never shows a value that looks equal to its limit.
internal static class HealthText
{
    private const decimal NanosecondsPerDay = NodaConstants.NanosecondsPerDay;

    // Exact to the nanosecond (not to the tick), so that a duration a nanosecond past its limit measures above it.
    internal static decimal Days(Duration duration) => ((duration.Days * NanosecondsPerDay) + duration.NanosecondOfDay) / NanosecondsPerDay;

    internal static string DaysUp(decimal days) => Plural(Math.Ceiling(days * 10m) / 10m, "day");

    internal static string DaysLimit(decimal days) => Plural(Math.Round(days, 2, MidpointRounding.AwayFromZero), "day");

    internal static string Times(decimal count) => Plural(count, "time");

    internal static string PercentUp(decimal share) => Number(Math.Ceiling(share * 1000m) / 10m) + "%";

    internal static string Percent(decimal share) => Number(Math.Round(share * 100m, 1, MidpointRounding.AwayFromZero)) + "%";

    internal static string RatioDown(decimal ratio) => Number(Math.Floor(ratio * 100m) / 100m) + "x";

    internal static string Ratio(decimal ratio) => Number(Math.Round(ratio, 2, MidpointRounding.AwayFromZero)) + "x";

    internal static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Plural(decimal value, string unit) => Number(value) + " " + unit + (value == 1m ? "" : "s");
}
