namespace SalesPipeline.Metrics;

/// <summary>What a day means in a time-in-stage report.</summary>
public enum TimeUnit
{
    /// <summary>Elapsed time divided by 24 hours (86,400 seconds).</summary>
    CalendarDays = 0,

    /// <summary>Business days of a <see cref="Calendars.BusinessCalendar"/>: weekends and holidays excluded, parts of days pro rata.</summary>
    BusinessDays = 1,
}
