using System;
using System.Globalization;
using NodaTime;
using SalesPipeline.Utility;

namespace SalesPipeline.Collections;

/// <summary>
/// An earlier <see cref="Payment"/> taken back in full (a bounced cheque, a charge-back, a payment booked to the wrong
/// contract): a new entry that points at the payment, never a deletion.
/// </summary>
/// <remarks>
/// <para>A reversal takes back everything the payment still holds on its date (its amount less earlier refunds), in the
/// same way as a <see cref="Refund"/>; reversing a payment that holds nothing more is an error. It may not be dated
/// before the payment.</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
public sealed record Reversal : CollectionEntry
{
    /// <summary>Creates a reversal.</summary>
    /// <param name="reference">A reference unique within the schedule (shared with payments, refunds and costs).</param>
    /// <param name="on">The date of the reversal; not before the payment's date.</param>
    /// <param name="paymentReference">The reference of the payment reversed.</param>
    /// <param name="reason">Why, for the history; optional.</param>
    /// <exception cref="ArgumentNullException"><paramref name="reference"/> or <paramref name="paymentReference"/> is null.</exception>
    /// <exception cref="ArgumentException">A reference is blank.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="on"/> is not a supported date: ISO calendar, 0001-01-01 to 9999-12-31.</exception>
    public Reversal(string reference, LocalDate on, string paymentReference, string? reason = null)
        : base(on)
    {
        Reference = Preconditions.CheckNotBlank(reference);
        PaymentReference = Preconditions.CheckNotBlank(paymentReference);
        Reason = reason;
    }

    /// <summary>The reversal's own unique reference.</summary>
    public string Reference { get; }

    /// <summary>The reference of the payment it reverses.</summary>
    public string PaymentReference { get; }

    /// <summary>Why, or null.</summary>
    public string? Reason { get; }

    internal override string? ReferenceKey => Reference;

    /// <summary>"reversal V-1 2026-03-01 of WIRE-0042".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"reversal {Reference} {On:uuuu-MM-dd} of {PaymentReference}");
}
