using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Reporting;

namespace SalesPipeline.Tests.Reporting;

// ReportTable.FormatCell: the forms of the table "Values are written in one invariant form" in docs/export.md, whose
// examples are the expected texts below (written by hand from that table, not from the code).
public sealed class FormatCellTests
{
    [Fact]
    public void Null_IsEmptyText() => Assert.Equal("", ReportTable.FormatCell(null));

    [Theory]
    [InlineData("Globex", "Globex")]
    [InlineData("Gamma, Inc.", "Gamma, Inc.")] // quoting is the CSV writer's business, not the cell's
    [InlineData("", "")]
    [InlineData(" -3 days", " -3 days")]
    public void Text_IsAsItIs(string value, string expected) => Assert.Equal(expected, ReportTable.FormatCell(value));

    [Theory]
    [InlineData(-7L, "-7")]
    [InlineData(0L, "0")]
    [InlineData(long.MaxValue, "9223372036854775807")]
    [InlineData(1234567L, "1234567")] // no group separator
    public void WholeNumber_IsInvariantWithoutSeparators(long value, string expected) =>
        Assert.Equal(expected, ReportTable.FormatCell(value));

    [Theory]
    [InlineData("1234.50", "1234.50")] // the scale is kept: two decimals stay two
    [InlineData("-0.000001", "-0.000001")] // no exponent
    [InlineData("82000.00", "82000.00")]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335")] // decimal.MaxValue, every digit
    public void ExactNumber_KeepsEveryDigitAndTheScale(string parsed, string expected) =>
        Assert.Equal(expected, ReportTable.FormatCell(decimal.Parse(parsed, CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(2.0 / 3, "0.6666666666666666")]
    [InlineData(1e-7, "1E-07")]
    [InlineData(-0.0, "-0")]
    [InlineData(1e21, "1E+21")]
    public void RealNumber_IsTheShortestRoundTripText(double value, string expected) =>
        Assert.Equal(expected, ReportTable.FormatCell(value));

    [Fact]
    public void Boolean_IsLowerCaseTrueOrFalse()
    {
        Assert.Equal("true", ReportTable.FormatCell(true));
        Assert.Equal("false", ReportTable.FormatCell(false));
    }

    [Fact]
    public void Date_IsIso()
    {
        Assert.Equal("2026-03-31", ReportTable.FormatCell(new LocalDate(2026, 3, 31)));
        Assert.Equal("0001-01-01", ReportTable.FormatCell(new LocalDate(1, 1, 1)));
    }

    [Fact]
    public void Instant_IsIsoUtc_WithAFractionOnlyWhenThereIsOne()
    {
        Assert.Equal("2026-03-10T12:00:00Z", ReportTable.FormatCell(Instant.FromUtc(2026, 3, 10, 12, 0)));
        Assert.Equal("2026-03-10T12:00:00.5Z", ReportTable.FormatCell(Instant.FromUtc(2026, 3, 10, 12, 0).PlusNanoseconds(500_000_000)));
    }

    public static TheoryData<object> NotCells() =>
        [
            42, // an int: cells hold longs
            1.5f,
            double.NaN,
            double.PositiveInfinity,
            new LocalDate(2026, 3, 31, CalendarSystem.Julian),
            Instant.MinValue,
            new object(),
            Money.Of(1m, Currency.USD),
        ];

    [Theory]
    [MemberData(nameof(NotCells))]
    public void AValueNoTableAdmits_IsRefused_NamingItAndTheRule(object value)
    {
        var e = Assert.Throws<ArgumentException>(() => ReportTable.FormatCell(value));

        Assert.Equal("value", e.ParamName);
        Assert.Contains("is not a report cell", e.Message, StringComparison.Ordinal);
        Assert.Contains($"({value.GetType().Name})", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryCellOfEveryTypeATableAdmits_HasAForm()
    {
        // The cells of Table_EveryTypeAndNull_Accepted (ReportTableTests): one of each column type.
        object?[] cells = ["x", 7L, 1.5m, 0.25, true, new LocalDate(2026, 1, 31), Instant.FromUtc(2026, 1, 31, 8, 0), null];
        var table = new ReportTable(
            "every_type",
            [
                new ReportColumn("t", ColumnType.Text, "t."),
                new ReportColumn("w", ColumnType.WholeNumber, "w."),
                new ReportColumn("e", ColumnType.ExactNumber, "e."),
                new ReportColumn("r", ColumnType.RealNumber, "r."),
                new ReportColumn("b", ColumnType.Boolean, "b."),
                new ReportColumn("d", ColumnType.Date, "d."),
                new ReportColumn("i", ColumnType.Instant, "i."),
                new ReportColumn("n", ColumnType.Text, "n."),
            ],
            [cells]
        );

        var texts = Enumerable.Range(0, cells.Length).Select(c => ReportTable.FormatCell(table[0, c])).ToArray();

        Assert.Equal(["x", "7", "1.5", "0.25", "true", "2026-01-31", "2026-01-31T08:00:00Z", ""], texts);
    }

    [Fact]
    public void Property_ARealNumberReadsBackAsTheSameDouble() =>
        // Bits, not values: -0 must stay -0.
        PropertyAssert.Holds(
            Prop.ForAll(
                (
                    from high in Gen.Choose(int.MinValue, int.MaxValue)
                    from low in Gen.Choose(int.MinValue, int.MaxValue)
                    let d = BitConverter.Int64BitsToDouble(unchecked(((long)high << 32) | (uint)low))
                    where double.IsFinite(d)
                    select d
                ).ToArbitrary(),
                d =>
                    BitConverter.DoubleToInt64Bits(double.Parse(ReportTable.FormatCell(d), CultureInfo.InvariantCulture))
                    == BitConverter.DoubleToInt64Bits(d)
            )
        );

    [Fact]
    public void Property_AnExactNumberReadsBackWithItsValueAndScale() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                (
                    from low in Gen.Choose(int.MinValue, int.MaxValue)
                    from mid in Gen.Choose(int.MinValue, int.MaxValue)
                    from negative in Gen.Elements(true, false)
                    from scale in Gen.Choose(0, 28)
                    select new decimal(low, mid, 0, negative, (byte)scale)
                ).ToArbitrary(),
                m =>
                {
                    var back = decimal.Parse(ReportTable.FormatCell(m), CultureInfo.InvariantCulture);
                    return back == m && back.Scale == m.Scale;
                }
            )
        );
}
