using System.Text.Json;
using SalesPipeline.Health;
using static SalesPipeline.Json.Results.ResultFields;

namespace SalesPipeline.Json.Results.Health;

internal sealed class HealthFindingConverter : ResultConverter<HealthFinding>
{
    public static readonly HealthFindingConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, HealthFinding value, JsonSerializerOptions options)
    {
        Name(writer, "kind", value.Kind);
        Name(writer, "subject", value.Subject);
        Id(writer, "dealId", value.Deal);
        Id(writer, "leadId", value.Lead);
        writer.WriteString("stageId", value.StageId);
        writer.WriteString("owner", value.Owner);
        Decimal(writer, "measured", value.Measured);
        Decimal(writer, "threshold", value.Threshold);
        Name(writer, "unit", value.Unit);
        writer.WriteString("message", value.Message);
    }
}

// A deal's reasons are its findings' messages, so only the findings are written.
internal sealed class DealHealthConverter : ResultConverter<DealHealth>
{
    public static readonly DealHealthConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, DealHealth value, JsonSerializerOptions options)
    {
        Id(writer, "dealId", value.Deal);
        writer.WriteString("name", value.Name);
        writer.WriteString("owner", value.Owner);
        writer.WriteString("stageId", value.StageId);
        Money(writer, "amount", value.Amount);
        Decimal(writer, "probability", value.Probability);
        Money(writer, "weightedAmount", value.WeightedAmount);
        Array(writer, "findings", value.Findings, HealthFindingConverter.Instance, options);
    }
}

internal sealed class ReviewShortlistConverter : ResultConverter<ReviewShortlist>
{
    public static readonly ReviewShortlistConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, ReviewShortlist value, JsonSerializerOptions options)
    {
        writer.WriteString("owner", value.Owner);
        writer.WriteNumber("size", value.Size);
        writer.WriteNumber("atRiskDeals", value.AtRiskDeals);
        Money(writer, "weightedAtRisk", value.WeightedAtRisk);
        Array(writer, "deals", value.Deals, DealHealthConverter.Instance, options);
    }
}

internal sealed class CoverageResultConverter : ResultConverter<CoverageResult>
{
    public static readonly CoverageResultConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, CoverageResult value, JsonSerializerOptions options)
    {
        Period(writer, "period", value.Period);
        Money(writer, "target", value.Target);
        Money(writer, "wonSoFar", value.WonSoFar);
        Money(writer, "remainingTarget", value.RemainingTarget);
        Money(writer, "openPipeline", value.OpenPipeline);
        writer.WriteNumber("openDeals", value.OpenDeals);
        Decimal(writer, "winRate", value.WinRate);
        Decimal(writer, "requiredCoverage", value.RequiredCoverage);
        Decimal(writer, "coverage", value.Coverage);
        writer.WriteBoolean("isEnough", value.IsEnough);
    }
}

// Every finding once, each naming its deal, lead or stage; the deals with findings (HealthReport.Deals) are those
// findings grouped by deal, so they are not written again. The shortlist carries its deals with their findings.
internal sealed class HealthReportConverter : ResultConverter<HealthReport>
{
    public static readonly HealthReportConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, HealthReport value, JsonSerializerOptions options)
    {
        Instant(writer, "asOf", value.AsOf);
        Currency(writer, value.Currency);
        writer.WriteNumber("openDeals", value.OpenDeals);
        writer.WriteNumber("wonDeals", value.WonDeals);
        writer.WriteNumber("lostDeals", value.LostDeals);
        Duration(writer, "typicalWonCycle", value.TypicalWonCycle);
        Name(writer, "typicalCycleSource", value.TypicalCycleSource);
        Object(writer, "coverage", value.Coverage, CoverageResultConverter.Instance, options);
        Strings(writer, "skippedChecks", value.SkippedChecks);
        Array(writer, "findings", value.Findings, HealthFindingConverter.Instance, options);
        Object(writer, "shortlist", value.Shortlist, ReviewShortlistConverter.Instance, options);
    }
}
