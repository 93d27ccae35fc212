using System;

namespace SalesPipeline.Storage;

/// <summary>One stored record as <see cref="IEventStore.ReadAllAsync"/> returns it: where it is and what it holds.</summary>
/// <remarks>
/// <para><see cref="Data"/> is a <c>SalesPipeline.Deals.DealEvent</c> in a deal stream, a <c>SalesPipeline.Leads.LeadEvent</c>
/// in a lead stream, a <c>SalesPipeline.Quotes.QuoteEvent</c> in a quote stream, and in a collection-schedule stream a <c>SalesPipeline.Collections.CollectionSchedule</c> (version 1,
/// the terms document) or a <c>SalesPipeline.Collections.CollectionEntry</c>: match on its type.</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
/// <param name="Stream">The stream the record belongs to.</param>
/// <param name="Version">Its version in the stream, from 1.</param>
/// <param name="Position">Its global position, from 1, in commit order.</param>
/// <param name="AppendId">The id of the append that wrote it.</param>
/// <param name="Type">The record's type name, as written in its JSON <c>"type"</c> property.</param>
/// <param name="Data">The record, read back with the JSON package.</param>
public sealed record RecordedEvent(StreamId Stream, long Version, long Position, Guid AppendId, string Type, object Data);
