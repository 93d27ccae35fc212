using System.Text.Json;
using SalesPipeline.Forecasting;
using static SalesPipeline.Json.Results.ResultFields;

namespace SalesPipeline.Json.Results.Forecasting;

internal sealed class BacktestRowConverter : ResultConverter<BacktestRow>
{
    public static readonly BacktestRowConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, BacktestRow value, JsonSerializerOptions options)
    {
        Date(writer, "forecastDate", value.ForecastDate);
        Period(writer, "period", value.Period);
        Money(writer, "actual", value.Actual);
        Money(writer, "stageWeighted", value.StageWeighted);
        Money(writer, "commitCumulative", value.CommitCumulative);
        Money(writer, "bestCaseCumulative", value.BestCaseCumulative);
        Money(writer, "pipelineCumulative", value.PipelineCumulative);
        Money(writer, "p10", value.P10);
        Money(writer, "p50", value.P50);
        Money(writer, "p90", value.P90);
        writer.WriteBoolean("withinP10ToP90", value.WithinP10ToP90);
    }
}

internal sealed class MethodAccuracyConverter : ResultConverter<MethodAccuracy>
{
    public static readonly MethodAccuracyConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, MethodAccuracy value, JsonSerializerOptions options)
    {
        writer.WriteString("method", value.Method);
        Decimal(writer, "bias", value.Bias);
        Decimal(writer, "meanAbsoluteError", value.MeanAbsoluteError);
        Number(writer, "rootMeanSquaredError", value.RootMeanSquaredError);
    }
}

internal sealed class BacktestResultConverter : ResultConverter<BacktestResult>
{
    public static readonly BacktestResultConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, BacktestResult value, JsonSerializerOptions options)
    {
        Currency(writer, value.Currency);
        Array(writer, "rows", value.Rows, BacktestRowConverter.Instance, options);
        Array(writer, "methods", value.Methods, MethodAccuracyConverter.Instance, options);
        Number(writer, "p10ToP90Coverage", value.P10ToP90Coverage);
    }
}
