using System;
using System.Globalization;
using NodaTime;
using SalesPipeline.Utility;

namespace SalesPipeline.Collections;

/// <summary>
/// Money paid back to the customer out of an earlier <see cref="Payment"/>: a new entry that points at the payment,
/// never a change to it.
/// </summary>
/// <remarks>
/// <para>A refund may not exceed what the payment still holds (its amount less earlier refunds of it) and may not be
/// dated before the payment. It takes back first the payment's part of the credit, then what the payment paid on
/// instalments, the instalment it reached last first; after it, any credit left in the contract pays the instalments
/// the refund reopened (oldest due first).</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
public sealed record Refund : CollectionEntry
{
    /// <summary>Creates a refund.</summary>
    /// <param name="reference">A reference unique within the schedule (shared with payments, reversals and costs).</param>
    /// <param name="on">The date of the refund; not before the payment's date.</param>
    /// <param name="paymentReference">The reference of the payment refunded.</param>
    /// <param name="amount">The amount: above zero, a whole number of minor units.</param>
    /// <param name="reason">Why, for the history; optional.</param>
    /// <exception cref="ArgumentNullException"><paramref name="reference"/>, <paramref name="paymentReference"/> or <paramref name="amount"/> is null.</exception>
    /// <exception cref="ArgumentException">A reference is blank, or <paramref name="amount"/> is not a whole number of minor units.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="amount"/> is zero or negative; or <paramref name="on"/> is not a supported date: ISO calendar, 0001-01-01 to 9999-12-31.
    /// </exception>
    public Refund(string reference, LocalDate on, string paymentReference, Money amount, string? reason = null)
        : base(on)
    {
        Reference = Preconditions.CheckNotBlank(reference);
        PaymentReference = Preconditions.CheckNotBlank(paymentReference);
        Amount = EntryChecks.PositiveWholeAmount(amount);
        Units = amount.ToMinorUnits();
        Reason = reason;
    }

    /// <summary>The refund's own unique reference.</summary>
    public string Reference { get; }

    /// <summary>The reference of the payment it refunds.</summary>
    public string PaymentReference { get; }

    /// <summary>The amount paid back.</summary>
    public Money Amount { get; }

    /// <summary>Why, or null.</summary>
    public string? Reason { get; }

    internal long Units { get; }

    internal override string? ReferenceKey => Reference;

    /// <summary>"refund R-1 2026-03-01 of WIRE-0042 USD 500.00".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"refund {Reference} {On:uuuu-MM-dd} of {PaymentReference} {Amount}");
}
