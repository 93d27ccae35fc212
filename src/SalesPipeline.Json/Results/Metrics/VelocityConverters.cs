using System.Text.Json;
using SalesPipeline.Metrics;
using static SalesPipeline.Json.Results.ResultFields;

namespace SalesPipeline.Json.Results.Metrics;

internal sealed class SalesVelocityConverter : ResultConverter<SalesVelocity>
{
    public static readonly SalesVelocityConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, SalesVelocity value, JsonSerializerOptions options)
    {
        Period(writer, "window", value.Window);
        Name(writer, "breakdown", value.Breakdown);
        writer.WriteString("group", value.Group);
        Currency(writer, value.Currency);
        writer.WriteNumber("openDeals", value.OpenDeals);
        writer.WriteNumber("wonDeals", value.WonDeals);
        writer.WriteNumber("lostDeals", value.LostDeals);
        Money(writer, "wonAmount", value.WonAmount);
        Money(writer, "averageWonAmount", value.AverageWonAmount);
        Decimal(writer, "winRate", value.WinRate);
        Decimal(writer, "averageCycleDays", value.AverageCycleDays);
        Money(writer, "perDay", value.PerDay);
        writer.WriteString("reason", value.Reason);
    }
}

internal sealed class VelocityComparisonConverter : ResultConverter<VelocityComparison>
{
    public static readonly VelocityComparisonConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, VelocityComparison value, JsonSerializerOptions options)
    {
        Currency(writer, value.Currency);
        Object(writer, "before", value.Before, SalesVelocityConverter.Instance, options);
        Object(writer, "after", value.After, SalesVelocityConverter.Instance, options);
        Money(writer, "change", value.Change);
        Money(writer, "openDeals", value.OpenDeals);
        Money(writer, "averageWonAmount", value.AverageWonAmount);
        Money(writer, "winRate", value.WinRate);
        Money(writer, "cycleLength", value.CycleLength);
        writer.WriteString("reason", value.Reason);
    }
}
