using System;
using System.Collections.Generic;
using System.Linq;

namespace SalesPipeline.Csv.Reading.Formats;

// HubSpot's stage-calculated columns: Date entered "<stage> (<pipeline>)", in double quotes or (the older properties)
// single quotes. Only those of the pipeline being read are stage entries; Date exited, Latest time in, Cumulative time in
// and Date entered current stage are not (docs/csv-hubspot.md says why).
internal static class StageDateColumns
{
    internal const string Prefix = "Date entered ";

    // Each column of the pipeline: its field index, its header and the stage label inside it; the double-quoted (current)
    // columns first, so that a stage with both kinds takes its entry from the current one.
    internal static List<(int Field, string Header, string Label)> Find(IReadOnlyList<string> headers, string pipeline)
    {
        var found = new List<(int, string, string, int)>();
        var suffix = $" ({pipeline})";
        for (var field = 0; field < headers.Count; field++)
        {
            var header = headers[field].Trim();
            if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || header.Length < Prefix.Length + 2)
            {
                continue;
            }
            var quoted = header[Prefix.Length..].TrimStart();
            if (quoted.Length < 2 || quoted[0] is not ('"' or '\'') || quoted[^1] != quoted[0])
            {
                continue;
            }
            var inner = quoted[1..^1];
            if (inner.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && inner.Length > suffix.Length)
            {
                found.Add((field, headers[field], inner[..^suffix.Length].Trim(), quoted[0] == '"' ? 0 : 1));
            }
        }
        return [.. found.OrderBy(f => f.Item4).Select(f => (f.Item1, f.Item2, f.Item3))];
    }
}
