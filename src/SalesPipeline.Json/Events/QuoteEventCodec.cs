using System.Collections.Generic;
using NodaTime;
using SalesPipeline.Json.Values;
using SalesPipeline.Json.Wire;
using SalesPipeline.Quotes;

namespace SalesPipeline.Json.Events;

// The wire form of every QuoteEvent: {"type":"QuoteCreated","version":1,"quoteId":..,"at":..,"by":..,...}, one field
// table per type (docs/json.md, "Quote events"), as deal and lead events are written. Every type is at version 1.
internal static class QuoteEventCodec
{
    private static readonly TextCodec Text = TextCodec.Instance;

    private static readonly ListCodec<RequiredApproval> Approvals = new(QuoteCodecs.Required);

    public static readonly ShapeCodec<QuoteEvent> Instance = ShapeCodec<QuoteEvent>.Types(
        "quote event",
        Shape.Of(
            "QuoteCreated",
            1,
            v => new QuoteCreated(
                v.Get<string>("quoteId"),
                v.Get<Instant>("at"),
                v.Get<string>("by"),
                v.Get<DealId>("dealId"),
                v.Get<string>("rep"),
                v.Get<QuoteContent>("content"),
                v.Get<DateTimeZone>("zone")
            ),
            Common(
                Field.Required<QuoteCreated, DealId>("dealId", ValueCodecs.DealId, e => e.DealId),
                Field.Required<QuoteCreated, string>("rep", Text, e => e.Rep),
                Field.Required<QuoteCreated, QuoteContent>("content", QuoteCodecs.Content, e => e.Content),
                Field.Required<QuoteCreated, DateTimeZone>("zone", QuoteCodecs.Zone, e => e.Zone)
            )
        ),
        Shape.Of(
            "QuoteRevised",
            1,
            v => new QuoteRevised(
                v.Get<string>("quoteId"),
                v.Get<Instant>("at"),
                v.Get<string>("by"),
                v.Get<int>("quoteVersion"),
                v.Get<QuoteContent>("content")
            ),
            Common(
                Field.Required<QuoteRevised, int>("quoteVersion", IntCodec.Instance, e => e.Version),
                Field.Required<QuoteRevised, QuoteContent>("content", QuoteCodecs.Content, e => e.Content)
            )
        ),
        Shape.Of(
            "QuoteSubmitted",
            1,
            v => new QuoteSubmitted(
                v.Get<string>("quoteId"),
                v.Get<Instant>("at"),
                v.Get<string>("by"),
                v.Get<IReadOnlyList<TriggeredRule>>("triggered"),
                v.Get<IReadOnlyList<RequiredApproval>>("required")
            ),
            Common(
                Field.Required<QuoteSubmitted, IReadOnlyList<TriggeredRule>>(
                    "triggered",
                    new ListCodec<TriggeredRule>(QuoteCodecs.Triggered),
                    e => e.Triggered
                ),
                Field.Required<QuoteSubmitted, IReadOnlyList<RequiredApproval>>("required", Approvals, e => e.Required)
            )
        ),
        Shape.Of(
            "QuoteApproved",
            1,
            v => new QuoteApproved(
                v.Get<string>("quoteId"),
                v.Get<Instant>("at"),
                v.Get<string>("by"),
                v.Get<IReadOnlyList<RequiredApproval>>("satisfies"),
                v.Optional<string>("comment")
            ),
            Common(
                Field.Required<QuoteApproved, IReadOnlyList<RequiredApproval>>("satisfies", Approvals, e => e.Satisfies),
                Field.Optional<QuoteApproved, string>("comment", Text, e => e.Comment)
            )
        ),
        Shape.Of(
            "QuoteRejected",
            1,
            v => new QuoteRejected(v.Get<string>("quoteId"), v.Get<Instant>("at"), v.Get<string>("by"), v.Get<string>("comment")),
            Common(Field.Required<QuoteRejected, string>("comment", Text, e => e.Comment))
        ),
        Shape.Of("QuoteSent", 1, v => new QuoteSent(v.Get<string>("quoteId"), v.Get<Instant>("at"), v.Get<string>("by")), Common()),
        Shape.Of("QuoteAccepted", 1, v => new QuoteAccepted(v.Get<string>("quoteId"), v.Get<Instant>("at"), v.Get<string>("by")), Common()),
        Shape.Of(
            "QuoteDeclined",
            1,
            v => new QuoteDeclined(v.Get<string>("quoteId"), v.Get<Instant>("at"), v.Get<string>("by"), v.Optional<string>("reason")),
            Common(Field.Optional<QuoteDeclined, string>("reason", Text, e => e.Reason))
        )
    );

    // The fields every quote event starts with, then the type's own.
    private static Field[] Common(params Field[] own) =>
        [
            Field.Required<QuoteEvent, string>("quoteId", Text, e => e.QuoteId),
            Field.Required<QuoteEvent, Instant>("at", ValueCodecs.Instant, e => e.At),
            Field.Required<QuoteEvent, string>("by", Text, e => e.By),
            .. own,
        ];
}
