using System.Collections.Generic;
using System.Text.Json.Serialization;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Collections;
using SalesPipeline.Deals;

namespace SalesPipeline.Json;

// Source-generated contracts for the package's root types and the collections of them that stores and APIs read and
// write, so that SalesPipelineJson.Options works where reflection is off (trimming, native AOT). The converters in the
// options decide the wire form; this context only tells the serializer that these types exist.
[JsonSerializable(typeof(Money))]
[JsonSerializable(typeof(Currency))]
[JsonSerializable(typeof(DealId))]
[JsonSerializable(typeof(LeadId))]
[JsonSerializable(typeof(LeadSource))]
[JsonSerializable(typeof(LossReason))]
[JsonSerializable(typeof(Instant))]
[JsonSerializable(typeof(LocalDate))]
[JsonSerializable(typeof(DateInterval))]
[JsonSerializable(typeof(FiscalPeriod))]
[JsonSerializable(typeof(DealEvent))]
[JsonSerializable(typeof(DealEvent[]))]
[JsonSerializable(typeof(List<DealEvent>))]
[JsonSerializable(typeof(IReadOnlyList<DealEvent>))]
[JsonSerializable(typeof(DealCreated))]
[JsonSerializable(typeof(DealImported))]
[JsonSerializable(typeof(StageMoved))]
[JsonSerializable(typeof(ExitCriterionAnswered))]
[JsonSerializable(typeof(ExitCriterionWithdrawn))]
[JsonSerializable(typeof(AmountChanged))]
[JsonSerializable(typeof(ExpectedCloseChanged))]
[JsonSerializable(typeof(ProbabilityOverridden))]
[JsonSerializable(typeof(ProbabilityOverrideCleared))]
[JsonSerializable(typeof(CategoryOverridden))]
[JsonSerializable(typeof(CategoryOverrideCleared))]
[JsonSerializable(typeof(OwnerReassigned))]
[JsonSerializable(typeof(DealWon))]
[JsonSerializable(typeof(DealLost))]
[JsonSerializable(typeof(CompetitorNoted))]
[JsonSerializable(typeof(DealReopened))]
[JsonSerializable(typeof(CollectionEntry))]
[JsonSerializable(typeof(CollectionEntry[]))]
[JsonSerializable(typeof(List<CollectionEntry>))]
[JsonSerializable(typeof(IReadOnlyList<CollectionEntry>))]
[JsonSerializable(typeof(Payment))]
[JsonSerializable(typeof(Refund))]
[JsonSerializable(typeof(Reversal))]
[JsonSerializable(typeof(Reschedule))]
[JsonSerializable(typeof(MilestoneReached))]
[JsonSerializable(typeof(ContractCost))]
[JsonSerializable(typeof(CollectionSchedule))]
[JsonSerializable(typeof(PaymentTerms))]
[JsonSerializable(typeof(TermsLine))]
[JsonSerializable(typeof(DueRule))]
[JsonSerializable(typeof(ContractInfo))]
internal sealed partial class SalesPipelineJsonContext : JsonSerializerContext;
