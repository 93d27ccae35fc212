using System.Text.Json;
using SalesPipeline.Metrics;
using static SalesPipeline.Json.Results.ResultFields;

namespace SalesPipeline.Json.Results.Metrics;

internal sealed class VolumeLineConverter : ResultConverter<VolumeLine>
{
    public static readonly VolumeLineConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, VolumeLine value, JsonSerializerOptions options)
    {
        writer.WriteString("label", value.Label);
        Period(writer, "period", value.Period);
        writer.WriteString("key", value.Key);
        writer.WriteNumber("newLeads", value.NewLeads);
        writer.WriteNumber("newDeals", value.NewDeals);
    }
}

internal sealed class IncomingVolumeReportConverter : ResultConverter<IncomingVolumeReport>
{
    public static readonly IncomingVolumeReportConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, IncomingVolumeReport value, JsonSerializerOptions options)
    {
        Name(writer, "breakdown", value.Breakdown);
        Array(writer, "periods", value.Periods, VolumeLineConverter.Instance, options);
        Array(writer, "byKey", value.ByKey, VolumeLineConverter.Instance, options);
        Object(writer, "outsidePeriods", value.OutsidePeriods, VolumeLineConverter.Instance, options);
        Object(writer, "total", value.Total, VolumeLineConverter.Instance, options);
    }
}

internal sealed class UntouchedLeadConverter : ResultConverter<UntouchedLead>
{
    public static readonly UntouchedLeadConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, UntouchedLead value, JsonSerializerOptions options)
    {
        Id(writer, "leadId", value.Lead);
        writer.WriteString("owner", value.Owner);
        Instant(writer, "createdAt", value.CreatedAt);
        Number(writer, "waitingHours", value.WaitingHours);
    }
}

internal sealed class LeadResponseTimeConverter : ResultConverter<LeadResponseTime>
{
    public static readonly LeadResponseTimeConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, LeadResponseTime value, JsonSerializerOptions options)
    {
        Instant(writer, "asOf", value.AsOf);
        Duration(writer, "untouchedAfter", value.Options.UntouchedAfter);
        Name(writer, "breakdown", value.Breakdown);
        writer.WriteString("group", value.Group);
        writer.WriteNumber("leads", value.Leads);
        writer.WriteNumber("touched", value.Touched);
        writer.WriteNumber("answeredLate", value.AnsweredLate);
        writer.WriteNumber("waiting", value.Waiting);
        writer.WriteNumber("notYetCreated", value.NotYetCreated);
        Number(writer, "meanHours", value.MeanHours);
        Number(writer, "medianHours", value.MedianHours);
        Array(writer, "overdue", value.Overdue, UntouchedLeadConverter.Instance, options);
    }
}

internal sealed class OutcomeCountConverter : ResultConverter<OutcomeCount>
{
    public static readonly OutcomeCountConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, OutcomeCount value, JsonSerializerOptions options)
    {
        writer.WriteString("outcome", value.Outcome);
        writer.WriteNumber("count", value.Count);
    }
}

internal sealed class ActivityCountLineConverter : ResultConverter<ActivityCountLine>
{
    public static readonly ActivityCountLineConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, ActivityCountLine value, JsonSerializerOptions options)
    {
        writer.WriteString("rep", value.Rep);
        Period(writer, "period", value.Period);
        Name(writer, "kind", value.Kind);
        writer.WriteNumber("count", value.Count);
        Array(writer, "outcomes", value.Outcomes, OutcomeCountConverter.Instance, options);
    }
}

internal sealed class ActivityReportConverter : ResultConverter<ActivityReport>
{
    public static readonly ActivityReportConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, ActivityReport value, JsonSerializerOptions options)
    {
        Array(writer, "lines", value.Lines, ActivityCountLineConverter.Instance, options);
        writer.WriteNumber("outside", value.Outside);
    }
}

internal sealed class ProgressRatioConverter : ResultConverter<ProgressRatio>
{
    public static readonly ProgressRatioConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, ProgressRatio value, JsonSerializerOptions options)
    {
        writer.WriteNumber("activities", value.Activities);
        writer.WriteNumber("progressed", value.Progressed);
        writer.WriteNumber("pending", value.Pending);
        Decimal(writer, "rate", value.Rate);
        Interval(writer, "interval", value.Interval);
    }
}

// Rows keyed by rep and by kind: each row is the key beside the ratio's fields.
internal sealed class ActivityProgressReportConverter : ResultConverter<ActivityProgressReport>
{
    public static readonly ActivityProgressReportConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, ActivityProgressReport value, JsonSerializerOptions options)
    {
        Object(writer, "total", value.Total, ProgressRatioConverter.Instance, options);
        writer.WriteStartArray("byRep");
        foreach (var (rep, ratio) in value.ByRep)
        {
            writer.WriteStartObject();
            writer.WriteString("rep", rep);
            ProgressRatioConverter.Instance.WriteFields(writer, ratio, options);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartArray("byKind");
        foreach (var (kind, ratio) in value.ByKind)
        {
            writer.WriteStartObject();
            Name(writer, "kind", kind);
            ProgressRatioConverter.Instance.WriteFields(writer, ratio, options);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteNumber("unmatchedActivities", value.UnmatchedActivities);
    }
}
