using System.Text.Json;
using SalesPipeline.Forecasting;
using static SalesPipeline.Json.Results.ResultFields;

namespace SalesPipeline.Json.Results.Forecasting;

internal sealed class CategoryAmountsConverter : ResultConverter<CategoryAmounts>
{
    public static readonly CategoryAmountsConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, CategoryAmounts value, JsonSerializerOptions options)
    {
        Money(writer, "closed", value.Closed);
        Money(writer, "commit", value.Commit);
        Money(writer, "bestCase", value.BestCase);
        Money(writer, "pipeline", value.Pipeline);
        Money(writer, "omitted", value.Omitted);
        Money(writer, "commitCumulative", value.CommitCumulative);
        Money(writer, "bestCaseCumulative", value.BestCaseCumulative);
        Money(writer, "openPipeline", value.OpenPipeline);
    }
}

internal sealed class CategoryAdjustmentConverter : ResultConverter<CategoryAdjustment>
{
    public static readonly CategoryAdjustmentConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, CategoryAdjustment value, JsonSerializerOptions options)
    {
        writer.WriteString("subjectId", value.SubjectId);
        Period(writer, "period", value.Period);
        Name(writer, "category", value.Category);
        Money(writer, "amount", value.Amount);
        writer.WriteString("by", value.By);
        Instant(writer, "at", value.At);
        writer.WriteString("note", value.Note);
    }
}

internal sealed class CategoryLineConverter : ResultConverter<CategoryLine>
{
    public static readonly CategoryLineConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, CategoryLine value, JsonSerializerOptions options)
    {
        Period(writer, "period", value.Period);
        Name(writer, "kind", value.Kind);
        writer.WriteString("id", value.Id);
        writer.WriteString("parentId", value.ParentId);
        Object(writer, "gross", value.Gross, CategoryAmountsConverter.Instance, options);
        Object(writer, "adjusted", value.Adjusted, CategoryAmountsConverter.Instance, options);
        Array(writer, "adjustments", value.Adjustments, CategoryAdjustmentConverter.Instance, options);
    }
}

internal sealed class CategoryForecastConverter : ResultConverter<CategoryForecast>
{
    public static readonly CategoryForecastConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, CategoryForecast value, JsonSerializerOptions options)
    {
        Currency(writer, value.Currency);
        Array(writer, "lines", value.Lines, CategoryLineConverter.Instance, options);
        Object(writer, "overdue", value.Overdue, CategoryAmountsConverter.Instance, options);
        Array(writer, "adjustments", value.Adjustments, CategoryAdjustmentConverter.Instance, options);
    }
}
