using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Targets;

namespace SalesPipeline.Tests.Targets;

public sealed class FiscalPeriodTests
{
    private static readonly DateInterval Q1 = new(new LocalDate(2026, 1, 1), new LocalDate(2026, 3, 31));

    [Fact]
    public void Of_Interval_IsLabelledWithItsIsoDates()
    {
        var period = FiscalPeriod.Of(Q1);

        Assert.Equal("2026-01-01..2026-03-31", period.Label);
        Assert.Equal(new LocalDate(2026, 1, 1), period.Start);
        Assert.Equal(new LocalDate(2026, 3, 31), period.End);
        Assert.Equal(Q1, period.Interval);
    }

    [Fact]
    public void Of_EarlyYear_PadsTheYearToFourDigits()
    {
        var period = FiscalPeriod.Of(new DateInterval(new LocalDate(999, 1, 1), new LocalDate(999, 1, 31)));

        Assert.Equal("0999-01-01..0999-01-31", period.Label);
    }

    [Fact]
    public void Contains_BothEndsInclusive()
    {
        var period = new FiscalPeriod("FY2026 Q1", Q1);

        Assert.True(period.Contains(new LocalDate(2026, 1, 1)));
        Assert.True(period.Contains(new LocalDate(2026, 2, 15)));
        Assert.True(period.Contains(new LocalDate(2026, 3, 31)));
        Assert.False(period.Contains(new LocalDate(2025, 12, 31)));
        Assert.False(period.Contains(new LocalDate(2026, 4, 1)));
    }

    [Fact]
    public void ToString_ShowsLabelAndDates()
    {
        Assert.Equal("FY2026 Q1 (2026-01-01..2026-03-31)", new FiscalPeriod("FY2026 Q1", Q1).ToString());
    }

    [Fact]
    public void Equals_SameLabelAndInterval_AreEqual_OtherLabelIsNot()
    {
        var copy = new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 3, 31));

        Assert.Equal(new FiscalPeriod("Q1", Q1), new FiscalPeriod("Q1", copy));
        Assert.NotEqual(new FiscalPeriod("Q1", Q1), new FiscalPeriod("First quarter", Q1));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Constructor_BlankLabel_Throws(string label)
    {
        var ex = Assert.Throws<ArgumentException>(() => new FiscalPeriod(label, Q1));

        Assert.Equal("label", ex.ParamName);
        Assert.Contains($"\"{label}\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NullArguments_ThrowArgumentNull()
    {
        Assert.Equal("label", Assert.Throws<ArgumentNullException>(() => new FiscalPeriod(null!, Q1)).ParamName);
        Assert.Equal("interval", Assert.Throws<ArgumentNullException>(() => new FiscalPeriod("Q1", null!)).ParamName);
        Assert.Equal("interval", Assert.Throws<ArgumentNullException>(() => FiscalPeriod.Of(null!)).ParamName);
    }
}
