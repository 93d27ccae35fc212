using System.Text.Json;
using SalesPipeline.Collections;
using static SalesPipeline.Json.Results.ResultFields;

namespace SalesPipeline.Json.Results.Collections;

internal sealed class AgingBucketsConverter : ResultConverter<AgingBuckets>
{
    public static readonly AgingBucketsConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, AgingBuckets value, JsonSerializerOptions options)
    {
        Strings(writer, "labels", value.Labels);
        writer.WriteStartArray("upperBounds");
        foreach (var bound in value.UpperBounds)
        {
            writer.WriteNumberValue(bound);
        }
        writer.WriteEndArray();
    }
}

// The amounts per bucket, in the order of the report's bucket labels.
internal sealed class AgingLineConverter : ResultConverter<AgingLine>
{
    public static readonly AgingLineConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, AgingLine value, JsonSerializerOptions options)
    {
        writer.WriteString("key", value.Key);
        writer.WriteStartArray("buckets");
        foreach (var amount in value.Buckets)
        {
            Values.ValueCodecs.Money.Write(writer, amount, ".buckets");
        }
        writer.WriteEndArray();
        Money(writer, "total", value.Total);
    }
}

internal sealed class AgingReportConverter : ResultConverter<AgingReport>
{
    public static readonly AgingReportConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, AgingReport value, JsonSerializerOptions options)
    {
        Date(writer, "asOf", value.AsOf);
        Currency(writer, value.Currency);
        Object(writer, "buckets", value.Buckets, AgingBucketsConverter.Instance, options);
        Object(writer, "total", value.Total, AgingLineConverter.Instance, options);
        Array(writer, "byCustomer", value.ByCustomer, AgingLineConverter.Instance, options);
        Array(writer, "byRep", value.ByRep, AgingLineConverter.Instance, options);
        Array(writer, "byTeam", value.ByTeam, AgingLineConverter.Instance, options);
    }
}

internal sealed class CashForecastLineConverter : ResultConverter<CashForecastLine>
{
    public static readonly CashForecastLineConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, CashForecastLine value, JsonSerializerOptions options)
    {
        writer.WriteString("label", value.Label);
        Period(writer, "period", value.Period);
        Money(writer, "scheduled", value.Scheduled);
        Money(writer, "wonNotScheduled", value.WonNotScheduled);
        Money(writer, "weightedPipeline", value.WeightedPipeline);
    }
}

// CashForecastReport.Lines is overdue, the periods, outside periods and undated in that order: written once each, by name.
internal sealed class CashForecastReportConverter : ResultConverter<CashForecastReport>
{
    public static readonly CashForecastReportConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, CashForecastReport value, JsonSerializerOptions options)
    {
        Date(writer, "asOf", value.AsOf);
        Currency(writer, value.Currency);
        Object(writer, "overdue", value.Overdue, CashForecastLineConverter.Instance, options);
        Array(writer, "periods", value.Periods, CashForecastLineConverter.Instance, options);
        Object(writer, "outsidePeriods", value.OutsidePeriods, CashForecastLineConverter.Instance, options);
        Object(writer, "undated", value.Undated, CashForecastLineConverter.Instance, options);
    }
}

internal sealed class ProgressLineConverter : ResultConverter<ProgressLine>
{
    public static readonly ProgressLineConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, ProgressLine value, JsonSerializerOptions options)
    {
        writer.WriteString("key", value.Key);
        Money(writer, "due", value.Due);
        Money(writer, "paidOnDue", value.PaidOnDue);
        Money(writer, "outstanding", value.Outstanding);
        Money(writer, "collected", value.Collected);
        Decimal(writer, "rate", value.Rate);
    }
}

internal sealed class CollectedCashRankConverter : ResultConverter<CollectedCashRank>
{
    public static readonly CollectedCashRankConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, CollectedCashRank value, JsonSerializerOptions options)
    {
        writer.WriteNumber("rank", value.Rank);
        writer.WriteString("id", value.Id);
        Money(writer, "collected", value.Collected);
    }
}

internal sealed class CollectionProgressReportConverter : ResultConverter<CollectionProgressReport>
{
    public static readonly CollectionProgressReportConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, CollectionProgressReport value, JsonSerializerOptions options)
    {
        Date(writer, "asOf", value.AsOf);
        Currency(writer, value.Currency);
        Object(writer, "total", value.Total, ProgressLineConverter.Instance, options);
        Array(writer, "byContract", value.ByContract, ProgressLineConverter.Instance, options);
        Array(writer, "byRep", value.ByRep, ProgressLineConverter.Instance, options);
        Array(writer, "byTeam", value.ByTeam, ProgressLineConverter.Instance, options);
        Array(writer, "repLeaderboard", value.RepLeaderboard, CollectedCashRankConverter.Instance, options);
        Array(writer, "teamLeaderboard", value.TeamLeaderboard, CollectedCashRankConverter.Instance, options);
    }
}

internal sealed class DaysSalesOutstandingConverter : ResultConverter<DaysSalesOutstanding>
{
    public static readonly DaysSalesOutstandingConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, DaysSalesOutstanding value, JsonSerializerOptions options)
    {
        Period(writer, "period", value.Period);
        Money(writer, "receivables", value.Receivables);
        Money(writer, "billed", value.Billed);
        writer.WriteNumber("days", value.Days);
        Decimal(writer, "value", value.Value);
    }
}
