using System.Globalization;

namespace SalesPipeline.Csv;

/// <summary>
/// One rejected row of a CSV file, or one problem of it: where it is, which cell, what the cell held and the rule it
/// breaks.
/// </summary>
/// <param name="File">The file's role, <c>"deals"</c> or <c>"history"</c>, or <c>"leads"</c>, <c>"activities"</c>, <c>"payments"</c> or <c>"quotas"</c> (never a path).</param>
/// <param name="Line">The 1-based physical line where the row starts (the header is line 1; lines inside quoted fields count).</param>
/// <param name="Column">The column's header as the file writes it; null when the problem is the whole row.</param>
/// <param name="Value">The cell's raw text; null when the row has no such cell, or the problem is the whole row.</param>
/// <param name="Reason">A plain sentence naming the rule.</param>
/// <remarks>Immutable; thread-safe.</remarks>
/// <example><code>
/// deals line 3, amount = "12,5": A number is written like 1234.56 or -0.5 (a point before the decimals, no thousands separators).
/// </code></example>
public sealed record CsvRowError(string File, long Line, string? Column, string? Value, string Reason)
{
    /// <summary>
    /// The error on one line: <c>deals line 3, amount = "12,5": reason</c> (line breaks inside the value are shown as
    /// <c>\n</c> and <c>\r</c>).
    /// </summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{File} line {Line}{(Column is null ? "" : $", {Column}")}{(Value is null ? "" : $" = \"{OneLine(Value)}\"")}: {Reason}"
        );

    private static string OneLine(string value) =>
        value.Replace("\r", "\\r", System.StringComparison.Ordinal).Replace("\n", "\\n", System.StringComparison.Ordinal);
}
