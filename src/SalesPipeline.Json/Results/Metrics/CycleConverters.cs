using System.Text.Json;
using SalesPipeline.Metrics;
using static SalesPipeline.Json.Results.ResultFields;

namespace SalesPipeline.Json.Results.Metrics;

internal sealed class SurvivalPointConverter : ResultConverter<SurvivalPoint>
{
    public static readonly SurvivalPointConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, SurvivalPoint value, JsonSerializerOptions options)
    {
        Number(writer, "time", value.Time);
        writer.WriteNumber("atRisk", value.AtRisk);
        writer.WriteNumber("events", value.Events);
        writer.WriteNumber("censored", value.Censored);
        Number(writer, "survival", value.Survival);
        Number(writer, "standardError", value.StandardError);
        Number(writer, "lower", value.Lower);
        Number(writer, "upper", value.Upper);
    }
}

internal sealed class KaplanMeierCurveConverter : ResultConverter<KaplanMeierCurve>
{
    public static readonly KaplanMeierCurveConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, KaplanMeierCurve value, JsonSerializerOptions options)
    {
        writer.WriteNumber("observations", value.Observations);
        writer.WriteNumber("events", value.Events);
        writer.WriteNumber("censored", value.Censored);
        writer.WriteNumber("confidence", value.Confidence);
        Name(writer, "interval", value.Interval);
        Number(writer, "median", value.Median);
        Number(writer, "medianLower", value.MedianLower);
        Number(writer, "medianUpper", value.MedianUpper);
        Number(writer, "largestTime", value.LargestTime);
        Array(writer, "points", value.Points, SurvivalPointConverter.Instance, options);
    }
}

internal sealed class SalesCycleConverter : ResultConverter<SalesCycle>
{
    public static readonly SalesCycleConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, SalesCycle value, JsonSerializerOptions options)
    {
        Instant(writer, "asOf", value.AsOf);
        Name(writer, "outcome", value.Options.Outcome);
        writer.WriteNumber("deals", value.Deals);
        writer.WriteNumber("closed", value.Closed);
        writer.WriteNumber("censored", value.Censored);
        writer.WriteNumber("notYetCreated", value.NotYetCreated);
        Number(writer, "medianDays", value.MedianDays);
        Number(writer, "medianLowerDays", value.MedianLowerDays);
        Number(writer, "medianUpperDays", value.MedianUpperDays);
        Number(writer, "tauDays", value.TauDays);
        Number(writer, "restrictedMeanDays", value.RestrictedMeanDays);
        writer.WriteNumber("wonDeals", value.WonDeals);
        Number(writer, "naiveMeanWonDays", value.NaiveMeanWonDays);
        Object(writer, "curve", value.Curve, KaplanMeierCurveConverter.Instance, options);
    }
}
