using NodaTime;
using SalesPipeline.Deals;

namespace SalesPipeline.Metrics;

// WinRateOptions.InWindow(instant.InZone(options.Zone).Date) on frame ticks, for the metrics' frame kernels: whether
// an instant's local date is in the window, or that InWindow would refuse the date (out of 0001-01-01 .. 9999-12-31),
// in which case the kernel hands the deals to the deal code, which throws for it. Without a window and without a
// need for the day the date is never computed: an instant far enough from the ends of the range has a supported
// date in every zone. One per thread (ZoneDays caches).
internal struct FrameWindow
{
    internal const int Outside = 0;
    internal const int Inside = 1;
    internal const int Refused = -1;

    // Offsets are within 18 hours, so instants from 0001-01-02 to before 9999-12-30 (UTC) have supported local dates.
    private static readonly long SafeFrom = Instant.FromUtc(1, 1, 2, 0, 0).ToUnixTimeTicks();
    private static readonly long SafeTo = Instant.FromUtc(9999, 12, 30, 0, 0).ToUnixTimeTicks();

    private ZoneDays zone;
    private readonly int startDay;
    private readonly int endDay;

    internal FrameWindow(WinRateOptions options, bool needDays)
    {
        zone = new ZoneDays(options.Zone);
        Dated = needDays || options.Start is not null || options.End is not null;
        startDay = options.Start is { } start ? start.ToDateOnly().DayNumber : int.MinValue;
        endDay = options.End is { } end ? end.ToDateOnly().DayNumber : int.MaxValue;
    }

    // Whether Place computes the day (a window, or the caller needs it).
    internal bool Dated { get; }

    // Inside, Outside or Refused; day is the local day number when Dated.
    internal int Place(long ticks, out int day)
    {
        if (!Dated)
        {
            day = 0;
            return ticks >= SafeFrom && ticks < SafeTo ? Inside : Refused;
        }
        day = zone.DayOf(ticks);
        return !ZoneDays.IsPlaceable(day) ? Refused
            : day >= startDay && day < endDay ? Inside
            : Outside;
    }
}
