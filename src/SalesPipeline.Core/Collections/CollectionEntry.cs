using NodaTime;
using SalesPipeline.Utility;

namespace SalesPipeline.Collections;

/// <summary>
/// One entry of a <see cref="CollectionSchedule"/>'s append-only history: a <see cref="Payment"/>, <see cref="Refund"/>,
/// <see cref="Reversal"/>, <see cref="ContractCost"/>, <see cref="Reschedule"/> or <see cref="MilestoneReached"/>.
/// </summary>
/// <remarks>
/// <para>Every entry has a date (<see cref="On"/>); <see cref="CollectionSchedule.StatusAsOf"/> counts only the entries
/// dated on or before its date, replayed in date order (entries of the same date in the order they were recorded).
/// Entries are never changed or removed: a refund or reversal is a new entry pointing at the payment.</para>
/// <para>The set of entry types is closed. Entries are immutable records with value equality; thread-safe.</para>
/// </remarks>
public abstract record CollectionEntry
{
    private protected CollectionEntry(LocalDate on) => On = Preconditions.CheckDate(on);

    /// <summary>The date the entry takes effect: a payment's receipt date, a refund's date, the date a reschedule was agreed.</summary>
    public LocalDate On { get; }

    // The unique reference of a money entry, or null for reschedules and milestones.
    internal virtual string? ReferenceKey => null;
}
