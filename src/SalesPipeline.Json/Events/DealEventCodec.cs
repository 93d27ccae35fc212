using System.Linq;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Json.Values;
using SalesPipeline.Json.Wire;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Json.Events;

// The wire form of every DealEvent: {"type":"StageMoved","version":1,"dealId":..,"at":..,"by":..,...}, one field table
// per type (docs/json.md, "Deal events"). Every type is at version 1: the fields issue 13 added to existing types
// (team, customer, cause) are optional, so documents written before them read as they always did.
internal static class DealEventCodec
{
    private static readonly TextCodec Text = TextCodec.Instance;

    public static readonly ShapeCodec<DealEvent> Instance = ShapeCodec<DealEvent>.Types(
        "deal event",
        Caused(
            Shape.Of(
                "DealCreated",
                1,
                v => new DealCreated(
                    v.Get<DealId>("dealId"),
                    v.Get<Instant>("at"),
                    v.Get<string>("by"),
                    v.Get<string>("pipeline"),
                    v.Get<string>("name"),
                    v.Optional<string>("owner"),
                    v.Get<Money>("amount"),
                    v.Get<LocalDate>("expectedClose"),
                    v.Get<string>("stageId"),
                    v.OptionalValue<LeadId>("leadId"),
                    v.Optional<LeadSource>("source"),
                    v.Optional<string>("product"),
                    v.Optional<string>("team"),
                    v.Optional<Customer>("customer")
                ),
                Common(
                    Field.Required<DealCreated, string>("pipeline", Text, e => e.Pipeline),
                    Field.Required<DealCreated, string>("name", Text, e => e.Name),
                    Field.Optional<DealCreated, string>("owner", Text, e => e.Owner),
                    Field.Required<DealCreated, Money>("amount", ValueCodecs.Money, e => e.Amount),
                    Field.Required<DealCreated, LocalDate>("expectedClose", ValueCodecs.Date, e => e.ExpectedClose),
                    Field.Required<DealCreated, string>("stageId", Text, e => e.StageId),
                    Field.OptionalValue<DealCreated, LeadId>("leadId", ValueCodecs.LeadId, e => e.LeadId),
                    Field.Optional<DealCreated, LeadSource>("source", ValueCodecs.LeadSource, e => e.Source),
                    Field.Optional<DealCreated, string>("product", Text, e => e.Product),
                    Field.Optional<DealCreated, string>("team", Text, e => e.Team),
                    Field.Optional<DealCreated, Customer>("customer", ValueCodecs.Customer, e => e.Customer)
                )
            ),
            Shape.Of(
                "DealImported",
                1,
                v => new DealImported(
                    v.Get<DealId>("dealId"),
                    v.Get<Instant>("at"),
                    v.Get<string>("by"),
                    v.Get<string>("pipeline"),
                    v.Get<string>("name"),
                    v.Optional<string>("owner"),
                    v.Get<Money>("amount"),
                    v.Get<LocalDate>("expectedClose"),
                    v.Get<string>("stageId"),
                    v.Get<DealStatus>("status"),
                    v.Get<Instant>("createdAt"),
                    v.Get<bool>("stageEntryKnown"),
                    v.Optional<LossReason>("lossReason"),
                    v.Optional<string>("competitor"),
                    v.OptionalValue<LeadId>("leadId"),
                    v.Optional<LeadSource>("source"),
                    v.Optional<string>("product"),
                    v.Optional<Customer>("customer"),
                    v.Optional<string>("team"),
                    v.OptionalValue<Instant>("inPoolSince")
                ),
                Common(
                    Field.Required<DealImported, string>("pipeline", Text, e => e.Pipeline),
                    Field.Required<DealImported, string>("name", Text, e => e.Name),
                    Field.Optional<DealImported, string>("owner", Text, e => e.Owner),
                    Field.Required<DealImported, Money>("amount", ValueCodecs.Money, e => e.Amount),
                    Field.Required<DealImported, LocalDate>("expectedClose", ValueCodecs.Date, e => e.ExpectedClose),
                    Field.Required<DealImported, string>("stageId", Text, e => e.StageId),
                    Field.Required<DealImported, DealStatus>("status", EnumCodec<DealStatus>.Instance, e => e.Status),
                    Field.Required<DealImported, Instant>("createdAt", ValueCodecs.Instant, e => e.CreatedAt),
                    Field.Required<DealImported, bool>("stageEntryKnown", BoolCodec.Instance, e => e.StageEntryKnown),
                    Field.Optional<DealImported, LossReason>("lossReason", ValueCodecs.LossReason, e => e.LossReason),
                    Field.Optional<DealImported, string>("competitor", Text, e => e.Competitor),
                    Field.OptionalValue<DealImported, LeadId>("leadId", ValueCodecs.LeadId, e => e.LeadId),
                    Field.Optional<DealImported, LeadSource>("source", ValueCodecs.LeadSource, e => e.Source),
                    Field.Optional<DealImported, string>("product", Text, e => e.Product),
                    Field.Optional<DealImported, Customer>("customer", ValueCodecs.Customer, e => e.Customer),
                    // Absent from every document written before deals were imported into pools.
                    Field.Optional<DealImported, string>("team", Text, e => e.Team),
                    Field.OptionalValue<DealImported, Instant>("inPoolSince", ValueCodecs.Instant, e => e.InPoolSince)
                )
            ),
            Shape.Of(
                "StageMoved",
                1,
                v => new StageMoved(
                    v.Get<DealId>("dealId"),
                    v.Get<Instant>("at"),
                    v.Get<string>("by"),
                    v.Get<string>("fromStageId"),
                    v.Get<string>("toStageId"),
                    v.Get<MoveDirection>("direction"),
                    v.Get<int>("stagesSkipped")
                ),
                Common(
                    Field.Required<StageMoved, string>("fromStageId", Text, e => e.FromStageId),
                    Field.Required<StageMoved, string>("toStageId", Text, e => e.ToStageId),
                    Field.Required<StageMoved, MoveDirection>("direction", EnumCodec<MoveDirection>.Instance, e => e.Direction),
                    Field.Required<StageMoved, int>("stagesSkipped", IntCodec.Instance, e => e.StagesSkipped)
                )
            ),
            Shape.Of(
                "ExitCriterionAnswered",
                1,
                v => new ExitCriterionAnswered(
                    v.Get<DealId>("dealId"),
                    v.Get<Instant>("at"),
                    v.Get<string>("by"),
                    v.Get<string>("criterionId")
                ),
                Common(Field.Required<ExitCriterionAnswered, string>("criterionId", Text, e => e.CriterionId))
            ),
            Shape.Of(
                "ExitCriterionWithdrawn",
                1,
                v => new ExitCriterionWithdrawn(
                    v.Get<DealId>("dealId"),
                    v.Get<Instant>("at"),
                    v.Get<string>("by"),
                    v.Get<string>("criterionId")
                ),
                Common(Field.Required<ExitCriterionWithdrawn, string>("criterionId", Text, e => e.CriterionId))
            ),
            Shape.Of(
                "AmountChanged",
                1,
                v => new AmountChanged(v.Get<DealId>("dealId"), v.Get<Instant>("at"), v.Get<string>("by"), v.Get<Money>("amount")),
                Common(Field.Required<AmountChanged, Money>("amount", ValueCodecs.Money, e => e.Amount))
            ),
            Shape.Of(
                "ExpectedCloseChanged",
                1,
                v => new ExpectedCloseChanged(
                    v.Get<DealId>("dealId"),
                    v.Get<Instant>("at"),
                    v.Get<string>("by"),
                    v.Get<LocalDate>("expectedClose")
                ),
                Common(Field.Required<ExpectedCloseChanged, LocalDate>("expectedClose", ValueCodecs.Date, e => e.ExpectedClose))
            ),
            Shape.Of(
                "ProbabilityOverridden",
                1,
                v => new ProbabilityOverridden(
                    v.Get<DealId>("dealId"),
                    v.Get<Instant>("at"),
                    v.Get<string>("by"),
                    v.Get<decimal>("probability"),
                    v.Get<ValueSource>("source")
                ),
                Common(
                    Field.Required<ProbabilityOverridden, decimal>("probability", DecimalCodec.Instance, e => e.Probability),
                    Field.Required<ProbabilityOverridden, ValueSource>("source", EnumCodec<ValueSource>.Instance, e => e.Source)
                )
            ),
            Shape.Of(
                "ProbabilityOverrideCleared",
                1,
                v => new ProbabilityOverrideCleared(v.Get<DealId>("dealId"), v.Get<Instant>("at"), v.Get<string>("by")),
                Common()
            ),
            Shape.Of(
                "CategoryOverridden",
                1,
                v => new CategoryOverridden(
                    v.Get<DealId>("dealId"),
                    v.Get<Instant>("at"),
                    v.Get<string>("by"),
                    v.Get<ForecastCategory>("category")
                ),
                Common(
                    Field.Required<CategoryOverridden, ForecastCategory>("category", EnumCodec<ForecastCategory>.Instance, e => e.Category)
                )
            ),
            Shape.Of(
                "CategoryOverrideCleared",
                1,
                v => new CategoryOverrideCleared(v.Get<DealId>("dealId"), v.Get<Instant>("at"), v.Get<string>("by")),
                Common()
            ),
            Shape.Of(
                "OwnerReassigned",
                1,
                v => new OwnerReassigned(v.Get<DealId>("dealId"), v.Get<Instant>("at"), v.Get<string>("by"), v.Get<string>("owner")),
                Common(Field.Required<OwnerReassigned, string>("owner", Text, e => e.Owner))
            ),
            Shape.Of(
                "DealWon",
                1,
                v => new DealWon(v.Get<DealId>("dealId"), v.Get<Instant>("at"), v.Get<string>("by"), v.Get<string>("stageId")),
                Common(Field.Required<DealWon, string>("stageId", Text, e => e.StageId))
            ),
            Shape.Of(
                "DealLost",
                1,
                v => new DealLost(
                    v.Get<DealId>("dealId"),
                    v.Get<Instant>("at"),
                    v.Get<string>("by"),
                    v.Get<string>("stageId"),
                    v.Get<LossReason>("reason"),
                    v.Optional<string>("competitor")
                ),
                Common(
                    Field.Required<DealLost, string>("stageId", Text, e => e.StageId),
                    Field.Required<DealLost, LossReason>("reason", ValueCodecs.LossReason, e => e.Reason),
                    Field.Optional<DealLost, string>("competitor", Text, e => e.Competitor)
                )
            ),
            Shape.Of(
                "CompetitorNoted",
                1,
                v => new CompetitorNoted(v.Get<DealId>("dealId"), v.Get<Instant>("at"), v.Get<string>("by"), v.Get<string>("competitor")),
                Common(Field.Required<CompetitorNoted, string>("competitor", Text, e => e.Competitor))
            ),
            Shape.Of(
                "DealReopened",
                1,
                v => new DealReopened(v.Get<DealId>("dealId"), v.Get<Instant>("at"), v.Get<string>("by"), v.Get<string>("stageId")),
                Common(Field.Required<DealReopened, string>("stageId", Text, e => e.StageId))
            ),
            Shape.Of(
                "CustomerChanged",
                1,
                v => new CustomerChanged(v.Get<DealId>("dealId"), v.Get<Instant>("at"), v.Get<string>("by"), v.Get<Customer>("customer")),
                Common(Field.Required<CustomerChanged, Customer>("customer", ValueCodecs.Customer, e => e.Customer))
            ),
            Shape.Of(
                "DealStopped",
                1,
                v => new DealStopped(v.Get<DealId>("dealId"), v.Get<Instant>("at"), v.Get<string>("by"), v.Get<StopReason>("reason")),
                Common(Field.Required<DealStopped, StopReason>("reason", ValueCodecs.StopReason, e => e.Reason))
            ),
            Shape.Of(
                "DealResumed",
                1,
                v => new DealResumed(v.Get<DealId>("dealId"), v.Get<Instant>("at"), v.Get<string>("by"), v.Get<string>("stageId")),
                Common(Field.Required<DealResumed, string>("stageId", Text, e => e.StageId))
            ),
            Shape.Of(
                "DealAssignedToPool",
                1,
                v => new DealAssignedToPool(
                    v.Get<DealId>("dealId"),
                    v.Get<Instant>("at"),
                    v.Get<string>("by"),
                    v.Optional<string>("teamId")
                ),
                Common(Field.Optional<DealAssignedToPool, string>("teamId", Text, e => e.TeamId))
            ),
            Shape.Of(
                "CommentAdded",
                1,
                v => new CommentAdded(
                    v.Get<DealId>("dealId"),
                    v.Get<Instant>("at"),
                    v.Get<string>("by"),
                    v.Get<string>("text"),
                    v.Optional<string>("activityId")
                ),
                Common(
                    Field.Required<CommentAdded, string>("text", Text, e => e.Text),
                    Field.Optional<CommentAdded, string>("activityId", Text, e => e.ActivityId)
                )
            )
        )
    );

    // Every shape also reads "cause" (the last field of every deal event) and sets it on the event the shape made: the
    // events' constructors do not take it, it is an init property of DealEvent.
    private static Shape[] Caused(params Shape[] shapes) =>
        [
            .. shapes.Select(s => new Shape(
                s.Type,
                s.Name,
                s.Version,
                v =>
                {
                    var e = (DealEvent)s.Create(v);
                    return v.Optional<string>("cause") is { } cause ? e with { Cause = cause } : e;
                },
                [.. s.Fields]
            )),
        ];

    // The fields every deal event starts with, then the type's own, then why it happened (null for a direct act).
    private static Field[] Common(params Field[] own) =>
        [
            Field.Required<DealEvent, DealId>("dealId", ValueCodecs.DealId, e => e.DealId),
            Field.Required<DealEvent, Instant>("at", ValueCodecs.Instant, e => e.At),
            Field.Required<DealEvent, string>("by", TextCodec.Instance, e => e.By),
            .. own,
            Field.Optional<DealEvent, string>("cause", TextCodec.Instance, e => e.Cause),
        ];
}
