using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Metrics;

namespace SalesPipeline.Tests.Metrics;

public class BusinessCalendarTests
{
    private static Instant Utc(int month, int day, int hour) => Instant.FromUtc(2026, month, day, hour, 0);

    [Fact]
    public void BusinessDaysBetween_FridayNoonToMondayNoon_IsOneDay() =>
        Assert.Equal(1.0, BusinessCalendar.WeekdaysUtc.BusinessDaysBetween(Utc(3, 6, 12), Utc(3, 9, 12)));

    [Fact]
    public void BusinessDaysBetween_PartialFirstAndLastDays_ProRata() =>
        // Monday 09:00 to Wednesday 15:00: 15/24 + 1 + 15/24 = 2.25.
        Assert.Equal(2.25, BusinessCalendar.WeekdaysUtc.BusinessDaysBetween(Utc(3, 2, 9), Utc(3, 4, 15)));

    [Fact]
    public void BusinessDaysBetween_Holiday_IsSkipped()
    {
        var christmas = BusinessCalendar.Create(DateTimeZone.Utc, [new LocalDate(2026, 12, 25)]);

        // Thu 24th 12:00 to Mon 28th 12:00: 0.5 + 0 (holiday) + 0 + 0 (weekend) + 0.5.
        Assert.Equal(1.0, christmas.BusinessDaysBetween(Utc(12, 24, 12), Utc(12, 28, 12)));
        Assert.Equal(2.0, BusinessCalendar.WeekdaysUtc.BusinessDaysBetween(Utc(12, 24, 12), Utc(12, 28, 12)));
        Assert.False(christmas.IsBusinessDay(new LocalDate(2026, 12, 25)));
        Assert.True(christmas.IsBusinessDay(new LocalDate(2026, 12, 24)));
    }

    [Fact]
    public void BusinessDaysBetween_InAZone_UsesLocalDays()
    {
        var tokyo = BusinessCalendar.Create(DateTimeZoneProviders.Tzdb["Asia/Tokyo"], []);

        // Friday 2026-03-06 20:00 UTC is Saturday 05:00 in Tokyo: none of it is a business day there, until Monday 00:00
        // local (Sunday 15:00 UTC); to Monday 12:00 local (03:00 UTC) that is 0.5.
        Assert.Equal(0.5, tokyo.BusinessDaysBetween(Utc(3, 6, 20), Utc(3, 9, 3)));
    }

    [Fact]
    public void BusinessDaysBetween_DaylightSavingDay_PartIsTheElapsedShareOfThatDay()
    {
        var berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
        var everyDay = BusinessCalendar.Create(berlin, [], weekend: []);
        var start = new LocalDate(2026, 3, 29).AtStartOfDayInZone(berlin).ToInstant(); // a 23-hour day

        Assert.Equal(1.0, everyDay.BusinessDaysBetween(start, start.Plus(Duration.FromHours(23))));
        Assert.Equal(11.0 / 23, everyDay.BusinessDaysBetween(start, start.Plus(Duration.FromHours(11))), 12);
    }

    [Fact]
    public void Ticks_WholeHoursInUtc_MatchCountingBusinessHours_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Gen.Choose(0, 2_000).ToArbitrary(),
                Gen.Choose(0, 1_000).ToArbitrary(),
                Gen.ListOf(Gen.Choose(0, 120)).ToArbitrary(),
                (startHour, length, holidayOffsets) =>
                {
                    var origin = Instant.FromUtc(2026, 1, 1, 0, 0);
                    var holidays = holidayOffsets.Select(d => new LocalDate(2026, 1, 1).PlusDays(d)).ToList();
                    var calendar = BusinessCalendar.Create(DateTimeZone.Utc, holidays);
                    var start = origin.Plus(Duration.FromHours(startHour));
                    var end = start.Plus(Duration.FromHours(length));
                    var businessHours = Enumerable
                        .Range(0, length)
                        .Select(h => start.Plus(Duration.FromHours(h)).InUtc().Date)
                        .Count(d => d.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday) && !holidays.Contains(d));
                    return calendar.Ticks(end, "end") - calendar.Ticks(start, "start") == businessHours * NodaConstants.TicksPerHour;
                }
            )
        );

    [Fact]
    public void Create_BadArguments_Throw()
    {
        Assert.Equal("zone", Assert.Throws<ArgumentNullException>(() => BusinessCalendar.Create(null!, [])).ParamName);
        Assert.Equal("holidays", Assert.Throws<ArgumentNullException>(() => BusinessCalendar.Create(DateTimeZone.Utc, null!)).ParamName);
        var all = Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None);
        Assert.Equal("weekend", Assert.Throws<ArgumentException>(() => BusinessCalendar.Create(DateTimeZone.Utc, [], all)).ParamName);
        var none = Assert.Throws<ArgumentOutOfRangeException>(() => BusinessCalendar.Create(DateTimeZone.Utc, [], [IsoDayOfWeek.None]));
        Assert.Equal("weekend", none.ParamName);
        var backwards = Assert.Throws<ArgumentOutOfRangeException>(() =>
            BusinessCalendar.WeekdaysUtc.BusinessDaysBetween(Utc(3, 2, 9), Utc(3, 2, 8))
        );
        Assert.Equal("end", backwards.ParamName);
    }

    // Issue 15: the first supported instant is still 0000-12-31 in New York (UTC-4:56 local mean time then), and the
    // last one is already 10000-01-01 on Kiritimati (UTC+14): refused naming the parameter, not a runtime DateOnly error.
    [Fact]
    public void BusinessDaysBetween_AnInstantWhoseLocalDateIsOutsideTheSupportedDates_Throws()
    {
        var newYork = BusinessCalendar.Create(DateTimeZoneProviders.Tzdb["America/New_York"], []);
        var kiritimati = BusinessCalendar.Create(DateTimeZoneProviders.Tzdb["Pacific/Kiritimati"], []);
        var now = Instant.FromUtc(2026, 1, 1, 0, 0);

        var first = Assert.Throws<ArgumentOutOfRangeException>(() => newYork.BusinessDaysBetween(Instant.FromUtc(1, 1, 1, 0, 0), now));
        var last = Assert.Throws<ArgumentOutOfRangeException>(() => kiritimati.BusinessDaysBetween(now, Instant.MaxValue));

        Assert.Equal("start", first.ParamName);
        Assert.Contains(
            "In America/New_York the instant 0001-01-01T00:00:00Z falls outside the supported dates",
            first.Message,
            StringComparison.Ordinal
        );
        Assert.Equal("end", last.ParamName);
        Assert.Contains("In Pacific/Kiritimati the instant", last.Message, StringComparison.Ordinal);
    }

    // 9999-12-31 is a Friday, a business day with no next day to start: noon is half of it, midnight of the first
    // supported day (a Monday) is day 0.
    [Fact]
    public void BusinessDaysBetween_TheEndsOfTheSupportedDates_AreCounted()
    {
        var utc = BusinessCalendar.WeekdaysUtc;

        Assert.Equal(0.5, utc.BusinessDaysBetween(Instant.FromUtc(9999, 12, 31, 0, 0), Instant.FromUtc(9999, 12, 31, 12, 0)));
        Assert.Equal(1.0, utc.BusinessDaysBetween(Instant.FromUtc(1, 1, 1, 0, 0), Instant.FromUtc(1, 1, 2, 0, 0)));
    }
}
