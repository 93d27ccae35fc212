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
        Money(writer, "amount", value.Amount, options);
        Struct(writer, "dueOn", value.DueOn, options);
        writer.WriteString("milestone", value.Milestone);
        Money(writer, "paid", value.Paid, options);
        Name(writer, "state", value.State);
        writer.WriteNumber("daysOverdue", value.DaysOverdue);
        Money(writer, "remaining", value.Remaining, options);
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
        Struct(writer, "dealId", value.Contract?.Deal, options);
        Date(writer, "asOf", value.AsOf, options);
        Money(writer, "total", value.Total, options);
        Money(writer, "billed", value.Billed, options);
        Money(writer, "allocated", value.Allocated, options);
        Money(writer, "received", value.Received, options);
        Money(writer, "refunded", value.Refunded, options);
        Money(writer, "reversed", value.Reversed, options);
        Money(writer, "credit", value.Credit, options);
        Money(writer, "outstanding", value.Outstanding, options);
        Money(writer, "overdue", value.Overdue, options);
        Money(writer, "costs", value.Costs, options);
        Money(writer, "collected", value.Collected, options);
        Money(writer, "remaining", value.Remaining, options);
        Money(writer, "collectedLessCosts", value.CollectedLessCosts, options);
        Array(writer, "instalments", value.Instalments, InstalmentStatusConverter.Instance, options);
    }
}
