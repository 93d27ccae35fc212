using System;

namespace SalesPipeline.Collections;

/// <summary>
/// Thrown when an entry is recorded with a reference the schedule's history already holds for a different entry: the
/// same reference can never count twice. Recording an equal entry again is not an error; it changes nothing.
/// </summary>
/// <remarks>Instances are immutable after construction.</remarks>
public sealed class ReferenceConflictException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reference">The reference.</param>
    /// <param name="recorded">The entry already recorded under it.</param>
    /// <param name="attempted">The different entry that was rejected.</param>
    public ReferenceConflictException(string reference, CollectionEntry recorded, CollectionEntry attempted)
        : base(
            $"Reference \"{reference}\" is already recorded as \"{recorded}\"; \"{attempted}\" differs from it and was rejected. Give a new entry a new reference."
        )
    {
        Reference = reference;
        Recorded = recorded;
        Attempted = attempted;
    }

    /// <summary>The reference.</summary>
    public string Reference { get; }

    /// <summary>The entry already recorded.</summary>
    public CollectionEntry Recorded { get; }

    /// <summary>The rejected entry.</summary>
    public CollectionEntry Attempted { get; }
}
