using System.Text.Json;
using SalesPipeline.Forecasting;
using static SalesPipeline.Json.Results.ResultFields;

namespace SalesPipeline.Json.Results.Forecasting;

internal sealed class BacktestRowConverter : ResultConverter<BacktestRow>
{
    public static readonly BacktestRowConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, BacktestRow value, JsonSerializerOptions options)
    {
        Date(writer, "forecastDate", value.ForecastDate, options);
        Period(writer, "period", value.Period, options);
        Money(writer, "actual", value.Actual, options);
        Money(writer, "stageWeighted", value.StageWeighted, options);
        Money(writer, "commitCumulative", value.CommitCumulative, options);
        Money(writer, "bestCaseCumulative", value.BestCaseCumulative, options);
        Money(writer, "pipelineCumulative", value.PipelineCumulative, options);
        Money(writer, "p10", value.P10, options);
        Money(writer, "p50", value.P50, options);
        Money(writer, "p90", value.P90, options);
        writer.WriteBoolean("withinP10ToP90", value.WithinP10ToP90);
    }
}

internal sealed class MethodAccuracyConverter : ResultConverter<MethodAccuracy>
{
    public static readonly MethodAccuracyConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, MethodAccuracy value, JsonSerializerOptions options)
    {
        writer.WriteString("method", value.Method);
        writer.WriteNumber("bias", value.Bias);
        writer.WriteNumber("meanAbsoluteError", value.MeanAbsoluteError);
        Number(writer, "rootMeanSquaredError", value.RootMeanSquaredError);
    }
}

internal sealed class BacktestResultConverter : ResultConverter<BacktestResult>
{
    public static readonly BacktestResultConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, BacktestResult value, JsonSerializerOptions options)
    {
        Currency(writer, value.Currency, options);
        Array(writer, "rows", value.Rows, BacktestRowConverter.Instance, options);
        Array(writer, "methods", value.Methods, MethodAccuracyConverter.Instance, options);
        Number(writer, "p10ToP90Coverage", value.P10ToP90Coverage);
    }
}
