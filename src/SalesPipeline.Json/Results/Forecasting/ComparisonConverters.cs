using System.Linq;
using System.Text.Json;
using SalesPipeline.Forecasting;
using static SalesPipeline.Json.Results.ResultFields;

namespace SalesPipeline.Json.Results.Forecasting;

internal sealed class DealComparisonConverter : ResultConverter<DealComparison>
{
    public static readonly DealComparisonConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, DealComparison value, JsonSerializerOptions options)
    {
        Id(writer, "dealId", value.DealId);
        writer.WriteString("name", value.Name);
        writer.WriteString("owner", value.Owner);
        writer.WriteString("stageId", value.StageId);
        Money(writer, "amount", value.Amount);
        Decimal(writer, "probability", value.Probability.Value);
        Name(writer, "probabilitySource", value.Probability.Source);
        Name(writer, "category", value.Category.Value);
        Name(writer, "categorySource", value.Category.Source);
        Money(writer, "weighted", value.Weighted);
        Decimal(writer, "disagreement", value.Disagreement);
    }
}

// Disagreements are a subset of the deals, so they are written as the ids of those deals, in their order.
internal sealed class ForecastComparisonConverter : ResultConverter<ForecastComparison>
{
    public static readonly ForecastComparisonConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, ForecastComparison value, JsonSerializerOptions options)
    {
        Currency(writer, value.Currency);
        Array(writer, "deals", value.Deals, DealComparisonConverter.Instance, options);
        Strings(writer, "disagreements", value.Disagreements.Select(d => d.DealId.ToString()));
    }
}
