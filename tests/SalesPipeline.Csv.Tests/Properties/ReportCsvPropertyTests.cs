using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Csv.Tests.Support;
using SalesPipeline.Reporting;
using SalesPipeline.Tests;

namespace SalesPipeline.Csv.Tests.Properties;

// Any table, of any column types, with hostile text (quotes, delimiters, line breaks, leading and trailing spaces,
// formula starts, non-ASCII and astral characters, NUL), written by ReportCsv and read by CsvHelper, gives back its cells.
public class ReportCsvPropertyTests
{
    private static readonly string[] Pieces =
    [
        "a",
        "Globex",
        ",",
        ";",
        "\t",
        "|",
        "\"",
        "\"\"",
        "\r",
        "\n",
        "\r\n",
        " ",
        "  ",
        "=",
        "-",
        "+",
        "@",
        "é",
        "€",
        "\U0001F600",
        "日本",
        "\u0000",
        "'",
        "\\",
        "#",
    ];

    private static readonly Gen<string> Texts =
        from n in Gen.Choose(0, 6)
        from parts in Gen.Elements(Pieces).ArrayOf(n)
        select string.Concat(parts);

    private static readonly Gen<decimal> Decimals =
        from lo in Gen.Choose(int.MinValue, int.MaxValue)
        from mid in Gen.Choose(int.MinValue, int.MaxValue)
        from hi in Gen.Elements(0, 1, 1000, int.MaxValue)
        from negative in Gen.Elements(true, false)
        from scale in Gen.Choose(0, 28)
        select new decimal(lo, mid, hi, negative, (byte)scale);

    private static readonly Gen<double> Doubles = Gen.OneOf(
        Gen.Elements(0.0, -0.0, 0.1, 1.0 / 3, double.Epsilon, double.MaxValue, double.MinValue, 1e-7, 123456789.125),
        from bits in Gen.Choose(int.MinValue, int.MaxValue).Two()
        let d = BitConverter.Int64BitsToDouble(unchecked(((long)bits.Item1 << 32) | (uint)bits.Item2))
        where double.IsFinite(d)
        select d
    );

    private static readonly Gen<Instant> Instants =
        from day in Gen.Choose(0, 3_652_058) // 0001-01-01 + 3,652,058 days = 9999-12-31
        from nanos in Gen.Choose(0, 86_399_999).Select(n => (long)n * 1_000L).Zip(Gen.Choose(0, 999), (a, b) => a + b)
        select Instant.FromUtc(1, 1, 1, 0, 0) + Duration.FromDays(day) + Duration.FromNanoseconds(nanos);

    private static Gen<object?> Cell(ColumnType type)
    {
        var value = type switch
        {
            ColumnType.Text => Texts.Select(t => (object?)t),
            ColumnType.WholeNumber => Gen.OneOf(
                    Gen.Choose(int.MinValue, int.MaxValue).Select(i => (long)i * 7919),
                    Gen.Elements(long.MinValue, long.MaxValue, 0L)
                )
                .Select(l => (object?)l),
            ColumnType.ExactNumber => Decimals.Select(d => (object?)d),
            ColumnType.RealNumber => Doubles.Select(d => (object?)d),
            ColumnType.Boolean => Gen.Elements(true, false).Select(b => (object?)b),
            ColumnType.Date => Gen.Choose(0, 3_652_058).Select(d => (object?)new LocalDate(1, 1, 1).PlusDays(d)),
            _ => Instants.Select(i => (object?)i),
        };
        return Gen.Frequency((1, Gen.Constant((object?)null)), (4, value));
    }

    private static readonly Gen<ReportTable> Tables =
        from types in Gen.Elements(Enum.GetValues<ColumnType>()).ArrayOf().Where(t => t.Length is > 0 and <= 7)
        from rowCount in Gen.Choose(0, 8)
        from rows in Gen.CollectToArray(types, Cell).Select(cells => (IReadOnlyList<object?>)cells).ArrayOf(rowCount)
        select new ReportTable(
            "generated",
            types.Select((t, i) => new ReportColumn($"c{i}_{t.ToString().ToLowerInvariant()}", t, "Generated.")),
            rows
        );

    [Fact]
    public void Write_then_an_independent_reader_gives_back_every_cell_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Tables.ToArbitrary(),
                Gen.Elements(',', ';', '\t', '|').ToArbitrary(),
                (table, delimiter) =>
                {
                    var options = new CsvWriteOptions { Delimiter = delimiter };
                    var (header, rows) = IndependentCsv.Read(IndependentCsv.Write(table, options), table, delimiter);
                    Assert.Equal(table.Columns.Select(c => c.Name), header);
                    IndependentCsv.AssertSameCells(table, rows);
                }
            )
        );

    [Fact]
    public void Every_record_is_quoted_only_where_it_must_be_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Texts.ToArbitrary(),
                text =>
                {
                    var quoted = SalesPipeline.Csv.Writing.CsvRecords.NeedsQuotes(text, ',');
                    var must =
                        text.Length == 0
                        || char.IsWhiteSpace(text[0])
                        || char.IsWhiteSpace(text[^1])
                        || text.IndexOfAny([',', '"', '\r', '\n']) >= 0;
                    Assert.Equal(must, quoted);
                }
            )
        );
}
