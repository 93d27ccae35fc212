using System;

namespace SalesPipeline.Storage;

/// <summary>
/// What one committed append wrote: the stream, its version before and after, and the global positions of its records.
/// </summary>
/// <remarks>
/// <para>An append writes records <c>ExpectedVersion + 1</c> to <see cref="Version"/> of its stream, at the positions
/// <see cref="FirstPosition"/> to <see cref="LastPosition"/> (contiguous: nothing else commits between them). A retried
/// append (same <see cref="AppendId"/>, same content) returns an equal result and writes nothing.</para>
/// <para>Immutable; thread-safe; value equality.</para>
/// </remarks>
/// <param name="Stream">The stream appended to.</param>
/// <param name="AppendId">The append's id, as given by the writer.</param>
/// <param name="ExpectedVersion">The stream's version before the append (0 for a new stream).</param>
/// <param name="Version">The stream's version after the append: the version of its last record.</param>
/// <param name="FirstPosition">The global position of the first record written.</param>
/// <param name="LastPosition">The global position of the last record written.</param>
public sealed record AppendResult(StreamId Stream, Guid AppendId, long ExpectedVersion, long Version, long FirstPosition, long LastPosition)
{
    /// <summary>The number of records written: <c>Version - ExpectedVersion</c>.</summary>
    public long Count => Version - ExpectedVersion;
}
