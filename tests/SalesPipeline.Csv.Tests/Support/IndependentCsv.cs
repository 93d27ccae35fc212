using System.Globalization;
using System.IO;
using System.Text;
using CsvHelper;
using NodaTime.Text;
using SalesPipeline.Reporting;

namespace SalesPipeline.Csv.Tests.Support;

// Reads what ReportCsv wrote with CsvHelper's reader (not the package's own reading code) and NodaTime's and .NET's own
// parsers, back into cells of the table's column types.
internal static class IndependentCsv
{
    public static (string[] Header, object?[][] Rows) Read(byte[] bytes, ReportTable like, char delimiter = ',')
    {
        var options = new CsvReaderOptions
        {
            Separator = delimiter,
            HasHeader = true,
            TrimWhitespace = false,
        };
        using var reader = CsvReader.Create(new MemoryStream(bytes), options, leaveOpen: false);
        var rows = new List<object?[]>();
        string[]? header = null;
        while (reader.Read())
        {
            header ??= [.. reader.Headers];
            Assert.Equal(like.Columns.Count, reader.FieldCount);
            var row = new object?[reader.FieldCount];
            for (var c = 0; c < row.Length; c++)
            {
                row[c] = Parse(reader, c, like.Columns[c].Type);
            }
            rows.Add(row);
        }
        header ??= [.. reader.Headers];
        return (header, [.. rows]);
    }

    public static byte[] Write(ReportTable table, CsvWriteOptions? options = null)
    {
        using var stream = new MemoryStream();
        ReportCsv.Write(table, stream, options);
        return stream.ToArray();
    }

    public static string Text(ReportTable table, CsvWriteOptions? options = null) =>
        new UTF8Encoding(false).GetString(Write(table, options));

    // An unquoted empty field is null; a quoted empty one ("") is empty text.
    private static object? Parse(CsvReader reader, int c, ColumnType type)
    {
        if (reader.GetRawSpan(c).Length == 0)
        {
            return null;
        }
        var text = reader.GetString(c);
        return type switch
        {
            ColumnType.Text => text,
            _ when text.Length == 0 => null,
            ColumnType.WholeNumber => long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
            ColumnType.ExactNumber => decimal.Parse(
                text,
                NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture
            ),
            ColumnType.RealNumber => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
            ColumnType.Boolean => text switch
            {
                "true" => true,
                "false" => false,
                _ => throw new FormatException($"Not a boolean: {text}"),
            },
            ColumnType.Date => LocalDatePattern.Iso.Parse(text).Value,
            _ => InstantPattern.ExtendedIso.Parse(text).Value,
        };
    }

    // Cell by cell, decimals by their text too (1.50 keeps its scale) and doubles by their bits (-0.0 stays -0.0).
    public static void AssertSameCells(ReportTable table, object?[][] rows)
    {
        Assert.Equal(table.RowCount, rows.Length);
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var want = table[r, c];
                var got = rows[r][c];
                // The one case the format cannot keep: a one-column row whose cell is null is written as "" (an empty line
                // would be skipped), which reads back as empty text, or as null in a column of another type.
                if (want is null && table.Columns.Count == 1 && table.Columns[0].Type == ColumnType.Text)
                {
                    Assert.Equal("", got);
                    continue;
                }
                switch (want)
                {
                    case decimal d:
                        Assert.Equal(d.ToString(CultureInfo.InvariantCulture), ((decimal)got!).ToString(CultureInfo.InvariantCulture));
                        break;
                    case double x:
                        Assert.Equal(BitConverter.DoubleToInt64Bits(x), BitConverter.DoubleToInt64Bits((double)got!));
                        break;
                    default:
                        Assert.Equal(want, got);
                        break;
                }
            }
        }
    }
}
