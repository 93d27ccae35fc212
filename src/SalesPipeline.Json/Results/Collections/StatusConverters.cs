using System.Text.Json;
using SalesPipeline.Collections;
using static SalesPipeline.Json.Results.ResultFields;

namespace SalesPipeline.Json.Results.Collections;

internal sealed class InstalmentStatusConverter : ResultConverter<InstalmentStatus>
{
    public static readonly InstalmentStatusConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, InstalmentStatus value, JsonSerializerOptions options)
    {
        writer.WriteNumber("number", value.Number);
        Money(writer, "amount", value.Amount);
        Date(writer, "dueOn", value.DueOn);
        writer.WriteString("milestone", value.Milestone);
        Money(writer, "paid", value.Paid);
        Name(writer, "state", value.State);
        writer.WriteNumber("daysOverdue", value.DaysOverdue);
        Money(writer, "remaining", value.Remaining);
    }
}

// The status of one schedule on a date; its contract's fields (null for a schedule without one) sit at the top.
internal sealed class CollectionStatusConverter : ResultConverter<CollectionStatus>
{
    public static readonly CollectionStatusConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, CollectionStatus value, JsonSerializerOptions options)
    {
        writer.WriteString("contractId", value.Contract?.ContractId);
        writer.WriteString("customer", value.Contract?.Customer);
        writer.WriteString("owner", value.Contract?.Owner);
        Id(writer, "dealId", value.Contract?.Deal);
        Date(writer, "asOf", value.AsOf);
        Money(writer, "total", value.Total);
        Money(writer, "billed", value.Billed);
        Money(writer, "allocated", value.Allocated);
        Money(writer, "received", value.Received);
        Money(writer, "refunded", value.Refunded);
        Money(writer, "reversed", value.Reversed);
        Money(writer, "credit", value.Credit);
        Money(writer, "outstanding", value.Outstanding);
        Money(writer, "overdue", value.Overdue);
        Money(writer, "costs", value.Costs);
        Money(writer, "collected", value.Collected);
        Money(writer, "remaining", value.Remaining);
        Money(writer, "collectedLessCosts", value.CollectedLessCosts);
        Array(writer, "instalments", value.Instalments, InstalmentStatusConverter.Instance, options);
    }
}
