using NodaTime;

namespace SalesPipeline.Deals;

// The local date of an instant in a zone, as a day number (DateOnly.DayNumber), from Unix ticks: what
// instant.InZone(zone).Date gives, without building a ZonedDateTime. It keeps the zone interval of the last lookup,
// so instants of one offset period cost a comparison. Offsets are whole seconds, so flooring ticks instead of
// nanoseconds gives the same date. One instance per thread (it caches).
internal struct ZoneDays(DateTimeZone zone)
{
    // DateOnly.DayNumber of 1970-01-01, the Unix epoch.
    private const int EpochDay = 719_162;

    private long start = long.MaxValue; // the cached interval [start, end), in ticks; empty at first
    private long end = long.MinValue;
    private long offset;

    // The last day number a DateOnly (and so PeriodIndex.DayNumber) holds: 9999-12-31.
    internal static readonly int MaxDay = System.DateOnly.MaxValue.DayNumber;

    // Whether a day number from DayOf is a date the deal code can place; before 0001-01-01 or after 9999-12-31 it
    // throws, so a kernel meeting such a day falls back to it.
    internal static bool IsPlaceable(int day) => day >= 0 && day <= MaxDay;

    internal int DayOf(long ticks)
    {
        if (ticks < start || ticks >= end)
        {
            var interval = zone.GetZoneInterval(Instant.FromUnixTimeTicks(ticks));
            start = interval.HasStart ? interval.Start.ToUnixTimeTicks() : long.MinValue;
            end = interval.HasEnd ? interval.End.ToUnixTimeTicks() : long.MaxValue;
            offset = interval.WallOffset.Ticks;
        }
        var local = ticks + offset;
        var day = local / NodaConstants.TicksPerDay;
        if (local % NodaConstants.TicksPerDay < 0)
        {
            day--;
        }
        return EpochDay + (int)day;
    }
}
