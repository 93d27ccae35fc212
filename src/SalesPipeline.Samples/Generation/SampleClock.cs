using System;
using NodaTime;

namespace SalesPipeline.Samples.Generation;

/// <summary>Turns dates and day counts into instants in office hours of the sample's zone.</summary>
/// <remarks>Not thread-safe (it draws from the run's <see cref="SampleRandom"/>); one per generation run.</remarks>
internal sealed class SampleClock(DateTimeZone zone, SampleRandom random)
{
    public DateTimeZone Zone => zone;

    public LocalDate DateOf(Instant instant) => instant.InZone(zone).Date;

    /// <summary>The first weekday on or after <paramref name="date"/>.</summary>
    public static LocalDate Weekday(LocalDate date) =>
        date.DayOfWeek switch
        {
            IsoDayOfWeek.Saturday => date.PlusDays(2),
            IsoDayOfWeek.Sunday => date.PlusDays(1),
            _ => date,
        };

    /// <summary>A minute between 08:00 and 18:00 on the first weekday on or after <paramref name="date"/>.</summary>
    public Instant OfficeHours(LocalDate date) =>
        Weekday(date).At(new LocalTime(8, 0)).PlusMinutes(random.Between(0, 600)).InZoneLeniently(zone).ToInstant();

    /// <summary>
    /// About <paramref name="days"/> days after <paramref name="from"/>, in office hours, and always after it (a few
    /// minutes to two hours later when the day count rounds to the same day).
    /// </summary>
    public Instant After(Instant from, double days)
    {
        var date = DateOf(from).PlusDays((int)Math.Round(days, MidpointRounding.ToEven));
        var at = OfficeHours(date);
        return at > from ? at : from.Plus(Duration.FromMinutes(random.Between(5, 120)));
    }

    /// <summary>The last day of the month of <paramref name="date"/>.</summary>
    public static LocalDate EndOfMonth(LocalDate date) => date.With(DateAdjusters.EndOfMonth);
}
