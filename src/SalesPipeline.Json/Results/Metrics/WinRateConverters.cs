using System.Text.Json;
using SalesPipeline.Metrics;
using static SalesPipeline.Json.Results.ResultFields;

namespace SalesPipeline.Json.Results.Metrics;

internal sealed class WinRateResultConverter : ResultConverter<WinRateResult>
{
    public static readonly WinRateResultConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, WinRateResult value, JsonSerializerOptions options)
    {
        Name(writer, "definition", value.Definition);
        writer.WriteNumber("won", value.Won);
        writer.WriteNumber("lost", value.Lost);
        writer.WriteNumber("open", value.Open);
        writer.WriteNumber("decided", value.Decided);
        writer.WriteNumber("trials", value.Trials);
        Decimal(writer, "countRate", value.CountRate);
        Interval(writer, "countInterval", value.CountInterval);
        Money(writer, "wonValue", value.WonValue);
        Money(writer, "lostValue", value.LostValue);
        Money(writer, "openValue", value.OpenValue);
        Decimal(writer, "valueRate", value.ValueRate);
    }
}

internal sealed class WinRateLineConverter : ResultConverter<WinRateLine>
{
    public static readonly WinRateLineConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, WinRateLine value, JsonSerializerOptions options)
    {
        writer.WriteString("key", value.Key);
        Object(writer, "rate", value.Rate, WinRateResultConverter.Instance, options);
    }
}

internal sealed class WinRateTableConverter : ResultConverter<WinRateTable>
{
    public static readonly WinRateTableConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, WinRateTable value, JsonSerializerOptions options)
    {
        Object(writer, "total", value.Total, WinRateResultConverter.Instance, options);
        Array(writer, "lines", value.Lines, WinRateLineConverter.Instance, options);
    }
}
