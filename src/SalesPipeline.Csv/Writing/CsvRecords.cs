using System;
using System.IO;
using SalesPipeline.Reporting;

namespace SalesPipeline.Csv.Writing;

// The one CSV form of every value and the RFC 4180 quoting, for every CSV the package writes.
internal static class CsvRecords
{
    internal static void WriteTable(ReportTable table, TextWriter writer, CsvWriteOptions options)
    {
        var columns = table.Columns;
        var header = new string?[columns.Count];
        for (var c = 0; c < header.Length; c++)
        {
            header[c] = columns[c].Name;
        }
        WriteRecord(writer, header, options);
        var fields = new string?[columns.Count];
        for (var r = 0; r < table.RowCount; r++)
        {
            for (var c = 0; c < fields.Length; c++)
            {
                fields[c] = Format(table[r, c], options);
            }
            WriteRecord(writer, fields, options);
        }
        writer.Flush();
    }

    // A null field is written bare (empty); "" is quoted, so that null and empty text stay apart.
    internal static void WriteRecord(TextWriter writer, string?[] fields, CsvWriteOptions options)
    {
        for (var c = 0; c < fields.Length; c++)
        {
            if (c > 0)
            {
                writer.Write(options.Delimiter);
            }
            var field = fields[c];
            if (field is null)
            {
                if (fields.Length == 1)
                {
                    writer.Write("\"\""); // an empty line would be skipped by most readers
                }
                continue;
            }
            writer.Write(NeedsQuotes(field, options.Delimiter) ? Quoted(field) : field);
        }
        writer.Write(options.NewLine);
    }

    // RFC 4180: a field with the delimiter, a quote or a line break is quoted; so are an empty field (to tell it from a
    // missing one) and one with white space at either end, which many readers trim.
    internal static bool NeedsQuotes(string field, char delimiter) =>
        field.Length == 0
        || char.IsWhiteSpace(field[0])
        || char.IsWhiteSpace(field[^1])
        || field.AsSpan().IndexOfAny('"', '\r', '\n') >= 0
        || field.Contains(delimiter, StringComparison.Ordinal);

    // The field in quotes, its quotes doubled.
    internal static string Quoted(string field) => "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    // The one invariant form of every cell is Core's (docs/export.md); the CSV adds only the formula escape of text.
    internal static string? Format(object? cell, CsvWriteOptions options) =>
        cell switch
        {
            null => null,
            string text => options.EscapeFormulas && StartsLikeFormula(text) ? "'" + text : text,
            _ => ReportTable.FormatCell(cell),
        };

    // OWASP, CSV Injection: a cell starting with = + - @ tab or carriage return may be run as a formula.
    private static bool StartsLikeFormula(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
}
