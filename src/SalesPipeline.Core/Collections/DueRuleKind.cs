namespace SalesPipeline.Collections;

/// <summary>How a <see cref="DueRule"/> finds an instalment's due date from the contract's start (signing) date.</summary>
public enum DueRuleKind
{
    /// <summary>N days after the start date: start 2026-01-15, 30 days, due 2026-02-14.</summary>
    DaysAfterStart,

    /// <summary>N days after the last day of the start month ("30 days end of month"): start 2026-01-15, due 2026-03-02.</summary>
    DaysAfterEndOfStartMonth,

    /// <summary>The start date N months later, clamped to the month's last day: 2026-01-31 + 1 month is 2026-02-28.</summary>
    MonthsAfterStart,

    /// <summary>Day D of the month N months after the start month, clamped to the month's last day.</summary>
    DayOfMonth,

    /// <summary>A fixed calendar date.</summary>
    FixedDate,

    /// <summary>N days after a named milestone (go-live, delivery, acceptance), unknown until the milestone is reached.</summary>
    Milestone,

    /// <summary>
    /// N days after the start, then day D of the month after that date's month, clamped to that month's last day
    /// ("30 days end of month on the 10th"): start 2026-01-15, 30 days, day 10, due 2026-03-10.
    /// </summary>
    DaysThenDayOfFollowingMonth,

    /// <summary>N days after the start, then the last day of that date's month: start 2026-01-15, 30 days, due 2026-02-28.</summary>
    DaysThenEndOfMonth,
}
