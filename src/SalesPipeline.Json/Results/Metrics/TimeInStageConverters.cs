using System.Text.Json;
using SalesPipeline.Metrics;
using static SalesPipeline.Json.Results.ResultFields;

namespace SalesPipeline.Json.Results.Metrics;

internal sealed class DurationPercentileConverter : ResultConverter<DurationPercentile>
{
    public static readonly DurationPercentileConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, DurationPercentile value, JsonSerializerOptions options)
    {
        writer.WriteNumber("probability", value.Probability);
        Number(writer, "days", value.Days);
    }
}

internal sealed class DurationSummaryConverter : ResultConverter<DurationSummary>
{
    public static readonly DurationSummaryConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, DurationSummary value, JsonSerializerOptions options)
    {
        writer.WriteNumber("count", value.Count);
        writer.WriteNumber("openCount", value.OpenCount);
        Number(writer, "meanDays", value.MeanDays);
        Number(writer, "medianDays", value.MedianDays);
        Number(writer, "minDays", value.MinDays);
        Number(writer, "maxDays", value.MaxDays);
        Array(writer, "percentiles", value.Percentiles, DurationPercentileConverter.Instance, options);
    }
}

internal sealed class StageTimeConverter : ResultConverter<StageTime>
{
    public static readonly StageTimeConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, StageTime value, JsonSerializerOptions options)
    {
        writer.WriteString("stageId", value.Stage.Id);
        writer.WriteString("stageName", value.Stage.Name);
        Object(writer, "latest", value.Latest, DurationSummaryConverter.Instance, options);
        Object(writer, "cumulative", value.Cumulative, DurationSummaryConverter.Instance, options);
    }
}

internal sealed class TimeInStageReportConverter : ResultConverter<TimeInStageReport>
{
    public static readonly TimeInStageReportConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, TimeInStageReport value, JsonSerializerOptions options)
    {
        Instant(writer, "asOf", value.AsOf);
        Name(writer, "unit", value.Unit);
        writer.WriteBoolean("includesOpenStints", value.IncludesOpenStints);
        writer.WriteNumber("deals", value.Deals);
        writer.WriteNumber("notYetCreated", value.NotYetCreated);
        Array(writer, "stages", value.Stages, StageTimeConverter.Instance, options);
    }
}
