using System;
using SalesPipeline.Utility;

namespace SalesPipeline.Storage;

/// <summary>
/// Thrown when an append carries the id of an append already committed but with other content (another stream, another
/// expected version, or other records). Nothing was written.
/// </summary>
/// <remarks>
/// <para>A retry with the same id and the same content is not an error: it returns the committed result. Give every new
/// append a new id (<see cref="Guid.NewGuid"/>).</para>
/// <para>Instances are immutable after construction.</para>
/// </remarks>
public sealed class AppendIdConflictException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="appendId">The append id.</param>
    /// <param name="committed">What the append committed under that id wrote.</param>
    /// <param name="attempted">The stream the refused append was for.</param>
    public AppendIdConflictException(Guid appendId, AppendResult committed, StreamId attempted)
        : base(
            $"Append {appendId} was already committed to {Preconditions.CheckNotNull(committed).Stream} (versions {committed.ExpectedVersion + 1} to {committed.Version}) with other content; this append to {attempted} differs and was refused. Nothing was written; give a new append a new id."
        )
    {
        AppendId = appendId;
        Committed = committed;
        Attempted = attempted;
    }

    /// <summary>The append id.</summary>
    public Guid AppendId { get; }

    /// <summary>What was committed under <see cref="AppendId"/>.</summary>
    public AppendResult Committed { get; }

    /// <summary>The stream of the refused append.</summary>
    public StreamId Attempted { get; }
}
