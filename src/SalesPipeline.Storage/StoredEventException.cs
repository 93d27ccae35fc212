using System;

namespace SalesPipeline.Storage;

/// <summary>
/// Thrown when a stored row does not read: JSON that does not parse or breaks the wire format, an unknown type, a
/// history that does not fold, or a current-state row with a value out of its domain. Such a row is never skipped.
/// </summary>
/// <remarks>
/// <para>The message names the stream, the version and (for an event) the global position; <see cref="Exception.InnerException"/>
/// holds the reason (usually a <c>System.Text.Json.JsonException</c> naming the JSON path).</para>
/// <para>Instances are immutable after construction.</para>
/// </remarks>
public sealed class StoredEventException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="stream">The stream of the row.</param>
    /// <param name="version">The row's version in the stream.</param>
    /// <param name="position">The row's global position, or null for a row without one (a current-state row).</param>
    /// <param name="reason">What is wrong, one sentence.</param>
    /// <param name="innerException">The error the row raised, or null.</param>
    public StoredEventException(StreamId stream, long version, long? position, string reason, Exception? innerException)
        : base(
            $"The stored record of stream {stream} at version {version}{(position is { } p ? $" (position {p})" : "")} does not read: {reason}",
            innerException
        )
    {
        Stream = stream;
        Version = version;
        Position = position;
    }

    /// <summary>The stream of the row.</summary>
    public StreamId Stream { get; }

    /// <summary>The row's version in its stream.</summary>
    public long Version { get; }

    /// <summary>The row's global position, or null for a current-state row.</summary>
    public long? Position { get; }
}
