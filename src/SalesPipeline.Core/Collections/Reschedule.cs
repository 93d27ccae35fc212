using System;
using System.Globalization;
using NodaTime;
using SalesPipeline.Utility;

namespace SalesPipeline.Collections;

/// <summary>
/// A new due date for one instalment, agreed on <see cref="CollectionEntry.On"/>. The old due date stays in the history
/// and in <see cref="Instalment.PreviousDueDates"/>; the amount is unchanged.
/// </summary>
/// <remarks>
/// <para>From <see cref="CollectionEntry.On"/> on, the instalment is due on <see cref="NewDueOn"/> (an instalment waiting
/// for a milestone gets a fixed date and stops waiting); <see cref="CollectionSchedule.StatusAsOf"/> of an earlier date
/// still shows the old due date. Recording an equal reschedule again (same instalment, dates and reason) changes
/// nothing. <see cref="CollectionSchedule.Record"/> refuses a reschedule agreed before the contract was signed
/// (<see cref="CollectionSchedule.SignedOn"/>) or moving the instalment to a date before it.</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
public sealed record Reschedule : CollectionEntry
{
    /// <summary>Creates a reschedule.</summary>
    /// <param name="instalment">The instalment's number, from 1.</param>
    /// <param name="newDueOn">The new due date.</param>
    /// <param name="on">The date the change was agreed.</param>
    /// <param name="reason">Why, for the history; optional.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="instalment"/> is below 1; or <paramref name="newDueOn"/> is not a supported date: ISO calendar, 0001-01-01 to 9999-12-31; or <paramref name="on"/> is not a supported date: ISO calendar, 0001-01-01 to 9999-12-31.
    /// </exception>
    public Reschedule(int instalment, LocalDate newDueOn, LocalDate on, string? reason = null)
        : base(on)
    {
        Preconditions.CheckDate(newDueOn);
        if (instalment < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(instalment),
                instalment,
                $"Instalments are numbered from 1; {instalment} was given."
            );
        }
        Instalment = instalment;
        NewDueOn = newDueOn;
        Reason = reason;
    }

    /// <summary>The instalment's number.</summary>
    public int Instalment { get; }

    /// <summary>The new due date.</summary>
    public LocalDate NewDueOn { get; }

    /// <summary>Why, or null.</summary>
    public string? Reason { get; }

    /// <summary>"reschedule #3 to 2026-06-30 on 2026-05-02".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"reschedule #{Instalment} to {NewDueOn:uuuu-MM-dd} on {On:uuuu-MM-dd}");
}
