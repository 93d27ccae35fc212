using System.Collections.Generic;
using System.Text.Json.Serialization;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Collections;
using SalesPipeline.Deals;
using SalesPipeline.Json.Documents;
using SalesPipeline.Json.Events;
using SalesPipeline.Json.Values;
using SalesPipeline.Json.Wire;
using SalesPipeline.Leads;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;
using SalesPipeline.Quotes;

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
            new CodecConverter<StopReason>(ValueCodecs.StopReason),
            new CodecConverter<Customer>(ValueCodecs.Customer),
            new CodecConverter<DateInterval>(ValueCodecs.DateInterval),
            new CodecConverter<FiscalPeriod>(ValueCodecs.FiscalPeriod),
            .. DealEvents(),
            .. LeadEvents(),
            .. Quotes(),
            .. CollectionEntries(),
            new CodecConverter<DueRule>(ScheduleCodecs.DueRule),
            new CodecConverter<TermsLine>(ScheduleCodecs.TermsLine),
            new CodecConverter<PaymentTerms>(ScheduleCodecs.PaymentTerms),
            new CodecConverter<ContractInfo>(ScheduleCodecs.ContractInfo),
            new CodecConverter<CollectionSchedule>(ScheduleCodecs.CollectionSchedule),
            new CodecConverter<PipelineDefinition>(PipelineDocument.Instance),
            new CodecConverter<SalesOrg>(SalesOrgDocument.Instance),
            .. ResultConverters(),
        ];

    // Results are write-only (docs/json.md, "Results").
    private static IEnumerable<JsonConverter> ResultConverters() =>
        [
            Results.Collections.AgingBucketsConverter.Instance,
            Results.Collections.AgingLineConverter.Instance,
            Results.Collections.AgingReportConverter.Instance,
            Results.Collections.CashForecastLineConverter.Instance,
            Results.Collections.CashForecastReportConverter.Instance,
            Results.Collections.ProgressLineConverter.Instance,
            Results.Collections.CollectedCashRankConverter.Instance,
            Results.Collections.CollectionProgressReportConverter.Instance,
            Results.Collections.DaysSalesOutstandingConverter.Instance,
            Results.Collections.InstalmentStatusConverter.Instance,
            Results.Collections.CollectionStatusConverter.Instance,
            Results.Forecasting.BacktestRowConverter.Instance,
            Results.Forecasting.MethodAccuracyConverter.Instance,
            Results.Forecasting.BacktestResultConverter.Instance,
            Results.Forecasting.CalibratedStageConverter.Instance,
            Results.Forecasting.ChainStageConverter.Instance,
            Results.Forecasting.PipelineChainConverter.Instance,
            Results.Forecasting.ReliabilityTableConverter.Instance,
            Results.Forecasting.ForecastReliabilityConverter.Instance,
            Results.Forecasting.StageCalibrationConverter.Instance,
            Results.Forecasting.CategoryAmountsConverter.Instance,
            Results.Forecasting.CategoryAdjustmentConverter.Instance,
            Results.Forecasting.CategoryLineConverter.Instance,
            Results.Forecasting.CategoryForecastConverter.Instance,
            Results.Forecasting.DealComparisonConverter.Instance,
            Results.Forecasting.ForecastComparisonConverter.Instance,
            Results.Forecasting.DistributionPointConverter.Instance,
            Results.Forecasting.RevenueDistributionConverter.Instance,
            Results.Forecasting.WeightedLineConverter.Instance,
            Results.Forecasting.StageWeightedForecastConverter.Instance,
            Results.Health.HealthFindingConverter.Instance,
            Results.Health.DealHealthConverter.Instance,
            Results.Health.ReviewShortlistConverter.Instance,
            Results.Health.CoverageResultConverter.Instance,
            Results.Health.HealthReportConverter.Instance,
            Results.Metrics.SurvivalPointConverter.Instance,
            Results.Metrics.KaplanMeierCurveConverter.Instance,
            Results.Metrics.SalesCycleConverter.Instance,
            Results.Metrics.FunnelStageConverter.Instance,
            Results.Metrics.FunnelGroupConverter.Instance,
            Results.Metrics.LeadConversionConverter.Instance,
            Results.Metrics.FunnelReportConverter.Instance,
            Results.Metrics.VolumeLineConverter.Instance,
            Results.Metrics.IncomingVolumeReportConverter.Instance,
            Results.Metrics.UntouchedLeadConverter.Instance,
            Results.Metrics.LeadResponseTimeConverter.Instance,
            Results.Metrics.OutcomeCountConverter.Instance,
            Results.Metrics.ActivityCountLineConverter.Instance,
            Results.Metrics.ActivityReportConverter.Instance,
            Results.Metrics.ProgressRatioConverter.Instance,
            Results.Metrics.ActivityProgressReportConverter.Instance,
            Results.Metrics.LeaderboardEntryConverter.Instance,
            Results.Metrics.LeaderboardConverter.Instance,
            Results.Metrics.LossFiguresConverter.Instance,
            Results.Metrics.LossStageLineConverter.Instance,
            Results.Metrics.LossReasonLineConverter.Instance,
            Results.Metrics.LossReportConverter.Instance,
            Results.Metrics.StopReasonLineConverter.Instance,
            Results.Metrics.CustomerLineConverter.Instance,
            Results.Metrics.CustomerReportConverter.Instance,
            Results.Metrics.ConflictingDealConverter.Instance,
            Results.Metrics.DealConflictConverter.Instance,
            Results.Metrics.DealConflictReportConverter.Instance,
            Results.Metrics.PooledItemConverter.Instance,
            Results.Metrics.PoolLineConverter.Instance,
            Results.Metrics.PoolReportConverter.Instance,
            Results.Forecasting.StagePipelineLineConverter.Instance,
            Results.Forecasting.PipelineByStageConverter.Instance,
            Results.Metrics.CompetitorLineConverter.Instance,
            Results.Metrics.CompetitorReportConverter.Instance,
            Results.Metrics.DurationPercentileConverter.Instance,
            Results.Metrics.DurationSummaryConverter.Instance,
            Results.Metrics.StageTimeConverter.Instance,
            Results.Metrics.TimeInStageReportConverter.Instance,
            Results.Metrics.SalesVelocityConverter.Instance,
            Results.Metrics.VelocityComparisonConverter.Instance,
            Results.Metrics.WinRateResultConverter.Instance,
            Results.Metrics.WinRateLineConverter.Instance,
            Results.Metrics.WinRateTableConverter.Instance,
            Results.Targets.QuotaConverter.Instance,
            Results.Targets.QuotaPlanConverter.Instance,
            Results.Targets.QuotaAssignmentConverter.Instance,
            Results.Targets.AttainmentLineConverter.Instance,
            Results.Targets.AttainmentReportConverter.Instance,
            Results.Quotes.QuoteStatusCountConverter.Instance,
            Results.Quotes.QuoteStatusReportConverter.Instance,
            Results.Quotes.QuoteDiscountRowConverter.Instance,
            Results.Quotes.QuoteDiscountReportConverter.Instance,
            Results.Quotes.ApprovalRequestConverter.Instance,
            Results.Quotes.ApprovalTurnaroundReportConverter.Instance,
            Results.Quotes.QuoteToWinRowConverter.Instance,
            Results.Quotes.QuoteToWinReportConverter.Instance,
            Results.Quotes.PricedLineConverter.Instance,
            Results.Quotes.QuoteTotalsConverter.Instance,
            Results.Quotes.QuoteVersionConverter.Instance,
            Results.Quotes.LineChangeConverter.Instance,
            Results.Quotes.QuoteComparisonConverter.Instance,
            Results.Quotes.QuoteApprovalConverter.Instance,
            Results.Quotes.ApprovalDecisionConverter.Instance,
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
            Subtype<DealEvent, CustomerChanged>(codec),
            Subtype<DealEvent, DealStopped>(codec),
            Subtype<DealEvent, DealResumed>(codec),
            Subtype<DealEvent, DealAssignedToPool>(codec),
            Subtype<DealEvent, CommentAdded>(codec),
        ];
    }

    private static IEnumerable<JsonConverter> LeadEvents()
    {
        var codec = LeadEventCodec.Instance;
        return
        [
            new CodecConverter<LeadEvent>(codec, refuseNull: true),
            Subtype<LeadEvent, LeadCreated>(codec),
            Subtype<LeadEvent, LeadAssignedToPool>(codec),
            Subtype<LeadEvent, LeadTouched>(codec),
            Subtype<LeadEvent, LeadReassigned>(codec),
            Subtype<LeadEvent, LeadDisqualified>(codec),
            Subtype<LeadEvent, LeadConverted>(codec),
        ];
    }

    // Quote events and the values they are made of (docs/json.md, "Quote events").
    private static IEnumerable<JsonConverter> Quotes() =>
        [
            new CodecConverter<QuoteEvent>(QuoteEventCodec.Instance, refuseNull: true),
            Subtype<QuoteEvent, QuoteCreated>(QuoteEventCodec.Instance),
            Subtype<QuoteEvent, QuoteRevised>(QuoteEventCodec.Instance),
            Subtype<QuoteEvent, QuoteSubmitted>(QuoteEventCodec.Instance),
            Subtype<QuoteEvent, QuoteApproved>(QuoteEventCodec.Instance),
            Subtype<QuoteEvent, QuoteRejected>(QuoteEventCodec.Instance),
            Subtype<QuoteEvent, QuoteSent>(QuoteEventCodec.Instance),
            Subtype<QuoteEvent, QuoteAccepted>(QuoteEventCodec.Instance),
            Subtype<QuoteEvent, QuoteDeclined>(QuoteEventCodec.Instance),
            new CodecConverter<QuoteContent>(QuoteCodecs.Content),
            new CodecConverter<Discount>(QuoteCodecs.Discount),
            new CodecConverter<QuoteLine>(QuoteCodecs.Line),
            new CodecConverter<TriggeredRule>(QuoteCodecs.Triggered),
            new CodecConverter<RequiredApproval>(QuoteCodecs.Required),
            new CodecConverter<Approver>(QuoteCodecs.Approver),
            new CodecConverter<ApprovalRule>(QuoteCodecs.Rule),
        ];

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
