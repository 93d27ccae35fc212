using NodaTime;

namespace SalesPipeline.Deals;

/// <summary>
/// One known change of a field of an imported deal: at <paramref name="At"/> the value went from
/// <paramref name="Before"/> to <paramref name="After"/>. Give the changes oldest first in
/// <see cref="DealImport.AmountChanges"/>, <see cref="DealImport.ExpectedCloseChanges"/> or
/// <see cref="DealImport.OwnerChanges"/>; the import turns each into an <see cref="AmountChanged"/>,
/// <see cref="ExpectedCloseChanged"/> or <see cref="OwnerReassigned"/> event.
/// </summary>
/// <remarks>
/// <para>The before value is what makes a change checkable: each change starts where the one before ended, and the first
/// one's <paramref name="Before"/> is the value the deal had when first observed (its <see cref="DealImported"/> event
/// carries it). Example, a close date pushed from 15 to 31 December on 2 November:
/// <c>new FieldChange&lt;LocalDate&gt;(Instant.FromUtc(2026, 11, 2, 9, 0), new LocalDate(2026, 12, 15), new LocalDate(2026, 12, 31), "alice")</c>.</para>
/// <para>Immutable; thread-safe (when <typeparamref name="T"/> is immutable, as <see cref="Money"/>, <see cref="LocalDate"/>
/// and <see cref="string"/> are).</para>
/// </remarks>
/// <typeparam name="T">The field's type: <see cref="Money"/>, <see cref="LocalDate"/> or <see cref="string"/> (an owner).</typeparam>
/// <param name="At">When the value changed.</param>
/// <param name="Before">The value before the change.</param>
/// <param name="After">The value after it.</param>
/// <param name="By">Who changed it, if the export says; <see cref="Unknown.Actor"/> when null.</param>
public sealed record FieldChange<T>(Instant At, T Before, T After, string? By = null);
