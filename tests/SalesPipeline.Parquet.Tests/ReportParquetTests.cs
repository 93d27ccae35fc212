using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Parquet.Tests.Support;
using SalesPipeline.Reporting;

namespace SalesPipeline.Parquet.Tests;

public class ReportParquetTests
{
    private static byte[] Write(ReportTable table, int rowGroupRows = 100_000)
    {
        using var stream = new MemoryStream();
        ReportParquet.WriteAsync(table, stream, rowGroupRows, default).GetAwaiter().GetResult();
        return stream.ToArray();
    }

    private static ReportColumn Column(string name, ColumnType type) => new(name, type, $"The {name}.");

    [Fact]
    public void Every_column_type_maps_to_its_Parquet_type_and_reads_back()
    {
        var at = Instant.FromUtc(2025, 3, 13, 13, 36, 13) + Duration.FromTicks(10); // one microsecond past the second
        var table = new ReportTable(
            "leaderboard",
            [
                Column("owner", ColumnType.Text),
                Column("won_deals", ColumnType.WholeNumber),
                Column("won_amount", ColumnType.ExactNumber),
                Column("won_amount_currency", ColumnType.Text),
                Column("win_rate", ColumnType.RealNumber),
                Column("on_target", ColumnType.Boolean),
                Column("first_win", ColumnType.Date),
                Column("last_event_at", ColumnType.Instant),
            ],
            [
                ["alice", 12L, 1250.50m, "USD", 0.375, true, new LocalDate(2025, 1, 31), at],
                ["bob", 0L, 900m, "USD", null, false, null, null],
                [null, null, null, null, null, null, null, null],
            ]
        );

        var file = IndependentReader.Read(Write(table));

        Assert.Equal(
            [
                "STRING/ByteArray",
                "INT(64,signed)/Int64",
                "DECIMAL(38,2)/FixedLenByteArray", // the largest scale written: 1250.50 has 2 decimals
                "STRING/ByteArray",
                "Double",
                "Boolean",
                "DATE/Int32",
                "TIMESTAMP(Micros,UTC)/Int64",
            ],
            file.Columns.Select(c => c.Type)
        );
        Assert.All(file.Columns, c => Assert.True(c.Optional));
        Assert.Equal(["alice", 12L, 1250.50m, "USD", 0.375, true, new LocalDate(2025, 1, 31), at], file.Columns.Select(c => c.Values[0]));
        Assert.Equal(["bob", 0L, 900m, "USD", null, false, null, null], file.Columns.Select(c => c.Values[1]));
        Assert.All(file.Columns, c => Assert.Null(c.Values[2]));
        Assert.Equal("leaderboard", file.Metadata["salespipeline.table"]);
        Assert.Equal("The won_amount.", file.Metadata["salespipeline.column.won_amount"]);
    }

    [Theory]
    // 1.5, 2.125 and 10: the largest scale is 3.
    [InlineData(new[] { "1.5", "2.125", "10" }, 3)]
    // 29 digits before the point leave 9 decimals: 1.50000000000 (written with 11) needs only 1.
    [InlineData(new[] { "79228162514264337593543950335", "1.50000000000" }, 9)]
    // Whole numbers only.
    [InlineData(new[] { "7", "-12" }, 0)]
    public void An_exact_column_takes_the_largest_scale_its_values_keep(string[] values, int scale)
    {
        var cells = values.Select(v => (IReadOnlyList<object?>)[decimal.Parse(v, System.Globalization.CultureInfo.InvariantCulture)]);
        var table = new ReportTable("t", [Column("x", ColumnType.ExactNumber)], cells);

        var file = IndependentReader.Read(Write(table));

        Assert.Equal($"DECIMAL(38,{scale})/FixedLenByteArray", file["x"].Type);
        Assert.Equal(values.Select(v => (object?)decimal.Parse(v, System.Globalization.CultureInfo.InvariantCulture)), file["x"].Values);
    }

    [Fact]
    public void A_column_no_decimal_38_holds_is_refused_before_anything_is_written()
    {
        // 29 digits before the point leave 9 decimals; 0.0000000001 needs 10.
        var table = new ReportTable(
            "t",
            [Column("x", ColumnType.ExactNumber)],
            [
                [79228162514264337593543950335m],
                [0.0000000001m],
            ]
        );
        using var stream = new MemoryStream();

        var error = Assert.Throws<ArgumentException>(() =>
        {
            _ = ReportParquet.WriteAsync(table, stream); // thrown at the call, not by the task
        });

        Assert.Equal("table", error.ParamName);
        Assert.Contains("column x", error.Message, StringComparison.Ordinal);
        Assert.Contains("0.0000000001", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, stream.Length);
    }

    [Fact]
    public void An_instant_finer_than_a_microsecond_is_refused_before_anything_is_written()
    {
        var instant = Instant.FromUtc(2025, 1, 1, 0, 0) + Duration.FromNanoseconds(1_500);
        var table = new ReportTable(
            "t",
            [Column("at", ColumnType.Instant)],
            [
                [Instant.FromUtc(2025, 1, 1, 0, 0)],
                [instant],
            ]
        );
        using var stream = new MemoryStream();

        var error = Assert.Throws<ArgumentException>(() =>
        {
            _ = ReportParquet.WriteAsync(table, stream); // thrown at the call, not by the task
        });

        Assert.Equal("table", error.ParamName);
        Assert.Contains("row 1, column at = 2025-01-01T00:00:00.0000015Z", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, stream.Length);
    }

    [Fact]
    public async Task A_table_without_rows_is_a_valid_file_with_its_columns()
    {
        var table = new ReportTable("t", [Column("x", ColumnType.Date)], []);
        using var stream = new MemoryStream();

        await ReportParquet.WriteAsync(table, stream);

        var file = IndependentReader.Read(stream.ToArray());
        Assert.Equal("DATE/Int32", file["x"].Type);
        Assert.Equal(0, file.Rows);
    }

    private static readonly ColumnType[] Types = Enum.GetValues<ColumnType>();

    private static Gen<object?> Cell(ColumnType type) =>
        Gen.Frequency(
            (1, Gen.Constant<object?>(null)),
            (
                5,
                type switch
                {
                    ColumnType.Text => Gen.Elements("", "a", "Acme, Inc. \"HQ\"", "Zürich ☃", "line\nbreak").Select(s => (object?)s),
                    ColumnType.WholeNumber => Gen.Choose(int.MinValue, int.MaxValue).Two().Select(p => (object?)Bits(p.Item1, p.Item2)),
                    // Up to 20 digits and 18 decimals, so any mix fits DECIMAL(38, s).
                    ColumnType.ExactNumber => Gen.Choose(int.MinValue, int.MaxValue)
                        .Three()
                        .Select(t => (object?)new decimal(t.Item1, t.Item2, 0, t.Item3 < 0, (byte)Math.Abs(t.Item3 % 19))),
                    ColumnType.RealNumber => Gen.Choose(int.MinValue, int.MaxValue)
                        .Two()
                        .Select(p => BitConverter.Int64BitsToDouble(Bits(p.Item1, p.Item2)))
                        .Where(double.IsFinite)
                        .Select(d => (object?)d),
                    ColumnType.Boolean => Gen.Elements(true, false).Select(b => (object?)b),
                    ColumnType.Date => Gen.Choose(0, 3_652_058).Select(d => (object?)new LocalDate(1, 1, 1).PlusDays(d)),
                    _ => Gen.Choose(0, 3_652_058)
                        .Three()
                        .Select(t =>
                            (object?)(
                                Instant.FromUtc(1, 1, 1, 0, 0)
                                + Duration.FromDays(t.Item1)
                                + Duration.FromSeconds(t.Item2 % 86_400)
                                + Duration.FromTicks(10L * (t.Item3 % 1_000_000))
                            )
                        ),
                }
            )
        );

    private static long Bits(int high, int low) => unchecked(((long)high << 32) | (uint)low);

    private static Gen<ReportTable> Tables =>
        from types in Gen.ArrayOf(Gen.Elements(Types)).Where(t => t.Length is > 0 and <= 8)
        from rows in Gen.Choose(0, 25)
        from cells in Gen.ArrayOf(Gen.CollectToArray(types.Select(Cell)).Select(r => (IReadOnlyList<object?>)r), rows)
        select new ReportTable("generated", types.Select((t, i) => Column($"c{i}", t)), cells);

    [Fact]
    public void Generated_tables_read_back_cell_by_cell_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Tables.ToArbitrary(),
                Gen.Choose(1, 10).ToArbitrary(),
                (table, groupRows) =>
                {
                    var file = IndependentReader.Read(Write(table, groupRows));
                    Assert.Equal(table.Columns.Select(c => c.Name), file.Columns.Select(c => c.Name));
                    Assert.Equal(table.RowCount, file.Rows);
                    for (var c = 0; c < table.Columns.Count; c++)
                    {
                        var expectedType = table.Columns[c].Type switch
                        {
                            ColumnType.Text => "STRING/ByteArray",
                            ColumnType.WholeNumber => "INT(64,signed)/Int64",
                            ColumnType.ExactNumber => "DECIMAL(38,",
                            ColumnType.RealNumber => "Double",
                            ColumnType.Boolean => "Boolean",
                            ColumnType.Date => "DATE/Int32",
                            _ => "TIMESTAMP(Micros,UTC)/Int64",
                        };
                        Assert.StartsWith(expectedType, file.Columns[c].Type, StringComparison.Ordinal);
                        for (var r = 0; r < table.RowCount; r++)
                        {
                            Assert.Equal(table[r, c], file.Columns[c].Values[r]);
                        }
                    }
                }
            )
        );
}
