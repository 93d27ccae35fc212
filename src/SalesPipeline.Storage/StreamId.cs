using System;
using SalesPipeline.Utility;

namespace SalesPipeline.Storage;

/// <summary>
/// The identity of one stream of an <see cref="IEventStore"/>: its <see cref="Kind"/> and its key (a deal id, a lead id,
/// a contract id or a quote id).
/// </summary>
/// <remarks>
/// <para>Create it with <see cref="ForDeal"/>, <see cref="ForLead"/>, <see cref="ForCollectionSchedule"/> or
/// <see cref="ForQuote"/>; keys compare
/// ordinally. <c>default(StreamId)</c> names no stream and is refused by the store.</para>
/// <para>An immutable value; thread-safe.</para>
/// </remarks>
/// <example><code>StreamId.ForDeal(new DealId("D-1")).ToString(); // "deal/D-1"</code></example>
public readonly struct StreamId : IEquatable<StreamId>
{
    private readonly string? key;

    private StreamId(StreamKind kind, string key)
    {
        Kind = kind;
        this.key = key;
    }

    /// <summary>What the stream holds.</summary>
    public StreamKind Kind { get; }

    /// <summary>The stream's key: the deal id, lead id, contract id or quote id (empty for <c>default(StreamId)</c>).</summary>
    public string Key => key ?? "";

    /// <summary>The stream of a deal's events.</summary>
    /// <param name="id">The deal's id.</param>
    /// <returns>The stream id.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is <c>default(DealId)</c>.</exception>
    public static StreamId ForDeal(DealId id)
    {
        Preconditions.CheckArgument(id.Value.Length > 0, nameof(id), "A deal's stream needs a deal id; default(DealId) names no deal.");
        return new StreamId(StreamKind.Deal, id.Value);
    }

    /// <summary>The stream of a lead's events.</summary>
    /// <param name="id">The lead's id.</param>
    /// <returns>The stream id.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is <c>default(LeadId)</c>.</exception>
    public static StreamId ForLead(LeadId id)
    {
        Preconditions.CheckArgument(id.Value.Length > 0, nameof(id), "A lead's stream needs a lead id; default(LeadId) names no lead.");
        return new StreamId(StreamKind.Lead, id.Value);
    }

    /// <summary>The stream of a collection schedule, keyed by its contract id.</summary>
    /// <param name="contractId">The contract's id (<c>ContractInfo.ContractId</c>).</param>
    /// <returns>The stream id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="contractId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="contractId"/> is empty or whitespace.</exception>
    public static StreamId ForCollectionSchedule(string contractId) =>
        new(StreamKind.CollectionSchedule, Preconditions.CheckNotBlank(contractId));

    /// <summary>The stream of a quote's events.</summary>
    /// <param name="quoteId">The quote's id (<c>SalesPipeline.Quotes.Quote.Id</c>).</param>
    /// <returns>The stream id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="quoteId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="quoteId"/> is empty or whitespace.</exception>
    public static StreamId ForQuote(string quoteId) => new(StreamKind.Quote, Preconditions.CheckNotBlank(quoteId));

    internal static StreamId Of(StreamKind kind, string key) => new(kind, key);

    /// <summary>The kind as stored in the <c>stream_kind</c> column.</summary>
    internal string KindText => KindToText(Kind);

    internal static string KindToText(StreamKind kind) =>
        kind switch
        {
            StreamKind.Deal => "deal",
            StreamKind.Lead => "lead",
            StreamKind.CollectionSchedule => "collection-schedule",
            StreamKind.Quote => "quote",
            // Only a foreign row's unreadable kind gets here, and only to be named in its StoredEventException.
            _ => "unknown",
        };

    internal static bool TryKindFromText(string text, out StreamKind kind)
    {
        kind = text switch
        {
            "deal" => StreamKind.Deal,
            "lead" => StreamKind.Lead,
            "collection-schedule" => StreamKind.CollectionSchedule,
            "quote" => StreamKind.Quote,
            _ => 0,
        };
        return kind != 0;
    }

    internal void CheckNotDefault(string paramName) =>
        Preconditions.CheckArgument(
            key is not null,
            paramName,
            "default(StreamId) names no stream; use StreamId.ForDeal, ForLead, ForCollectionSchedule or ForQuote."
        );

    /// <inheritdoc/>
    public bool Equals(StreamId other) => Kind == other.Kind && string.Equals(Key, other.Key, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is StreamId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, StringComparer.Ordinal.GetHashCode(Key));

    /// <summary>The kind and key, for example <c>deal/D-1</c> or <c>collection-schedule/C-2026-017</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => key is null ? "(no stream)" : $"{KindText}/{Key}";

    /// <summary>Whether two stream ids are equal.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(StreamId left, StreamId right) => left.Equals(right);

    /// <summary>Whether two stream ids differ.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(StreamId left, StreamId right) => !left.Equals(right);
}
