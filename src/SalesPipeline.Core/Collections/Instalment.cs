using System.Collections.Generic;
using System.Globalization;
using NodaTime;

namespace SalesPipeline.Collections;

/// <summary>
/// One instalment of a <see cref="CollectionSchedule"/>: its number, amount and current due date, with every due date
/// it had before.
/// </summary>
/// <param name="Number">The instalment's number, from 1, in the order of the terms' lines.</param>
/// <param name="Amount">What it owes; never negative.</param>
/// <param name="DueOn">The current due date, after every reschedule and milestone in the history; null while it waits for a milestone.</param>
/// <param name="PlannedDueOn">The due date the terms gave at creation; null for a milestone instalment.</param>
/// <param name="Milestone">The milestone it is due on, or null.</param>
/// <param name="PreviousDueDates">The due dates it had before its reschedules, oldest first; empty if never rescheduled.</param>
/// <remarks>What an instalment has been paid depends on the date asked about: see <see cref="CollectionSchedule.StatusAsOf"/>.
/// Immutable; thread-safe.</remarks>
public sealed record Instalment(
    int Number,
    Money Amount,
    LocalDate? DueOn,
    LocalDate? PlannedDueOn,
    string? Milestone,
    IReadOnlyList<LocalDate> PreviousDueDates
)
{
    /// <summary>"#2 USD 3,333.33 due 2026-02-28" or "#4 USD 5,000.00 on go-live (not reached)".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        DueOn is { } due
            ? string.Create(CultureInfo.InvariantCulture, $"#{Number} {Amount} due {due:uuuu-MM-dd}")
            : string.Create(CultureInfo.InvariantCulture, $"#{Number} {Amount} on {Milestone} (not reached)");
}
