using System.Text.Json;
using SalesPipeline.Targets;
using static SalesPipeline.Json.Results.ResultFields;

namespace SalesPipeline.Json.Results.Targets;

internal sealed class QuotaConverter : ResultConverter<Quota>
{
    public static readonly QuotaConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, Quota value, JsonSerializerOptions options)
    {
        Name(writer, "level", value.Level);
        writer.WriteString("subjectId", value.SubjectId);
        Period(writer, "period", value.Period);
        Money(writer, "target", value.Target);
    }
}

internal sealed class QuotaPlanConverter : ResultConverter<QuotaPlan>
{
    public static readonly QuotaPlanConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, QuotaPlan value, JsonSerializerOptions options)
    {
        Object(writer, "annual", value.Annual, QuotaConverter.Instance, options);
        Array(writer, "quarters", value.Quarters, QuotaConverter.Instance, options);
        Array(writer, "months", value.Months, QuotaConverter.Instance, options);
        Array(writer, "weeks", value.Weeks, QuotaConverter.Instance, options);
    }
}

internal sealed class QuotaAssignmentConverter : ResultConverter<QuotaAssignment>
{
    public static readonly QuotaAssignmentConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, QuotaAssignment value, JsonSerializerOptions options)
    {
        Object(writer, "team", value.Team, QuotaConverter.Instance, options);
        Array(writer, "people", value.People, QuotaConverter.Instance, options);
        Money(writer, "assigned", value.Assigned);
        Money(writer, "difference", value.Difference);
        writer.WriteBoolean("addsUp", value.AddsUp);
        Decimal(writer, "ratio", value.Ratio);
    }
}

// A line's quota (level, subject, period, target) sits beside its figures in one object.
internal sealed class AttainmentLineConverter : ResultConverter<AttainmentLine>
{
    public static readonly AttainmentLineConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, AttainmentLine value, JsonSerializerOptions options)
    {
        QuotaConverter.Instance.WriteFields(writer, value.Quota, options);
        writer.WriteNumber("wonDeals", value.WonDeals);
        Money(writer, "won", value.Won);
        Decimal(writer, "completionRate", value.CompletionRate);
        Money(writer, "gap", value.Gap);
        Money(writer, "remaining", value.Remaining);
        writer.WriteNumber("openDeals", value.OpenDeals);
        Money(writer, "openPipeline", value.OpenPipeline);
        Money(writer, "weightedPipeline", value.WeightedPipeline);
        Money(writer, "projected", value.Projected);
        Decimal(writer, "coverage", value.Coverage);
        Decimal(writer, "requiredCoverage", value.RequiredCoverage);
        Decimal(writer, "coverageGap", value.CoverageGap);
        Money(writer, "pipelineGap", value.PipelineGap);
    }
}

internal sealed class AttainmentReportConverter : ResultConverter<AttainmentReport>
{
    public static readonly AttainmentReportConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, AttainmentReport value, JsonSerializerOptions options)
    {
        Currency(writer, value.Currency);
        Date(writer, "asOf", value.AsOf);
        Decimal(writer, "winRate", value.WinRate);
        Array(writer, "lines", value.Lines, AttainmentLineConverter.Instance, options);
    }
}
