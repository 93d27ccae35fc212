using NodaTime;
using SalesPipeline.Utility;

namespace SalesPipeline.Collections;

public sealed partial class CollectionSchedule
{
    /// <summary>
    /// The schedule as it stood on <paramref name="date"/>: each instalment's state and what was paid on it, and the
    /// contract totals, counting only the entries dated on or before the date.
    /// </summary>
    /// <param name="date">The date; any date (before the first entry nothing is paid).</param>
    /// <returns>The status.</returns>
    /// <remarks>
    /// The entries dated on or before <paramref name="date"/> are replayed in date order (entries of one date in the
    /// order recorded): payments allocated, refunds and reversals taken back, reschedules and milestones applied. Because
    /// the replay runs in date order, the status of a date never depends on entries dated after it. The definitions of
    /// the states and totals are at <see cref="InstalmentState"/> and <see cref="CollectionStatus"/>.
    /// </remarks>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="date"/> is not a supported date: ISO calendar, 0001-01-01 to 9999-12-31.</exception>
    public CollectionStatus StatusAsOf(LocalDate date)
    {
        Preconditions.CheckDate(date);
        var state = lastOn is null || date >= lastOn ? State : LedgerReplay.Run(amounts, rules, plannedDue, history, date, nameof(date));
        return StatusFrom(state, date);
    }

    // Always replays the whole history, never the cached state: lets tests prove the fast paths give the replay's result.
    internal CollectionStatus ReplayedStatusAsOf(LocalDate date) =>
        StatusFrom(LedgerReplay.Run(amounts, rules, plannedDue, history, date, nameof(date)), date);

    private CollectionStatus StatusFrom(Ledger state, LocalDate date)
    {
        var lines = new InstalmentStatus[amounts.Length];
        long billed = 0,
            outstanding = 0,
            overdue = 0,
            allocated = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var amount = amounts[i];
            var paid = state.Paid[i];
            var remaining = amount - paid;
            var due = state.Due[i];
            allocated += paid;
            var days = 0;
            InstalmentState kind;
            if (due is { } d && d <= date)
            {
                billed += amount;
                outstanding += remaining;
                if (d < date && remaining > 0)
                {
                    overdue += remaining;
                    days = Period.DaysBetween(d, date);
                }
            }
            if (remaining == 0)
            {
                kind = InstalmentState.Paid;
            }
            else if (days > 0)
            {
                kind = InstalmentState.Overdue;
            }
            else if (paid > 0)
            {
                kind = InstalmentState.PartiallyPaid;
            }
            else if (due is null)
            {
                kind = InstalmentState.AwaitingMilestone;
            }
            else
            {
                kind = due == date ? InstalmentState.Due : InstalmentState.Scheduled;
            }
            lines[i] = new InstalmentStatus(i + 1, Of(amount), due, rules[i].MilestoneName, Of(paid), kind, days);
        }
        return new CollectionStatus(
            this,
            date,
            System.Array.AsReadOnly(lines),
            new CollectionStatus.Amounts(
                Of(billed),
                Of(allocated),
                Of(state.Received),
                Of(state.Refunded),
                Of(state.Reversed),
                Of(state.Credit),
                Of(outstanding),
                Of(overdue),
                Of(state.Costs)
            )
        );
    }

    private Money Of(long units) => Money.FromMinorUnits(units, Currency);
}
