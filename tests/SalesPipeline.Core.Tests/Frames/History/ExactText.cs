using System.Collections;
using System.Globalization;
using System.Reflection;
using NodaTime;
using NodaTime.Text;

namespace SalesPipeline.Tests.Frames.HistoryColumns;

// Every field of a value as invariant text, for comparisons that record equality cannot make: a decimal with its
// scale (100m and 100.00m are equal but print differently), an instant to the nanosecond, a date with its calendar,
// null apart from empty, and nested records and lists field by field (public properties, in name order).
internal static class ExactText
{
    public static string Of(object? value) =>
        value switch
        {
            null => "null",
            string s => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
            decimal d => d.ToString(CultureInfo.InvariantCulture) + "m",
            Money m => m.Currency.Code + " " + Of(m.Amount),
            Currency c => c.Code,
            Instant i => InstantPattern.ExtendedIso.Format(i),
            LocalDate d => d.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) + "@" + d.Calendar.Id,
            Duration d => d.ToBigIntegerNanoseconds().ToString(CultureInfo.InvariantCulture) + "ns",
            DealId id => "DealId(" + Of(id.Value) + ")",
            LeadId id => "LeadId(" + Of(id.Value) + ")",
            Enum e => e.GetType().Name + "." + e + "(" + Convert.ToInt64(e, CultureInfo.InvariantCulture) + ")",
            bool or int or long or byte => Convert.ToString(value, CultureInfo.InvariantCulture)!,
            IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(Of)) + "]",
            _ => Fields(value),
        };

    private static string Fields(object value)
    {
        var properties = value
            .GetType()
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .OrderBy(p => p.Name, StringComparer.Ordinal);
        return value.GetType().Name + " { " + string.Join(", ", properties.Select(p => p.Name + " = " + Of(p.GetValue(value)))) + " }";
    }
}
