using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using SalesPipeline.Utility;

namespace SalesPipeline.Calendars;

/// <summary>
/// Which days are business days (every day but the weekend days and the holidays), in a time zone, and how much business
/// time lies between two instants.
/// </summary>
/// <remarks>
/// <para>Business time between two instants = the business days wholly between them, plus the parts of the first and
/// last days when they are business days. A part of a day is the elapsed share of that day in the zone (from its local
/// start to the next day's start, so a 23- or 25-hour daylight-saving day still counts 1 in full). Example (UTC,
/// weekend Saturday and Sunday, no holidays): Friday 12:00 to Monday 12:00 is 0.5 (Friday) + 0 + 0 + 0.5 (Monday) =
/// 1.0 business day; Monday 09:00 to Wednesday 15:00 is 0.625 + 1 + 0.625 = 2.25.</para>
/// <para>Internally the time is counted in 100 ns ticks of a business day (864,000,000,000 per day), so sums are exact
/// and the result is additive: between(a, b) + between(b, c) = between(a, c).</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
public sealed class BusinessCalendar : IEquatable<BusinessCalendar>
{
    internal const long TicksPerDay = NodaConstants.TicksPerDay;
    private readonly int[] holidayDays; // day numbers of the holidays that fall on working weekdays, sorted
    private readonly bool[] weekendByIsoDay = new bool[8];
    private readonly int[] workdaysBefore = new int[8]; // [r]: working weekdays among the first r days of a week from Monday

    private BusinessCalendar(DateTimeZone zone, LocalDate[] holidays, IsoDayOfWeek[] weekend)
    {
        Zone = zone;
        Holidays = Array.AsReadOnly(holidays);
        Weekend = Array.AsReadOnly(weekend);
        foreach (var day in weekend)
        {
            weekendByIsoDay[(int)day] = true;
        }
        for (var r = 1; r <= 7; r++)
        {
            workdaysBefore[r] = workdaysBefore[r - 1] + (weekendByIsoDay[r] ? 0 : 1);
        }
        holidayDays = holidays.Where(d => !weekendByIsoDay[(int)d.DayOfWeek]).Select(DayNumber).ToArray();
    }

    /// <summary>Monday to Friday in UTC, with no holidays.</summary>
    public static BusinessCalendar WeekdaysUtc { get; } = Create(DateTimeZone.Utc, []);

    /// <summary>Creates a calendar.</summary>
    /// <param name="zone">The zone whose local days are counted.</param>
    /// <param name="holidays">The holidays; duplicates and weekend days among them change nothing.</param>
    /// <param name="weekend">The weekend days; Saturday and Sunday when null.</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> or <paramref name="holidays"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A weekend day is not a defined day of the week (Monday to Sunday); or <paramref name="holidays"/> is not a supported date: ISO calendar, 0001-01-01 to 9999-12-31.
    /// </exception>
    /// <exception cref="ArgumentException">The weekend days cover the whole week.</exception>
    /// <example><code>
    /// var calendar = BusinessCalendar.Create(DateTimeZone.Utc, [new LocalDate(2026, 12, 25)]);
    /// double days = calendar.BusinessDaysBetween(Instant.FromUtc(2026, 12, 24, 12, 0), Instant.FromUtc(2026, 12, 28, 12, 0));
    /// // 0.5 (Thu 24th) + 0 (Fri 25th, holiday) + 0 + 0 (weekend) + 0.5 (Mon 28th) = 1.0
    /// </code></example>
    public static BusinessCalendar Create(DateTimeZone zone, IEnumerable<LocalDate> holidays, IEnumerable<IsoDayOfWeek>? weekend = null)
    {
        Preconditions.CheckNotNull(zone);
        Preconditions.CheckNotNull(holidays);
        holidays = holidays.Select(h => Preconditions.CheckDate(h, nameof(holidays))).ToArray();
        var days = (weekend ?? [IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday]).Distinct().Order().ToArray();
        foreach (var day in days)
        {
            Preconditions.CheckRange(
                day is >= IsoDayOfWeek.Monday and <= IsoDayOfWeek.Sunday,
                nameof(weekend),
                day,
                $"A weekend day must be Monday to Sunday; it was {(int)day}."
            );
        }
        Preconditions.CheckArgument(days.Length < 7, nameof(weekend), "The weekend must leave at least one business day in the week.");
        return new BusinessCalendar(zone, holidays.Distinct().Order().ToArray(), days);
    }

    /// <summary>The zone whose local days are counted.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The holidays, sorted, without duplicates.</summary>
    public IReadOnlyList<LocalDate> Holidays { get; }

    /// <summary>The weekend days, Monday first.</summary>
    public IReadOnlyList<IsoDayOfWeek> Weekend { get; }

    /// <summary>Whether the date is a business day: not a weekend day and not a holiday.</summary>
    /// <param name="date">The date.</param>
    /// <returns>True for a business day.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="date"/> is not a supported date: ISO calendar, 0001-01-01 to 9999-12-31.</exception>
    public bool IsBusinessDay(LocalDate date) =>
        !weekendByIsoDay[(int)Preconditions.CheckDate(date).DayOfWeek] && Array.BinarySearch(holidayDays, DayNumber(date)) < 0;

    /// <summary>The business time from <paramref name="start"/> to <paramref name="end"/>, in business days.</summary>
    /// <param name="start">The start.</param>
    /// <param name="end">The end; not before <paramref name="start"/>.</param>
    /// <returns>The business days, 0 or more.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="end"/> is before <paramref name="start"/>; or either is not a supported instant (0001-01-01T00:00:00Z
    /// to 9999-12-31T23:59:59.999999999Z) or falls, in the calendar's zone, outside the supported dates 0001-01-01 to 9999-12-31.
    /// </exception>
    public double BusinessDaysBetween(Instant start, Instant end)
    {
        Preconditions.CheckInstant(start);
        Preconditions.CheckInstant(end);
        Preconditions.CheckRange(end >= start, nameof(end), end, $"The end {end} must not be before the start {start}.");
        return (double)(Ticks(end, nameof(end)) - Ticks(start, nameof(start))) / TicksPerDay;
    }

    /// <summary>"Mon-Fri in UTC, 1 holiday".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"weekend {string.Join("+", Weekend)} in {Zone.Id}, {Holidays.Count} holiday{(Holidays.Count == 1 ? "" : "s")}"
        );

    // Business ticks from the start of the calendar (0001-01-01) to the instant: a non-decreasing function, so the
    // business time of a span is the difference of its ends. An instant whose local date in the zone is outside the
    // supported dates (0001-01-01T00:00Z seen from New York is 0000-12-31) is refused naming paramName.
    internal long Ticks(Instant instant, string paramName)
    {
        if (!TryTicks(instant, out var ticks))
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                instant,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"In {Zone.Id} the instant {instant} falls outside the supported dates 0001-01-01 to 9999-12-31, so its business time cannot be counted."
                )
            );
        }
        return ticks;
    }

    // Ticks without the refusal (the frame kernels fall back to the deal code, which throws, when this is false).
    internal bool TryTicks(Instant instant, out long ticks)
    {
        var local = instant.ToUnixTimeTicks() + Zone.GetUtcOffset(instant).Ticks;
        if (local < FirstLocalTick || local >= AfterLastLocalTick)
        {
            ticks = 0;
            return false;
        }
        var date = instant.InZone(Zone).Date;
        var day = DayNumber(date);
        var whole = (long)BusinessDaysBefore(day) * TicksPerDay;
        if (!IsBusinessDay(date))
        {
            ticks = whole;
            return true;
        }
        var start = Zone.AtStartOfDay(date).ToInstant();
        // The last supported day has no next day to start: it is taken as 24 hours long.
        var length = date == LastDate ? Duration.FromDays(1) : Zone.AtStartOfDay(date.PlusDays(1)).ToInstant() - start;
        var part = (Int128)(instant - start).BclCompatibleTicks * TicksPerDay / length.BclCompatibleTicks;
        ticks = whole + (long)part;
        return true;
    }

    private static readonly LocalDate LastDate = new(9999, 12, 31);
    private static readonly long FirstLocalTick = Instant.FromUtc(1, 1, 1, 0, 0).ToUnixTimeTicks();
    private static readonly long AfterLastLocalTick = Instant.FromUtc(9999, 12, 31, 0, 0).ToUnixTimeTicks() + NodaConstants.TicksPerDay;

    // Day 0 (0001-01-01) is a Monday, so day % 7 is the position in a Monday-first week.
    private int BusinessDaysBefore(int day)
    {
        var holidaysBefore = Array.BinarySearch(holidayDays, day);
        holidaysBefore = holidaysBefore >= 0 ? holidaysBefore : ~holidaysBefore;
        return day / 7 * workdaysBefore[7] + workdaysBefore[day % 7] - holidaysBefore;
    }

    private static int DayNumber(LocalDate date) => date.ToDateOnly().DayNumber;

    /// <summary>Whether two calendars count alike: the same zone, weekend days and holidays.</summary>
    /// <param name="other">The other calendar.</param>
    /// <returns>True when equal; holidays given in another order or repeated do not matter, and neither do holidays
    /// that fall on a weekend day.</returns>
    public bool Equals(BusinessCalendar? other) =>
        other is not null
        && (
            ReferenceEquals(this, other)
            || (Equals(Zone, other.Zone) && Weekend.SequenceEqual(other.Weekend) && holidayDays.AsSpan().SequenceEqual(other.holidayDays))
        );

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as BusinessCalendar);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Zone, Weekend.Count, holidayDays.Length);

    /// <summary>Whether two calendars are equal by content (<see cref="Equals(BusinessCalendar?)"/>).</summary>
    /// <param name="left">A calendar or null.</param>
    /// <param name="right">A calendar or null.</param>
    /// <returns>True when both are null or equal.</returns>
    public static bool operator ==(BusinessCalendar? left, BusinessCalendar? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Whether two calendars differ by content.</summary>
    /// <param name="left">A calendar or null.</param>
    /// <param name="right">A calendar or null.</param>
    /// <returns>True when not equal.</returns>
    public static bool operator !=(BusinessCalendar? left, BusinessCalendar? right) => !(left == right);
}
