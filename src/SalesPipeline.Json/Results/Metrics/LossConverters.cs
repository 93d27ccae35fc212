using System.Collections.Generic;
using System.Text.Json;
using SalesPipeline.Metrics;
using static SalesPipeline.Json.Results.ResultFields;

namespace SalesPipeline.Json.Results.Metrics;

internal sealed class LossFiguresConverter : ResultConverter<LossFigures>
{
    public static readonly LossFiguresConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, LossFigures value, JsonSerializerOptions options)
    {
        writer.WriteNumber("count", value.Count);
        Money(writer, "value", value.Value);
        Decimal(writer, "countShare", value.CountShare);
        Decimal(writer, "valueShare", value.ValueShare);
    }
}

// A line's figures sit beside its key in one object: {"stageId": "proposal", "count": 2, "value": ...}.
internal sealed class LossStageLineConverter : ResultConverter<LossStageLine>
{
    public static readonly LossStageLineConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, LossStageLine value, JsonSerializerOptions options)
    {
        writer.WriteString("stageId", value.StageId);
        LossFiguresConverter.Instance.WriteFields(writer, value.Figures, options);
    }
}

// A loss reason line and a stop reason line have one shape: the reason's code beside its figures, then its stages.
internal abstract class ReasonLineConverter<TLine> : ResultConverter<TLine>
{
    private protected abstract (string Code, LossFigures Figures, IReadOnlyList<LossStageLine> Stages) Parts(TLine line);

    internal sealed override void WriteFields(Utf8JsonWriter writer, TLine value, JsonSerializerOptions options)
    {
        var (code, figures, stages) = Parts(value);
        writer.WriteString("reason", code);
        LossFiguresConverter.Instance.WriteFields(writer, figures, options);
        Array(writer, "stages", stages, LossStageLineConverter.Instance, options);
    }
}

internal sealed class LossReasonLineConverter : ReasonLineConverter<LossReasonLine>
{
    public static readonly LossReasonLineConverter Instance = new();

    private protected override (string, LossFigures, IReadOnlyList<LossStageLine>) Parts(LossReasonLine line) =>
        (line.Reason.Code, line.Figures, line.Stages);
}

internal sealed class StopReasonLineConverter : ReasonLineConverter<StopReasonLine>
{
    public static readonly StopReasonLineConverter Instance = new();

    private protected override (string, LossFigures, IReadOnlyList<LossStageLine>) Parts(StopReasonLine line) =>
        (line.Reason.Code, line.Figures, line.Stages);
}

internal sealed class LossReportConverter : ResultConverter<LossReport>
{
    public static readonly LossReportConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, LossReport value, JsonSerializerOptions options)
    {
        Object(writer, "lost", value.Lost, LossFiguresConverter.Instance, options);
        Array(writer, "reasons", value.Reasons, LossReasonLineConverter.Instance, options);
        Array(writer, "stages", value.Stages, LossStageLineConverter.Instance, options);
        Object(writer, "stopped", value.Stopped, LossFiguresConverter.Instance, options);
        Array(writer, "stopReasons", value.StopReasons, StopReasonLineConverter.Instance, options);
        Array(writer, "stopStages", value.StopStages, LossStageLineConverter.Instance, options);
    }
}

internal sealed class CompetitorLineConverter : ResultConverter<CompetitorLine>
{
    public static readonly CompetitorLineConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, CompetitorLine value, JsonSerializerOptions options)
    {
        writer.WriteString("competitor", value.Competitor);
        Object(writer, "rate", value.Rate, WinRateResultConverter.Instance, options);
        writer.WriteNumber("openDeals", value.OpenDeals);
        Money(writer, "openValue", value.OpenValue);
        writer.WriteNumber("deals", value.Deals);
        writer.WriteNumber("lostTo", value.LostTo);
        Money(writer, "lostToValue", value.LostToValue);
    }
}

internal sealed class CompetitorReportConverter : ResultConverter<CompetitorReport>
{
    public static readonly CompetitorReportConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, CompetitorReport value, JsonSerializerOptions options)
    {
        Array(writer, "lines", value.Lines, CompetitorLineConverter.Instance, options);
        Object(writer, "withoutCompetitor", value.WithoutCompetitor, WinRateResultConverter.Instance, options);
        Object(writer, "total", value.Total, WinRateResultConverter.Instance, options);
    }
}
