using System.Collections.Generic;
using System.Text.Json.Serialization;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Collections;
using SalesPipeline.Deals;
using SalesPipeline.Json.Events;
using SalesPipeline.Json.Values;
using SalesPipeline.Json.Wire;
using SalesPipeline.Leads;

namespace SalesPipeline.Json;

// Every converter the package registers, in one list: a new converter is added here and nowhere else. They come before
// NodaTime's, so that DateInterval is written as {"start","end"} whatever the naming policy.
internal static class Converters
{
    public static IEnumerable<JsonConverter> All() =>
        [
            new CodecConverter<Money>(ValueCodecs.Money),
            new CodecConverter<Currency>(ValueCodecs.Currency),
            new CodecConverter<DealId>(ValueCodecs.DealId),
            new CodecConverter<LeadId>(ValueCodecs.LeadId),
            new CodecConverter<LeadSource>(ValueCodecs.LeadSource),
            new CodecConverter<LossReason>(ValueCodecs.LossReason),
            new CodecConverter<DateInterval>(ValueCodecs.DateInterval),
            new CodecConverter<FiscalPeriod>(ValueCodecs.FiscalPeriod),
            .. DealEvents(),
            .. LeadEvents(),
            .. CollectionEntries(),
            new CodecConverter<DueRule>(ScheduleCodecs.DueRule),
            new CodecConverter<TermsLine>(ScheduleCodecs.TermsLine),
            new CodecConverter<PaymentTerms>(ScheduleCodecs.PaymentTerms),
            new CodecConverter<ContractInfo>(ScheduleCodecs.ContractInfo),
            new CodecConverter<CollectionSchedule>(ScheduleCodecs.CollectionSchedule),
        ];

    private static IEnumerable<JsonConverter> DealEvents()
    {
        var codec = DealEventCodec.Instance;
        return
        [
            new CodecConverter<DealEvent>(codec, refuseNull: true),
            Subtype<DealEvent, DealCreated>(codec),
            Subtype<DealEvent, DealImported>(codec),
            Subtype<DealEvent, StageMoved>(codec),
            Subtype<DealEvent, ExitCriterionAnswered>(codec),
            Subtype<DealEvent, ExitCriterionWithdrawn>(codec),
            Subtype<DealEvent, AmountChanged>(codec),
            Subtype<DealEvent, ExpectedCloseChanged>(codec),
            Subtype<DealEvent, ProbabilityOverridden>(codec),
            Subtype<DealEvent, ProbabilityOverrideCleared>(codec),
            Subtype<DealEvent, CategoryOverridden>(codec),
            Subtype<DealEvent, CategoryOverrideCleared>(codec),
            Subtype<DealEvent, OwnerReassigned>(codec),
            Subtype<DealEvent, DealWon>(codec),
            Subtype<DealEvent, DealLost>(codec),
            Subtype<DealEvent, CompetitorNoted>(codec),
            Subtype<DealEvent, DealReopened>(codec),
        ];
    }

    private static IEnumerable<JsonConverter> LeadEvents()
    {
        var codec = LeadEventCodec.Instance;
        return
        [
            new CodecConverter<LeadEvent>(codec, refuseNull: true),
            Subtype<LeadEvent, LeadCreated>(codec),
            Subtype<LeadEvent, LeadTouched>(codec),
            Subtype<LeadEvent, LeadReassigned>(codec),
            Subtype<LeadEvent, LeadDisqualified>(codec),
            Subtype<LeadEvent, LeadConverted>(codec),
        ];
    }

    private static IEnumerable<JsonConverter> CollectionEntries()
    {
        var codec = CollectionEntryCodec.Instance;
        return
        [
            new CodecConverter<CollectionEntry>(codec, refuseNull: true),
            Subtype<CollectionEntry, Payment>(codec),
            Subtype<CollectionEntry, Refund>(codec),
            Subtype<CollectionEntry, Reversal>(codec),
            Subtype<CollectionEntry, Reschedule>(codec),
            Subtype<CollectionEntry, MilestoneReached>(codec),
            Subtype<CollectionEntry, ContractCost>(codec),
        ];
    }

    private static SubtypeConverter<TBase, T> Subtype<TBase, T>(ShapeCodec<TBase> codec)
        where TBase : class
        where T : class, TBase => new(codec, typeof(T).Name);
}
