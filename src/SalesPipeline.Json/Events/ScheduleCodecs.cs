using System.Collections.Generic;
using NodaTime;
using SalesPipeline.Collections;
using SalesPipeline.Json.Values;
using SalesPipeline.Json.Wire;

namespace SalesPipeline.Json.Events;

// The CollectionSchedule document and the values it is made of (docs/json.md, "Collection schedules"): due rules and
// terms lines by "kind", payment terms and the contract as plain objects. A schedule is read back as
// CollectionSchedule.Create(total, signedOn, terms, contract).RecordAll(history), so every rule of the domain applies.
internal static class ScheduleCodecs
{
    private static readonly IntCodec Int = IntCodec.Instance;

    public static readonly ShapeCodec<DueRule> DueRule = ShapeCodec<DueRule>.Kinds(
        "due rule",
        r => r.Kind.ToString(),
        Shape.Of(
            nameof(DueRuleKind.DaysAfterStart),
            1,
            v => Collections.DueRule.DaysAfterStart(v.Get<int>("days")),
            Field.Required<DueRule, int>("days", Int, r => r.Days)
        ),
        Shape.Of(
            nameof(DueRuleKind.DaysAfterEndOfStartMonth),
            1,
            v => Collections.DueRule.DaysAfterEndOfStartMonth(v.Get<int>("days")),
            Field.Required<DueRule, int>("days", Int, r => r.Days)
        ),
        Shape.Of(
            nameof(DueRuleKind.MonthsAfterStart),
            1,
            v => Collections.DueRule.MonthsAfterStart(v.Get<int>("months")),
            Field.Required<DueRule, int>("months", Int, r => r.Months)
        ),
        Shape.Of(
            nameof(DueRuleKind.DayOfMonth),
            1,
            v => Collections.DueRule.DayOfMonth(v.Get<int>("day"), v.Get<int>("months")),
            Field.Required<DueRule, int>("day", Int, r => r.Day),
            Field.Required<DueRule, int>("months", Int, r => r.Months)
        ),
        Shape.Of(
            nameof(DueRuleKind.FixedDate),
            1,
            v => Collections.DueRule.On(v.Get<LocalDate>("date")),
            Field.Required<DueRule, LocalDate>("date", ValueCodecs.Date, r => r.Date!.Value)
        ),
        Shape.Of(
            nameof(DueRuleKind.Milestone),
            1,
            v => Collections.DueRule.OnMilestone(v.Get<string>("milestone"), v.Get<int>("days")),
            Field.Required<DueRule, string>("milestone", TextCodec.Instance, r => r.MilestoneName!),
            Field.Required<DueRule, int>("days", Int, r => r.Days)
        ),
        Shape.Of(
            nameof(DueRuleKind.DaysThenDayOfFollowingMonth),
            1,
            v => Collections.DueRule.DaysThenDayOfFollowingMonth(v.Get<int>("days"), v.Get<int>("day")),
            Field.Required<DueRule, int>("days", Int, r => r.Days),
            Field.Required<DueRule, int>("day", Int, r => r.Day)
        ),
        Shape.Of(
            nameof(DueRuleKind.DaysThenEndOfMonth),
            1,
            v => Collections.DueRule.DaysThenEndOfMonth(v.Get<int>("days")),
            Field.Required<DueRule, int>("days", Int, r => r.Days)
        )
    );

    public static readonly ShapeCodec<TermsLine> TermsLine = ShapeCodec<TermsLine>.Kinds(
        "terms line",
        l => l.Kind.ToString(),
        Shape.Of(
            nameof(TermsLineKind.Percentage),
            1,
            v => Collections.TermsLine.Percentage(v.Get<decimal>("percent"), v.Get<DueRule>("due"), v.Get<int>("instalments")),
            Field.Required<TermsLine, decimal>("percent", DecimalCodec.Instance, l => l.Percent),
            Field.Required<TermsLine, DueRule>("due", DueRule, l => l.Due),
            Field.Required<TermsLine, int>("instalments", Int, l => l.Instalments)
        ),
        Shape.Of(
            nameof(TermsLineKind.Fixed),
            1,
            v => Collections.TermsLine.Fixed(v.Get<Money>("amount"), v.Get<DueRule>("due"), v.Get<int>("instalments")),
            Field.Required<TermsLine, Money>("amount", ValueCodecs.Money, l => l.Amount!),
            Field.Required<TermsLine, DueRule>("due", DueRule, l => l.Due),
            Field.Required<TermsLine, int>("instalments", Int, l => l.Instalments)
        ),
        Shape.Of(
            nameof(TermsLineKind.Balance),
            1,
            v => Collections.TermsLine.Balance(v.Get<DueRule>("due"), v.Get<int>("instalments")),
            Field.Required<TermsLine, DueRule>("due", DueRule, l => l.Due),
            Field.Required<TermsLine, int>("instalments", Int, l => l.Instalments)
        )
    );

    public static readonly ShapeCodec<PaymentTerms> PaymentTerms = ShapeCodec<PaymentTerms>.Single(
        Shape.Of(
            "PaymentTerms",
            1,
            v => Collections.PaymentTerms.Create(v.Get<IReadOnlyList<TermsLine>>("lines")),
            Field.Required<PaymentTerms, IReadOnlyList<TermsLine>>("lines", new ListCodec<TermsLine>(TermsLine), t => t.Lines)
        )
    );

    public static readonly ShapeCodec<ContractInfo> ContractInfo = ShapeCodec<ContractInfo>.Single(
        Shape.Of(
            "ContractInfo",
            1,
            v => new ContractInfo(
                v.Get<string>("contractId"),
                v.Get<string>("customer"),
                v.Get<string>("owner"),
                v.OptionalValue<DealId>("deal")
            ),
            Field.Required<ContractInfo, string>("contractId", TextCodec.Instance, c => c.ContractId),
            Field.Required<ContractInfo, string>("customer", TextCodec.Instance, c => c.Customer),
            Field.Required<ContractInfo, string>("owner", TextCodec.Instance, c => c.Owner),
            Field.OptionalValue<ContractInfo, DealId>("deal", ValueCodecs.DealId, c => c.Deal)
        )
    );

    public static readonly ShapeCodec<CollectionSchedule> CollectionSchedule = ShapeCodec<CollectionSchedule>.Types(
        "collection schedule",
        Shape.Of(
            "CollectionSchedule",
            1,
            v =>
                Collections
                    .CollectionSchedule.Create(
                        v.Get<Money>("total"),
                        v.Get<LocalDate>("signedOn"),
                        v.Get<PaymentTerms>("terms"),
                        v.Optional<ContractInfo>("contract")
                    )
                    .RecordAll(v.Get<IReadOnlyList<CollectionEntry>>("history")),
            Field.Required<CollectionSchedule, Money>("total", ValueCodecs.Money, s => s.Total),
            Field.Required<CollectionSchedule, LocalDate>("signedOn", ValueCodecs.Date, s => s.SignedOn),
            Field.Required<CollectionSchedule, PaymentTerms>("terms", PaymentTerms, s => s.Terms),
            Field.Optional<CollectionSchedule, ContractInfo>("contract", ContractInfo, s => s.Contract),
            Field.Required<CollectionSchedule, IReadOnlyList<CollectionEntry>>(
                "history",
                new ListCodec<CollectionEntry>(CollectionEntryCodec.Instance),
                s => s.History
            )
        )
    );
}
