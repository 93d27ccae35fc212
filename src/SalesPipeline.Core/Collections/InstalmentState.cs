namespace SalesPipeline.Collections;

/// <summary>
/// Where an instalment stands on a date (<see cref="InstalmentStatus"/>). Exactly one applies, checked in this order:
/// paid, overdue, partially paid, awaiting milestone, due, scheduled.
/// </summary>
public enum InstalmentState
{
    /// <summary>Not yet due (due after the date) and nothing paid on it.</summary>
    Scheduled,

    /// <summary>Due on the date itself and nothing paid on it.</summary>
    Due,

    /// <summary>Due before the date and not fully paid (whether or not part of it was paid).</summary>
    Overdue,

    /// <summary>Part paid, not overdue (due on or after the date, or waiting for a milestone).</summary>
    PartiallyPaid,

    /// <summary>Fully paid (an instalment of zero is always paid).</summary>
    Paid,

    /// <summary>Due on a milestone not reached by the date, nothing paid on it; never overdue.</summary>
    AwaitingMilestone,
}
