using System.Text.Json;
using SalesPipeline.Metrics;
using static SalesPipeline.Json.Results.ResultFields;

namespace SalesPipeline.Json.Results.Metrics;

internal sealed class CustomerLineConverter : ResultConverter<CustomerLine>
{
    public static readonly CustomerLineConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, CustomerLine value, JsonSerializerOptions options)
    {
        writer.WriteString("accountId", value.AccountId);
        writer.WriteString("name", value.Name);
        writer.WriteNumber("wonDeals", value.WonDeals);
        Money(writer, "won", value.Won);
        writer.WriteNumber("openDeals", value.OpenDeals);
        Money(writer, "openPipeline", value.OpenPipeline);
        writer.WriteNumber("stoppedDeals", value.StoppedDeals);
        Money(writer, "stopped", value.Stopped);
        writer.WriteNumber("schedules", value.Schedules);
        Money(writer, "collected", value.Collected);
        Money(writer, "outstanding", value.Outstanding);
    }
}

internal sealed class CustomerReportConverter : ResultConverter<CustomerReport>
{
    public static readonly CustomerReportConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, CustomerReport value, JsonSerializerOptions options)
    {
        Date(writer, "asOf", value.AsOf);
        Currency(writer, value.Currency);
        Array(writer, "lines", value.Lines, CustomerLineConverter.Instance, options);
    }
}

internal sealed class ConflictingDealConverter : ResultConverter<ConflictingDeal>
{
    public static readonly ConflictingDealConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, ConflictingDeal value, JsonSerializerOptions options)
    {
        Id(writer, "deal", value.Deal);
        writer.WriteString("name", value.Name);
        writer.WriteString("owner", value.Owner);
        writer.WriteString("product", value.Product);
        writer.WriteString("stageId", value.StageId);
        Money(writer, "amount", value.Amount);
    }
}

internal sealed class DealConflictConverter : ResultConverter<DealConflict>
{
    public static readonly DealConflictConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, DealConflict value, JsonSerializerOptions options)
    {
        writer.WriteString("accountId", value.AccountId);
        writer.WriteString("customerName", value.CustomerName);
        writer.WriteString("product", value.Product);
        Strings(writer, "owners", value.Owners);
        Array(writer, "deals", value.Deals, ConflictingDealConverter.Instance, options);
    }
}

internal sealed class DealConflictReportConverter : ResultConverter<DealConflictReport>
{
    public static readonly DealConflictReportConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, DealConflictReport value, JsonSerializerOptions options) =>
        Array(writer, "conflicts", value.Conflicts, DealConflictConverter.Instance, options);
}

internal sealed class PooledItemConverter : ResultConverter<PooledItem>
{
    public static readonly PooledItemConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, PooledItem value, JsonSerializerOptions options)
    {
        writer.WriteString("teamId", value.TeamId);
        Id(writer, "deal", value.Deal);
        Id(writer, "lead", value.Lead);
        writer.WriteString("name", value.Name);
        Instant(writer, "inPoolSince", value.InPoolSince);
        Duration(writer, "waiting", value.Waiting);
        Money(writer, "amount", value.Amount);
    }
}

internal sealed class PoolLineConverter : ResultConverter<PoolLine>
{
    public static readonly PoolLineConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, PoolLine value, JsonSerializerOptions options)
    {
        writer.WriteString("teamId", value.TeamId);
        writer.WriteNumber("deals", value.Deals);
        writer.WriteNumber("leads", value.Leads);
        Money(writer, "dealValue", value.DealValue);
        Duration(writer, "oldest", value.Oldest);
        Duration(writer, "medianWait", value.MedianWait);
        Array(writer, "items", value.Items, PooledItemConverter.Instance, options);
    }
}

internal sealed class PoolReportConverter : ResultConverter<PoolReport>
{
    public static readonly PoolReportConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, PoolReport value, JsonSerializerOptions options)
    {
        Instant(writer, "asOf", value.AsOf);
        Currency(writer, value.Currency);
        Array(writer, "pools", value.Pools, PoolLineConverter.Instance, options);
    }
}
