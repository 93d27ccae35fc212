using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;

namespace SalesPipeline.Utility;

// The one lookup shape of every report: report[key] finds one row or throws KeyNotFoundException listing the keys the
// report has (the first 20, then how many more), and TryGet(key, out row) answers without throwing. Reports are
// small (a row per stage, period, owner or team), so a scan is enough and keeps the reports plain records.
internal static class Lookup
{
    private const int Listed = 20;

    internal static bool TryFind<T>(IEnumerable<T> rows, Func<T, bool> matches, [NotNullWhen(true)] out T? row)
        where T : class
    {
        row = rows.FirstOrDefault(matches);
        return row is not null;
    }

    internal static T Find<T>(IEnumerable<T> rows, Func<T, bool> matches, string what, string key, Func<T, string> keyOf)
        where T : class => rows.FirstOrDefault(matches) ?? throw NotFound(what, key, rows.Select(keyOf));

    internal static KeyNotFoundException NotFound(string what, string key, IEnumerable<string> known)
    {
        var keys = known.Distinct(StringComparer.Ordinal).ToArray();
        var shown = string.Join(", ", keys.Take(Listed).Select(k => $"\"{k}\""));
        var more = keys.Length > Listed ? $" and {keys.Length - Listed} more" : "";
        return new KeyNotFoundException(
            keys.Length == 0
                ? $"The {what} has no row \"{key}\"; it has no rows."
                : $"The {what} has no row \"{key}\"; it has {shown}{more}."
        );
    }
}
