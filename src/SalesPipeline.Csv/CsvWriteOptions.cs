using System;

namespace SalesPipeline.Csv;

/// <summary>How <see cref="ReportCsv"/> writes a table: the delimiter, the line ending, the byte order mark and the guard
/// against spreadsheet formulas.</summary>
/// <remarks>
/// <para>The defaults write RFC 4180 CSV for data tools (pandas, polars, DuckDB, R): comma, CRLF, UTF-8 without a byte
/// order mark, every value as it is.</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
/// <example><code>
/// // For Excel in a country that writes 1,5: semicolons, a byte order mark so it reads UTF-8, formulas neutralized.
/// var excel = new CsvWriteOptions { Delimiter = ';', ByteOrderMark = true, EscapeFormulas = true };
/// </code></example>
public sealed record CsvWriteOptions
{
    /// <summary>The default options.</summary>
    public static CsvWriteOptions Default { get; } = new();

    /// <summary>The delimiter; a comma by default.</summary>
    /// <exception cref="ArgumentException">The value is not tab or a printable ASCII character other than the quote.</exception>
    public char Delimiter
    {
        get;
        init =>
            field =
                value == '\t' || (value is >= ' ' and < '\u007f' && value != '"')
                    ? value
                    : throw new ArgumentException(
                        $"Delimiter '{value}' (U+{(int)value:X4}) cannot separate fields: a delimiter is tab or a printable ASCII character other than the quote.",
                        nameof(Delimiter)
                    );
    } = ',';

    /// <summary>The line ending after each record: <c>"\r\n"</c> (RFC 4180, the default) or <c>"\n"</c>.</summary>
    /// <exception cref="ArgumentException">The value is neither.</exception>
    public string NewLine
    {
        get;
        init =>
            field = value is "\r\n" or "\n"
                ? value
                : throw new ArgumentException(
                    $"NewLine must be \"\\r\\n\" or \"\\n\"; it was {(value is null ? "null" : $"\"{value.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}\"")}.",
                    nameof(NewLine)
                );
    } = "\r\n";

    /// <summary>Whether a file or stream starts with the UTF-8 byte order mark (EF BB BF); false by default. Excel needs it
    /// to read a CSV file as UTF-8 rather than in the machine's code page. A <see cref="System.IO.TextWriter"/> destination
    /// has its own encoding, so this does not apply to it.</summary>
    public bool ByteOrderMark { get; init; }

    /// <summary>
    /// Whether text cells that a spreadsheet would run as a formula are neutralized; false by default. When true, a text cell
    /// that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return is written with a single quote in front
    /// (<c>'=1+2</c>), as OWASP's "CSV Injection" advice says, so Excel and LibreOffice show it as text.
    /// </summary>
    /// <remarks>Off by default because it changes the data: a pandas or DuckDB reader gets <c>'-3 days</c>, not
    /// <c>-3 days</c>. Turn it on for files that people open in a spreadsheet and whose text comes from outside (deal names,
    /// notes, loss reasons). Numbers, dates and instants are never changed: they are written by the writer, not by a user.</remarks>
    public bool EscapeFormulas { get; init; }
}
