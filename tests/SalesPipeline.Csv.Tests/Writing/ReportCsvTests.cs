using System.IO;
using System.Text;
using NodaTime;
using SalesPipeline.Csv.Tests.Support;
using SalesPipeline.Reporting;

namespace SalesPipeline.Csv.Tests.Writing;

public sealed class ReportCsvTests
{
    private static readonly ReportColumn[] AllTypes =
    [
        new("name", ColumnType.Text, "A name."),
        new("deals", ColumnType.WholeNumber, "A count."),
        new("amount", ColumnType.ExactNumber, "An amount."),
        new("rate", ColumnType.RealNumber, "A rate."),
        new("won", ColumnType.Boolean, "A flag."),
        new("close_on", ColumnType.Date, "A date."),
        new("at", ColumnType.Instant, "An instant."),
    ];

    private static ReportTable Sample() =>
        new(
            "sample",
            AllTypes,
            [
                ["Globex", 3L, 1234.50m, 0.1, true, new LocalDate(2026, 3, 31), Instant.FromUtc(2026, 3, 10, 12, 0)],
                [
                    "a,b \"c\"",
                    -7L,
                    -0.000001m,
                    1e-7,
                    false,
                    new LocalDate(1, 1, 1),
                    Instant.FromUtc(2026, 3, 10, 12, 0).PlusNanoseconds(500_000_000),
                ],
                [" lead", long.MaxValue, 79228162514264337593543950335m, 1.0 / 3, null, null, null],
                ["", null, null, null, null, null, null],
                ["two\r\nlines", 0L, 0.00m, -0.0, false, new LocalDate(9999, 12, 31), Instant.FromUtc(1, 1, 1, 0, 0)],
            ]
        );

    [Fact]
    public void Write_HeaderThenRecords_EveryValueInItsInvariantForm()
    {
        // Written by hand from the rules of docs/export.md: quotes only where needed ("" doubled), null bare, empty text
        // quoted, decimals with their scale and no exponent, doubles round-trip ("R"), ISO dates and instants with Z.
        const string Expected =
            "name,deals,amount,rate,won,close_on,at\r\n"
            + "Globex,3,1234.50,0.1,true,2026-03-31,2026-03-10T12:00:00Z\r\n"
            + "\"a,b \"\"c\"\"\",-7,-0.000001,1E-07,false,0001-01-01,2026-03-10T12:00:00.5Z\r\n"
            + "\" lead\",9223372036854775807,79228162514264337593543950335,0.3333333333333333,,,\r\n"
            + "\"\",,,,,,\r\n"
            + "\"two\r\nlines\",0,0.00,-0,false,9999-12-31,0001-01-01T00:00:00Z\r\n";

        Assert.Equal(Expected, IndependentCsv.Text(Sample()));
    }

    [Fact]
    public void Write_ReadBackByCsvHelper_GivesTheSameCells()
    {
        var table = Sample();

        var (header, rows) = IndependentCsv.Read(IndependentCsv.Write(table), table);

        Assert.Equal(table.Columns.Select(c => c.Name), header);
        IndependentCsv.AssertSameCells(table, rows);
    }

    [Fact]
    public void Write_EveryReportTable_ReadBackCellByCell()
    {
        var tables = SampleReports.All().ToList();

        Assert.Equal(tables.Count, tables.Select(t => t.Name).Distinct().Count());
        foreach (var table in tables)
        {
            Assert.True(table.RowCount > 0, $"The sample of {table.Name} has no row: the round trip would prove little.");
            var (header, rows) = IndependentCsv.Read(IndependentCsv.Write(table), table);
            Assert.Equal(table.Columns.Select(c => c.Name), header);
            IndependentCsv.AssertSameCells(table, rows);
        }
    }

    [Fact]
    public void Write_ByDefault_Utf8WithoutByteOrderMark_WithOne_WhenAsked()
    {
        var table = new ReportTable(
            "t",
            [new ReportColumn("city", ColumnType.Text, "A city.")],
            [
                ["Zürich €"],
            ]
        );

        var plain = IndependentCsv.Write(table);
        var marked = IndependentCsv.Write(table, new CsvWriteOptions { ByteOrderMark = true });

        Assert.Equal(Encoding.UTF8.GetBytes("city\r\nZürich €\r\n"), plain);
        Assert.Equal([0xEF, 0xBB, 0xBF, .. plain], marked);
    }

    [Fact]
    public void Write_OtherDelimiterAndNewLine()
    {
        var table = new ReportTable(
            "t",
            [new ReportColumn("label", ColumnType.Text, "A label."), new ReportColumn("amount", ColumnType.ExactNumber, "An amount.")],
            [
                ["a;b", 1.5m],
                ["c,d", 2m],
            ]
        );
        var options = new CsvWriteOptions { Delimiter = ';', NewLine = "\n" };

        Assert.Equal("label;amount\n\"a;b\";1.5\nc,d;2\n", IndependentCsv.Text(table, options));
        var (_, rows) = IndependentCsv.Read(IndependentCsv.Write(table, options), table, ';');
        IndependentCsv.AssertSameCells(table, rows);
        Assert.Equal("label\tamount\r\na;b\t1.5\r\nc,d\t2\r\n", IndependentCsv.Text(table, new CsvWriteOptions { Delimiter = '\t' }));
    }

    [Fact]
    public void Write_OneColumnNullCell_IsQuotedEmpty_NeverAnEmptyLine()
    {
        var table = new ReportTable(
            "t",
            [new ReportColumn("n", ColumnType.WholeNumber, "A count.")],
            [
                [1L],
                [null],
                [3L],
            ]
        );

        Assert.Equal("n\r\n1\r\n\"\"\r\n3\r\n", IndependentCsv.Text(table));
        var (_, rows) = IndependentCsv.Read(IndependentCsv.Write(table), table);
        Assert.Equal([1L, null, 3L], rows.Select(r => r[0]));
    }

    [Fact]
    public void Write_NoRows_HeaderOnly() =>
        Assert.Equal(
            "a,b\r\n",
            IndependentCsv.Text(new ReportTable("t", [new("a", ColumnType.Text, "a."), new("b", ColumnType.Text, "b.")], []))
        );

    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+33 1 23", "'+33 1 23")]
    [InlineData("-3 days", "'-3 days")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("Globex", "Globex")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "\"\"")]
    public void EscapeFormulas_PrefixesTextThatStartsLikeAFormula(string text, string written)
    {
        var table = new ReportTable(
            "t",
            [new ReportColumn("note", ColumnType.Text, "A note."), new ReportColumn("delta", ColumnType.ExactNumber, "A change.")],
            [
                [text, -5m],
            ]
        );

        Assert.Equal($"note,delta\r\n{written},-5\r\n", IndependentCsv.Text(table, new CsvWriteOptions { EscapeFormulas = true }));
        // Unescaped, an empty text and one that starts with white space (the tab) are quoted.
        Assert.Equal(
            $"note,delta\r\n{(text.Length == 0 || char.IsWhiteSpace(text[0]) ? $"\"{text}\"" : text)},-5\r\n",
            IndependentCsv.Text(table)
        );
    }

    [Fact]
    public void EscapeFormulas_CarriageReturnFirst_IsPrefixedAndQuoted() =>
        Assert.Equal(
            "note\r\n\"'\rx\"\r\n",
            IndependentCsv.Text(
                new ReportTable(
                    "t",
                    [new ReportColumn("note", ColumnType.Text, "A note.")],
                    [
                        ["\rx"],
                    ]
                ),
                new CsvWriteOptions { EscapeFormulas = true }
            )
        );

    [Fact]
    public void Write_TextWriter_SameText_AndLeavesItOpen()
    {
        var table = Sample();
        using var text = new StringWriter();

        ReportCsv.Write(table, text);
        text.Write("after");

        Assert.Equal(IndependentCsv.Text(table) + "after", text.ToString());
    }

    [Fact]
    public void Write_Stream_LeavesItOpen_AtItsPosition()
    {
        using var stream = new MemoryStream();
        stream.Write("x\n"u8);

        ReportCsv.Write(Sample(), stream);
        stream.WriteByte((byte)'!');

        Assert.Equal("x\n" + IndependentCsv.Text(Sample()) + "!", Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void WriteFile_CreatesOrReplaces()
    {
        var path = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.csv");
        try
        {
            File.WriteAllText(path, new string('x', 10_000));

            ReportCsv.WriteFile(Sample(), path, new CsvWriteOptions { ByteOrderMark = true });

            Assert.Equal([0xEF, 0xBB, 0xBF, .. IndependentCsv.Write(Sample())], File.ReadAllBytes(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Write_BadArguments_RejectedByName()
    {
        var table = Sample();
        Assert.Equal("table", Assert.Throws<ArgumentNullException>(() => ReportCsv.Write(null!, new MemoryStream())).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentNullException>(() => ReportCsv.Write(table, (Stream)null!)).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentNullException>(() => ReportCsv.Write(table, (TextWriter)null!)).ParamName);
        Assert.Equal("path", Assert.Throws<ArgumentNullException>(() => ReportCsv.WriteFile(table, null!)).ParamName);
        Assert.Equal("path", Assert.Throws<ArgumentException>(() => ReportCsv.WriteFile(table, "")).ParamName);
        using var readOnly = new MemoryStream([], writable: false);
        var e = Assert.Throws<ArgumentException>(() => ReportCsv.Write(table, readOnly));
        Assert.Equal("destination", e.ParamName);
        Assert.Contains("cannot be written", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData('"')]
    [InlineData('\n')]
    [InlineData('\r')]
    [InlineData('\u00e9')]
    [InlineData('\0')]
    public void Options_BadDelimiter_RejectedByName(char delimiter)
    {
        var e = Assert.Throws<ArgumentException>(() => new CsvWriteOptions { Delimiter = delimiter });
        Assert.Equal("Delimiter", e.ParamName);
        Assert.Contains($"U+{(int)delimiter:X4}", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\r")]
    [InlineData("")]
    [InlineData("\n\r")]
    [InlineData(null)]
    public void Options_BadNewLine_RejectedByName(string? newLine)
    {
        var e = Assert.Throws<ArgumentException>(() => new CsvWriteOptions { NewLine = newLine! });
        Assert.Equal("NewLine", e.ParamName);
    }

    [Fact]
    public void Options_Defaults() =>
        Assert.Equal(
            (',', "\r\n", false, false),
            (
                CsvWriteOptions.Default.Delimiter,
                CsvWriteOptions.Default.NewLine,
                CsvWriteOptions.Default.ByteOrderMark,
                CsvWriteOptions.Default.EscapeFormulas
            )
        );
}
