using NodaTime;
using SalesPipeline.Collections;
using SalesPipeline.Json.Values;
using SalesPipeline.Json.Wire;

namespace SalesPipeline.Json.Events;

// The wire form of every CollectionEntry: {"type":"Payment","version":1,"on":..,...} (docs/json.md, "Collection
// entries"). Reading goes through the entries' constructors, so a payment with more decimals than its currency has is
// refused there, with the domain's message. Every type is at version 1.
internal static class CollectionEntryCodec
{
    private static readonly TextCodec Text = TextCodec.Instance;
    private static readonly FreeTextCodec FreeText = FreeTextCodec.Instance;

    public static readonly ShapeCodec<CollectionEntry> Instance = ShapeCodec<CollectionEntry>.Types(
        "collection entry",
        Shape.Of(
            "Payment",
            1,
            v => new Payment(
                v.Get<string>("reference"),
                v.Get<LocalDate>("on"),
                v.Get<Money>("amount"),
                v.OptionalValue<int>("instalment")
            ),
            On(
                Field.Required<Payment, string>("reference", Text, e => e.Reference),
                Field.Required<Payment, Money>("amount", ValueCodecs.Money, e => e.Amount),
                Field.OptionalValue<Payment, int>("instalment", IntCodec.Instance, e => e.Instalment)
            )
        ),
        Shape.Of(
            "Refund",
            1,
            v => new Refund(
                v.Get<string>("reference"),
                v.Get<LocalDate>("on"),
                v.Get<string>("paymentReference"),
                v.Get<Money>("amount"),
                v.Optional<string>("reason")
            ),
            On(
                Field.Required<Refund, string>("reference", Text, e => e.Reference),
                Field.Required<Refund, string>("paymentReference", Text, e => e.PaymentReference),
                Field.Required<Refund, Money>("amount", ValueCodecs.Money, e => e.Amount),
                Field.Optional<Refund, string>("reason", FreeText, e => e.Reason)
            )
        ),
        Shape.Of(
            "Reversal",
            1,
            v => new Reversal(
                v.Get<string>("reference"),
                v.Get<LocalDate>("on"),
                v.Get<string>("paymentReference"),
                v.Optional<string>("reason")
            ),
            On(
                Field.Required<Reversal, string>("reference", Text, e => e.Reference),
                Field.Required<Reversal, string>("paymentReference", Text, e => e.PaymentReference),
                Field.Optional<Reversal, string>("reason", FreeText, e => e.Reason)
            )
        ),
        Shape.Of(
            "Reschedule",
            1,
            v => new Reschedule(
                v.Get<int>("instalment"),
                v.Get<LocalDate>("newDueOn"),
                v.Get<LocalDate>("on"),
                v.Optional<string>("reason")
            ),
            On(
                Field.Required<Reschedule, int>("instalment", IntCodec.Instance, e => e.Instalment),
                Field.Required<Reschedule, LocalDate>("newDueOn", ValueCodecs.Date, e => e.NewDueOn),
                Field.Optional<Reschedule, string>("reason", FreeText, e => e.Reason)
            )
        ),
        Shape.Of(
            "MilestoneReached",
            1,
            v => new MilestoneReached(v.Get<string>("name"), v.Get<LocalDate>("on")),
            On(Field.Required<MilestoneReached, string>("name", Text, e => e.Name))
        ),
        Shape.Of(
            "ContractCost",
            1,
            v => new ContractCost(v.Get<string>("reference"), v.Get<LocalDate>("on"), v.Get<Money>("amount"), v.Get<string>("description")),
            On(
                Field.Required<ContractCost, string>("reference", Text, e => e.Reference),
                Field.Required<ContractCost, Money>("amount", ValueCodecs.Money, e => e.Amount),
                Field.Required<ContractCost, string>("description", Text, e => e.Description)
            )
        )
    );

    // Every entry starts with its date, then its own fields.
    private static Field[] On(params Field[] own) =>
        [Field.Required<CollectionEntry, LocalDate>("on", ValueCodecs.Date, e => e.On), .. own];
}
