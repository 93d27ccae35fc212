using System.Text.Json;
using SalesPipeline.Metrics;
using static SalesPipeline.Json.Results.ResultFields;

namespace SalesPipeline.Json.Results.Metrics;

internal sealed class SalesVelocityConverter : ResultConverter<SalesVelocity>
{
    public static readonly SalesVelocityConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, SalesVelocity value, JsonSerializerOptions options)
    {
        Period(writer, "window", value.Window, options);
        Name(writer, "breakdown", value.Breakdown);
        writer.WriteString("group", value.Group);
        Currency(writer, value.Currency, options);
        writer.WriteNumber("openDeals", value.OpenDeals);
        writer.WriteNumber("wonDeals", value.WonDeals);
        writer.WriteNumber("lostDeals", value.LostDeals);
        Money(writer, "wonAmount", value.WonAmount, options);
        Money(writer, "averageWonAmount", value.AverageWonAmount, options);
        Number(writer, "winRate", value.WinRate);
        Number(writer, "averageCycleDays", value.AverageCycleDays);
        Money(writer, "perDay", value.PerDay, options);
        writer.WriteString("reason", value.Reason);
    }
}

internal sealed class VelocityComparisonConverter : ResultConverter<VelocityComparison>
{
    public static readonly VelocityComparisonConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, VelocityComparison value, JsonSerializerOptions options)
    {
        Currency(writer, value.Currency, options);
        Object(writer, "before", value.Before, SalesVelocityConverter.Instance, options);
        Object(writer, "after", value.After, SalesVelocityConverter.Instance, options);
        Money(writer, "change", value.Change, options);
        Money(writer, "openDeals", value.OpenDeals, options);
        Money(writer, "averageWonAmount", value.AverageWonAmount, options);
        Money(writer, "winRate", value.WinRate, options);
        Money(writer, "cycleLength", value.CycleLength, options);
        writer.WriteString("reason", value.Reason);
    }
}
