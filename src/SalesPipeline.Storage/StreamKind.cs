namespace SalesPipeline.Storage;

/// <summary>What a stream of an <see cref="IEventStore"/> holds.</summary>
/// <remarks>Stored as text in the <c>stream_kind</c> column: <c>deal</c>, <c>lead</c>, <c>collection-schedule</c>, <c>quote</c>.</remarks>
public enum StreamKind
{
    /// <summary>A deal's events (<c>SalesPipeline.Deals.DealEvent</c>), keyed by its <see cref="DealId"/>.</summary>
    Deal = 1,

    /// <summary>A lead's events, keyed by its <see cref="LeadId"/>.</summary>
    Lead = 2,

    /// <summary>
    /// A collection schedule, keyed by its contract id: version 1 is the terms document (the schedule with an empty
    /// history), then one record per <c>SalesPipeline.Collections.CollectionEntry</c>.
    /// </summary>
    CollectionSchedule = 3,

    /// <summary>
    /// A quote's events (<c>SalesPipeline.Quotes.QuoteEvent</c>), keyed by its quote id, loaded with
    /// <c>SalesPipeline.Quotes.Quote.FromEvents</c>.
    /// </summary>
    Quote = 4,
}
