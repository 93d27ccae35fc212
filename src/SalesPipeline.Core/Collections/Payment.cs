using System;
using System.Globalization;
using NodaTime;
using SalesPipeline.Utility;

namespace SalesPipeline.Collections;

/// <summary>
/// Money received from the customer against a <see cref="CollectionSchedule"/>: a unique reference, the date received,
/// the amount, and optionally the instalment it pays.
/// </summary>
/// <remarks>
/// <para>Allocation (<see cref="CollectionSchedule.Record"/>): first to <see cref="Instalment"/> when given, up to what it
/// still owes; then to the unpaid instalments oldest due date first (ties by number; instalments waiting for a
/// milestone last), including instalments not yet due (paying ahead); what is left is the contract's credit.</para>
/// <para>Recording a payment whose reference is already in the history returns the schedule unchanged when the
/// payment is equal (same date, amount and instalment), and throws <see cref="ReferenceConflictException"/> otherwise.</para>
/// <para>Immutable; thread-safe.</para>
/// <example><code>new Payment("WIRE-0042", new LocalDate(2026, 2, 3), Money.Of(3_000m, Currency.USD));</code></example>
/// </remarks>
public sealed record Payment : CollectionEntry
{
    /// <summary>Creates a payment.</summary>
    /// <param name="reference">A reference unique within the schedule (bank transaction id, receipt number).</param>
    /// <param name="on">The date the money was received.</param>
    /// <param name="amount">The amount: above zero, a whole number of minor units.</param>
    /// <param name="instalment">The number of the instalment it pays first, or null for oldest-due-first.</param>
    /// <exception cref="ArgumentNullException"><paramref name="reference"/> or <paramref name="amount"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="reference"/> is blank, or <paramref name="amount"/> is not a whole number of minor units.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="amount"/> is zero or negative, or <paramref name="instalment"/> is below 1; or <paramref name="on"/> is not a supported date: ISO calendar, 0001-01-01 to 9999-12-31.
    /// </exception>
    public Payment(string reference, LocalDate on, Money amount, int? instalment = null)
        : base(on)
    {
        Reference = Preconditions.CheckNotBlank(reference);
        Amount = EntryChecks.PositiveWholeAmount(amount);
        Units = amount.ToMinorUnits();
        if (instalment < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(instalment),
                instalment,
                $"Instalments are numbered from 1; {instalment} was given."
            );
        }
        Instalment = instalment;
    }

    /// <summary>The unique reference.</summary>
    public string Reference { get; }

    /// <summary>The amount received.</summary>
    public Money Amount { get; }

    /// <summary>The instalment to pay first, or null.</summary>
    public int? Instalment { get; }

    // The amount in whole minor units, computed once (decimal division is the slow part of allocating).
    internal long Units { get; }

    internal override string? ReferenceKey => Reference;

    /// <summary>"payment WIRE-0042 2026-02-03 USD 3,000.00" (and " to #2" when directed).</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"payment {Reference} {On:uuuu-MM-dd} {Amount}")
        + (Instalment is { } n ? string.Create(CultureInfo.InvariantCulture, $" to #{n}") : "");
}
