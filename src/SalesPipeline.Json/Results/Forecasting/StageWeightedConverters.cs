using System.Text.Json;
using SalesPipeline.Forecasting;
using static SalesPipeline.Json.Results.ResultFields;

namespace SalesPipeline.Json.Results.Forecasting;

internal sealed class WeightedLineConverter : ResultConverter<WeightedLine>
{
    public static readonly WeightedLineConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, WeightedLine value, JsonSerializerOptions options)
    {
        writer.WriteString("label", value.Label);
        Period(writer, "period", value.Period);
        writer.WriteString("owner", value.Owner);
        writer.WriteString("teamId", value.TeamId);
        writer.WriteNumber("openDeals", value.OpenDeals);
        Money(writer, "openAmount", value.OpenAmount);
        Money(writer, "weighted", value.Weighted);
        writer.WriteNumber("wonDeals", value.WonDeals);
        Money(writer, "won", value.Won);
        Money(writer, "expected", value.Expected);
    }
}

internal sealed class StageWeightedForecastConverter : ResultConverter<StageWeightedForecast>
{
    public static readonly StageWeightedForecastConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, StageWeightedForecast value, JsonSerializerOptions options)
    {
        Currency(writer, value.Currency);
        Array(writer, "periods", value.Periods, WeightedLineConverter.Instance, options);
        Object(writer, "overdue", value.Overdue, WeightedLineConverter.Instance, options);
        Object(writer, "outsidePeriods", value.OutsidePeriods, WeightedLineConverter.Instance, options);
        Object(writer, "total", value.Total, WeightedLineConverter.Instance, options);
        Array(writer, "byOwner", value.ByOwner, WeightedLineConverter.Instance, options);
        Array(writer, "byTeam", value.ByTeam, WeightedLineConverter.Instance, options);
    }
}
