using System.Globalization;
using System.Text;
using NodaTime;
using SalesPipeline.Csv.Reading;
using SalesPipeline.Csv.Tests.Support;

namespace SalesPipeline.Csv.Tests.Formats;

// The culture's short date and time, as Salesforce writes them in an en_US org (M/d/yyyy h:mm a, ICU), read by Values.
public class CultureDateTests
{
    private static readonly Values EnUs = new(Exports.EnUs, DateTimeZone.Utc);
    private static readonly Values Lenient = new(Exports.EnUs, DateTimeZone.Utc, lenient: true);

    [Theory]
    [InlineData("7/1/2026 9:00 AM", 2026, 7, 1, 9, 0, 0)]
    [InlineData("07/01/2026 09:00 AM", 2026, 7, 1, 9, 0, 0)]
    [InlineData("7/1/2026 12:30 AM", 2026, 7, 1, 0, 30, 0)] // 12 AM is midnight
    [InlineData("7/1/2026 12:05 PM", 2026, 7, 1, 12, 5, 0)] // 12 PM is noon
    [InlineData("7/1/2026 9:15 pm", 2026, 7, 1, 21, 15, 0)]
    [InlineData("7/1/2026 9:15:30 PM", 2026, 7, 1, 21, 15, 30)]
    [InlineData("7/1/2026 9:15\u202fPM", 2026, 7, 1, 21, 15, 0)] // CLDR 42's narrow no-break space
    [InlineData("7/1/2026 9:15PM", 2026, 7, 1, 21, 15, 0)]
    [InlineData("7/1/2026 21:15", 2026, 7, 1, 21, 15, 0)]
    [InlineData("2026-07-01T21:15:00Z", 2026, 7, 1, 21, 15, 0)] // ISO still first
    public void Date_times_of_the_culture_are_read(string text, int y, int mo, int d, int h, int mi, int s)
    {
        Assert.Null(EnUs.Instant(Encoding.UTF8.GetBytes(text), out var value));
        Assert.Equal(Instant.FromUtc(y, mo, d, h, mi, s), value);
    }

    [Theory]
    [InlineData("7/1/2026 13:00 PM")]
    [InlineData("7/1/2026 0:30 AM")]
    [InlineData("2/30/2026 9:00 AM")]
    [InlineData("7/1/2026 9:60")]
    public void Times_and_days_that_do_not_exist_are_errors(string text) =>
        Assert.StartsWith("The date or time does not exist", EnUs.Instant(Encoding.UTF8.GetBytes(text), out _), StringComparison.Ordinal);

    [Theory]
    [InlineData("7/1/26 9:00 AM")] // a two-digit year is ambiguous
    [InlineData("7/1/2026 9 AM")]
    [InlineData("7-1-2026 9:00 AM")]
    [InlineData("7/1/2026 9:00 XM")]
    [InlineData("7/1/2026")] // a date alone is not an instant unless the format says so
    public void Other_forms_are_refused_naming_the_culture_form(string text) =>
        Assert.Contains(
            "or the culture's short date M/d/yyyy",
            EnUs.Instant(Encoding.UTF8.GetBytes(text), out _),
            StringComparison.Ordinal
        );

    [Fact]
    public void In_a_crm_format_a_date_is_the_start_of_its_day_and_a_date_time_gives_its_date()
    {
        var zone = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];
        var values = new Values(Exports.EnUs, zone, lenient: true);

        Assert.Null(values.Instant("1/15/2026"u8, out var start));
        Assert.Equal(Instant.FromUtc(2026, 1, 15, 8, 0), start);
        Assert.Null(values.Instant("2026-01-15"u8, out var iso));
        Assert.Equal(start, iso);
        Assert.Null(Lenient.Date("1/15/2026 11:30 PM"u8, out var date));
        Assert.Equal(new LocalDate(2026, 1, 15), date);
        Assert.Null(Lenient.Date("2026-01-15 23:30"u8, out var isoDate));
        Assert.Equal(date, isoDate);
        Assert.NotNull(EnUs.Date("1/15/2026 11:30 PM"u8, out _));
    }

    [Fact]
    public void One_digit_days_and_months_follow_the_cultures_order()
    {
        var german = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        german.DateTimeFormat.ShortDatePattern = "dd.MM.yyyy";
        var values = new Values(german, DateTimeZone.Utc);

        Assert.Null(values.Date("1.3.2025"u8, out var date));
        Assert.Equal(new LocalDate(2025, 3, 1), date);
        Assert.Null(values.Instant("1.3.2025 14:30"u8, out var at));
        Assert.Equal(Instant.FromUtc(2025, 3, 1, 14, 30), at);
        Assert.Equal("The date does not exist: months 1-12 and the month's days.", values.Date("31.4.2025"u8, out _));
    }

    // A culture whose short date has a two-digit year (M/d/yy) still needs four digits: 6/30/25 could be 1925 or 2025,
    // and no pivot year is guessed.
    [Fact]
    public void A_two_digit_year_pattern_reads_four_digit_years_only()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.DateTimeFormat.ShortDatePattern = "M/d/yy";
        var values = new Values(culture, DateTimeZone.Utc);

        Assert.Null(values.Date("6/30/2025"u8, out var date));
        Assert.Equal(new LocalDate(2025, 6, 30), date);
        Assert.Contains("four-digit year", values.Date("6/30/25"u8, out _), StringComparison.Ordinal);
        Assert.Contains("four-digit year", values.Instant("6/30/25 9:00"u8, out _), StringComparison.Ordinal);
    }
}
