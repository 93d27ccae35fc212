using NodaTime;
using SalesPipeline.Reporting;

namespace SalesPipeline.Tests.Reporting;

public sealed class ReportTableTests
{
    private static readonly ReportColumn Stage = new("stage_id", ColumnType.Text, "The stage.");
    private static readonly ReportColumn Reached = new("reached", ColumnType.WholeNumber, "Deals that reached it.");

    private static ReportTable Funnel() =>
        new(
            "funnel",
            [Stage, Reached],
            [
                ["qualify", 120L],
                ["proposal", 48L],
            ]
        );

    [Fact]
    public void Table_KeepsNameColumnsAndCells()
    {
        var table = Funnel();

        Assert.Equal("funnel", table.Name);
        Assert.Equal([Stage, Reached], table.Columns);
        Assert.Equal(2, table.RowCount);
        Assert.Equal(48L, table[1, 1]);
        Assert.Equal("qualify", table[0, 0]);
        Assert.Equal("funnel: 2 columns, 2 rows", table.ToString());
    }

    [Fact]
    public void Table_CopiesTheRows_SoLaterChangesDoNotShow()
    {
        object?[] row = ["qualify", 120L];
        var table = new ReportTable("funnel", [Stage, Reached], [row]);

        row[1] = 7L;

        Assert.Equal(120L, table[0, 1]);
    }

    [Fact]
    public void Table_EveryTypeAndNull_Accepted()
    {
        ReportColumn[] columns =
        [
            new("t", ColumnType.Text, "t."),
            new("w", ColumnType.WholeNumber, "w."),
            new("e", ColumnType.ExactNumber, "e."),
            new("r", ColumnType.RealNumber, "r."),
            new("b", ColumnType.Boolean, "b."),
            new("d", ColumnType.Date, "d."),
            new("i", ColumnType.Instant, "i."),
        ];
        object?[] full =
        [
            "x \U0001F600",
            long.MinValue,
            decimal.MaxValue,
            double.Epsilon,
            true,
            new LocalDate(9999, 12, 31),
            Instant.FromUtc(1, 1, 1, 0, 0),
        ];
        object?[] empty = [null, null, null, null, null, null, null];

        var table = new ReportTable("all_types", columns, [full, empty]);

        Assert.Equal(full, Enumerable.Range(0, 7).Select(c => table[0, c]));
        Assert.All(Enumerable.Range(0, 7), c => Assert.Null(table[1, c]));
    }

    [Fact]
    public void Table_NoRows_IsValid() => Assert.Equal(0, new ReportTable("empty", [Stage], []).RowCount);

    [Fact]
    public void Table_NullArguments_RejectedByName()
    {
        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => new ReportTable(null!, [Stage], [])).ParamName);
        Assert.Equal("columns", Assert.Throws<ArgumentNullException>(() => new ReportTable("t", null!, [])).ParamName);
        Assert.Equal("rows", Assert.Throws<ArgumentNullException>(() => new ReportTable("t", [Stage], null!)).ParamName);
        Assert.Equal("columns", Assert.Throws<ArgumentNullException>(() => new ReportTable("t", [Stage, null!], [])).ParamName);
        var row = Assert.Throws<ArgumentNullException>(() =>
            new ReportTable(
                "t",
                [Stage],
                [
                    ["a"],
                    null!,
                ]
            )
        );
        Assert.Equal("rows", row.ParamName);
        Assert.Contains("1", row.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Funnel")]
    [InlineData("1funnel")]
    [InlineData("_funnel")]
    [InlineData("funnel-report")]
    [InlineData("funnel report")]
    [InlineData("fünnel")]
    public void Table_NameNotSnakeCase_Rejected(string name)
    {
        var e = Assert.Throws<ArgumentException>(() => new ReportTable(name, [Stage], []));
        Assert.Equal("name", e.ParamName);
        Assert.Contains($"\"{name}\"", e.Message, StringComparison.Ordinal);
        Assert.Contains("snake case", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_NameOf64_Accepted_65_Rejected()
    {
        Assert.Equal(64, new ReportTable(new string('a', 64), [Stage], []).Name.Length);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => new ReportTable(new string('a', 65), [Stage], [])).ParamName);
    }

    [Fact]
    public void Table_NoColumn_Rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new ReportTable("t", [], []));
        Assert.Equal("columns", e.ParamName);
        Assert.Contains("at least one column", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_TwoColumnsOfOneName_Rejected()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            new ReportTable("t", [Stage, new("stage_id", ColumnType.WholeNumber, "Again.")], [])
        );
        Assert.Equal("columns", e.ParamName);
        Assert.Contains("two columns named \"stage_id\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_RowOfAnotherWidth_Rejected()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            new ReportTable(
                "t",
                [Stage, Reached],
                [
                    ["a", 1L],
                    ["b"],
                ]
            )
        );
        Assert.Equal("rows", e.ParamName);
        Assert.Contains("Row 1", e.Message, StringComparison.Ordinal);
        Assert.Contains("has 1 cells; the table has 2 columns", e.Message, StringComparison.Ordinal);
    }

    public static TheoryData<ColumnType, object> WrongCells =>
        new()
        {
            { ColumnType.WholeNumber, 3 }, // an int, not a long: no silent widening
            { ColumnType.ExactNumber, 1.5 },
            { ColumnType.RealNumber, 1.5m },
            { ColumnType.RealNumber, double.NaN },
            { ColumnType.RealNumber, double.PositiveInfinity },
            { ColumnType.RealNumber, double.NegativeInfinity },
            { ColumnType.Text, 'x' },
            { ColumnType.Text, "a\uD800b" }, // a lone high surrogate
            { ColumnType.Text, "\uDC00" }, // a lone low surrogate
            { ColumnType.Text, "ab\uD83D" }, // a high surrogate at the end
            { ColumnType.Boolean, "true" },
            { ColumnType.Date, new LocalDateTime(2026, 1, 1, 0, 0) },
            { ColumnType.Date, new LocalDate(2026, 1, 1, CalendarSystem.Julian) },
            { ColumnType.Instant, Instant.FromUtc(-5, 1, 1, 0, 0) },
            { ColumnType.Instant, new LocalDate(2026, 1, 1) },
            { ColumnType.Text, 12L },
        };

    [Theory]
    [MemberData(nameof(WrongCells))]
    public void Table_CellNotOfItsColumnsType_Rejected(ColumnType type, object cell)
    {
        var column = new ReportColumn("value", type, "A value.");

        var e = Assert.Throws<ArgumentException>(() =>
            new ReportTable(
                "t",
                [column],
                [
                    [cell],
                ]
            )
        );

        Assert.Equal("rows", e.ParamName);
        Assert.Contains("Row 0 of table \"t\", column value", e.Message, StringComparison.Ordinal);
        Assert.Contains($"not a {type} value", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_SurrogatePair_Accepted() =>
        Assert.Equal(
            "\uD83D\uDE00",
            new ReportTable(
                "t",
                [Stage],
                [
                    ["\uD83D\uDE00"],
                ]
            )[0, 0]
        );

    [Theory]
    [InlineData(-1, 0, "row")]
    [InlineData(2, 0, "row")]
    [InlineData(0, -1, "column")]
    [InlineData(0, 2, "column")]
    [InlineData(int.MinValue, 0, "row")]
    public void Indexer_OutsideTheTable_RejectedByName(int row, int column, string param)
    {
        var table = Funnel();

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => table[row, column]);

        Assert.Equal(param, e.ParamName);
        Assert.Equal(param == "row" ? row : column, e.ActualValue);
    }

    [Fact]
    public void IndexOf_FindsByExactName_OrMinusOne()
    {
        var table = Funnel();

        Assert.Equal(0, table.IndexOf("stage_id"));
        Assert.Equal(1, table.IndexOf("reached"));
        Assert.Equal(-1, table.IndexOf("Reached"));
        Assert.Equal(-1, table.IndexOf(""));
        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => table.IndexOf(null!)).ParamName);
    }

    [Fact]
    public void Column_KeepsItsParts_AndPrints()
    {
        var column = new ReportColumn("amount_currency", ColumnType.Text, "The ISO 4217 code of amount.");

        Assert.Equal(("amount_currency", ColumnType.Text, "The ISO 4217 code of amount."), (column.Name, column.Type, column.Description));
        Assert.Equal("amount_currency (Text)", column.ToString());
        Assert.Equal(column, new ReportColumn("amount_currency", ColumnType.Text, "The ISO 4217 code of amount."));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Amount")]
    [InlineData("9lives")]
    [InlineData("a b")]
    [InlineData("a.b")]
    [InlineData("ämount")]
    public void Column_NameNotSnakeCase_Rejected(string name)
    {
        var e = Assert.Throws<ArgumentException>(() => new ReportColumn(name, ColumnType.Text, "x."));
        Assert.Equal("name", e.ParamName);
        Assert.Contains($"\"{name}\"", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Column_BlankDescription_Rejected(string description)
    {
        var e = Assert.Throws<ArgumentException>(() => new ReportColumn("amount", ColumnType.Text, description));
        Assert.Equal("description", e.ParamName);
        Assert.Contains("amount", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Column_NullsAndUndefinedType_RejectedByName()
    {
        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => new ReportColumn(null!, ColumnType.Text, "x.")).ParamName);
        Assert.Equal("description", Assert.Throws<ArgumentNullException>(() => new ReportColumn("a", ColumnType.Text, null!)).ParamName);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ReportColumn("a", (ColumnType)99, "x."));
        Assert.Equal("type", e.ParamName);
        Assert.Equal((ColumnType)99, e.ActualValue);
    }
}
