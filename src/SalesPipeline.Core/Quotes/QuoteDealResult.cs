using System.Collections.Generic;
using System.Linq;
using SalesPipeline.Deals;

namespace SalesPipeline.Quotes;

/// <summary>
/// What sending or accepting a quote did to the quote and its deal (<see cref="QuoteDeals"/>): either both changed
/// (the quote has its new event, the deal the events the quote drove), or the pipeline rejected a deal command and
/// neither changed.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class QuoteDealResult
{
    internal QuoteDealResult(Quote quote, Deal deal, IReadOnlyList<DealEvent> dealEvents, IReadOnlyList<Rejection> rejections)
    {
        Quote = quote;
        Deal = deal;
        DealEvents = dealEvents;
        Rejections = rejections;
    }

    /// <summary>Whether the quote command and every deal command it drove were accepted.</summary>
    public bool IsAccepted => Rejections.Count == 0;

    /// <summary>The new quote when accepted; the unchanged original when rejected.</summary>
    public Quote Quote { get; }

    /// <summary>The new deal when accepted (unchanged when the quote drove no deal command); the unchanged original when rejected.</summary>
    public Deal Deal { get; }

    /// <summary>The deal events the quote drove, each with the quote as its cause; empty when rejected or when none was needed.</summary>
    public IReadOnlyList<DealEvent> DealEvents { get; }

    /// <summary>Every reason the pipeline rejected a deal command; empty when accepted.</summary>
    public IReadOnlyList<Rejection> Rejections { get; }

    /// <summary>"accepted: quote ... ; deal events: ..." or "rejected: reason; reason".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        IsAccepted
            ? $"accepted: {Quote}; deal events: {(DealEvents.Count == 0 ? "none" : string.Join(", ", DealEvents.Select(e => e.GetType().Name)))}"
            : "rejected: " + string.Join(" ", Rejections.Select(r => r.Message));
}
