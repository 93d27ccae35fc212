using System.Text.Json;
using SalesPipeline.Forecasting;
using static SalesPipeline.Json.Results.ResultFields;

namespace SalesPipeline.Json.Results.Forecasting;

internal sealed class StagePipelineLineConverter : ResultConverter<StagePipelineLine>
{
    public static readonly StagePipelineLineConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, StagePipelineLine value, JsonSerializerOptions options)
    {
        writer.WriteString("stageId", value.Stage.Id);
        writer.WriteString("stageName", value.Stage.Name);
        writer.WriteNumber("deals", value.Deals);
        Money(writer, "amount", value.Amount);
        Money(writer, "weighted", value.Weighted);
    }
}

internal sealed class PipelineByStageConverter : ResultConverter<PipelineByStage>
{
    public static readonly PipelineByStageConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, PipelineByStage value, JsonSerializerOptions options)
    {
        Currency(writer, value.Currency);
        Array(writer, "stages", value.Stages, StagePipelineLineConverter.Instance, options);
        writer.WriteNumber("stoppedDeals", value.StoppedDeals);
        Money(writer, "stoppedAmount", value.StoppedAmount);
        writer.WriteNumber("openDeals", value.OpenDeals);
        Money(writer, "openAmount", value.OpenAmount);
        Money(writer, "weighted", value.Weighted);
    }
}
