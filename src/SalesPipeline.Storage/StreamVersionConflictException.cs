using System;

namespace SalesPipeline.Storage;

/// <summary>
/// Thrown when an append states a version its stream no longer (or not yet) has: another writer appended first.
/// Nothing of the append was written.
/// </summary>
/// <remarks>
/// <para>The usual answer is to load the stream again, decide again on the fresh state, and append with the new version
/// (docs/storing-deals.md shows the loop).</para>
/// <para>Instances are immutable after construction.</para>
/// </remarks>
public sealed class StreamVersionConflictException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="expectedVersion">The version the append expected.</param>
    /// <param name="actualVersion">The version the stream has (0 when it does not exist).</param>
    public StreamVersionConflictException(StreamId stream, long expectedVersion, long actualVersion)
        : base(
            $"Stream {stream} is at version {actualVersion}, not at the expected version {expectedVersion}: another writer appended first. Nothing was written; load the stream again and retry."
        )
    {
        Stream = stream;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    /// <summary>The stream.</summary>
    public StreamId Stream { get; }

    /// <summary>The version the append expected.</summary>
    public long ExpectedVersion { get; }

    /// <summary>The version the stream had when the append was refused.</summary>
    public long ActualVersion { get; }
}
