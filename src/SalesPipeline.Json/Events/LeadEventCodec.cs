using NodaTime;
using SalesPipeline.Json.Values;
using SalesPipeline.Json.Wire;
using SalesPipeline.Leads;

namespace SalesPipeline.Json.Events;

// The wire form of every LeadEvent: {"type":"LeadCreated","version":1,"leadId":..,"at":..,"by":..,...} (docs/json.md,
// "Lead events"). Every type is at version 1.
internal static class LeadEventCodec
{
    private static readonly TextCodec Text = TextCodec.Instance;

    public static readonly ShapeCodec<LeadEvent> Instance = ShapeCodec<LeadEvent>.Types(
        "lead event",
        Shape.Of(
            "LeadCreated",
            1,
            v => new LeadCreated(
                v.Get<LeadId>("leadId"),
                v.Get<Instant>("at"),
                v.Get<string>("by"),
                v.Get<string>("name"),
                v.Get<LeadSource>("source"),
                v.Optional<string>("owner"),
                v.Optional<string>("productInterest"),
                v.Optional<string>("team")
            ),
            Common(
                Field.Required<LeadCreated, string>("name", Text, e => e.Name),
                Field.Required<LeadCreated, LeadSource>("source", ValueCodecs.LeadSource, e => e.Source),
                Field.Optional<LeadCreated, string>("owner", Text, e => e.Owner),
                Field.Optional<LeadCreated, string>("productInterest", Text, e => e.ProductInterest),
                Field.Optional<LeadCreated, string>("team", Text, e => e.Team)
            )
        ),
        Shape.Of(
            "LeadAssignedToPool",
            1,
            v => new LeadAssignedToPool(v.Get<LeadId>("leadId"), v.Get<Instant>("at"), v.Get<string>("by"), v.Optional<string>("teamId")),
            Common(Field.Optional<LeadAssignedToPool, string>("teamId", Text, e => e.TeamId))
        ),
        Shape.Of("LeadTouched", 1, v => new LeadTouched(v.Get<LeadId>("leadId"), v.Get<Instant>("at"), v.Get<string>("by")), Common()),
        Shape.Of(
            "LeadReassigned",
            1,
            v => new LeadReassigned(v.Get<LeadId>("leadId"), v.Get<Instant>("at"), v.Get<string>("by"), v.Get<string>("owner")),
            Common(Field.Required<LeadReassigned, string>("owner", Text, e => e.Owner))
        ),
        Shape.Of(
            "LeadDisqualified",
            1,
            v => new LeadDisqualified(v.Get<LeadId>("leadId"), v.Get<Instant>("at"), v.Get<string>("by"), v.Get<string>("reason")),
            Common(Field.Required<LeadDisqualified, string>("reason", Text, e => e.Reason))
        ),
        Shape.Of(
            "LeadConverted",
            1,
            v => new LeadConverted(v.Get<LeadId>("leadId"), v.Get<Instant>("at"), v.Get<string>("by"), v.Get<DealId>("dealId")),
            Common(Field.Required<LeadConverted, DealId>("dealId", ValueCodecs.DealId, e => e.DealId))
        )
    );

    // The fields every lead event starts with, then the type's own.
    private static Field[] Common(params Field[] own) =>
        [
            Field.Required<LeadEvent, LeadId>("leadId", ValueCodecs.LeadId, e => e.LeadId),
            Field.Required<LeadEvent, Instant>("at", ValueCodecs.Instant, e => e.At),
            Field.Required<LeadEvent, string>("by", TextCodec.Instance, e => e.By),
            .. own,
        ];
}
