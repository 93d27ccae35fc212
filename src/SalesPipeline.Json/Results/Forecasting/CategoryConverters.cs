using System.Text.Json;
using SalesPipeline.Forecasting;
using static SalesPipeline.Json.Results.ResultFields;

namespace SalesPipeline.Json.Results.Forecasting;

internal sealed class CategoryAmountsConverter : ResultConverter<CategoryAmounts>
{
    public static readonly CategoryAmountsConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, CategoryAmounts value, JsonSerializerOptions options)
    {
        Money(writer, "closed", value.Closed, options);
        Money(writer, "commit", value.Commit, options);
        Money(writer, "bestCase", value.BestCase, options);
        Money(writer, "pipeline", value.Pipeline, options);
        Money(writer, "omitted", value.Omitted, options);
        Money(writer, "commitCumulative", value.CommitCumulative, options);
        Money(writer, "bestCaseCumulative", value.BestCaseCumulative, options);
        Money(writer, "openPipeline", value.OpenPipeline, options);
    }
}

internal sealed class CategoryAdjustmentConverter : ResultConverter<CategoryAdjustment>
{
    public static readonly CategoryAdjustmentConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, CategoryAdjustment value, JsonSerializerOptions options)
    {
        writer.WriteString("subjectId", value.SubjectId);
        Period(writer, "period", value.Period, options);
        Name(writer, "category", value.Category);
        Money(writer, "amount", value.Amount, options);
        writer.WriteString("by", value.By);
        Instant(writer, "at", value.At, options);
        writer.WriteString("note", value.Note);
    }
}

internal sealed class CategoryLineConverter : ResultConverter<CategoryLine>
{
    public static readonly CategoryLineConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, CategoryLine value, JsonSerializerOptions options)
    {
        Period(writer, "period", value.Period, options);
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
        Currency(writer, value.Currency, options);
        Array(writer, "lines", value.Lines, CategoryLineConverter.Instance, options);
        Object(writer, "overdue", value.Overdue, CategoryAmountsConverter.Instance, options);
        Array(writer, "adjustments", value.Adjustments, CategoryAdjustmentConverter.Instance, options);
    }
}
