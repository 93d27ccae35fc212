using System;
using System.IO;
using System.Text;
using SalesPipeline.Csv.Writing;
using SalesPipeline.Reporting;

namespace SalesPipeline.Csv;

/// <summary>
/// Writes a <see cref="ReportTable"/> as CSV: a header row of the column names, then one record per row, every value in
/// one invariant form (docs/export.md).
/// </summary>
/// <remarks>
/// <para>RFC 4180: a field is quoted only when it must be, when it holds the delimiter, a quote, a carriage return or a
/// line feed, or starts or ends with a space (which some readers trim); a quote inside is doubled. Values: text as is;
/// whole and exact numbers as <c>ToString(CultureInfo.InvariantCulture)</c> (a decimal keeps every digit and its scale,
/// <c>1.50</c>, never an exponent or a group separator); real numbers in the shortest form that reads back to the same
/// double (<c>"R"</c>, which may use an exponent, <c>1E-07</c>); booleans <c>true</c> and <c>false</c>; dates
/// <c>yyyy-MM-dd</c>; instants ISO 8601 in UTC with <c>Z</c> and only the fraction of a second they need
/// (<c>2026-03-10T12:00:00Z</c>, <c>2026-03-10T12:00:00.5Z</c>).</para>
/// <para>A null cell is an empty field; an empty text is a quoted empty field (<c>""</c>), so a reader that tells them
/// apart (PostgreSQL's COPY, CsvHelper's raw field) keeps the difference. A record that would be an empty line (a
/// one-column table whose cell is null) is written as <c>""</c> instead, because most readers skip empty lines.</para>
/// <para>Thread-safe: the methods share no state.</para>
/// </remarks>
/// <example><code>
/// var funnel = Funnel.Of(deals, pipeline).ToTable();
/// ReportCsv.WriteFile(funnel, "funnel.csv");                 // UTF-8, comma, CRLF
/// ReportCsv.Write(funnel, Console.Out);                       // the same text to a TextWriter
/// </code></example>
public static class ReportCsv
{
    private static readonly UTF8Encoding WithoutMark = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UTF8Encoding WithMark = new(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true);

    /// <summary>Writes the table to a stream as UTF-8 (with a byte order mark if the options ask), leaving it open.</summary>
    /// <param name="table">The table.</param>
    /// <param name="destination">The stream, written from its current position and flushed, not closed.</param>
    /// <param name="options">How to write; <see cref="CsvWriteOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> or <paramref name="destination"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> cannot be written to.</exception>
    /// <exception cref="IOException">The stream failed.</exception>
    public static void Write(ReportTable table, Stream destination, CsvWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(destination);
        if (!destination.CanWrite)
        {
            throw new ArgumentException("The destination stream cannot be written to.", nameof(destination));
        }
        options ??= CsvWriteOptions.Default;
        using var writer = new StreamWriter(destination, options.ByteOrderMark ? WithMark : WithoutMark, 1 << 16, leaveOpen: true);
        CsvRecords.WriteTable(table, writer, options);
    }

    /// <summary>Writes the table to a text writer (in its encoding), flushing it, not closing it.</summary>
    /// <param name="table">The table.</param>
    /// <param name="destination">The writer.</param>
    /// <param name="options">How to write; <see cref="CsvWriteOptions.Default"/> when null
    /// (<see cref="CsvWriteOptions.ByteOrderMark"/> does not apply: the writer has its own encoding).</param>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> or <paramref name="destination"/> is null.</exception>
    /// <exception cref="IOException">The writer failed.</exception>
    public static void Write(ReportTable table, TextWriter destination, CsvWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(destination);
        CsvRecords.WriteTable(table, destination, options ?? CsvWriteOptions.Default);
    }

    /// <summary>Writes the table to a file as UTF-8, creating it or replacing what it held.</summary>
    /// <param name="table">The table.</param>
    /// <param name="path">The file's path.</param>
    /// <param name="options">How to write; <see cref="CsvWriteOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> or <paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or not a valid path.</exception>
    /// <exception cref="IOException">The file could not be written (its folder missing, the disk full...).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be written.</exception>
    public static void WriteFile(ReportTable table, string path, CsvWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        Write(table, file, options);
    }
}
