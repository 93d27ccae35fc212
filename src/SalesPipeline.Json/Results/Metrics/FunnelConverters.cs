using System.Text.Json;
using SalesPipeline.Metrics;
using static SalesPipeline.Json.Results.ResultFields;

namespace SalesPipeline.Json.Results.Metrics;

internal sealed class FunnelStageConverter : ResultConverter<FunnelStage>
{
    public static readonly FunnelStageConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, FunnelStage value, JsonSerializerOptions options)
    {
        writer.WriteString("stageId", value.Stage.Id);
        writer.WriteString("stageName", value.Stage.Name);
        writer.WriteNumber("reached", value.Reached);
        writer.WriteNumber("movedOn", value.MovedOn);
        writer.WriteNumber("movedBack", value.MovedBack);
        writer.WriteNumber("lost", value.Lost);
        writer.WriteNumber("won", value.Won);
        writer.WriteNumber("stillIn", value.StillIn);
        writer.WriteNumber("stopped", value.Stopped);
        Money(writer, "reachedAmount", value.ReachedAmount);
        Money(writer, "lostAmount", value.LostAmount);
        Money(writer, "wonAmount", value.WonAmount);
        Money(writer, "stillInAmount", value.StillInAmount);
        Money(writer, "stoppedAmount", value.StoppedAmount);
        Number(writer, "conversionToNext", value.ConversionToNext);
        Number(writer, "lossRate", value.LossRate);
        Number(writer, "reachedValueShare", value.ReachedValueShare);
        Number(writer, "openValueShare", value.OpenValueShare);
    }
}

// The bottleneck is one of the group's stages, so it is written as that stage's id.
internal sealed class FunnelGroupConverter : ResultConverter<FunnelGroup>
{
    public static readonly FunnelGroupConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, FunnelGroup value, JsonSerializerOptions options)
    {
        Name(writer, "breakdown", value.Breakdown);
        writer.WriteString("key", value.Key);
        writer.WriteNumber("deals", value.Deals);
        Array(writer, "stages", value.Stages, FunnelStageConverter.Instance, options);
        writer.WriteString("bottleneck", value.Bottleneck?.Stage.Id);
    }
}

internal sealed class LeadConversionConverter : ResultConverter<LeadConversion>
{
    public static readonly LeadConversionConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, LeadConversion value, JsonSerializerOptions options)
    {
        Name(writer, "breakdown", value.Breakdown);
        writer.WriteString("key", value.Key);
        writer.WriteNumber("leads", value.Leads);
        writer.WriteNumber("converted", value.Converted);
        writer.WriteNumber("qualified", value.Qualified);
        Interval(writer, "toDeal", value.ToDeal);
        Interval(writer, "toQualified", value.ToQualified);
    }
}

// FunnelReport.Stages and .Bottleneck are those of .All, so they are written once, inside "all".
internal sealed class FunnelReportConverter : ResultConverter<FunnelReport>
{
    public static readonly FunnelReportConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, FunnelReport value, JsonSerializerOptions options)
    {
        Currency(writer, value.Currency);
        writer.WriteString("qualifiedStageId", value.QualifiedStage?.Id);
        Object(writer, "all", value.All, FunnelGroupConverter.Instance, options);
        Array(writer, "groups", value.Groups, FunnelGroupConverter.Instance, options);
        Object(writer, "leads", value.Leads, LeadConversionConverter.Instance, options);
        Array(writer, "leadGroups", value.LeadGroups, LeadConversionConverter.Instance, options);
    }
}
