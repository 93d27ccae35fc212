using System.Text.Json;
using SalesPipeline.Forecasting;
using static SalesPipeline.Json.Results.ResultFields;

namespace SalesPipeline.Json.Results.Forecasting;

internal sealed class DistributionPointConverter : ResultConverter<DistributionPoint>
{
    public static readonly DistributionPointConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, DistributionPoint value, JsonSerializerOptions options)
    {
        Money(writer, "value", value.Value);
        Number(writer, "probability", value.Probability);
        Number(writer, "cumulative", value.Cumulative);
    }
}

// The summary and percentiles of the distribution, not its grid of points (thousands for a large pipeline): a
// dashboard shows the percentiles; the points, when wanted, are written one by one with the same options.
internal sealed class RevenueDistributionConverter : ResultConverter<RevenueDistribution>
{
    public static readonly RevenueDistributionConverter Instance = new();

    // The percentiles written, as probabilities: Percentile(p) is the value V with P(revenue <= V) >= p.
    internal static readonly double[] Percentiles = [0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95];

    internal override void WriteFields(Utf8JsonWriter writer, RevenueDistribution value, JsonSerializerOptions options)
    {
        Period(writer, "period", value.Period);
        Currency(writer, value.Currency);
        Name(writer, "method", value.Method);
        writer.WriteNumber("dealCount", value.DealCount);
        writer.WriteNumber("wonDealCount", value.WonDealCount);
        writer.WriteNumber("overdueDealsExcluded", value.OverdueDealsExcluded);
        Money(writer, "wonAmount", value.WonAmount);
        Money(writer, "mean", value.Mean);
        Number(writer, "variance", value.Variance);
        Number(writer, "standardDeviation", value.StandardDeviation);
        writer.WriteStartArray("percentiles");
        foreach (var p in Percentiles)
        {
            writer.WriteStartObject();
            writer.WriteNumber("p", p);
            Money(writer, "value", value.Percentile(p));
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        Money(writer, "gridStep", value.GridStep);
        Money(writer, "errorBound", value.ErrorBound);
        Number(writer, "trials", value.Trials);
        Money(writer, "sampleMean", value.SampleMean);
        Number(writer, "standardError", value.StandardError);
    }
}
