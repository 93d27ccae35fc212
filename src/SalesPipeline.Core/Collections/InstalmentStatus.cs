using System.Globalization;
using NodaTime;

namespace SalesPipeline.Collections;

/// <summary>One instalment as of a date: what it owes, what has been paid on it, and where it stands.</summary>
/// <param name="Number">The instalment's number.</param>
/// <param name="Amount">What it owes.</param>
/// <param name="DueOn">Its due date as of the date (reschedules agreed later are not applied); null while waiting for a milestone.</param>
/// <param name="Milestone">The milestone it is due on, or null.</param>
/// <param name="Paid">What the payments dated on or before the date have paid on it, less refunds; never above <paramref name="Amount"/>.</param>
/// <param name="State">Where it stands.</param>
/// <param name="DaysOverdue">Days from the due date to the date when <see cref="InstalmentState.Overdue"/> (1 the day after), else 0.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record InstalmentStatus(
    int Number,
    Money Amount,
    LocalDate? DueOn,
    string? Milestone,
    Money Paid,
    InstalmentState State,
    int DaysOverdue
)
{
    /// <summary>What it still owes: <see cref="Amount"/> less <see cref="Paid"/>.</summary>
    public Money Remaining => Amount - Paid;

    /// <summary>"#2 USD 3,333.33 due 2026-02-28 paid USD 1,000.00 Overdue 5 days".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"#{Number} {Amount} {(DueOn is { } d ? "due " + d.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) : "on " + Milestone)} paid {Paid} {State}"
        ) + (DaysOverdue > 0 ? string.Create(CultureInfo.InvariantCulture, $" {DaysOverdue} days") : "");
}
