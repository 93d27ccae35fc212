using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Unicode;
using CsvHelper;

namespace SalesPipeline.Csv.Reading;

// One open file: the CsvHelper reader over a counting stream, the columns of the canonical format found in its header,
// the malformed rows CsvHelper skipped, and the progress reports.
internal sealed class CsvFile : IDisposable
{
    private const int ProgressEvery = 1 << 16;
    private readonly CountingStream counter;
    private readonly CsvReader reader;
    private readonly IProgress<CsvProgress>? progress;
    private readonly List<CsvRowError> malformed = [];

    // A report's footer (Salesforce): after the rows, a blank line, then lines this recognises by their first field.
    private readonly Func<string, bool>? footerLine;
    private long nextLine = 2;
    private bool inFooter;

    private CsvFile(Stream stream, string role, CsvReadOptions options, Func<string, bool>? footerLine)
    {
        Role = role;
        size = stream.CanSeek ? stream.Length - stream.Position : -1;
        this.footerLine = footerLine;
        progress = options.Progress;
        counter = new CountingStream(stream);
        reader = CsvReader.Create(
            counter,
            new CsvReaderOptions
            {
                Separator = options.Delimiter,
                HasHeader = true,
                TrackLineNumbers = true,
                AllowLineBreaksInQuotes = true,
                SkipEmptyLines = true,
                PoolStrings = true,
                MalformedData = CsvMalformedDataHandling.Skip,
                FieldCountMismatch = CsvFieldCountHandling.Skip,
                MissingField = CsvMissingFieldHandling.ReturnEmpty,
                OnMalformedRecord = Malformed,
            },
            leaveOpen: true
        );
    }

    internal string Role { get; }

    // The bytes left in the stream when it was opened; -1 when it cannot tell.
    private readonly long size;

    // About how many rows the whole file has, from the rows read so far and their bytes (a guess, for sizing lists up
    // front rather than by doubling); 0 when the stream's length is unknown. At most one row per 16 bytes of the file:
    // no row of a deals or history file is shorter, so a misleading start cannot size the lists past that.
    internal int EstimateRows(long rows, long bytes) =>
        size <= 0 || bytes <= 0 ? 0 : (int)Math.Min(Math.Min(size * rows / bytes * 21 / 20 + 64, size / 16), Array.MaxLength);

    // The field index of each canonical column (-1 when the file lacks it) and the header the file writes for it.
    internal int[] Index { get; private set; } = [];

    internal string?[] Header { get; private set; } = [];

    internal char Separator { get; private set; }

    internal CsvReader Reader => reader;

    // The malformed rows of the last Read (line and raw text), so that a history row can still name its deal.
    internal List<(CsvRowError Error, string Raw)> Skipped { get; } = [];

    // Rows read so far: those returned and those CsvHelper skipped as malformed.
    internal long Rows { get; private set; }

    // Opens a file and finds its columns: each column's headers are tried in order (a header CsvReadOptions.Columns gives
    // for the column replaces them); a missing required column, a column named twice, or a header that cannot be read,
    // ends the import.
    internal static CsvFile Open(
        Stream stream,
        string role,
        string[] columns,
        string[][] names,
        bool[] required,
        CsvReadOptions options,
        Func<string, bool>? footerLine = null
    )
    {
        var file = new CsvFile(stream, role, options, footerLine);
        try
        {
            var headers = file.reader.Headers;
            file.Separator = file.reader.Separator;
            var (index, header) = (new int[columns.Length], new string?[columns.Length]);
            for (var c = 0; c < columns.Length; c++)
            {
                string[] candidates = options.Columns is { } map && map.TryGetValue(columns[c], out var mapped) ? [mapped] : names[c];
                index[c] = -1;
                foreach (var name in candidates)
                {
                    if (file.reader.TryGetFieldIndex(name, out var i))
                    {
                        CheckOnce(headers, name, i, role);
                        (index[c], header[c]) = (i, headers[i]);
                        break;
                    }
                }
                if (index[c] < 0 && required[c] && options.Delimiter is { } set && SepLine(headers) is { } sep)
                {
                    // CsvHelper skips Excel's sep line only when it names the delimiter in use.
                    throw new CsvImportException([
                        new CsvRowError(
                            role,
                            1,
                            null,
                            sep,
                            $"The {role} file starts with Excel's line \"{sep}\", which names another delimiter than CsvReadOptions.Delimiter ('{set}'): leave Delimiter unset to follow the file, or set it to the file's."
                        ),
                    ]);
                }
                if (index[c] < 0 && required[c])
                {
                    var name = string.Join("\" or \"", candidates);
                    throw new CsvImportException([
                        new CsvRowError(
                            role,
                            1,
                            candidates[0],
                            null,
                            headers.Count == 0
                                ? $"The {role} file is empty: it needs a header with the column \"{name}\"."
                                : $"The {role} file's header has no column \"{name}\", which is required; its columns are {string.Join(", ", headers)}."
                        ),
                    ]);
                }
            }
            (file.Index, file.Header) = (index, header);
            return file;
        }
        catch (Exception e)
        {
            // A refused header too: the reader's pooled buffers go back.
            file.Dispose();
            if (e is CsvFormatException format)
            {
                throw new CsvImportException([
                    new CsvRowError(
                        role,
                        Math.Max(format.LineNumber, 1),
                        null,
                        null,
                        $"The {role} file's header cannot be read: {format.Message}"
                    ),
                ]);
            }
            throw;
        }
    }

    // The header, when it is only Excel's "sep=X" line.
    private static string? SepLine(IReadOnlyList<string> headers) =>
        headers.Count == 1 && headers[0].Length == 5 && headers[0].StartsWith("sep=", StringComparison.OrdinalIgnoreCase)
            ? headers[0]
            : null;

    // A column whose header the file has twice (as CsvHelper matches it: ignoring case and surrounding spaces) refuses the
    // file: which field holds the column is unknown, and taking the first would silently drop the other.
    private static void CheckOnce(IReadOnlyList<string> headers, string name, int found, string role)
    {
        for (var j = 0; j < headers.Count; j++)
        {
            if (j != found && string.Equals(headers[j].Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                var (first, second) = (Math.Min(found, j) + 1, Math.Max(found, j) + 1);
                throw new CsvImportException([
                    new CsvRowError(
                        role,
                        1,
                        name,
                        null,
                        $"The {role} file's header has the column \"{name}\" twice (fields {first} and {second}): which one holds it is unknown; remove or rename one."
                    ),
                ]);
            }
        }
    }

    // Moves to the next row; a row CsvHelper cannot read at all (larger than it can buffer) ends the file as an error.
    internal bool Read(List<CsvRowError> errors, out long line)
    {
        bool more;
        Skipped.Clear();
        while (true)
        {
            try
            {
                more = reader.Read();
            }
            catch (CsvFormatException e)
            {
                Rows++;
                errors.Add(
                    new CsvRowError(Role, Math.Max(e.LineNumber, 1), null, null, $"The rest of the file cannot be read: {e.Message}")
                );
                more = false;
            }
            if (malformed.Count > 0)
            {
                Rows += malformed.Count;
                errors.AddRange(malformed);
                malformed.Clear();
            }
            if (
                !more
                || footerLine is null
                || !InFooter(
                    reader.LineNumber,
                    System.Text.Encoding.UTF8.GetString(reader.RawRecord),
                    Index.Length > 0 && Index[0] >= 0 && Values.Trim(reader.GetSpan(Index[0])).IsEmpty
                )
            )
            {
                break;
            }
        }
        line = more ? reader.LineNumber : 0;
        if (more && (++Rows & (ProgressEvery - 1)) == 0)
        {
            progress?.Report(new CsvProgress(Role, Rows, counter.Count));
        }
        else if (!more)
        {
            progress?.Report(new CsvProgress(Role, Rows, counter.Count));
        }
        return more;
    }

    // The cell of a canonical column, as bytes; empty when the file lacks the column.
    internal ReadOnlySpan<byte> Cell(int column) => Index[column] is var i and >= 0 ? reader.GetSpan(i) : default;

    // The cell as a string (pooled by CsvHelper), or null when the column is missing or the cell is empty or only white
    // space (any Unicode space: the ids and codes of Core refuse those).
    internal string? Text(int column)
    {
        if (Index[column] is var i and >= 0 && !Values.Trim(reader.GetSpan(i)).IsEmpty)
        {
            var text = reader.GetString(i);
            return string.IsNullOrWhiteSpace(text) ? null : text;
        }
        return null;
    }

    // The cell's raw text, or null when the file lacks the column.
    internal string? Raw(int column) => Index[column] is var i and >= 0 ? reader.GetString(i) : null;

    // Null when the current row is valid UTF-8; else the error, at the row's first bad field.
    internal CsvRowError? Utf8Error(long line)
    {
        if (Utf8.IsValid(reader.RawRecord))
        {
            return null;
        }
        for (var i = 0; i < reader.FieldCount; i++)
        {
            if (!Utf8.IsValid(reader.GetSpan(i)))
            {
                return new CsvRowError(
                    Role,
                    line,
                    HeaderOf(i),
                    reader.GetString(i),
                    "The text is not valid UTF-8 (shown with U+FFFD where a byte sequence is invalid); save the file as UTF-8."
                );
            }
        }
        return new CsvRowError(Role, line, null, null, "The row is not valid UTF-8; save the file as UTF-8.");
    }

    internal string? HeaderOf(int field) => field >= 0 && field < reader.Headers.Count ? reader.Headers[field] : null;

    // Whether a row (returned or malformed) is in the report's footer, where it is not a row: it is then either a footer
    // line, not counted, or reported as a rejected row. A footer line starts like one and has nothing after its first
    // field but empty fields, or (a totals line) has no deal id: a data row that starts like one (an owner "Total Wine",
    // a blank first field) is never dropped as footer.
    private bool InFooter(long line, string raw, bool idBlank)
    {
        var lines = 1;
        foreach (var c in raw)
        {
            lines += c == '\n' ? 1 : 0;
        }
        inFooter |= line > nextLine;
        nextLine = line + lines;
        var (first, end) = FirstField(raw);
        if (!inFooter || (footerLine!(first) && (idBlank || OnlyEmptyFields(raw.AsSpan(end)))))
        {
            return inFooter;
        }
        malformed.Add(
            new CsvRowError(
                Role,
                line,
                null,
                raw.Length > 200 ? raw[..200] + "..." : raw,
                "After the report's rows and the blank line that ends them, only the report's footer may follow (Grand Totals, Confidential Information - Do Not Distribute, Copyright ...); this line is not part of it."
            )
        );
        return true;
    }

    // Whether the rest of a raw row, after its first field, holds only delimiters, quotes and spaces.
    private bool OnlyEmptyFields(ReadOnlySpan<char> rest)
    {
        foreach (var c in rest)
        {
            if (c != Separator && c is not ('"' or ' ' or '\t' or '\r' or '\n'))
            {
                return false;
            }
        }
        return true;
    }

    // The first field of a raw row, unquoted, and where it ends in the raw text.
    private (string Text, int End) FirstField(string raw)
    {
        if (raw.StartsWith('"'))
        {
            var text = new System.Text.StringBuilder();
            for (var i = 1; i < raw.Length; i++)
            {
                if (raw[i] == '"')
                {
                    if (i + 1 < raw.Length && raw[i + 1] == '"')
                    {
                        text.Append('"');
                        i++;
                        continue;
                    }
                    return (text.ToString(), i + 1);
                }
                text.Append(raw[i]);
            }
            return (text.ToString(), raw.Length);
        }
        var end = raw.IndexOf(Separator);
        return end < 0 ? (raw, raw.Length) : (raw[..end], end);
    }

    private void Malformed(CsvMalformedRecord record)
    {
        if (footerLine is not null && InFooter(record.LineNumber, record.RawRecord, idBlank: false))
        {
            return;
        }
        var raw = record.RawRecord.Length > 200 ? record.RawRecord[..200] + "..." : record.RawRecord;
        var error = new CsvRowError(
            Role,
            record.LineNumber,
            null,
            raw,
            record.Reason switch
            {
                CsvMalformedReason.FieldCountMismatch =>
                    $"The row has a different number of fields than the header ({reader.Headers.Count}).",
                CsvMalformedReason.StrayQuote => "A quote inside an unquoted field: quote the whole field and double the quotes in it.",
                CsvMalformedReason.TextAfterClosingQuote =>
                    "Text after a field's closing quote: quote the whole field and double the quotes in it.",
                CsvMalformedReason.UnterminatedQuote => "A quoted field is never closed: the file ends inside it (truncated?).",
                _ => $"The row's quoting is malformed ({record.Reason}).",
            }
        );
        malformed.Add(error);
        Skipped.Add((error, record.RawRecord));
    }

    public void Dispose() => reader.Dispose();
}
